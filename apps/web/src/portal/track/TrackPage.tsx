import type { TrackedCase } from '@lianxin/core';
import { Alert, App, Button, Card, Form, type FormInstance, Input, Space, Tabs } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { portalMessages } from '../portal.messages';
import { PortalLoading } from '../PortalState';
import { isTrackingCode, isTrackingSecret, normalizeCode } from './track-logic';
import { TrackResult } from './TrackResult';

/** 查询进度: by code and 查询码, by an SMS code, or with an access link. */
export default function TrackPage() {
  const t = useT(portalMessages);
  const { message } = App.useApp();
  const { token } = useParams();
  const [params] = useSearchParams();
  const [tracked, setTracked] = useState<TrackedCase | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(!!token);
  const [secretForm] = Form.useForm();
  const [smsForm] = Form.useForm();

  const run = async (track: () => Promise<TrackedCase>) => {
    setBusy(true);
    setError(null);
    try {
      setTracked(await track());
    } catch (e) {
      setTracked(null);
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (token) void run(() => call('GET /api/public/track/:token', { params: { token } }));
  }, [token]);

  const codeRule = { validator: async (_: unknown, v?: string) => (v && isTrackingCode(v) ? undefined : Promise.reject(new Error(t('codeInvalid')))) };
  const secretRule = { validator: async (_: unknown, v?: string) => (v && isTrackingSecret(v) ? undefined : Promise.reject(new Error(t('secretInvalid')))) };
  /** One way to look a case up: the tracking code, the way's own `fields`, the query button. */
  const trackForm = <V extends { code: string }>(form: FormInstance, onFinish: (v: V) => void, fields: ReactNode) => (
    <Form form={form} layout="vertical" initialValues={{ code: params.get('code') ?? '' }} onFinish={onFinish}>
      <Form.Item name="code" label={t('code')} rules={[codeRule]} normalize={(v: string) => v.toUpperCase()}>
        <Input placeholder={t('codePlaceholder')} autoCapitalize="characters" />
      </Form.Item>
      {fields}
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('query')}
      </Button>
    </Form>
  );
  const sendOtp = async () => {
    const { code, phone } = await smsForm.validateFields(['code', 'phone']);
    try {
      await call('POST /api/public/track/otp', { body: { code: normalizeCode(code), phone: phone.trim() } });
      message.success(t('otpSent'));
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };

  if (token && busy) return <PortalLoading />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {!token && (
        <Card title={t('trackTitle')} size="small">
          <Tabs
            items={[
              {
                key: 'secret',
                label: t('bySecret'),
                children: trackForm(
                  secretForm,
                  (v: { code: string; secret: string }) => run(() => call('POST /api/public/track', { body: { code: normalizeCode(v.code), secret: v.secret.trim() } })),
                  <Form.Item name="secret" label={t('secret')} rules={[secretRule]} normalize={(v: string) => v.toUpperCase()}>
                    <Input placeholder={t('secretPlaceholder')} autoCapitalize="characters" autoComplete="off" maxLength={11} />
                  </Form.Item>,
                ),
              },
              {
                key: 'sms',
                label: t('bySms'),
                children: trackForm(
                  smsForm,
                  (v: { code: string; otp: string }) => run(() => call('POST /api/public/track/verify', { body: { code: normalizeCode(v.code), otp: v.otp } })),
                  <>
                    <Form.Item label={t('phone')} required>
                      <Space.Compact style={{ width: '100%' }}>
                        <Form.Item name="phone" noStyle rules={[{ required: true, message: t('phoneRequired') }]}>
                          <Input inputMode="tel" maxLength={13} />
                        </Form.Item>
                        <Button onClick={() => void sendOtp()}>{t('sendOtp')}</Button>
                      </Space.Compact>
                    </Form.Item>
                    <Form.Item name="otp" label={t('otp')} rules={[{ pattern: /^\d{6}$/, required: true, message: t('otpInvalid') }]}>
                      <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
                    </Form.Item>
                  </>,
                ),
              },
            ]}
          />
        </Card>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {tracked && <TrackResult tracked={tracked} />}
    </Space>
  );
}
