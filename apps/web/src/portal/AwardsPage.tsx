import { Card, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../i18n/i18n';
import { useApi } from '../shared/use-api';
import { PortalError, PortalLoading } from './PortalState';
import { surveyMessages } from './survey.messages';

/** 评先评优公示: published awards with the winners' names and units (public for cadres), nothing else. */
export default function AwardsPage() {
  const t = useT(surveyMessages);
  const { data, error, loading } = useApi('GET /api/public/awards');
  if (loading) return <PortalLoading />;
  if (error || !data) return <PortalError error={error} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="public-awards">
      <Typography.Title level={4}>{t('awardsTitle')}</Typography.Title>
      {data.items.length === 0 && <Typography.Text type="secondary">{t('awardsEmpty')}</Typography.Text>}
      {data.items.map((a) => (
        <Card key={a.id} size="small" title={a.title} extra={<Tag>{a.kindName}</Tag>}>
          <List size="small" dataSource={a.winners} renderItem={(w) => <List.Item>{`${w.name}（${w.unitName}）`}</List.Item>} />
          <Typography.Text type="secondary">{dayjs(a.publishedAt).format('YYYY-MM-DD')}</Typography.Text>
        </Card>
      ))}
    </Space>
  );
}
