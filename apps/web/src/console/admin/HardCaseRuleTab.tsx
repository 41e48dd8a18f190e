import type { HardCaseSettings } from '@lianxin/core';
import { App, Button, Card, Form, InputNumber } from 'antd';
import { useEffect } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { adminMessages } from './admin.messages';
import { useFormSubmit } from './use-form-submit';

/** 积案标准: when an open case counts as long-standing (open over N days, or reopened M times). */
export default function HardCaseRuleTab() {
  const t = useT(adminMessages);
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi('GET /api/hard-cases/settings');
  const [form] = Form.useForm<HardCaseSettings>();
  const { run, busy } = useFormSubmit(form, ['minAgeDays', 'minReopens']);
  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);

  if (error) return <PageError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;

  return (
    <Card size="small" style={{ maxWidth: 560 }}>
      <Form form={form} layout="vertical" data-testid="hard-case-rule-form" onFinish={(values) => run(async () => (await call('PUT /api/hard-cases/settings', { body: values }), message.success(t('saved')), reload()))}>
        <Form.Item name="minAgeDays" label={t('hardCaseDays')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={1} max={3650} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="minReopens" label={t('hardCaseReopens')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={1} max={50} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('save')}
        </Button>
      </Form>
    </Card>
  );
}
