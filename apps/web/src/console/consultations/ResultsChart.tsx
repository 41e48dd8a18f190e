import type { ConsultationDetail } from '@lianxin/core';
import { EChart } from '../figures/EChart';
import { useT } from '../../i18n/i18n';
import { consultationsMessages } from './consultations.messages';

/** Results by option (stacked: online, on visits, in meetings) and by group (one bar per option). */
export function ResultsChart({ detail }: { detail: ConsultationDetail }) {
  const t = useT(consultationsMessages);
  const labels = detail.results.byOption.map((o) => o.label);
  const groupName = { channel: t('groupChannel'), meeting: t('groupMeeting'), village: t('groupVillage'), tag: t('groupTag') } as const;
  const groups = detail.results.groups;
  return (
    <>
      <EChart
        testId="results-chart"
        ariaLabel={t('byOption')}
        height={220}
        option={{
          tooltip: { trigger: 'axis' },
          legend: {},
          grid: { left: 8, right: 8, bottom: 8, containLabel: true },
          xAxis: { type: 'value' },
          yAxis: { type: 'category', data: labels },
          series: (['online', 'cadre', 'meetings'] as const).map((k) => ({ type: 'bar', stack: 'all', name: t(k), data: detail.results.byOption.map((o) => o[k]) })),
        }}
      />
      {groups.length > 0 && (
        <EChart
          testId="groups-chart"
          ariaLabel={t('byGroup')}
          height={260}
          option={{
            tooltip: { trigger: 'axis' },
            legend: {},
            grid: { left: 8, right: 8, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: groups.map((g) => `${groupName[g.group]}·${g.label}`), axisLabel: { interval: 0, rotate: 20 } },
            yAxis: { type: 'value' },
            series: detail.options.map((o) => ({ type: 'bar', name: o.label, data: groups.map((g) => g.counts.find((c) => c.optionId === o.id)?.count ?? 0) })),
          }}
        />
      )}
    </>
  );
}
