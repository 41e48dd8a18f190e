import { consultationLabel, type MeetingDoorSignIn } from '@lianxin/core';
import { Card, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { call } from '../../api/client';
import { useLocale, useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { PortalError, PortalLoading } from '../PortalState';
import { consultMessages } from './consult.messages';
import { VerifiedForm } from './VerifiedForm';

/** 扫码签到: the page the door's QR code opens on an attendee's phone — verified by SMS, signed in once. */
export default function MeetingSignInPage() {
  const { meetingId } = useParams() as { meetingId: string };
  const t = useT(consultMessages);
  const { locale } = useLocale();
  const m = useApi('GET /api/public/meetings/:meetingId', { params: { meetingId } });
  const [result, setResult] = useState<MeetingDoorSignIn | null>(null);
  if (m.loading) return <PortalLoading />;
  if (m.error || !m.data) return <PortalError error={m.error} onRetry={m.reload} />;
  const d = m.data;
  const time = result ? dayjs(result.signedInAt).format('HH:mm') : '';
  return (
    <Card size="small" title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('doorTitle')}</h1>} data-testid="door-sign-in">
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {d.title}
      </Typography.Title>
      <p style={{ color: '#595959' }}>
        {consultationLabel('meeting', d.kind, locale)} · {dayjs(d.heldAt).format('YYYY-MM-DD HH:mm')} · {d.place} · {d.areaName}
      </p>
      {!d.open ? (
        <Typography.Text data-testid="door-closed">{t('doorClosed')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph>{t('doorHint')}</Typography.Paragraph>
          <VerifiedForm
            requestCode={(phone) => call('POST /api/public/meetings/:meetingId/code', { params: { meetingId }, body: { phone } })}
            submit={async (v) => setResult(await call('POST /api/public/meetings/:meetingId/sign-in', { params: { meetingId }, body: { phone: v.phone, code: v.code } }))}
            submitText={t('doorSubmit')}
            done={result ? t(result.alreadySignedIn ? 'doorAlready' : 'doorDone', { name: result.name, time }) : ''}
          >
            {null}
          </VerifiedForm>
        </>
      )}
    </Card>
  );
}
