import type { OfficeDaySessionDetail } from '@lianxin/core';
import { Descriptions, Drawer, Flex, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { PageError, PageLoading } from '../../shared/PageState';
import { useApi } from '../../shared/use-api';
import { isoWeekday } from '../stationing/weeks';
import AttendanceCard from './AttendanceCard';
import DayCasesCard from './DayCasesCard';
import { officeDayMessages } from './office-days.messages';

type Props = { sessionId: string | null; today: string; onClose: () => void; onChanged: () => void };

/** One office day: when and where, who attended (sign-in and, for planners, others), and its cases. */
export default function SessionDrawer({ sessionId, today, onClose, onChanged }: Props) {
  const t = useT(officeDayMessages);
  const loaded = useApi('GET /api/office-days/sessions/:id', sessionId ? { params: { id: sessionId } } : null);
  // Attendance changes answer with the whole session; it replaces what was loaded.
  const [session, setSession] = useState<OfficeDaySessionDetail | null>(null);
  useEffect(() => setSession(loaded.data && loaded.data.id === sessionId ? loaded.data : null), [loaded.data, sessionId]);
  const weekdays = t('weekdays').split(',');

  const changed = (s: OfficeDaySessionDetail) => {
    setSession(s);
    onChanged();
  };

  return (
    <Drawer
      open={!!sessionId}
      onClose={onClose}
      size="large"
      styles={{ wrapper: { maxWidth: '100vw' } }}
      title={session ? t('sessionTitle', { village: session.villageName, date: `${session.date} ${weekdays[isoWeekday(session.date) - 1]}` }) : t('tabSessions')}
      data-testid="session-drawer"
    >
      {loaded.error ? (
        <PageError error={loaded.error} onRetry={loaded.reload} />
      ) : !session ? (
        <PageLoading />
      ) : (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'date', label: t('date'), children: <Flex gap={8} wrap>{session.date} {weekdays[isoWeekday(session.date) - 1]}{session.date === today && <Tag color="orange">{t('today')}</Tag>}</Flex> },
              { key: 'village', label: t('village'), children: session.villageName },
              { key: 'place', label: t('place'), children: <span style={{ overflowWrap: 'anywhere' }}>{session.place ?? t('noPlace')}</span> },
            ]}
          />
          <AttendanceCard session={session} today={today} onChanged={changed} />
          <DayCasesCard session={session} today={today} />
        </Flex>
      )}
    </Drawer>
  );
}
