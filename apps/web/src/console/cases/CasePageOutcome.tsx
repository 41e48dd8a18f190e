import { Card, Descriptions, List, Tag, Typography } from 'antd';
import { useLocale, useT } from '../../i18n/i18n';
import { webLabel } from '../../shared/labels';
import { formatDue } from '../../shared/time-left';
import { casePageMessages } from './case-page.messages';
import type { CaseContext, CaseDetail } from '@lianxin/core';

/** Reply and evaluation, extension requests and accountability records — shown when there are any. */
export function CasePageOutcome({ c, context }: { c: CaseDetail; context: CaseContext | undefined }) {
  const t = useT(casePageMessages);
  const { locale } = useLocale();
  const user = (id: string | null) => (id ? (context?.users[id] ?? '…') : '');
  const unit = (id: string | null) => (id ? (context?.units[id] ?? '…') : '');
  return (
    <>
      {(c.reply || c.evaluation) && (
        <Card title={t('replySection')} size="small" data-testid="reply">
          <Descriptions size="small" column={1}>
            {c.reply && (
              <Descriptions.Item label={t('reply')}>
                <div>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0 }}>{c.reply.text}</Typography.Paragraph>
                  <Tag color={c.reply.solved ? 'green' : 'orange'}>{c.reply.solved ? t('solved') : t('notSolved')}</Tag>
                </div>
              </Descriptions.Item>
            )}
            {c.evaluation && (
              <Descriptions.Item label={t('evaluation')}>
                <Tag color={c.evaluation.result === 'dissatisfied' ? 'red' : 'green'}>{webLabel('evaluation', c.evaluation.result, locale)}</Tag>
                <Tag>{c.evaluation.solved ? t('solved') : t('notSolved')}</Tag>
                {c.evaluation.comment && <Typography.Text>{c.evaluation.comment}</Typography.Text>}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}
      {c.extensions.length > 0 && (
        <Card title={t('extensions')} size="small">
          <List
            size="small"
            dataSource={c.extensions}
            renderItem={(x) => (
              <List.Item>
                <div style={{ minWidth: 0 }}>
                  <Tag color={x.status === 'approved' ? 'green' : x.status === 'rejected' ? 'red' : 'gold'}>{webLabel('extension', x.status, locale)}</Tag>
                  {t('f_extensionLine', { days: x.days, reason: x.reason })}
                  <br />
                  <Typography.Text type="secondary">
                    {user(x.requestedBy)} · {formatDue(x.requestedAt)}
                    {x.decidedAt && ` → ${user(x.decidedBy)} · ${formatDue(x.decidedAt)}`}
                    {x.decisionNote && ` · ${x.decisionNote}`}
                  </Typography.Text>
                </div>
              </List.Item>
            )}
          />
        </Card>
      )}
      {c.accountability.length > 0 && (
        <Card title={t('accountability')} size="small" data-testid="accountability">
          <List
            size="small"
            dataSource={c.accountability}
            renderItem={(a) => (
              <List.Item>
                <div>
                  <Tag color="red">{webLabel('accountability', a.reason, locale)}</Tag>
                  {[unit(a.unitId), user(a.userId)].filter(Boolean).join(' · ')}
                  <Typography.Text type="secondary"> · {formatDue(a.createdAt)}</Typography.Text>
                  {a.note && <div>{/^\d{4}-\d{2}-\d{2}T/.test(a.note) ? formatDue(a.note) : a.note}</div>}
                </div>
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
