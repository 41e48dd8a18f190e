import { label, SUPERVISION_LEVELS, type SupervisionLevel } from '@lianxin/core';
import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { supervisionMessages } from './supervision.messages';

interface Values {
  level: SupervisionLevel;
  reason?: string;
  due?: Dayjs;
}

/** 发出督办: level, reason and the date of the unit's written response, for cases handled by one unit. Opens the order once issued. */
export function IssueOrderModal({ caseIds, unitId, open, onClose }: { caseIds: string[]; unitId?: string | null; open: boolean; onClose: () => void }) {
  const t = useT(supervisionMessages);
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const order = await call('POST /api/supervision/orders', {
        body: { caseIds, ...(unitId ? { unitId } : {}), level: v.level, reason: (v.reason ?? '').trim(), responseDueAt: (v.due ?? dayjs()).endOf('day').toISOString() },
      });
      onClose();
      navigate(`/supervision/${order.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('issueTitle')} onOk={submit} okText={t('submit')} cancelText={t('cancel')} confirmLoading={busy} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ level: 'general', due: dayjs().add(3, 'day') }} data-testid="issue-order-form">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form.Item name="level" label={t('level')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={SUPERVISION_LEVELS.map((l) => ({ value: l, label: label('supervisionLevel', l, locale) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('reason') }) }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="due" label={t('due')} rules={[{ required: true, message: t('required', { field: t('due') }) }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
