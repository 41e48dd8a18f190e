import { holds, type ReceptionSessionDetail as SessionDetail } from '@lianxin/core';
import { Alert, Button, Descriptions, Flex, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { DetailDrawer } from '../../shared/DetailDrawer';
import { useApi } from '../../shared/use-api';
import { useMe } from '../shell/session';
import AppointmentsCard from './AppointmentsCard';
import { isOpenForBooking, sessionState, sessionWhen } from './reception-logic';
import { receptionMessages } from './reception.messages';
import SessionCasesCard from './SessionCasesCard';
import SessionForm from './SessionForm';
import { SessionStateTag } from './SessionStateTag';

/**
 * One reception session: its details, publishing and cancelling for planners over its area, the
 * appointments, and the cases taken. Every change answers with the whole session, shown at once.
 */
export default function SessionDrawer({ sessionId, onClose, onChanged }: { sessionId: string | null; onClose: () => void; onChanged: () => void }) {
  const t = useT(receptionMessages);
  const me = useMe();
  const loaded = useApi('GET /api/reception/sessions/:id', sessionId ? { params: { id: sessionId } } : null);
  const [session, setSession] = useState<SessionDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setSession(loaded.data && loaded.data.id === sessionId ? loaded.data : null), [loaded.data, sessionId]);
  useEffect(() => setProblem(null), [sessionId]);

  const changed = (s: SessionDetail) => {
    setSession(s);
    onChanged();
  };
  const patch = async (what: string, body: Record<string, boolean>) => {
    setBusy(what);
    setProblem(null);
    try {
      changed(await call('PATCH /api/reception/sessions/:id', { params: { id: session!.id }, body }));
    } catch (e) {
      setProblem(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(null);
    }
  };

  const now = new Date();
  const canPlan = !!session && holds(me.roles, 'field.manage', session.areaCode);
  const state = session && sessionState(session, now);

  return (
    <DetailDrawer
      open={!!sessionId}
      onClose={onClose}
      padded={12}
      title={session ? sessionWhen(session, t('weekdays').split(',')) : t('title')}
      testId="session-drawer"
      error={loaded.error}
      onRetry={loaded.reload}
      item={session}
      after={
        session &&
        canPlan && (
          <SessionForm
            open={editing}
            onClose={() => setEditing(false)}
            session={session}
            areas={[]}
            onSaved={(s) => {
              setEditing(false);
              changed(s);
            }}
          />
        )
      }
    >
      {(session) => (
        <>
          <Flex wrap gap={8} align="center" justify="space-between">
            <SessionStateTag session={session} now={now} />
            {canPlan && (
              <Space wrap>
                {state !== 'cancelled' && state !== 'ended' && (
                  <Button size="small" onClick={() => setEditing(true)} data-testid="session-edit">
                    {t('edit')}
                  </Button>
                )}
                {!session.isCancelled && state !== 'ended' && (
                  <Button size="small" loading={busy === 'publish'} onClick={() => void patch('publish', { isPublished: !session.isPublished })} data-testid="session-toggle-publish">
                    {session.isPublished ? t('unpublish') : t('doPublish')}
                  </Button>
                )}
                {session.isCancelled ? (
                  state !== 'ended' && (
                    <Button size="small" loading={busy === 'cancel'} onClick={() => void patch('cancel', { isCancelled: false })}>
                      {t('restore')}
                    </Button>
                  )
                ) : (
                  state !== 'ended' && (
                    <Popconfirm title={t('cancelSessionConfirm')} okText={t('confirm')} cancelText={t('close')} onConfirm={() => patch('cancel', { isCancelled: true })}>
                      <Button size="small" danger loading={busy === 'cancel'} data-testid="session-cancel">
                        {t('cancelSession')}
                      </Button>
                    </Popconfirm>
                  )
                )}
              </Space>
            )}
          </Flex>
          {problem && <Alert type="error" showIcon title={problem} />}
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered data-testid="session-details">
            <Descriptions.Item label={t('leader')}>{session.leader.name}</Descriptions.Item>
            <Descriptions.Item label={t('area')}>{session.areaName}</Descriptions.Item>
            <Descriptions.Item label={t('place')}>
              <span style={{ overflowWrap: 'anywhere' }}>{session.place}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('topic')}>
              <span style={{ overflowWrap: 'anywhere' }}>{session.topic ?? '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('capacity')}>{t('booked', { booked: session.booked, capacity: session.capacity })}</Descriptions.Item>
          </Descriptions>
          {!isOpenForBooking(session, now) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('closed')}
            </Typography.Text>
          )}
          <AppointmentsCard session={session} canReveal={canPlan} bookable={isOpenForBooking(session, now)} onChange={changed} onReload={() => { loaded.reload(); onChanged(); }} />
          <SessionCasesCard session={session} canRegister={holds(me.roles, 'case.register')} onChange={changed} />
        </>
      )}
    </DetailDrawer>
  );
}
