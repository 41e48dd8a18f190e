import { type TaskForceView } from '@lianxin/core';
import { App, Button, Card, Checkbox, DatePicker, Empty, Flex, Input, List, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import StaffSelect from '../field-work/StaffSelect';
import { hardCasesMessages } from './hard-cases.messages';
import { TaskForceForm } from './TaskForceForm';

/**
 * 专案组 on the case page: members from several units, the plan's milestones and the progress
 * reports, with what the reader may do (from the server's `canManage` / `canReport`). Shown when
 * the case has a task force, or when the reader may form one.
 */
export function TaskForcePanel({ caseId, onChanged }: { caseId: string; onChanged: () => void }) {
  const t = useT(hardCasesMessages);
  const { message } = App.useApp();
  const state = useApi('GET /api/cases/:id/task-force', { params: { id: caseId } });
  const [forming, setForming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [newMembers, setNewMembers] = useState<string[]>([]);
  const [milestone, setMilestone] = useState<{ title: string; dueOn: Dayjs | null }>({ title: '', dueOn: null });
  const [report, setReport] = useState('');

  if (!state.data || (!state.data.taskForce && !state.data.canForm)) return null;
  const tf = state.data.taskForce;
  const refresh = () => {
    state.reload();
    onChanged();
  };
  const run = async (work: () => Promise<unknown>, done: string, reset: () => void) => {
    setBusy(true);
    try {
      await work();
      message.success(done);
      reset();
      refresh();
    } catch (e) {
      message.error(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.title) : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (!tf) {
    return (
      <Card size="small" title={t('tfTitle')} data-testid="task-force-panel">
        <Flex vertical gap={8} align="start">
          <Typography.Text type="secondary">{t('tfNone')}</Typography.Text>
          <Button onClick={() => setForming(true)} data-testid="task-force-form">
            {t('tfForm')}
          </Button>
        </Flex>
        {forming && <TaskForceForm caseId={caseId} onClose={(done) => (setForming(false), done && refresh())} />}
      </Card>
    );
  }

  const id = tf.id;
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          {t('tfTitle')}
          <Tag color={tf.status === 'active' ? 'blue' : 'default'} data-testid="task-force-status">
            {t(`tf.${tf.status}`)}
          </Tag>
        </Flex>
      }
      data-testid="task-force-panel"
    >
      <Flex vertical gap={12}>
        <div>
          <Typography.Text strong>{tf.name}</Typography.Text>
          {tf.plan && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{tf.plan}</Typography.Paragraph>}
          {tf.status === 'closed' && <Typography.Text type="secondary">{t('tfClosedHint')}</Typography.Text>}
        </div>
        <Members tf={tf} />
        {tf.canManage && (
          <Flex gap={8}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <StaffSelect mode="multiple" value={newMembers} onChange={setNewMembers} exclude={tf.members.map((m) => m.userId)} placeholder={t('tfAddMembers')} testId="task-force-new-members" />
            </div>
            <Button disabled={!newMembers.length} loading={busy} onClick={() => run(() => call('POST /api/task-forces/:id/members', { params: { id }, body: { userIds: newMembers } }), t('saved'), () => setNewMembers([]))}>
              {t('tfAddMembers')}
            </Button>
          </Flex>
        )}
        <div>
          <Typography.Text strong>{t('milestones')}</Typography.Text>
          {tf.milestones.length === 0 ? (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('noMilestones')}
            </Typography.Paragraph>
          ) : (
            <List
              size="small"
              dataSource={tf.milestones}
              renderItem={(m) => (
                <List.Item data-testid="milestone">
                  <Checkbox checked={m.done} disabled={!tf.canReport || busy} onChange={(e) => run(() => call('PATCH /api/task-forces/:id/milestones/:milestoneId', { params: { id, milestoneId: m.id }, body: { done: e.target.checked } }), t('saved'), () => {})}>
                    <span style={{ textDecoration: m.done ? 'line-through' : undefined }}>{m.title}</span>
                  </Checkbox>
                  <Typography.Text type="secondary">{m.dueOn}</Typography.Text>
                </List.Item>
              )}
            />
          )}
          {tf.canManage && (
            <Flex gap={8} wrap style={{ marginTop: 8 }}>
              <Input style={{ flex: '1 1 140px' }} maxLength={200} placeholder={t('milestoneTitle')} value={milestone.title} onChange={(e) => setMilestone((s) => ({ ...s, title: e.target.value }))} data-testid="milestone-title" />
              <DatePicker placeholder={t('milestoneDue')} value={milestone.dueOn} onChange={(d) => setMilestone((s) => ({ ...s, dueOn: d }))} disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="milestone-due" />
              <Button
                disabled={!milestone.title.trim() || !milestone.dueOn}
                loading={busy}
                onClick={() => run(() => call('POST /api/task-forces/:id/milestones', { params: { id }, body: { title: milestone.title.trim(), dueOn: milestone.dueOn!.format('YYYY-MM-DD') } }), t('saved'), () => setMilestone({ title: '', dueOn: null }))}
                data-testid="milestone-add"
              >
                {t('addMilestone')}
              </Button>
            </Flex>
          )}
        </div>
        <div>
          <Typography.Text strong>{t('reports')}</Typography.Text>
          {tf.canReport && (
            <Flex vertical gap={8} style={{ margin: '8px 0' }}>
              <Input.TextArea rows={3} maxLength={5000} value={report} onChange={(e) => setReport(e.target.value)} placeholder={t('reportPlaceholder')} data-testid="report-text" />
              <div>
                <Button type="primary" disabled={!report.trim()} loading={busy} onClick={() => run(() => call('POST /api/task-forces/:id/reports', { params: { id }, body: { text: report.trim() } }), t('reported'), () => setReport(''))} data-testid="report-add">
                  {t('addReport')}
                </Button>
              </div>
            </Flex>
          )}
          {tf.reports.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noReports')} />
          ) : (
            <List
              size="small"
              dataSource={tf.reports}
              renderItem={(r) => (
                <List.Item data-testid="task-force-report">
                  <Flex vertical style={{ minWidth: 0 }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.author.name} · {r.reportedOn}
                    </Typography.Text>
                    <Typography.Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{r.text}</Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </div>
      </Flex>
    </Card>
  );
}

function Members({ tf }: { tf: TaskForceView }) {
  const t = useT(hardCasesMessages);
  return (
    <div>
      <Typography.Text strong>{t('tfMembers')}</Typography.Text>
      <List
        size="small"
        dataSource={tf.members}
        renderItem={(m) => (
          <List.Item data-testid="task-force-member">
            <span>
              {m.name} {m.role === 'lead' && <Tag color="gold">{t('lead')}</Tag>}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
              {m.unitNames.join('、')}
            </Typography.Text>
          </List.Item>
        )}
      />
    </div>
  );
}
