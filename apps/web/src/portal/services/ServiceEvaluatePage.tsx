import { Alert, Button, Card, Input, Radio, Result, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { PortalError, PortalLoading } from '../PortalState';
import { portalServicesMessages } from './services.messages';

type Result3 = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

/** The signed link of the delivery SMS: the resident rates the service, as they rate a case. */
export default function ServiceEvaluatePage() {
  const t = useT(portalServicesMessages);
  const { token = '' } = useParams();
  const view = useApi('GET /api/public/service-evaluations/:token', { params: { token } });
  const [result, setResult] = useState<Result3 | null>(null);
  const [comment, setComment] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (view.loading && !view.data) return <PortalLoading />;
  if (!view.data) return <PortalError error={view.error} />;
  if (done || view.data.rated) return <Result status="success" title={t('rated')} data-testid="service-rated" />;
  const submit = async () => {
    if (!result) return;
    try {
      await call('POST /api/public/service-evaluations/:token', { params: { token }, body: { result, comment: comment.trim() || undefined } });
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };
  return (
    <Card size="small" title={t('rateTitle')}>
      <Typography.Text type="secondary">{view.data.number}</Typography.Text>
      <Typography.Paragraph strong>{view.data.itemName}</Typography.Paragraph>
      {view.data.result && <Typography.Paragraph>{view.data.result}</Typography.Paragraph>}
      {error && <Alert type="error" title={error} />}
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        value={result}
        onChange={(e) => setResult(e.target.value)}
        options={[
          { value: 'satisfied', label: t('satisfied') },
          { value: 'basically_satisfied', label: t('basicallySatisfied') },
          { value: 'dissatisfied', label: t('dissatisfied') },
        ]}
        style={{ margin: '8px 0' }}
      />
      <Input.TextArea rows={3} placeholder={t('comment')} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={500} />
      <Button type="primary" block size="large" style={{ marginTop: 12 }} disabled={!result} onClick={submit} data-testid="service-rate-submit">
        {t('rateSubmit')}
      </Button>
    </Card>
  );
}
