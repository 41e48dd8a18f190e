import { JOB_NAMES } from '@lianxin/core';
import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { formatDue } from '../../shared/time-left';
import { useApi } from '../../shared/use-api';
import { adminMessages } from './admin.messages';

const known = (job: string): job is (typeof JOB_NAMES)[number] => (JOB_NAMES as readonly string[]).includes(job);

/**
 * 计划任务: how scheduled work runs here (in the server process on SQLite, through the
 * PostgreSQL job queue across processes) and its dead letters — the runs that failed every attempt.
 */
export default function JobsTab() {
  const t = useT(adminMessages);
  const { data, error, loading, reload } = useApi('GET /api/admin/jobs/dead-letters', { query: { limit: 100 } });
  if (error) return <PageError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;
  const items = data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      <Alert
        type="info"
        showIcon
        data-testid="job-runner"
        title={data?.runner === 'queue' ? t('jobRunnerQueue', { n: data.retries }) : t('jobRunnerInProcess')}
      />
      <Card
        size="small"
        title={t('jobDeadTitle', { n: items.length })}
        extra={
          <Button onClick={reload} loading={loading}>
            {t('jobReload')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('jobDeadHint')}</Typography.Paragraph>
        <Table
          size="small"
          rowKey="id"
          data-testid="dead-letters"
          dataSource={items}
          pagination={false}
          locale={{ emptyText: t('jobDeadEmpty') }}
          columns={[
            { title: t('jobFailedAt'), dataIndex: 'failedAt', width: 160, render: (v: string) => formatDue(v) },
            { title: t('jobName'), dataIndex: 'job', width: 200, render: (v: string) => <Tag>{known(v) ? t(`job.${v}`) : v}</Tag> },
            { title: t('jobAttempts'), dataIndex: 'attempts', width: 90 },
            { title: t('jobError'), dataIndex: 'error', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          ]}
        />
      </Card>
    </Flex>
  );
}
