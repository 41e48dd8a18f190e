import { label } from '@lianxin/core';
import { Alert, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { phoneReadyForLookup } from './register-form';
import { registerMessages } from './register.messages';
import { useDebounced } from './use-debounced';

const SHOWN = 5;

/** "Earlier cases by this phone": the requester's history, looked up as the phone is typed. */
export function RequesterHistory({ phone }: { phone?: string }) {
  const t = useT(registerMessages);
  const { locale } = useLocale();
  const settled = useDebounced(phone?.trim(), 400);
  const ready = phoneReadyForLookup(settled);
  const { data, error } = useApi('GET /api/cases/by-requester', ready ? { query: { phone: settled, limit: SHOWN } } : null);
  if (!ready) return null;
  if (error) return <Alert type="warning" showIcon title={t('historyFailed')} />;
  if (!data) return null;
  if (data.total === 0) return <Typography.Text type="secondary" data-testid="requester-history-none">{t('historyNone')}</Typography.Text>;
  return (
    <Alert
      type={data.open > 0 ? 'warning' : 'info'}
      showIcon
      data-testid="requester-history"
      title={
        <Space wrap size={4}>
          <strong>{t('historyTitle')}</strong>
          <span>
            {t('historyCount', { total: data.more ? `${data.total}+` : data.total, open: data.open })}
            {data.total > data.items.length ? t('historyMore', { n: data.items.length }) : ''}
          </span>
        </Space>
      }
      description={
        <>
          <List
            size="small"
            dataSource={data.items}
            renderItem={(c) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Space size={6} style={{ minWidth: 0, width: '100%' }}>
                  <Link to={`/cases/${c.id}`} target="_blank">{c.code}</Link>
                  <Tag>{label('state', c.status, locale)}</Tag>
                  <Typography.Text ellipsis={{ tooltip: c.title }} style={{ maxWidth: 220 }}>{c.title}</Typography.Text>
                  <Typography.Text type="secondary">{new Date(c.registeredAt).toLocaleDateString(locale)}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          <Typography.Text type="secondary">{t('historyRepeatWarn')}</Typography.Text>
        </>
      }
    />
  );
}
