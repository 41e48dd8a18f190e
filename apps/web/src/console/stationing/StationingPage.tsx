import { Flex, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { localDate, reachOf } from '@lianxin/core';
import { areaOptions } from '../field-work/area-options';
import { useMe } from '../shell/session';
import AssignmentsTab from './AssignmentsTab';
import ReportTab from './ReportTab';
import RuleTab from './RuleTab';
import { parseStationing, type StationingFilters, stationingSearch, type StationingTab } from './stationing-query';
import { stationingMessages } from './stationing.messages';
import { PageHeader } from '../../shared/PageHeader';

/**
 * 驻村: the compliance report (days present per ISO week against the rule), the assignments and
 * the global rule, on three tabs. The tab and the filters live in the address.
 */
export default function StationingPage() {
  const t = useT(stationingMessages);
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  // One "today" per visit: the default period must not move under the user at midnight.
  const [today] = useState(() => localDate(new Date()));
  const filters = useMemo(() => parseStationing(search, today), [search, today]);
  // Ant Design pickers can call back with an earlier render's handler: apply every change to the
  // filters as they are now.
  const latest = useRef(filters);
  latest.current = filters;
  const change = useCallback((patch: Partial<StationingFilters>) => setSearch(stationingSearch({ ...latest.current, ...patch }, today)), [setSearch, today]);

  const areas = useApi('GET /api/areas', { query: { format: 'tree' } });
  const readable = useMemo(() => areaOptions(areas.data?.items ?? [], reachOf(me.roles, 'field.read')), [areas.data, me.roles]);

  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Tabs
        activeKey={filters.tab}
        onChange={(key) => change({ tab: key as StationingTab })}
        data-testid="stationing-tabs"
        // A tab shows what is true when it is opened (a rule or schedule changed on another tab).
        destroyOnHidden
        items={[
          { key: 'report', label: t('tabReport'), children: <ReportTab filters={filters} onChange={change} areas={readable} today={today} /> },
          { key: 'assignments', label: t('tabAssignments'), children: <AssignmentsTab filters={filters} onChange={change} areas={readable} areaTree={areas.data?.items ?? []} today={today} /> },
          { key: 'rule', label: t('tabRule'), children: <RuleTab /> },
        ]}
      />
    </Flex>
  );
}
