import type { AreaNode, HouseholdHistory, HouseholdTag } from '@lianxin/core';

/** What a tag namer or colourer reads of a tag. */
type TagLike = Pick<HouseholdTag, 'code' | 'nameZh' | 'color'> & { nameEn: string | null };

/** The tag's name in the user's language (its code when the tag is unknown or withdrawn). */
export function tagNamer(tags: readonly TagLike[] | undefined, locale: string) {
  const byCode = new Map((tags ?? []).map((t) => [t.code, t]));
  return (code: string) => {
    const tag = byCode.get(code);
    if (!tag) return code;
    return locale === 'en-US' && tag.nameEn ? tag.nameEn : tag.nameZh;
  };
}

/** The tag's colour, grey when unknown. */
export function tagColorer(tags: readonly Pick<TagLike, 'code' | 'color'>[] | undefined) {
  const byCode = new Map((tags ?? []).map((t) => [t.code, t.color]));
  return (code: string) => byCode.get(code) ?? '#8c8c8c';
}

/** /api/areas?format=tree → AntD TreeSelect nodes (value = area code). */
export interface AreaTreeOption {
  value: string;
  title: string;
  children?: AreaTreeOption[];
}
export function areaTreeOptions(nodes: readonly AreaNode[]): AreaTreeOption[] {
  return nodes.map((n) => ({ value: n.code, title: n.name, children: n.children?.length ? areaTreeOptions(n.children) : undefined }));
}

/** One entry of the household's timeline: what happened, when, and where it links. */
export interface TimelineEntry {
  key: string;
  kind: 'visit' | 'case' | 'campaign' | 'help';
  at: string;
  title: string;
  detail?: string;
  href?: string;
}

type History = HouseholdHistory;
/** What the timeline reads of a household's history (GET /api/households/:id/history). */
export interface TimelineSource {
  visits: Pick<History['visits'][number], 'id' | 'kind' | 'occurredAt' | 'place' | 'notes' | 'delivered' | 'cadreName' | 'caseId'>[];
  cases: Pick<History['cases'][number], 'id' | 'code' | 'title' | 'status' | 'channel' | 'registeredAt' | 'closedAt'>[];
  campaigns: Pick<History['campaigns'][number], 'id' | 'name' | 'startsOn' | 'endsOn' | 'visitedAt'>[];
  help: Pick<History['help'][number], 'id' | 'kind' | 'description' | 'amount' | 'unitName' | 'provider' | 'givenOn'>[];
}

/** Visits, cases, campaigns and help in one list, newest first. */
export function buildTimeline(h: TimelineSource): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...h.visits.map((v) => ({ key: `v-${v.id}`, kind: 'visit' as const, at: v.occurredAt, title: v.kind, detail: [v.cadreName, v.notes].filter(Boolean).join(' · '), href: `/visits/${v.id}` })),
    ...h.cases.map((c) => ({ key: `c-${c.id}`, kind: 'case' as const, at: c.registeredAt, title: `${c.code} ${c.title}`, detail: c.status, href: `/cases/${c.id}` })),
    ...h.campaigns.map((c) => ({ key: `p-${c.id}`, kind: 'campaign' as const, at: c.startsOn, title: c.name, detail: c.visitedAt ?? undefined })),
    ...h.help.map((x) => ({ key: `h-${x.id}`, kind: 'help' as const, at: x.givenOn, title: x.description, detail: [x.kind, x.amount != null ? `¥${x.amount}` : null, x.unitName ?? x.provider].filter(Boolean).join(' · ') })),
  ];
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** Form field errors from the server's problem+json: "members.0.name" → ['members', 0, 'name']. */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

// — screens —
const AREA_LEVEL_DIGITS = [2, 4, 6, 9, 12] as const;

/**
 * The lowest area that holds every one of `codes` (12-digit division codes nest by prefix: 2
 * province, 4 city, 6 county, 9 township, 12 village): the user's own area, where an area picker
 * should start instead of the province. Undefined when the codes share no province.
 */
export function commonAreaCode(codes: readonly string[]): string | undefined {
  const twelve = codes.filter((c) => /^\d{12}$/.test(c));
  if (twelve.length === 0) return undefined;
  let best: string | undefined;
  for (const digits of AREA_LEVEL_DIGITS) {
    const prefix = twelve[0].slice(0, digits);
    if (!twelve.every((c) => c.startsWith(prefix))) break;
    // A unit of a county has the county's code (zeros after its digits): stop where the code itself ends.
    best = prefix.padEnd(12, '0');
    if (twelve.some((c) => /^0*$/.test(c.slice(digits)))) break;
  }
  return best;
}

/**
 * The text colour of a tag in `hex` that reads at WCAG AA on the tag's pale background: the same
 * hue at 45 % of its brightness (a tag coloured #13c2c2 writes in #085757).
 */
export function tagTextColor(hex: string): string | undefined {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return undefined;
  return `#${m
    .slice(1)
    .map((c) => Math.round(parseInt(c, 16) * 0.45).toString(16).padStart(2, '0'))
    .join('')}`;
}
