import { CASE_KINDS, label } from '@lianxin/core';
import { Alert, Button, Flex, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { CategoryTreeSelect } from '../register/CategoryTreeSelect';
import { isValidPhone, type TreeOption } from '../register/register-form';
import { canConvert, needsCategory } from './visit-logic';
import type { ProblemConverted, VisitProblem } from './visit-types';
import { visitMessages } from './visits.messages';

type Details = { kind: string; categoryCode?: string; phone?: string };

/**
 * One problem found on a visit. With a category it becomes a case (channel 走访发现) in one tap;
 * without one, or to add the resident's phone, a short dialog asks first.
 */
export default function ProblemItem({ visitId, problem, categoryName, categoryTree, canRegister, onConverted }: {
  visitId: string;
  problem: VisitProblem;
  categoryName: (code: string) => string;
  categoryTree: TreeOption[];
  canRegister: boolean;
  onConverted: (answer: ProblemConverted) => void;
}) {
  const t = useT(visitMessages);
  const { locale } = useLocale();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problemText, setProblemText] = useState<string | null>(null);
  const [form] = Form.useForm<Details>();

  const convert = async (details: Partial<Details> = {}) => {
    setBusy(true);
    setProblemText(null);
    try {
      const body = { kind: details.kind ?? 'help', categoryCode: details.categoryCode || undefined, requester: details.phone?.trim() ? { phone: details.phone.trim() } : undefined };
      onConverted(await api.post<ProblemConverted>(`/api/visits/${visitId}/problems/${problem.id}/case`, body));
      setAsking(false);
    } catch (error) {
      if (error instanceof ApiError) {
        const mapped = error.fieldErrors.map((e) => ({ name: (e.field === 'requester.phone' ? 'phone' : e.field) as keyof Details, errors: [e.message] }));
        if (asking) form.setFields(mapped.filter((m) => ['kind', 'categoryCode', 'phone'].includes(m.name)));
        setProblemText(error.title);
      } else setProblemText(String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={4} data-testid="visit-problem-item" data-problem-id={problem.id}>
      <Typography.Text style={{ overflowWrap: 'anywhere' }}>
        {problem.seq}. {problem.text}
      </Typography.Text>
      <Flex gap={8} wrap align="center">
        {problem.categoryCode && <Tag>{categoryName(problem.categoryCode)}</Tag>}
        {problem.caseId ? (
          <Link to={`/cases/${problem.caseId}`} data-testid="visit-problem-case">
            <Tag color="green">
              {t('converted')} {problem.caseCode}
              {problem.caseStatus ? ` · ${label('state', problem.caseStatus, locale)}` : ''}
            </Tag>
          </Link>
        ) : (
          canRegister &&
          canConvert(problem) && (
            <>
              <Button type="primary" size="small" loading={busy && !asking} onClick={() => (needsCategory(problem) ? setAsking(true) : void convert())} data-testid="visit-problem-convert">
                {t('toCase')}
              </Button>
              {!needsCategory(problem) && (
                <Button type="link" size="small" onClick={() => setAsking(true)}>
                  {t('toCaseMore')}
                </Button>
              )}
            </>
          )
        )}
      </Flex>
      {problemText && !asking && <Alert type="error" showIcon title={problemText} />}
      <Modal open={asking} title={t('toCaseTitle')} onCancel={() => setAsking(false)} onOk={() => form.submit()} okText={t('toCase')} cancelText={t('cancel')} confirmLoading={busy} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('toCaseHint')}</Typography.Paragraph>
        {problemText && <Alert type="error" showIcon title={problemText} style={{ marginBottom: 8 }} />}
        <Form form={form} name={`problem-${problem.id}`} layout="vertical" initialValues={{ kind: 'help', categoryCode: problem.categoryCode ?? undefined }} onFinish={(v) => void convert(v)}>
          <Form.Item name="kind" label={t('toCaseKind')} rules={[{ required: true, message: t('required') }]}>
            <Select options={CASE_KINDS.filter((k) => k !== 'petition').map((k) => ({ value: k, label: label('kind', k, locale) }))} />
          </Form.Item>
          <Form.Item name="categoryCode" label={t('problemCategory')} rules={[{ required: true, message: t('required') }]}>
            <CategoryTreeSelect treeData={categoryTree} placeholder={t('problemCategory')} />
          </Form.Item>
          <Form.Item name="phone" label={t('toCasePhone')} rules={[{ validator: async (_, v?: string) => { if (v && !isValidPhone(v)) throw new Error(t('phoneInvalid')); } }]}>
            <Input inputMode="tel" maxLength={13} autoComplete="off" />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
