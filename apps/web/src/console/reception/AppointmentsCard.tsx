import type { AppointmentStatus, ReceptionAppointmentView as Appointment, ReceptionSessionDetail as SessionDetail } from '@lianxin/core';
import { Alert, Button, Card, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import AppointmentForm from './AppointmentForm';
import { chinaDateTime, nextStatuses } from './reception-logic';
import { receptionMessages } from './reception.messages';

const STATUS_COLORS: Record<AppointmentStatus, string> = { requested: 'gold', confirmed: 'processing', done: 'success', cancelled: 'default' };

interface Props {
  session: SessionDetail;
  /** May see contacts in clear (planners over the area; audited by the API). */
  canReveal: boolean;
  /** The session still takes appointments. */
  bookable: boolean;
  onChange: (s: SessionDetail) => void;
  onReload: () => void;
}

/** The session's appointments (约访), masked as the API gives them, and what staff do with them. */
export default function AppointmentsCard({ session, canReveal, bookable, onChange, onReload }: Props) {
  const t = useT(receptionMessages);
  const [registering, setRegistering] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<Record<string, { name: string; phone: string }>>({});
  const full = session.booked >= session.capacity;
  const caseCode = (id: string) => session.cases.find((c) => c.id === id)?.code ?? id;

  const act = async (a: Appointment, status: AppointmentStatus) => {
    setBusy(`${a.id}:${status}`);
    setProblem(null);
    try {
      onChange(await call('PATCH /api/reception/appointments/:id', { params: { id: a.id }, body: { status } }));
    } catch (e) {
      setProblem(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(null);
    }
  };
  const reveal = async (a: Appointment) => {
    setBusy(`${a.id}:reveal`);
    setProblem(null);
    try {
      const contact = await call('GET /api/reception/appointments/:id/contact', { params: { id: a.id } });
      setRevealed((r) => ({ ...r, [a.id]: contact }));
    } catch (e) {
      setProblem(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      size="small"
      title={`${t('appointments')}（${t('booked', { booked: session.booked, capacity: session.capacity })}）`}
      extra={
        bookable && (
          <Button size="small" type="primary" disabled={full} title={full ? t('full') : undefined} onClick={() => setRegistering(true)} data-testid="appointment-register">
            {full ? t('full') : t('registerAppointment')}
          </Button>
        )
      }
      styles={{ header: { flexWrap: 'wrap', gap: 4 } }}
    >
      {problem && <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} style={{ marginBottom: 8 }} />}
      <List<Appointment>
        dataSource={session.appointments}
        locale={{ emptyText: t('appointmentsEmpty') }}
        data-testid="appointment-list"
        renderItem={(a) => {
          const contact = revealed[a.id];
          return (
            <List.Item key={a.id} data-testid="appointment" data-id={a.id} data-status={a.status} style={{ display: 'block' }}>
              <Flex wrap gap={8} align="center">
                <Typography.Text strong data-testid="appointment-name">
                  {contact?.name ?? a.name}
                </Typography.Text>
                <Typography.Text data-testid="appointment-phone">{contact?.phone ?? a.phone}</Typography.Text>
                <Tag color={STATUS_COLORS[a.status]} style={{ marginInlineEnd: 0 }} data-testid="appointment-status">
                  {t(`status.${a.status}`)}
                </Tag>
                <Tag style={{ marginInlineEnd: 0 }}>{t(`channel.${a.channel}`)}</Tag>
                {canReveal && !contact && (
                  <Button size="small" type="link" loading={busy === `${a.id}:reveal`} title={t('revealHint')} onClick={() => void reveal(a)} data-testid="appointment-reveal">
                    {t('revealContact')}
                  </Button>
                )}
              </Flex>
              <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{a.matter}</Typography.Paragraph>
              <Flex wrap gap={8} align="center" justify="space-between">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('createdAt', { time: chinaDateTime(a.createdAt) })}
                  {a.caseId && (
                    <>
                      {' · '}
                      {t('caseOfAppointment')} <Link to={`/cases/${a.caseId}`}>{caseCode(a.caseId)}</Link>
                    </>
                  )}
                </Typography.Text>
                <Flex wrap gap={4}>
                  {nextStatuses(a.status).map((next) =>
                    next === 'cancelled' ? (
                      <Popconfirm key={next} title={t('cancelAppointmentConfirm')} okText={t('confirm')} cancelText={t('close')} onConfirm={() => act(a, next)}>
                        <Button size="small" danger loading={busy === `${a.id}:${next}`} data-testid={`appointment-${next}`}>
                          {t(`action.${next}`)}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button key={next} size="small" type={next === 'confirmed' ? 'primary' : 'default'} loading={busy === `${a.id}:${next}`} onClick={() => void act(a, next)} data-testid={`appointment-${next}`}>
                        {t(`action.${next}`)}
                      </Button>
                    ),
                  )}
                </Flex>
              </Flex>
            </List.Item>
          );
        }}
      />
      <AppointmentForm
        sessionId={session.id}
        open={registering}
        onClose={() => setRegistering(false)}
        onSaved={() => {
          setRegistering(false);
          onReload();
        }}
      />
    </Card>
  );
}
