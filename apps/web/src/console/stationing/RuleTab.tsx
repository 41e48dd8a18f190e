import { App, Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { useEffect } from 'react';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { useFormSubmit } from '../admin/use-form-submit';
import { holds, type StationingSettingsView as StationingSettings } from '@lianxin/core';
import { useMe } from '../shell/session';
import { stationingMessages } from './stationing.messages';

/** 规则: the global "at least N days a week in the village" — admins change it, everyone reads it. */
export default function RuleTab() {
  const t = useT(stationingMessages);
  const me = useMe();
  const { message } = App.useApp();
  const isAdmin = holds(me.roles, 'config.manage');
  const settings = useApi('GET /api/stationing/settings');
  const [form] = Form.useForm<StationingSettings>();
  const { run, busy } = useFormSubmit(form, ['minDaysPerWeek']);
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  if (settings.error) return <PageError error={settings.error} onRetry={settings.reload} />;
  if (!settings.data) return <PageLoading />;
  const save = (v: StationingSettings) =>
    run(async () => {
      await call('PUT /api/stationing/settings', { body: { minDaysPerWeek: v.minDaysPerWeek } });
      message.success(t('ruleSaved'));
      settings.reload();
    });

  return (
    <Card size="small" title={t('ruleTitle')} style={{ maxWidth: 720 }}>
      <Flex vertical gap={12}>
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="rule-current">
          {t('ruleCurrent', { n: settings.data.minDaysPerWeek })}
        </Typography.Text>
        {isAdmin ? (
          <Form form={form} layout="inline" onFinish={save} style={{ rowGap: 8 }}>
            <Form.Item name="minDaysPerWeek" label={t('ruleMinDays')} rules={[{ required: true, message: t('required2') }]}>
              <InputNumber min={1} max={7} precision={0} style={{ width: 96 }} data-testid="rule-min-days" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="rule-save">
                {t('save')}
              </Button>
            </Form.Item>
          </Form>
        ) : (
          <Typography.Text type="secondary">{t('ruleAdminOnly')}</Typography.Text>
        )}
        <ul style={{ margin: 0, paddingInlineStart: 20, overflowWrap: 'anywhere' }}>
          <li>{t('ruleExplain1')}</li>
          <li>{t('ruleExplain2')}</li>
          <li>{t('ruleExplain3')}</li>
        </ul>
      </Flex>
    </Card>
  );
}
