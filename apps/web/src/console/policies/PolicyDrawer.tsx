import { Button, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApiPath } from '../../shared/use-api';
import type { Policy } from './policy-types';
import { policiesMessages } from './policies.messages';

/** One policy's full text, with a ready-to-paste quotation and (for admins) an edit button. */
export function PolicyDrawer({ id, canEdit, onEdit, onClose, onCopied }: { id: string; canEdit: boolean; onEdit: (p: Policy) => void; onClose: () => void; onCopied: () => void }) {
  const t = useT(policiesMessages);
  const { data, error, loading, reload } = useApiPath<Policy>(`/api/policies/${id}`);
  const copy = async () => {
    const { text } = await api.get<{ text: string }>(`/api/policies/${id}/quote`);
    await navigator.clipboard?.writeText(text).catch(() => undefined);
    onCopied();
  };
  return (
    <Drawer
      open
      size="large"
      title={data?.title}
      onClose={onClose}
      extra={
        data && (
          <Space>
            <Button onClick={copy}>{t('copyQuote')}</Button>
            {canEdit && <Button type="primary" onClick={() => onEdit(data)}>{t('edit')}</Button>}
          </Space>
        )
      }
      styles={{ wrapper: { maxWidth: '100vw' } }}
    >
      {error ? (
        <PageError error={error} onRetry={reload} />
      ) : loading || !data ? (
        <PageLoading />
      ) : (
        <>
          <Descriptions size="small" column={1} items={[
            { key: 'kind', label: t('kind'), children: <><Tag color={data.kind === 'policy' ? 'blue' : 'green'}>{t(`kind.${data.kind}`)}</Tag>{!data.isActive && <Tag>{t('withdrawn')}</Tag>}</> },
            ...(data.source ? [{ key: 'source', label: t('source'), children: data.source }] : []),
            ...(data.publishedAt ? [{ key: 'published', label: t('publishedAt'), children: data.publishedAt }] : []),
            ...(data.categoryCode ? [{ key: 'category', label: t('category'), children: data.categoryCode }] : []),
          ]} />
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }}>{data.body}</Typography.Paragraph>
        </>
      )}
    </Drawer>
  );
}
