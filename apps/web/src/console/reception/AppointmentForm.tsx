import { PHONE_PATTERN } from '@lianxin/core';
import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { showSaveError } from '../../shared/form-errors';
import { receptionMessages } from './reception.messages';

type Values = { name: string; phone: string; matter: string };

/** 代为预约: staff register an appointment for a resident who phoned or came by (confirmed at once). */
export default function AppointmentForm({ sessionId, open, onClose, onSaved }: { sessionId: string; open: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useT(receptionMessages);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setSaving(true);
    setProblem(null);
    try {
      await call('POST /api/reception/sessions/:id/appointments', { params: { id: sessionId }, body: { name: v.name.trim(), phone: v.phone.trim(), matter: v.matter.trim() } });
      form.resetFields();
      onSaved();
    } catch (error) {
      setProblem(showSaveError(form, error, ['name', 'phone', 'matter']));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('registerAppointmentTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'appointment-save' } as never}
      forceRender
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="appointment-form-error" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('phone')}
          rules={[
            { required: true, message: t('required') },
            { pattern: PHONE_PATTERN, message: t('phoneInvalid') },
          ]}
        >
          <Input maxLength={20} inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="matter"
          label={t('matter')}
          rules={[
            { required: true, whitespace: true, message: t('required') },
            { min: 5, message: t('matterTooShort') },
          ]}
        >
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 3 }} placeholder={t('matterPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
