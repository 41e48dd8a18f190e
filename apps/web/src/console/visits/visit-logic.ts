import { addLocalDays, type Grant, isInSubtree, isoWeekOf, levelOfCode, monthRange, reachOf, type Suggestions, type VisitDelivery, type VisitKind, weekRange } from '@lianxin/core';

/** The diary's period: one ISO week (2026-W10) or one month (2026-03). */
export interface DiaryPeriod {
  kind: 'week' | 'month';
  label: string;
}

const WEEK = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The period in the address (`?week=` or `?month=`), else the week of `today`. */
export function diaryPeriod(search: URLSearchParams, today: string): DiaryPeriod {
  const month = search.get('month');
  if (month && MONTH.test(month)) return { kind: 'month', label: month };
  const week = search.get('week');
  if (week && WEEK.test(week) && isoWeekOf(weekRange(week)[0]) === week) return { kind: 'week', label: week };
  return { kind: 'week', label: isoWeekOf(today) };
}

/** The period `n` weeks or months later (earlier when negative). */
export function shiftPeriod(period: DiaryPeriod, n: number): DiaryPeriod {
  if (period.kind === 'week') return { kind: 'week', label: isoWeekOf(addLocalDays(weekRange(period.label)[0], 7 * n)) };
  const [year, month] = period.label.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + n;
  return { kind: 'month', label: `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}` };
}

/** First and last date of the period. */
export const periodRange = (period: DiaryPeriod): [string, string] => (period.kind === 'week' ? weekRange(period.label) : monthRange(period.label));

/**
 * The same stretch of time seen the other way. A period holding `today` switches to the one holding
 * today (a cadre looking at this week wants this month, even on a Monday whose Thursday is in the
 * next month); another week goes to its month (that of its Thursday, as ISO weeks go), another
 * month to its first week.
 */
export function switchPeriodKind(period: DiaryPeriod, today: string): DiaryPeriod {
  const [from, to] = periodRange(period);
  const holdsToday = from <= today && today <= to;
  if (period.kind === 'week') return { kind: 'month', label: (holdsToday ? today : addLocalDays(from, 3)).slice(0, 7) };
  return { kind: 'week', label: isoWeekOf(holdsToday ? today : from) };
}

/** Household ids from a link (`?householdIds=a,b`): well-formed ones only, each once, at most 50. */
export function idsFromLink(value: string | null): string[] {
  return [...new Set((value ?? '').split(',').map((s) => s.trim()).filter((s) => UUID.test(s)))].slice(0, 50);
}

/** The server refuses a visit more than five minutes ahead of its clock (phones' clocks run a little fast). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** True when a visit's time lies in the future (as the server would refuse it). */
export const isInFuture = (occurredAt: Date, now: Date) => occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS;

/** The village of an area code: a grid's 15-digit code starts with its village's 12. */
export const villageOf = (areaCode: string) => areaCode.slice(0, 12);

/**
 * The area a visit form starts in once households preset by a link are known: the current area
 * when it holds them all, else the first household's village (a campaign's target may lie in
 * another of its villages, and the household search is by area).
 */
export function areaForHouseholds(current: string | undefined, households: ReadonlyArray<{ areaCode: string }>): string | undefined {
  if (households.length === 0) return current;
  if (current && households.every((h) => isInSubtree(h.areaCode, current))) return current;
  return villageOf(households[0]!.areaCode);
}

/** Photos still uploading and photos whose upload failed (saving must wait for the first, and not hide the second). */
export function photoStates(files: ReadonlyArray<{ status?: string }>) {
  return { uploading: files.filter((f) => f.status === 'uploading').length, failed: files.filter((f) => f.status === 'error').length };
}

/** A role held at an area (from /api/auth/me); the rules read only these two. */
export type AreaGrant = Pick<Grant, 'role' | 'areaCode'>;

const isVillageOrGrid = (code: string) => /^\d{12}(\d{3})?$/.test(code) && ['village', 'grid'].includes(levelOfCode(code));

/**
 * Where a new visit is most likely: the village (or grid) where the cadre records field work
 * (`field.write`), when there is exactly one; a township or county cadre chooses.
 */
export function defaultVisitArea(grants: readonly AreaGrant[]): string | undefined {
  const villages = reachOf(grants as readonly Grant[], 'field.write').filter(isVillageOrGrid);
  return villages.length === 1 ? villages[0] : undefined;
}

/** The village a cadre is stationed in (an assignment in force), when there is exactly one. */
export function stationedVillage(assignments: ReadonlyArray<{ cadre: { id: string }; village: { code: string } }>, userId: string): string | undefined {
  const villages = [...new Set(assignments.filter((a) => a.cadre.id === userId).map((a) => a.village.code))];
  return villages.length === 1 ? villages[0] : undefined;
}

/** Hours and minutes of `now`'s day that lie ahead of it (the time picker greys them out). */
export function laterTimes(now: { hour: number; minute: number }) {
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
  return { hours: range(now.hour + 1, 24), minutes: (hour: number) => (hour === now.hour ? range(now.minute + 1, 60) : hour > now.hour ? range(0, 60) : []) };
}

/** The visit form's values (the time already as an instant). */
export interface VisitFormValues {
  kind: VisitKind;
  occurredAt?: string;
  areaCode: string;
  householdIds?: string[];
  place?: string;
  notes?: string;
  delivered?: VisitDelivery[];
  problems?: Array<{ text?: string; categoryCode?: string; householdId?: string }>;
  campaignId?: string;
}

const text = (v?: string) => (v && v.trim() ? v.trim() : undefined);

/** The body of POST /api/visits. Empty problem rows are dropped; a problem's household must be one visited. */
export function toVisitBody(values: VisitFormValues, photoIds: string[], checkIn: { lat: number; lng: number; accuracy?: number } | null, caseId?: string) {
  const householdIds = values.householdIds ?? [];
  return {
    kind: values.kind,
    occurredAt: values.occurredAt,
    areaCode: values.areaCode,
    householdIds,
    place: text(values.place),
    checkIn: checkIn ?? undefined,
    notes: text(values.notes),
    delivered: values.delivered ?? [],
    photoIds,
    problems: (values.problems ?? [])
      .filter((p) => text(p.text))
      .map((p) => ({ text: text(p.text)!, categoryCode: p.categoryCode || undefined, householdId: p.householdId && householdIds.includes(p.householdId) ? p.householdId : undefined })),
    campaignId: values.campaignId || undefined,
    caseId: values.kind === 'case_outreach' ? caseId : undefined,
  };
}

/**
 * The form field that shows a server error on `field` ("problems.0.text" → ['problems', 0, 'text']);
 * problem indexes are those of the body, which left empty rows out — `kept` maps them back.
 */
export function visitFormField(field: string, kept: readonly number[]): (string | number)[] {
  const path = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (path[0] === 'problems' && typeof path[1] === 'number') path[1] = kept[path[1]] ?? path[1];
  if (path[0] === 'checkIn') return ['checkIn'];
  // The form asks for the carried case by its code and the photos as files.
  if (path[0] === 'caseId') return ['caseCode'];
  if (path[0] === 'photoIds') return ['photos'];
  return path;
}

/** Indexes of the problem rows that go into the body (non-empty text). */
export const keptProblemRows = (values: VisitFormValues) => (values.problems ?? []).flatMap((p, i) => (text(p.text) ? [i] : []));

/** What the preselection reads of a category the suggestion model proposes (POST /api/cases/suggest). */
export type CategorySuggestion = Pick<Suggestions['categories'][number], 'code' | 'name' | 'confidence'>;

/** The model is sure enough at this confidence to choose for the cadre (who still sees and confirms it). */
const CONFIDENT = 0.5;

/** The suggested category to preselect: the top one when the model is confident, else none. */
export function confidentCategory(suggestions: readonly CategorySuggestion[]): string | undefined {
  const top = [...suggestions].sort((a, b) => b.confidence - a.confidence)[0];
  return top && top.confidence >= CONFIDENT ? top.code : undefined;
}

/** A problem still waiting to become a case, and whether the one tap needs a category first. */
export const canConvert = (p: { caseId: string | null; convertedAt: string | null }) => !p.caseId && !p.convertedAt;
export const needsCategory = (p: { categoryCode: string | null }) => !p.categoryCode;
