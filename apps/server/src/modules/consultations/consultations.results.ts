import { consultationLabel, type ConsultationResults, type Locale } from '@lianxin/core';

interface OpinionFacts {
  channel: string;
  optionId: string | null;
  areaCode: string;
  tagCodes: string;
}
interface MeetingFacts {
  id: string;
  kind: string;
  heldAt: string;
  voting: string;
  counts: Array<{ optionId: string; count: number }>;
}

type Counts = Map<string, number>;
const bump = (m: Counts, key: string, by = 1) => m.set(key, (m.get(key) ?? 0) + by);

/** The village an area code belongs to (a grid's 15-digit code ends in its village's 12 digits). */
export const villageOf = (areaCode: string) => areaCode.slice(0, 12);

/**
 * Results by option and by group: each option's opinions online, entered by cadres and votes in
 * meetings; and the same counts per channel, per meeting, per village and per household tag.
 */
export function tallyResults(
  options: ReadonlyArray<{ id: string; label: string }>,
  opinions: readonly OpinionFacts[],
  meetings: readonly MeetingFacts[],
  names: { area: Map<string, string>; tag: Map<string, string> },
  audience: { consulted: number; heard: number },
  locale: Locale,
): ConsultationResults {
  const online: Counts = new Map();
  const cadre: Counts = new Map();
  const inMeetings: Counts = new Map();
  const groups = new Map<string, { group: 'channel' | 'meeting' | 'village' | 'tag'; key: string; label: string; counts: Counts; total: number }>();
  const group = (kind: 'channel' | 'meeting' | 'village' | 'tag', key: string, label: string) => {
    const id = `${kind}:${key}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { group: kind, key, label, counts: new Map(), total: 0 }));
    return g;
  };
  for (const o of opinions) {
    const channel = group('channel', o.channel, consultationLabel('channel', o.channel as 'portal', locale));
    const village = villageOf(o.areaCode);
    const byVillage = group('village', village, names.area.get(village) ?? village);
    const byTag = o.tagCodes
      .split(',')
      .filter(Boolean)
      .map((t) => group('tag', t, names.tag.get(t) ?? t));
    for (const g of [channel, byVillage, ...byTag]) g.total += 1;
    if (!o.optionId) continue;
    bump(o.channel === 'portal' ? online : cadre, o.optionId);
    for (const g of [channel, byVillage, ...byTag]) bump(g.counts, o.optionId);
  }
  for (const m of meetings) {
    const g = group('meeting', m.id, `${consultationLabel('meeting', m.kind as 'forum', locale)} ${m.heldAt.slice(0, 10)}`);
    for (const c of m.counts) {
      bump(inMeetings, c.optionId, c.count);
      bump(g.counts, c.optionId, c.count);
      g.total += c.count;
    }
  }
  const list = (m: Counts) => options.map((o) => ({ optionId: o.id, count: m.get(o.id) ?? 0 }));
  return {
    byOption: options.map((o) => {
      const a = online.get(o.id) ?? 0;
      const b = cadre.get(o.id) ?? 0;
      const c = inMeetings.get(o.id) ?? 0;
      return { optionId: o.id, label: o.label, online: a, cadre: b, meetings: c, total: a + b + c };
    }),
    groups: [...groups.values()].map((g) => ({ group: g.group, key: g.key, label: g.label, counts: list(g.counts), total: g.total })),
    opinionCount: opinions.length,
    householdsConsulted: audience.consulted,
    householdsHeard: audience.heard,
  };
}
