import type { EvaluationResult } from '@lianxin/core';
import { Alert, Button, Card, Input, List, Radio, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, call } from '../api/client';
import { useT } from '../i18n/i18n';
import { useApi } from '../shared/use-api';
import { PortalError, PortalLoading } from './PortalState';
import { surveyMessages } from './survey.messages';

/** 群众测评: a resident rates the cadres of a cycle, once per phone verified by an SMS code (a QR link at a service window leads here). */
export default function SurveyPage() {
  const t = useT(surveyMessages);
  const { id = '' } = useParams();
  const view = useApi('GET /api/public/evaluation/:id', { params: { id } });
  const [answers, setAnswers] = useState<Record<string, EvaluationResult>>({});
  const [phone, setPhone] = useState('');
  const [otp, setOtp] = useState('');
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  if (view.loading) return <PortalLoading />;
  if (view.error || !view.data) return <PortalError error={view.error} />;
  if (done) return <Result status="success" title={t('thanks')} data-testid="survey-done" />;
  if (!view.data.open) return <Result status="info" title={t('closed')} />;

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  const sendCode = () =>
    run(async () => {
      if (!/^1\d{10}$/.test(phone)) throw new Error(t('phoneInvalid'));
      const r = await call('POST /api/public/evaluation/:id/otp', { params: { id }, body: { phone } });
      setSent(r.expiresInMinutes);
    });
  const submit = () =>
    run(async () => {
      const list = Object.entries(answers).map(([userId, result]) => ({ userId, result }));
      if (list.length === 0) throw new Error(t('pickOne'));
      if (!/^\d{6}$/.test(otp)) throw new Error(t('codeInvalid'));
      await call('POST /api/public/evaluation/:id/ballot', { params: { id }, body: { phone, otp, answers: list } });
      setDone(true);
    });

  return (
    <Card size="small" title={`${t('title')} · ${view.data.name}`}>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <List
        data-testid="survey-cadres"
        dataSource={view.data.cadres}
        renderItem={(c) => (
          <List.Item>
            <Space orientation="vertical" size={4}>
              <Typography.Text strong>
                {c.name} <Typography.Text type="secondary">{c.unitName}</Typography.Text>
              </Typography.Text>
              <Radio.Group
                optionType="button"
                size="small"
                value={answers[c.userId]}
                onChange={(e) => setAnswers((a) => ({ ...a, [c.userId]: e.target.value as EvaluationResult }))}
                options={[{ value: 'satisfied', label: t('satisfied') }, { value: 'basically_satisfied', label: t('basicallySatisfied') }, { value: 'dissatisfied', label: t('dissatisfied') }]}
              />
            </Space>
          </List.Item>
        )}
      />
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
        <Input aria-label={t('phone')} placeholder={t('phone')} inputMode="numeric" maxLength={11} value={phone} onChange={(e) => setPhone(e.target.value.trim())} data-testid="survey-phone" />
        <Button onClick={sendCode} loading={busy} data-testid="survey-send">
          {t('sendCode')}
        </Button>
      </Space.Compact>
      {sent !== null && <Typography.Paragraph type="success">{t('codeSent', { minutes: sent })}</Typography.Paragraph>}
      <Input aria-label={t('code')} placeholder={t('code')} inputMode="numeric" maxLength={6} value={otp} onChange={(e) => setOtp(e.target.value.trim())} style={{ marginBottom: 12 }} data-testid="survey-otp" />
      <Button type="primary" block size="large" onClick={submit} loading={busy} data-testid="survey-submit">
        {t('submit')}
      </Button>
    </Card>
  );
}
