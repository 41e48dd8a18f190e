import type { OfficeDaySessionDetail } from '@lianxin/core';
import { Descriptions, Flex, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { DetailDrawer } from '../../shared/DetailDrawer';
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
    <DetailDrawer
      open={!!sessionId}
      onClose={onClose}
      title={session ? t('sessionTitle', { village: session.villageName, date: `${session.date} ${weekdays[isoWeekday(session.date) - 1]}` }) : t('tabSessions')}
      testId="session-drawer"
      error={loaded.error}
      onRetry={loaded.reload}
      item={session}
    >
      {(session) => (
        <>
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
        </>
      )}
    </DetailDrawer>
  );
}
