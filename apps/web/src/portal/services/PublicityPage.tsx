import { Alert, Button, Card, Empty, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { PortalError, PortalLoading } from '../PortalState';
import { portalServicesMessages } from './services.messages';

/** 公示: the committee's decisions on notice, names masked, each open to objections while it runs. */
export default function PublicityPage() {
  const t = useT(portalServicesMessages);
  const list = useApi('GET /api/public/publicity');
  const [open, setOpen] = useState<string | null>(null);
  const [content, setContent] = useState('');
  const [phone, setPhone] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (list.loading && !list.data) return <PortalLoading />;
  if (!list.data) return <PortalError error={list.error} />;
  const send = async (id: string) => {
    setError(null);
    try {
      await call('POST /api/public/publicity/:id/objections', { params: { id }, body: { content: content.trim(), contactPhone: phone.trim() || undefined } });
      setSent(id);
      setOpen(null);
      setContent('');
      setPhone('');
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.title) : String(e));
    }
  };
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('publicityTitle')}
      </Typography.Title>
      {list.data.items.length === 0 && <Empty description={t('publicityNone')} />}
      {list.data.items.map((e) => (
        <Card key={e.id} size="small" style={{ marginBottom: 10 }} data-testid="publicity-entry" title={`${e.itemName}`}>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            <b>{e.areaName}</b> {e.applicantMasked} · {e.number}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{e.summary}</Typography.Paragraph>
          {e.tally && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {e.meetingTitle} {e.tally}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary">{t('period', { from: dayjs(e.startsAt).format('YYYY-MM-DD'), to: dayjs(e.endsAt).format('YYYY-MM-DD') })}</Typography.Text>
          {sent === e.id && <Alert type="success" showIcon title={t('objected')} style={{ marginTop: 8 }} data-testid="objection-sent" />}
          {open === e.id ? (
            <div style={{ marginTop: 8 }}>
              <Input.TextArea rows={3} placeholder={t('objectContent')} value={content} onChange={(x) => setContent(x.target.value)} data-testid="objection-content" />
              <Input placeholder={t('objectPhone')} inputMode="tel" value={phone} onChange={(x) => setPhone(x.target.value)} style={{ marginTop: 6 }} data-testid="objection-phone" />
              {error && <Alert type="error" title={error} style={{ marginTop: 6 }} />}
              <Button type="primary" block style={{ marginTop: 6 }} disabled={!content.trim()} onClick={() => send(e.id)} data-testid="objection-send">
                {t('object')}
              </Button>
            </div>
          ) : (
            <Button size="small" style={{ marginLeft: 8 }} onClick={() => setOpen(e.id)} data-testid="objection-open">
              {t('object')}
            </Button>
          )}
        </Card>
      ))}
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {t('hotline', { hotline: list.data.hotline })}
      </Typography.Paragraph>
    </>
  );
}
