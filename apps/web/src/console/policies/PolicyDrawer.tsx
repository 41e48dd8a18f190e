import type { PolicyView } from '@lianxin/core';
import { Button, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { policiesMessages } from './policies.messages';

/** One policy's full text, with a ready-to-paste quotation and (for admins) an edit button. */
export function PolicyDrawer({ id, canEdit, onEdit, onClose, onCopied }: { id: string; canEdit: boolean; onEdit: (p: PolicyView) => void; onClose: () => void; onCopied: () => void }) {
  const t = useT(policiesMessages);
  const { data, error, loading, reload } = useApi('GET /api/policies/:id', { params: { id } });
  const copy = async () => {
    const { text } = await call('GET /api/policies/:id/quote', { params: { id } });
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
