import { type MeetingDecision, REVIEW_DECISIONS, type ReviewDecisionKind } from '@lianxin/core';
import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { showSaveError } from '../../shared/form-errors';
import StaffSelect from '../field-work/StaffSelect';
import { hardCasesMessages } from './hard-cases.messages';

type Values = { kind: ReviewDecisionKind; note?: string; leaderUserId?: string; dueOn?: Dayjs; explanation?: string; leadUserId?: string; memberUserIds?: string[]; plan?: string };

/** The API's field names (`taskForce.leadUserId`) as the form's. */
const rename = (problems: { field: string; message: string }[]) => problems.map((p) => ({ ...p, field: p.field.replace(/^taskForce\./, '') }));

/** Records a joint review's decision on one case of the agenda. */
export function DecisionDialog({ meetingId, caseRef, onClose }: { meetingId: string; caseRef: { id: string; code: string }; onClose: (done: boolean) => void }) {
  const t = useT(hardCasesMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'assign_leader';
  const [busy, setBusy] = useState(false);

  const bodyOf = (v: Values): MeetingDecision => {
    const note = v.note?.trim() || undefined;
    const caseId = caseRef.id;
    if (v.kind === 'assign_leader') return { kind: 'assign_leader', caseId, leaderUserId: v.leaderUserId ?? '', note };
    if (v.kind === 'new_date') return { kind: 'new_date', caseId, dueOn: v.dueOn?.format('YYYY-MM-DD') ?? '', note };
    if (v.kind === 'close') return { kind: 'close', caseId, explanation: v.explanation?.trim() ?? '' };
    return { kind: 'task_force', caseId, note, taskForce: { leadUserId: v.leadUserId ?? '', memberUserIds: v.memberUserIds ?? [], plan: v.plan?.trim() || undefined } };
  };
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await call('POST /api/hard-case-meetings/:id/decisions', { params: { id: meetingId }, body: bodyOf(v) });
      message.success(t('decisionSaved'));
      onClose(true);
    } catch (e) {
      message.error(showSaveError(form, e, ['leaderUserId', 'dueOn', 'explanation', 'leadUserId', 'memberUserIds', 'plan', 'note'], rename));
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal open title={`${t('decide')} · ${caseRef.code}`} okText={t('ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={() => onClose(false)} confirmLoading={busy} destroyOnHidden width={600} okButtonProps={{ 'data-testid': 'decision-save' } as Record<string, string>}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'assign_leader' }}>
        <Form.Item name="kind" label={t('decision')}>
          <Radio.Group data-testid="decision-kind" optionType="button" options={REVIEW_DECISIONS.map((k) => ({ value: k, label: t(`decision.${k}`) }))} />
        </Form.Item>
        {kind === 'assign_leader' && (
          <Form.Item name="leaderUserId" label={t('leader')} rules={required}>
            <StaffSelect role="leader" testId="decision-leader" />
          </Form.Item>
        )}
        {kind === 'task_force' && (
          <>
            <Form.Item name="leadUserId" label={t('tfLead')} rules={required}>
              <StaffSelect testId="decision-tf-lead" />
            </Form.Item>
            <Form.Item name="memberUserIds" label={t('tfMembers')} extra={t('tfMembersHelp')}>
              <StaffSelect mode="multiple" testId="decision-tf-members" />
            </Form.Item>
            <Form.Item name="plan" label={t('tfPlan')} rules={[{ max: 5000 }]}>
              <Input.TextArea rows={3} maxLength={5000} data-testid="decision-tf-plan" />
            </Form.Item>
          </>
        )}
        {kind === 'new_date' && (
          <Form.Item name="dueOn" label={t('dueOn')} rules={required}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(dayjs(), 'day')} data-testid="decision-due" />
          </Form.Item>
        )}
        {kind === 'close' ? (
          <Form.Item name="explanation" label={t('explanation')} rules={[...required, { whitespace: true, message: t('required') }, { max: 1000 }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="decision-explanation" />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={t('decisionNote')} rules={[{ max: 1000 }]}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="decision-note" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
