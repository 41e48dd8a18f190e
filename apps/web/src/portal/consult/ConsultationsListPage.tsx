import { consultationLabel } from '@lianxin/core';
import { Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { PortalEmpty, PortalError, PortalLoading } from '../PortalState';
import { consultMessages } from './consult.messages';

/** Open and decided consultations. */
export default function ConsultationsListPage() {
  const t = useT(consultMessages);
  const { locale } = useLocale();
  const list = useApi('GET /api/public/consultations', { query: { limit: 50 } });
  return (
    <Card size="small" title={t('listTitle')}>
      {list.loading ? (
        <PortalLoading />
      ) : list.error ? (
        <PortalError error={list.error} onRetry={list.reload} />
      ) : !list.data?.items.length ? (
        <PortalEmpty />
      ) : (
        <List
          dataSource={list.data.items}
          renderItem={(c) => (
            <List.Item>
              <Link to={`/consultations/${c.id}`} style={{ display: 'block', width: '100%' }}>
                <Typography.Text strong>{c.title}</Typography.Text>
                <div style={{ fontSize: 12, color: '#888' }}>
                  <Tag color={c.state === 'decided' ? 'blue' : c.state === 'open' ? 'green' : undefined}>{consultationLabel('state', c.state, locale)}</Tag>
                  {c.areaName} · {t('period', { from: c.opensOn, to: c.closesOn })}
                </div>
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
