import { consultationLabel } from '@lianxin/core';
import { Card, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { PortalError, PortalLoading } from '../PortalState';
import { consultMessages } from './consult.messages';
import { VerifiedForm } from './VerifiedForm';

/** A consultation on the portal: background, public minutes, the opinion form (SMS-verified), then the decision with feedback. */
export default function ConsultationPublicPage() {
  const { id } = useParams() as { id: string };
  const t = useT(consultMessages);
  const { locale } = useLocale();
  const c = useApi('GET /api/public/consultations/:id', { params: { id } });
  if (c.loading) return <PortalLoading />;
  if (c.error || !c.data) return <PortalError error={c.error} onRetry={c.reload} />;
  const d = c.data;
  const label = new Map(d.options.map((o) => [o.id, o.label]));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="public-consultation">
      <Card size="small" title={d.title}>
        <div style={{ fontSize: 12, color: '#888', marginBottom: 8 }}>
          <Tag color={d.state === 'decided' ? 'blue' : d.state === 'open' ? 'green' : undefined} data-testid="public-state">
            {consultationLabel('state', d.state, locale)}
          </Tag>
          {d.areaName} · {t('period', { from: d.opensOn, to: d.closesOn })} · {consultationLabel('rule', d.rule, locale)}
        </div>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.background}</Typography.Paragraph>
        {d.questions.length > 0 && (
          <>
            <Typography.Text strong>{t('questions')}</Typography.Text>
            <ol>{d.questions.map((q) => <li key={q}>{q}</li>)}</ol>
          </>
        )}
      </Card>
      {d.decision && (
        <Card size="small" title={t('decision')}>
          <Typography.Paragraph data-testid="public-decision">{d.decision}</Typography.Paragraph>
          {d.results.length > 0 && (
            <List size="small" header={t('results')} dataSource={d.results} renderItem={(r) => <List.Item>{r.label}：{r.total}</List.Item>} />
          )}
        </Card>
      )}
      {d.feedback.length > 0 && (
        <Card size="small" title={t('feedback')}>
          <List
            dataSource={d.feedback}
            renderItem={(f) => (
              <List.Item data-testid="public-feedback" style={{ display: 'block' }}>
                <div style={{ fontSize: 12, color: '#888' }}>
                  {f.channel === 'cadre' ? t('visit') : t('online')}
                  {f.optionLabel ? ` · ${f.optionLabel}` : ''}
                </div>
                <div>{f.text || '—'}</div>
                <Tag color={f.response === 'adopted' ? 'green' : f.response === 'partly' ? 'orange' : 'red'}>{f.response ? consultationLabel('response', f.response, locale) : ''}</Tag>
                {f.reason && <span style={{ fontSize: 13 }}>{t('reason', { reason: f.reason })}</span>}
              </List.Item>
            )}
          />
        </Card>
      )}
      {d.meetings.length > 0 && (
        <Card size="small" title={t('meetings')}>
          {d.meetings.map((m, i) => (
            <div key={i} style={{ marginBottom: 8 }}>
              <Typography.Text strong>
                {consultationLabel('meeting', m.kind, locale)} · {new Date(m.heldAt).toLocaleDateString(locale)} · {t('attendees', { n: m.attendeeCount })}
              </Typography.Text>
              <div>{m.counts.map((k) => `${label.get(k.optionId)}：${k.count}`).join('；')}</div>
              {m.minutes && <Typography.Paragraph type="secondary">{m.minutes}</Typography.Paragraph>}
            </div>
          ))}
        </Card>
      )}
      {d.state === 'open' ? (
        <Card size="small" title={t('give')}>
          <Typography.Paragraph type="secondary">{t('giveHint')}</Typography.Paragraph>
          <VerifiedForm
            requestCode={(phone) => call('POST /api/public/consultations/:id/code', { params: { id }, body: { phone } })}
            submit={async (v) => {
              await call('POST /api/public/consultations/:id/opinions', { params: { id }, body: { phone: v.phone, code: v.code, optionId: (v.optionId as string) || undefined, text: (v.text as string) ?? '' } });
            }}
            submitText={t('submit')}
            done={t('thanks')}
          >
            {d.options.length > 0 && (
              <Form.Item name="optionId" label={t('option')}>
                <Radio.Group>
                  <Space direction="vertical">
                    {d.options.map((o) => (
                      <Radio key={o.id} value={o.id}>
                        {o.label}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
            )}
            <Form.Item name="text" label={t('text')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </VerifiedForm>
        </Card>
      ) : (
        !d.decision && <Card size="small">{t('closed')}</Card>
      )}
    </Space>
  );
}
