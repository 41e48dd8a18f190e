import { Alert, Button, Form, Input, Space } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { consultMessages } from './consult.messages';

/**
 * A form a resident sends after verifying their phone by SMS code: the phone and code fields, then
 * the caller's fields. `requestCode` and `submit` call the API; errors are shown as the server words them.
 */
export function VerifiedForm({ requestCode, submit, submitText, children, done }: { requestCode: (phone: string) => Promise<{ expiresInMinutes: number }>; submit: (values: Record<string, unknown> & { phone: string; code: string }) => Promise<void>; submitText: string; children: ReactNode; done: string }) {
  const t = useT(consultMessages);
  const [form] = Form.useForm();
  const [info, setInfo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [finished, setFinished] = useState(false);
  const [busy, setBusy] = useState(false);
  const say = (e: unknown) => setError(e instanceof ApiError ? e.title : String(e));

  if (finished) return <Alert type="success" showIcon message={done} data-testid="verified-done" />;
  return (
    <Form form={form} layout="vertical" onFinish={async (v) => {
      setBusy(true);
      setError(null);
      try {
        await submit(v);
        setFinished(true);
      } catch (e) {
        say(e);
      } finally {
        setBusy(false);
      }
    }}>
      <Form.Item label={t('phone')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="phone" noStyle rules={[{ required: true, pattern: /^1[3-9]\d{9}$/ }]}>
            <Input inputMode="tel" maxLength={11} aria-label={t('phone')} />
          </Form.Item>
          <Button
            data-testid="get-code"
            onClick={async () => {
              setError(null);
              try {
                const phone = (await form.validateFields(['phone'])).phone as string;
                const r = await requestCode(phone);
                setSent(true);
                setInfo(t('codeSent', { minutes: r.expiresInMinutes }));
              } catch (e) {
                if (e instanceof ApiError || e instanceof Error) say(e);
              }
            }}
          >
            {t('getCode')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {info && <Alert type="info" message={info} style={{ marginBottom: 8 }} />}
      <Form.Item name="code" label={t('code')} rules={[{ required: true, pattern: /^\d{6}$/ }]}>
        <Input inputMode="numeric" maxLength={6} disabled={!sent} />
      </Form.Item>
      {children}
      {error && <Alert type="error" message={error} role="alert" style={{ marginBottom: 8 }} data-testid="verified-error" />}
      <Button type="primary" htmlType="submit" block loading={busy} disabled={!sent} data-testid="verified-submit">
        {submitText}
      </Button>
    </Form>
  );
}
