import { Card, Empty, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { PortalError, PortalLoading } from '../PortalState';
import { portalServicesMessages } from './services.messages';

/** 办事指南: the public catalogue, searchable. */
export default function ServicesPage() {
  const t = useT(portalServicesMessages);
  const [q, setQ] = useState('');
  const list = useApi('GET /api/public/service-items', { query: q ? { q } : {} });
  return (
    <>
      <Input.Search placeholder={t('search')} allowClear onSearch={setQ} size="large" style={{ marginBottom: 12 }} data-testid="service-search" />
      {list.loading && !list.data ? (
        <PortalLoading />
      ) : list.error ? (
        <PortalError error={list.error} />
      ) : !list.data?.items.length ? (
        <Empty description={t('none')} />
      ) : (
        list.data.items.map((i) => (
          <Link key={i.id} to={`/services/${encodeURIComponent(i.code)}`}>
            <Card hoverable size="small" style={{ marginBottom: 8 }} data-testid="service-item">
              <Typography.Text strong>{i.name}</Typography.Text> <Tag>{i.category}</Tag>
              <div style={{ color: '#888', fontSize: 13 }}>
                {i.unitName} · {t(i.limitUnit === 'working_days' ? 'workingDays' : 'naturalDays', { n: i.limitDays })}
                {i.proxyAllowed && <Tag color="green" style={{ marginLeft: 6 }}>代办</Tag>}
              </div>
            </Card>
          </Link>
        ))
      )}
    </>
  );
}
