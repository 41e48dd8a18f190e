import type { ConsultationDetail } from '@lianxin/core';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { consultationsMessages } from './consultations.messages';
import { HouseholdPicker } from './HouseholdPicker';

/** 走访代录: an opinion a cadre enters for a resident met on a visit (marked as entered by the cadre). */
export function CadreOpinionModal({ c, open, onClose, onSaved }: { c: ConsultationDetail; open: boolean; onClose: () => void; onSaved: (d: ConsultationDetail) => void }) {
  const t = useT(consultationsMessages);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const householdId = Form.useWatch('householdId', form) as string | undefined;
  const household = useApi('GET /api/households/:id', householdId && c.rule === 'resident' ? { params: { id: householdId } } : null);
  const save = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      onSaved(await call('POST /api/consultations/:id/opinions', { params: { id: c.id }, body: { householdId: v.householdId, memberId: v.memberId, optionId: v.optionId, text: v.text ?? '' } }));
      form.resetFields();
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };
  return (
    <Modal open={open} title={t('enterOpinion')} onCancel={onClose} onOk={save} okText={t('save')} cancelText={t('cancel')} destroyOnHidden>
      {error && <Alert type="error" role="alert" message={error} style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="householdId" label={t('colHousehold')} rules={[{ required: true }]}>
          <HouseholdPicker areaCode={c.areaCode} testId="opinion-household" />
        </Form.Item>
        {c.rule === 'resident' && (
          <Form.Item name="memberId" label={t('member')} rules={[{ required: true }]}>
            <Select options={(household.data?.members ?? []).map((m) => ({ value: m.id, label: m.name }))} />
          </Form.Item>
        )}
        {c.options.length > 0 && (
          <Form.Item name="optionId" label={t('colOption')}>
            <Select allowClear options={c.options.map((o) => ({ value: o.id, label: o.label }))} />
          </Form.Item>
        )}
        <Form.Item name="text" label={t('colText')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
