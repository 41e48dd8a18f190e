import { type Answer } from '@lianxin/core';
import { Card, Form, Typography } from 'antd';
import { useParams } from 'react-router';
import { call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { PortalError, PortalLoading } from '../PortalState';
import { consultMessages } from './consult.messages';
import { VerifiedForm } from './VerifiedForm';
import { SurveyQuestionInput } from '../../shared/SurveyQuestionInput';

/** A needs survey on the portal (the QR card opens it): the questions, verified by SMS, one per household. */
export default function SurveyPublicPage() {
  const { id } = useParams() as { id: string };
  const t = useT(consultMessages);
  const s = useApi('GET /api/public/surveys/:id', { params: { id } });
  if (s.loading) return <PortalLoading />;
  if (s.error || !s.data) return <PortalError error={s.error} onRetry={s.reload} />;
  const d = s.data;
  return (
    <Card size="small" title={d.title} data-testid="public-survey">
      <div style={{ fontSize: 12, color: '#888', marginBottom: 8 }}>{d.areaName} · {t('period', { from: d.opensOn, to: d.closesOn })}</div>
      {d.intro && <Typography.Paragraph>{d.intro}</Typography.Paragraph>}
      {!d.open ? (
        <Typography.Text>{t('closed')}</Typography.Text>
      ) : (
        <VerifiedForm
          requestCode={(phone) => call('POST /api/public/surveys/:id/code', { params: { id }, body: { phone } })}
          submit={async (v) => {
            const answers: Answer[] = [];
            d.questions.forEach((q, index) => {
              const value = v[`q${index}`];
              if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return;
              if (q.kind === 'single') answers.push({ index, choice: Number(value) });
              if (q.kind === 'multiple') answers.push({ index, choices: (value as number[]).map(Number) });
              if (q.kind === 'scale') answers.push({ index, scale: Number(value) });
              if (q.kind === 'text') answers.push({ index, text: String(value) });
            });
            await call('POST /api/public/surveys/:id/answers', { params: { id }, body: { phone: v.phone, code: v.code, answers } });
          }}
          submitText={t('answer')}
          done={t('answered')}
        >
          {d.questions.map((q, index) => (
            <Form.Item key={index} name={`q${index}`} label={`${index + 1}. ${q.text}`}>
              <SurveyQuestionInput question={q} />
            </Form.Item>
          ))}
        </VerifiedForm>
      )}
    </Card>
  );
}
