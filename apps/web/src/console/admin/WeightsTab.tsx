import type { MetricWeights } from '@lianxin/core';
import { Alert, App, Button, Card, Form, InputNumber } from 'antd';
import { useEffect } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { adminMessages } from './admin.messages';
import { useFormSubmit } from './use-form-submit';

const RATE_FIELDS = ['response', 'resolution', 'satisfaction'] as const;

/** 考核权重: the weights of the composite score and how much 基本满意 counts. */
export default function WeightsTab() {
  const t = useT(adminMessages);
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi('GET /api/settings/metric-weights');
  const [form] = Form.useForm<MetricWeights>();
  const { run, busy } = useFormSubmit(form, [...RATE_FIELDS, 'basicallySatisfiedWeight']);
  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);

  if (error) return <PageError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;

  const sumRule = ({ getFieldsValue }: { getFieldsValue: () => MetricWeights }) => ({
    validator: async () => {
      const w = getFieldsValue();
      const sum = RATE_FIELDS.reduce((s, k) => s + (w[k] ?? 0), 0);
      if (Math.abs(sum - 1) > 0.001) throw new Error(t('weightsSum', { sum: Math.round(sum * 1000) / 1000 }));
    },
  });
  const labels = { response: t('weightResponse'), resolution: t('weightResolution'), satisfaction: t('weightSatisfaction') };

  return (
    <Card size="small" style={{ maxWidth: 560 }}>
      <Alert type="info" showIcon title={t('weightsHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={(values) => run(async () => (await call('PUT /api/admin/settings/metric-weights', { body: values }), message.success(t('saved')), reload()))}>
        {RATE_FIELDS.map((key) => (
          <Form.Item key={key} name={key} label={labels[key]} dependencies={RATE_FIELDS.filter((k) => k !== key)} rules={[{ required: true, message: t('required') }, sumRule]}>
            <InputNumber min={0} max={1} step={0.05} precision={3} style={{ width: 160 }} />
          </Form.Item>
        ))}
        <Form.Item name="basicallySatisfiedWeight" label={t('weightBasic')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={0} max={1} step={0.1} precision={2} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('save')}
        </Button>
      </Form>
    </Card>
  );
}
