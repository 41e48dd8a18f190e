import { Flex, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { reachOf } from '@lianxin/core';
import { areaOptions } from '../field-work/area-options';
import { useMe } from '../shell/session';
import { chinaToday } from '../stationing/weeks';
import { type OfficeDayFilters, officeDaysSearch, type OfficeDayTab, parseOfficeDays } from './office-days-logic';
import { officeDayMessages } from './office-days.messages';
import SchedulesTab from './SchedulesTab';
import SessionDrawer from './SessionDrawer';
import SessionsTab from './SessionsTab';
import { PageHeader } from '../../shared/PageHeader';

/**
 * 联合办公日: the sessions of a period (grouped by week, each opening a drawer with attendance and
 * the cases of the day) and the villages' recurring schedules. Tab, filters and the open session
 * live in the address.
 */
export default function OfficeDaysPage() {
  const t = useT(officeDayMessages);
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const [today] = useState(() => chinaToday());
  const filters = useMemo(() => parseOfficeDays(search, today), [search, today]);
  const latest = useRef(filters);
  latest.current = filters;
  const change = useCallback((patch: Partial<OfficeDayFilters>) => setSearch(officeDaysSearch({ ...latest.current, ...patch }, today)), [setSearch, today]);
  // Counts in the list change when the drawer records attendance: the list reloads then.
  const [listTick, setListTick] = useState(0);

  const areas = useApi('GET /api/areas', { query: { format: 'tree' } });
  const tree = areas.data?.items;
  const readable = useMemo(() => areaOptions(tree ?? [], reachOf(me.roles, 'field.read')), [tree, me.roles]);
  const plannable = useMemo(() => areaOptions(tree ?? [], reachOf(me.roles, 'field.manage')), [tree, me.roles]);
  const plannableVillages = useMemo(() => areaOptions(tree ?? [], reachOf(me.roles, 'field.manage'), { villagesOnly: true }), [tree, me.roles]);

  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Tabs
        activeKey={filters.tab}
        onChange={(key) => change({ tab: key as OfficeDayTab })}
        data-testid="office-day-tabs"
        // A tab shows what is true when it is opened (a rule or schedule changed on another tab).
        destroyOnHidden
        items={[
          {
            key: 'sessions',
            label: t('tabSessions'),
            children: <SessionsTab filters={filters} onChange={change} areas={readable} plannable={plannable} today={today} reloadKey={listTick} />,
          },
          { key: 'schedules', label: t('tabSchedules'), children: <SchedulesTab filters={filters} onChange={change} areas={readable} villages={plannableVillages} /> },
        ]}
      />
      <SessionDrawer sessionId={filters.session ?? null} today={today} onClose={() => change({ session: undefined })} onChanged={() => setListTick((n) => n + 1)} />
    </Flex>
  );
}
