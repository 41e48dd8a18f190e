import { Alert, Button, Card, Flex, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, call, type ApiResponse } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { formatDue } from '../../shared/time-left';
import { portalProjectsMessages } from './projects.messages';

type Booking = ApiResponse<'GET /api/public/projects/:id/booking'>;

/** Booking a selection slot with the code printed on the household's notice (no account needed). */
export default function BookingPage() {
  const { id = '' } = useParams();
  const t = useT(portalProjectsMessages);
  const [code, setCode] = useState('');
  const [booking, setBooking] = useState<Booking | null>(null);
  const [slotId, setSlotId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const slotText = (s: { startsAt: string; endsAt: string }) => `${formatDue(s.startsAt)}–${formatDue(s.endsAt).slice(11)}`;

  const run = async (work: () => Promise<Booking>) => {
    setBusy(true);
    setError(null);
    try {
      const b = await work();
      setBooking(b);
      setSlotId(b.slotId);
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  const booked = booking?.slots.find((s) => s.id === booking.slotId);

  return (
    <Card size="small" title={t('bookingTitle')} data-testid="booking-page">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('bookingHint')}</Typography.Text>
        <Flex gap={8}>
          <Input value={code} onChange={(e) => setCode(e.target.value.trim().toUpperCase())} placeholder={t('code')} maxLength={16} data-testid="booking-code" />
          <Button type="primary" loading={busy} disabled={code.length < 6} onClick={() => run(() => call('GET /api/public/projects/:id/booking', { params: { id }, query: { code } }))} data-testid="booking-find">
            {t('find')}
          </Button>
        </Flex>
        {error && <Alert type="error" message={error} showIcon />}
        {booking && (
          <>
            <Typography.Text strong>{`${booking.projectName} · ${booking.name}`}</Typography.Text>
            <Typography.Text>{t('number', { number: booking.number })}</Typography.Text>
            {booking.order !== null && <Typography.Text>{t('yourOrder', { order: booking.order })}</Typography.Text>}
            {booked && <Alert type="success" showIcon message={t('booked', { slot: slotText(booked) })} data-testid="booking-done" />}
            <Typography.Text>{t('slot')}</Typography.Text>
            <Radio.Group value={slotId} onChange={(e) => setSlotId(e.target.value as string)}>
              <Flex vertical gap={6}>
                {booking.slots.map((s) => (
                  <Radio key={s.id} value={s.id} disabled={s.booked >= s.capacity && s.id !== booking.slotId}>
                    {`${slotText(s)} (${s.booked}/${s.capacity})`} {s.booked >= s.capacity ? t('full') : ''}
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
            <Flex gap={8}>
              <Button type="primary" loading={busy} disabled={!slotId || slotId === booking.slotId} onClick={() => run(() => call('POST /api/public/projects/:id/booking', { params: { id }, body: { code, slotId } }))} data-testid="booking-submit">
                {t('book')}
              </Button>
              {booking.slotId && (
                <Button loading={busy} onClick={() => run(() => call('POST /api/public/projects/:id/booking', { params: { id }, body: { code, slotId: null } }))}>
                  {t('cancelBooking')}
                </Button>
              )}
            </Flex>
          </>
        )}
      </Flex>
    </Card>
  );
}
