import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { showSaveError } from '../../shared/form-errors';
import StaffSelect from '../field-work/StaffSelect';
import { hardCasesMessages } from './hard-cases.messages';

type Values = { name?: string; leadUserId: string; memberUserIds?: string[]; plan?: string };

/** Forms a task force (专案组) on a case straight from its page (supervisors and leaders over it). */
export function TaskForceForm({ caseId, onClose }: { caseId: string; onClose: (done: boolean) => void }) {
  const t = useT(hardCasesMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await call('POST /api/cases/:id/task-force', { params: { id: caseId }, body: { name: v.name?.trim() || undefined, leadUserId: v.leadUserId, memberUserIds: v.memberUserIds ?? [], plan: v.plan?.trim() || undefined } });
      message.success(t('formed'));
      onClose(true);
    } catch (e) {
      message.error(showSaveError(form, e, ['name', 'leadUserId', 'memberUserIds', 'plan']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('tfForm')} okText={t('ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={() => onClose(false)} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('tfName')} extra={t('tfNameHelp')} rules={[{ max: 80 }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="leadUserId" label={t('tfLead')} rules={[{ required: true, message: t('required') }]}>
          <StaffSelect testId="tf-lead" />
        </Form.Item>
        <Form.Item name="memberUserIds" label={t('tfMembers')} extra={t('tfMembersHelp')}>
          <StaffSelect mode="multiple" testId="tf-members" />
        </Form.Item>
        <Form.Item name="plan" label={t('tfPlan')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
