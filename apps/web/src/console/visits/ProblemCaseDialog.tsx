import { CASE_KINDS, type CaseKind, label, type VisitProblemView as VisitProblem } from '@lianxin/core';
import { Alert, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useLatest } from '../../shared/use-api';
import { useLocale, useT } from '../../i18n/i18n';
import { CategoryTreeSelect } from '../register/CategoryTreeSelect';
import { isValidPhone, type TreeOption } from '../register/register-form';
import { confidentCategory, type CategorySuggestion } from './visit-logic';
import { visitMessages } from './visits.messages';

export type CaseDetails = { kind: CaseKind; categoryCode?: string; phone?: string };

/**
 * The few details a problem may need before it becomes a case: its category when the cadre left
 * it out (the learned suggestion for the problem's text is offered, and taken when confident),
 * the kind, and the resident's phone (for the SMS and the evaluation; anonymous without it).
 */
export default function ProblemCaseDialog({ open, problem, categoryTree, categoryName, busy, failure, onSubmit, onCancel, fieldErrors }: {
  open: boolean;
  problem: VisitProblem;
  categoryTree: TreeOption[];
  categoryName: (code: string) => string;
  busy: boolean;
  failure: string | null;
  fieldErrors: Array<{ name: keyof CaseDetails; errors: string[] }>;
  onSubmit: (details: CaseDetails) => void;
  onCancel: () => void;
}) {
  const t = useT(visitMessages);
  const { locale } = useLocale();
  const [form] = Form.useForm<CaseDetails>();
  const [suggested, setSuggested] = useState<CategorySuggestion[]>([]);
  const latest = useLatest();

  useEffect(() => {
    if (!open || problem.categoryCode) return;
    latest(call('POST /api/cases/suggest', { body: { content: problem.text } })).then(
      ({ value: answer, current }) => {
        if (!current) return;
        setSuggested(answer.categories);
        // Taken only from the calibrated model when it is sure, never from cold-start keywords.
        const sure = answer.unsure ? undefined : confidentCategory(answer.categories);
        if (sure && !form.getFieldValue('categoryCode')) form.setFieldValue('categoryCode', sure);
      },
      // A suggestion is a help, never a condition: without one the cadre picks the category.
      () => undefined,
    );
  }, [open, problem.categoryCode, problem.text, form, latest]);
  useEffect(() => {
    if (open && fieldErrors.length) form.setFields(fieldErrors);
  }, [open, fieldErrors, form]);

  return (
    <Modal open={open} title={t('toCaseTitle')} onCancel={onCancel} onOk={() => form.submit()} okText={t('toCase')} cancelText={t('cancel')} confirmLoading={busy} destroyOnHidden okButtonProps={{ 'data-testid': 'problem-case-ok' }}>
      <Typography.Paragraph type="secondary">{t('toCaseHint')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 8 }} />}
      <Form form={form} name={`problem-${problem.id}`} layout="vertical" initialValues={{ kind: 'help', categoryCode: problem.categoryCode ?? undefined }} onFinish={onSubmit}>
        <Form.Item name="kind" label={t('toCaseKind')} rules={[{ required: true, message: t('required') }]}>
          <Select options={CASE_KINDS.filter((k) => k !== 'petition').map((k) => ({ value: k, label: label('kind', k, locale) }))} />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('toCaseCategory')} rules={[{ required: true, message: t('required') }]} style={{ marginBottom: suggested.length ? 4 : undefined }}>
          <CategoryTreeSelect treeData={categoryTree} placeholder={t('toCaseCategory')} />
        </Form.Item>
        {suggested.length > 0 && (
          <Flex gap={4} wrap align="center" style={{ marginBottom: 16 }} data-testid="problem-case-suggestions">
            <Typography.Text type="secondary">{t('suggested')}</Typography.Text>
            {suggested.map((s) => (
              <Button key={s.code} size="small" type="dashed" onClick={() => form.setFieldValue('categoryCode', s.code)}>
                {categoryName(s.code)} {Math.round(s.confidence * 100)}%
              </Button>
            ))}
          </Flex>
        )}
        <Form.Item name="phone" label={t('toCasePhone')} rules={[{ validator: async (_, v?: string) => { if (v && !isValidPhone(v)) throw new Error(t('phoneInvalid')); } }]}>
          <Input inputMode="tel" maxLength={13} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
