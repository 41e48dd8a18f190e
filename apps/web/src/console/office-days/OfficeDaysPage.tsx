import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { reachOf } from '@lianxin/core';
import { areaOptions } from '../field-work/area-options';
import { useMe } from '../shell/session';
import { chinaToday } from '../stationing/weeks';
import { officeDaysSearch, type OfficeDayTab, parseOfficeDays } from './office-days-logic';
import { officeDayMessages } from './office-days.messages';
import SchedulesTab from './SchedulesTab';
import SessionDrawer from './SessionDrawer';
import SessionsTab from './SessionsTab';
import { TabbedPage } from '../field-work/TabbedPage';
import { useAddressFilters } from '../field-work/use-address-filters';

/**
 * 联合办公日: the sessions of a period (grouped by week, each opening a drawer with attendance and
 * the cases of the day) and the villages' recurring schedules. Tab, filters and the open session
 * live in the address.
 */
export default function OfficeDaysPage() {
  const t = useT(officeDayMessages);
  const me = useMe();
  const [today] = useState(() => chinaToday());
  const { filters, change } = useAddressFilters(parseOfficeDays, officeDaysSearch, today);
  // Counts in the list change when the drawer records attendance: the list reloads then.
  const [listTick, setListTick] = useState(0);

  const areas = useApi('GET /api/areas', { query: { format: 'tree' } });
  const tree = areas.data?.items;
  const readable = useMemo(() => areaOptions(tree ?? [], reachOf(me.roles, 'field.read')), [tree, me.roles]);
  const plannable = useMemo(() => areaOptions(tree ?? [], reachOf(me.roles, 'field.manage')), [tree, me.roles]);
  const plannableVillages = useMemo(() => areaOptions(tree ?? [], reachOf(me.roles, 'field.manage'), { villagesOnly: true }), [tree, me.roles]);

  return (
    <TabbedPage<OfficeDayTab>
      title={t('title')}
      subtitle={t('subtitle')}
      active={filters.tab}
      onChange={(tab) => change({ tab })}
      testId="office-day-tabs"
      items={[
        {
          key: 'sessions',
          label: t('tabSessions'),
          children: <SessionsTab filters={filters} onChange={change} areas={readable} plannable={plannable} today={today} reloadKey={listTick} />,
        },
        { key: 'schedules', label: t('tabSchedules'), children: <SchedulesTab filters={filters} onChange={change} areas={readable} villages={plannableVillages} /> },
      ]}
    >
      <SessionDrawer sessionId={filters.session ?? null} today={today} onClose={() => change({ session: undefined })} onChanged={() => setListTick((n) => n + 1)} />
    </TabbedPage>
  );
}
