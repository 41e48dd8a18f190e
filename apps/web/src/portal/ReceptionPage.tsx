import type { ReceptionBooking, PublicReceptionSession as Session } from '@lianxin/core';
import { Alert, App, Button, Card, Descriptions, Form, Input, List, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../api/client';
import { useLocale, useT } from '../i18n/i18n';
import { useApi } from '../shared/use-api';
import { portalMessages } from './portal.messages';
import { PortalEmpty, PortalError, PortalLoading } from './PortalState';

/** What this phone keeps of its own bookings: reference, time, place and the token that cancels. */
type KeptBooking = Pick<ReceptionBooking, 'reference' | 'startsAt' | 'place' | 'status'> & { cancelToken: string };
const STORE = 'lianxin.receptionBookings';
const kept = (): KeptBooking[] => {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? '[]') as KeptBooking[];
  } catch {
    return [];
  }
};
const keep = (list: KeptBooking[]) => localStorage.setItem(STORE, JSON.stringify(list.filter((b) => b.startsAt > new Date(Date.now() - 86_400_000).toISOString()).slice(-10)));

/** 领导接访日: the published schedule, an appointment request for a session, its reference and cancel. */
export default function ReceptionPage() {
  const t = useT(portalMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const sessions = useApi('GET /api/public/reception-sessions');
  const [booking, setBooking] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mine, setMine] = useState<KeptBooking[]>(kept);
  const [form] = Form.useForm();

  const update = (list: KeptBooking[]) => {
    keep(list);
    setMine(list);
  };
  const book = async (values: { name: string; phone: string; matter: string }) => {
    setError(null);
    try {
      const done = await call('POST /api/public/reception-sessions/:id/appointments', { params: { id: booking!.id }, body: values });
      if (done.cancelToken) update([...mine, { reference: done.reference, startsAt: done.startsAt, place: done.place, status: done.status, cancelToken: done.cancelToken }]);
      setBooking(null);
      form.resetFields();
      sessions.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };
  const cancel = async (b: KeptBooking) => {
    try {
      await call('POST /api/public/reception-appointments/cancel', { body: { token: b.cancelToken } });
      update(mine.map((m) => (m.reference === b.reference ? { ...m, status: 'cancelled' } : m)));
      message.success(t('bookingCancelled'));
      sessions.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.title : String(e));
    }
  };
  const time = (iso: string, opts: Intl.DateTimeFormatOptions) => new Date(iso).toLocaleString(locale, { hour12: false, ...opts });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {mine.length > 0 && (
        <Card size="small" title={t('myBookings')} data-testid="my-bookings">
          {mine.map((b) => (
            <div key={b.reference} data-testid="booking-receipt" style={{ marginBottom: 8 }}>
              {b.status !== 'cancelled' && <Alert type="success" showIcon title={t('booked')} style={{ marginBottom: 8 }} />}
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('bookingRef')}>
                  <Typography.Text strong copyable data-testid="booking-ref">
                    {b.reference}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('bookingWhen')}>{time(b.startsAt, { dateStyle: 'medium', timeStyle: 'short' })}</Descriptions.Item>
                <Descriptions.Item label={t('place')}>{b.place}</Descriptions.Item>
              </Descriptions>
              {b.status === 'cancelled' ? (
                <Tag style={{ marginTop: 6 }} data-testid="booking-cancelled">
                  {t('bookingCancelled')}
                </Tag>
              ) : (
                <Popconfirm title={t('cancelConfirm')} onConfirm={() => cancel(b)} okText={t('cancelBooking')}>
                  <Button danger size="small" style={{ marginTop: 6 }}>
                    {t('cancelBooking')}
                  </Button>
                </Popconfirm>
              )}
            </div>
          ))}
        </Card>
      )}
      <Card size="small" title={t('receptionTitle')}>
        {sessions.loading ? (
          <PortalLoading />
        ) : sessions.error ? (
          <PortalError error={sessions.error} onRetry={sessions.reload} />
        ) : !sessions.data?.items.length ? (
          <PortalEmpty text={t('receptionEmpty')} />
        ) : (
          <List
            dataSource={sessions.data.items}
            renderItem={(s) => (
              <List.Item
                style={{ display: 'block' }}
                extra={
                  <Button size="small" type="primary" disabled={s.available <= 0} onClick={() => setBooking(s)}>
                    {t('book')}
                  </Button>
                }
              >
                <Typography.Text strong>{time(s.startsAt, { dateStyle: 'medium', timeStyle: 'short' })}</Typography.Text>–{time(s.endsAt, { timeStyle: 'short' })}
                <div>
                  {t('leader')}: {s.leaderName}{' '}
                  <Tag color={s.available > 0 ? 'green' : undefined} style={s.available > 0 ? { color: '#135200' } : undefined} data-testid="places-left">
                    {s.available > 0 ? t('placesLeft', { n: s.available }) : t('noPlacesLeft')}
                  </Tag>
                </div>
                <div style={{ color: '#595959', fontSize: 13 }}>
                  {t('place')}: {s.place}
                  {s.topic ? ` · ${t('topic')}: ${s.topic}` : ''}
                </div>
              </List.Item>
            )}
          />
        )}
        <Modal open={!!booking} title={t('bookTitle')} onCancel={() => setBooking(null)} onOk={() => form.submit()} okText={t('book')} destroyOnHidden>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Form form={form} layout="vertical" onFinish={book}>
            <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="phone" label={t('phone')} rules={[{ required: true, message: t('phoneRequired') }]}>
              <Input inputMode="tel" maxLength={13} />
            </Form.Item>
            <Form.Item name="matter" label={t('matter')} rules={[{ required: true, min: 5, message: t('descriptionRequired') }]}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </Form>
        </Modal>
      </Card>
    </Space>
  );
}
