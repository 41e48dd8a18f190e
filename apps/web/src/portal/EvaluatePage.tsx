import type { Evaluation, EvaluationView } from '@lianxin/core';
import { Alert, Button, Card, Form, Input, Radio, Result, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, call } from '../api/client';
import { useT } from '../i18n/i18n';
import { useApi } from '../shared/use-api';
import { portalMessages } from './portal.messages';
import { PortalError, PortalLoading } from './PortalState';

/** The signed link from the reply SMS: the resident rates the answer without an account. */
export default function EvaluatePage() {
  const t = useT(portalMessages);
  const { token = '' } = useParams();
  const view = useApi('GET /api/public/evaluations/:token', { params: { token } });
  const [done, setDone] = useState<EvaluationView | null>(null);
  const [result, setResult] = useState<Evaluation['result'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (view.loading) return <PortalLoading />;
  if (view.error || !view.data) return <PortalError error={view.error} />;
  if (view.data.rated && !done)
    return (
      <Result
        status="info"
        title={t('alreadyRated')}
        subTitle={
          <>
            <div>{view.data.code}</div>
            {view.data.ratedResultLabel && <div>{t('yourRating', { result: view.data.ratedResultLabel })}</div>}
            <div>{view.data.statusLabel}</div>
          </>
        }
        data-testid="rate-already"
      />
    );
  if (done) return <Result status="success" title={t('rateThanks')} subTitle={result === 'dissatisfied' ? t('rateReopened') : done.statusLabel} data-testid="rate-done" />;

  const submit = async (values: { result: Evaluation['result']; solved: 'yes' | 'no'; comment?: string }) => {
    setBusy(true);
    setError(null);
    try {
      setDone(await call('POST /api/public/evaluations/:token', { params: { token }, body: { result: values.result, solved: values.solved === 'yes', comment: values.comment?.trim() || undefined } }));
      setResult(values.result);
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('rateTitle')}>
      <Typography.Text type="secondary">{view.data.code}</Typography.Text>
      <Typography.Paragraph strong>{view.data.title}</Typography.Paragraph>
      {view.data.reply && (
        <Card size="small" title={t('reply')} style={{ marginBottom: 12 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{view.data.reply}</Typography.Paragraph>
        </Card>
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form layout="vertical" onFinish={submit}>
        <Form.Item name="result" label={t('result')} rules={[{ required: true, message: t('resultRequired') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'satisfied', label: t('satisfied') }, { value: 'basically_satisfied', label: t('basicallySatisfied') }, { value: 'dissatisfied', label: t('dissatisfied') }]} />
        </Form.Item>
        <Form.Item name="solved" label={t('solved')} rules={[{ required: true, message: t('solved') }]}>
          <Radio.Group options={[{ value: 'yes', label: t('solvedYes') }, { value: 'no', label: t('solvedNo') }]} />
        </Form.Item>
        <Form.Item name="comment" label={t('comment')}>
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('commentPlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('rateSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
