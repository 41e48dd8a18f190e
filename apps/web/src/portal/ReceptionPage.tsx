import type { PublicReceptionSession as Session } from '@lianxin/core';
import { Alert, App, Button, Card, Form, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../api/client';
import { useLocale, useT } from '../i18n/i18n';
import { useApi } from '../shared/use-api';
import { portalMessages } from './portal.messages';
import { PortalEmpty, PortalError, PortalLoading } from './PortalState';

/** 领导接访日: the published schedule, and an appointment request for a session. */
export default function ReceptionPage() {
  const t = useT(portalMessages);
  const { locale } = useLocale();
  const { message } = App.useApp();
  const sessions = useApi('GET /api/public/reception-sessions');
  const [booking, setBooking] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const book = async (values: { name: string; phone: string; matter: string }) => {
    setError(null);
    try {
      await call('POST /api/public/reception-sessions/:id/appointments', { params: { id: booking!.id }, body: values });
      message.success(t('booked'));
      setBooking(null);
      form.resetFields();
      sessions.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };
  const time = (iso: string, opts: Intl.DateTimeFormatOptions) => new Date(iso).toLocaleString(locale, { hour12: false, ...opts });

  return (
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
                {t('leader')}: {s.leaderName} <Tag>{s.available}</Tag>
              </div>
              <div style={{ color: '#888', fontSize: 13 }}>
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
  );
}
