import { useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useApi } from '../../shared/use-api';
import { localDate, reachOf } from '@lianxin/core';
import { areaOptions } from '../field-work/area-options';
import { useMe } from '../shell/session';
import AssignmentsTab from './AssignmentsTab';
import ReportTab from './ReportTab';
import RuleTab from './RuleTab';
import { parseStationing, stationingSearch, type StationingTab } from './stationing-query';
import { stationingMessages } from './stationing.messages';
import { TabbedPage } from '../field-work/TabbedPage';
import { useAddressFilters } from '../field-work/use-address-filters';

/**
 * 驻村: the compliance report (days present per ISO week against the rule), the assignments and
 * the global rule, on three tabs. The tab and the filters live in the address.
 */
export default function StationingPage() {
  const t = useT(stationingMessages);
  const me = useMe();
  // One "today" per visit: the default period must not move under the user at midnight.
  const [today] = useState(() => localDate(new Date()));
  const { filters, change } = useAddressFilters(parseStationing, stationingSearch, today);

  const areas = useApi('GET /api/areas', { query: { format: 'tree' } });
  const readable = useMemo(() => areaOptions(areas.data?.items ?? [], reachOf(me.roles, 'field.read')), [areas.data, me.roles]);

  return (
    <TabbedPage<StationingTab>
      title={t('title')}
      subtitle={t('subtitle')}
      active={filters.tab}
      onChange={(tab) => change({ tab })}
      testId="stationing-tabs"
      items={[
        { key: 'report', label: t('tabReport'), children: <ReportTab filters={filters} onChange={change} areas={readable} today={today} /> },
        { key: 'assignments', label: t('tabAssignments'), children: <AssignmentsTab filters={filters} onChange={change} areas={readable} areaTree={areas.data?.items ?? []} today={today} /> },
        { key: 'rule', label: t('tabRule'), children: <RuleTab /> },
      ]}
    />
  );
}
