import { Button, Card, Drawer, List, Table, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { useApi } from '../shared/use-api';
import { portalBulletinsMessages } from './bulletins.messages';
import { PortalEmpty, PortalError, PortalLoading } from './PortalState';

/** Published public bulletins; a tap opens one (sections with their tables). */
export default function BulletinsPage() {
  const t = useT(portalBulletinsMessages);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useApi('GET /api/public/bulletins');
  const bulletin = useApi('GET /api/public/bulletins/:id', openId ? { params: { id: openId } } : null);
  return (
    <Card size="small" title={t('title')}>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      {list.loading ? (
        <PortalLoading />
      ) : list.error ? (
        <PortalError error={list.error} onRetry={list.reload} />
      ) : !list.data?.items.length ? (
        <PortalEmpty />
      ) : (
        <List
          dataSource={list.data.items}
          renderItem={(b) => (
            <List.Item onClick={() => setOpenId(b.id)} style={{ cursor: 'pointer', display: 'block' }} data-testid="public-bulletin">
              <Typography.Text strong>{b.title}</Typography.Text>
              <div style={{ fontSize: 12, color: '#595959' }}>{[b.number, b.publishedAt?.slice(0, 10)].filter(Boolean).join(' · ')}</div>
            </List.Item>
          )}
        />
      )}
      <Drawer open={!!openId} onClose={() => setOpenId(null)} placement="bottom" size="large" title={bulletin.data?.title} extra={<Button onClick={() => setOpenId(null)}>{t('back')}</Button>}>
        {bulletin.loading || !bulletin.data ? (
          <PortalLoading />
        ) : (
          bulletin.data.sections.map((s) => (
            <section key={s.key}>
              <Typography.Title level={5}>{s.title}</Typography.Title>
              {s.paragraphs.map((p, i) => (
                <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
              ))}
              {s.tables.map((table, i) => (
                <div key={i} style={{ marginBottom: 12 }}>
                  {table.caption && <Typography.Text strong>{table.caption}</Typography.Text>}
                  <Table
                    size="small"
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    rowKey={(r) => String(r.__row)}
                    dataSource={table.rows.map((row, r) => ({ __row: r, ...Object.fromEntries(row.map((cell, c) => [`c${c}`, cell])) }))}
                    columns={table.columns.map((title, c) => ({ title, dataIndex: `c${c}` }))}
                  />
                </div>
              ))}
            </section>
          ))
        )}
      </Drawer>
    </Card>
  );
}
