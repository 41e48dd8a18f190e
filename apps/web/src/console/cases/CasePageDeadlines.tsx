import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Card, List, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n';
import { TimeLeftBadge } from '../../shared/TimeLeftBadge';
import { formatDue } from '../../shared/time-left';
import { deadlineRows } from './case-deadlines';
import { casePageMessages } from './case-page.messages';
import type { CaseDetail } from '@lianxin/core';

/** Every deadline the case carries: running clocks as badges, finished stages as met / late. */
export function CasePageDeadlines({ c }: { c: CaseDetail }) {
  const t = useT(casePageMessages);
  const rows = deadlineRows(c);
  return (
    <Card title={t('deadlines')} size="small" data-testid="deadlines">
      <List
        size="small"
        dataSource={rows}
        locale={{ emptyText: t('noDeadlines') }}
        renderItem={(r) => (
          <List.Item data-stage={r.stage} style={{ flexWrap: 'wrap', gap: 4 }}>
            <div>
              <Typography.Text strong>{t(`stage_${r.stage}`)}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{formatDue(r.dueAt)}</Typography.Text>
            </div>
            {r.state === 'running' && <TimeLeftBadge clock={r.clock} />}
            {r.state === 'met' && (
              <Tag color="success" icon={<CheckCircleOutlined />} title={r.doneAt ? t('doneAt', { at: formatDue(r.doneAt) }) : undefined}>
                {t('met')}
              </Tag>
            )}
            {r.state === 'late' && (
              <Tag color="error" icon={<ExclamationCircleOutlined />} title={r.doneAt ? t('doneAt', { at: formatDue(r.doneAt) }) : undefined}>
                {t('late')}
              </Tag>
            )}
            {r.state === 'idle' && <Tag>{t('idle')}</Tag>}
          </List.Item>
        )}
      />
    </Card>
  );
}
