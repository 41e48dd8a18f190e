import { Button, Card, Drawer, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { useApi } from '../shared/use-api';
import { portalMessages } from './portal.messages';
import { PortalEmpty, PortalError, PortalLoading } from './PortalState';

/** Published policies with search; a tap opens the full text. */
export default function PoliciesPage() {
  const t = useT(portalMessages);
  const [q, setQ] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useApi('GET /api/public/policies', { query: { q: q || undefined, limit: 50 } });
  const policy = useApi('GET /api/public/policies/:id', openId ? { params: { id: openId } } : null);

  return (
    <Card size="small" title={t('policiesTitle')}>
      <Input.Search placeholder={t('searchPolicies')} allowClear enterButton onSearch={(v) => setQ(v.trim())} style={{ marginBottom: 12 }} />
      {list.loading ? (
        <PortalLoading />
      ) : list.error ? (
        <PortalError error={list.error} onRetry={list.reload} />
      ) : !list.data?.items.length ? (
        <PortalEmpty />
      ) : (
        <List
          dataSource={list.data.items}
          renderItem={(p) => (
            <List.Item onClick={() => setOpenId(p.id)} style={{ cursor: 'pointer', display: 'block' }}>
              <Typography.Text strong>{p.title}</Typography.Text>
              <div style={{ fontSize: 12, color: '#595959' }}>{[p.source, p.publishedAt].filter(Boolean).join(' · ')}</div>
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                {p.excerpt}
              </Typography.Paragraph>
            </List.Item>
          )}
        />
      )}
      <Drawer open={!!openId} onClose={() => setOpenId(null)} placement="bottom" size="large" title={policy.data?.title} extra={<Button onClick={() => setOpenId(null)}>{t('back')}</Button>}>
        {policy.loading ? <PortalLoading /> : <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{policy.data?.body}</Typography.Paragraph>}
      </Drawer>
    </Card>
  );
}
