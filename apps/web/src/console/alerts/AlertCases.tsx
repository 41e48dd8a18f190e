import { label } from '@lianxin/core';
import { Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { PageError } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { alertsMessages } from './alerts.messages';

/** The cases behind one alert (loaded when its row is opened). */
export function AlertCases({ id }: { id: string }) {
  const t = useT(alertsMessages);
  const { locale } = useLocale();
  const { data, error, loading, reload } = useApi('GET /api/alerts/:id', { params: { id } });
  if (error) return <PageError error={error} onRetry={reload} />;
  return (
    <Table
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={data?.cases}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('code'), dataIndex: 'code', width: 170, render: (code: string, c) => <Link to={`/cases/${c.id}`}>{code}</Link> },
        { title: t('caseTitle'), dataIndex: 'title', ellipsis: true },
        { title: t('caseStatus'), dataIndex: 'status', width: 100, render: (s: string) => <Tag>{label('state', s, locale)}</Tag> },
        { title: t('registeredAt'), dataIndex: 'registeredAt', width: 150, render: (d: string) => dayjs(d).format('YYYY-MM-DD HH:mm') },
      ]}
    />
  );
}
