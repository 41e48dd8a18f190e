import type { Answer, SurveyDetail } from '@lianxin/core';
import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { HouseholdPicker } from './HouseholdPicker';
import { surveysMessages } from './surveys.messages';
import { SurveyQuestionInput } from '../../shared/SurveyQuestionInput';

/** 走访代录: a household's answers entered by a cadre on a visit. */
export function SurveyAnswerModal({ s, open, onClose, onSaved }: { s: SurveyDetail; open: boolean; onClose: () => void; onSaved: (d: SurveyDetail) => void }) {
  const t = useT(surveysMessages);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = await form.validateFields();
    const answers: Answer[] = [];
    s.questions.forEach((q, index) => {
      const value = v[`q${index}`];
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return;
      if (q.kind === 'single') answers.push({ index, choice: Number(value) });
      if (q.kind === 'multiple') answers.push({ index, choices: (value as number[]).map(Number) });
      if (q.kind === 'scale') answers.push({ index, scale: Number(value) });
      if (q.kind === 'text') answers.push({ index, text: String(value) });
    });
    setError(null);
    try {
      onSaved(await call('POST /api/surveys/:id/answers', { params: { id: s.id }, body: { householdId: v.householdId, answers } }));
      form.resetFields();
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };
  return (
    <Modal open={open} title={t('enter')} onCancel={onClose} onOk={save} okText={t('save')} destroyOnHidden>
      {error && <Alert type="error" role="alert" message={error} style={{ marginBottom: 8 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="householdId" label={t('household')} rules={[{ required: true }]}>
          <HouseholdPicker areaCode={s.areaCode} />
        </Form.Item>
        {s.questions.map((q, index) => (
          <Form.Item key={index} name={`q${index}`} label={`${index + 1}. ${q.text}`}>
            <SurveyQuestionInput question={q} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
