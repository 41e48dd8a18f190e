import { holds, type OfficeDaySessionDetail } from '@lianxin/core';
import { Alert, Button, Card, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { useMe } from '../shell/session';
import StaffSelect from '../field-work/StaffSelect';
import { canRecordAttendance, chinaTime, isPresent } from './office-days-logic';
import { officeDayMessages } from './office-days.messages';

type Props = { session: OfficeDaySessionDetail; today: string; onChanged: (s: OfficeDaySessionDetail) => void };

/**
 * 到岗人员: "我已到岗" for the signed-in user from the session's day on; planners over the village
 * add colleagues and remove entries (anyone may take back their own).
 */
export default function AttendanceCard({ session, today, onChanged }: Props) {
  const t = useT(officeDayMessages);
  const me = useMe();
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [adding, setAdding] = useState<string[]>([]);
  // Everyone in the field over the village records themselves; planners record and remove others.
  const canAttend = holds(me.roles, 'field.read', session.villageCode);
  const canManage = holds(me.roles, 'field.manage', session.villageCode);
  const open = canRecordAttendance(session.date, today);
  const present = isPresent(session, me.userId);
  const params = { id: session.id };

  const act = async (what: string, send: () => Promise<OfficeDaySessionDetail>) => {
    setBusy(what);
    setProblem(null);
    try {
      onChanged(await send());
      if (what === 'add') setAdding([]);
    } catch (e) {
      setProblem(e instanceof ApiError ? [e.title, ...e.fieldErrors.map((f) => f.message)].filter((m, i, all) => all.indexOf(m) === i).join('：') : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={`${t('attendance')}（${session.attendance.length}）`} data-testid="attendance-card">
      <Flex vertical gap={8}>
        {problem && <Alert type="error" showIcon title={problem} data-testid="attendance-error" />}
        {(canAttend || canManage) && (
          <Flex wrap gap={8} align="center">
            {present ? (
              <Tag color="success" data-testid="attendance-me">
                {t('signedIn')}
              </Tag>
            ) : (
              <Button type="primary" disabled={!open} loading={busy === 'me'} onClick={() => void act('me', () => call('POST /api/office-days/sessions/:id/attendance', { params, body: {} }))} data-testid="attendance-sign-in">
                {t('signIn')}
              </Button>
            )}
            {!open && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('signInLater')}
              </Typography.Text>
            )}
          </Flex>
        )}
        {canManage && open && (
          <Flex gap={8} align="flex-start" wrap>
            <div style={{ flex: '1 1 220px', minWidth: 0 }}>
              <StaffSelect mode="multiple" value={adding} onChange={setAdding} exclude={session.attendance.map((a) => a.userId)} placeholder={t('addAttendeesPlaceholder')} testId="attendance-add-select" />
            </div>
            <Button disabled={adding.length === 0} loading={busy === 'add'} onClick={() => void act('add', () => call('POST /api/office-days/sessions/:id/attendance', { params, body: { userIds: adding } }))} data-testid="attendance-add">
              {t('add')}
            </Button>
          </Flex>
        )}
        <List
          size="small"
          dataSource={session.attendance}
          locale={{ emptyText: t('attendanceEmpty') }}
          data-testid="attendance-list"
          renderItem={(a) => (
            <List.Item
              key={a.userId}
              data-testid="attendee"
              data-user={a.userId}
              actions={
                canManage || (canAttend && a.userId === me.userId)
                  ? [
                      <Popconfirm key="remove" title={t('removeConfirm', { name: a.name })} okText={t('remove')} cancelText={t('cancel')} onConfirm={() => act(`remove-${a.userId}`, () => call('DELETE /api/office-days/sessions/:id/attendance/:userId', { params: { ...params, userId: a.userId } }))}>
                        <Button size="small" type="link" danger loading={busy === `remove-${a.userId}`}>
                          {t('remove')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>{a.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('recordedAt', { time: chinaTime(a.recordedAt) })}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      </Flex>
    </Card>
  );
}
