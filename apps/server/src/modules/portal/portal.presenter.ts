import {
  type BoardItemSchema,
  type BoardMapSchema,
  CASE_KINDS,
  type Contract,
  type EvaluationViewSchema,
  label,
  type Locale,
  type MetricGroupView,
  type PolicyView,
  localDate,
  type PublicMapAreaSchema,
  type PublicOptionsSchema,
  type PublicPolicyItemSchema,
  type PublicPolicySchema,
  type PublicUnitRatesSchema,
  type TrackedCaseSchema,
} from '@lianxin/core';
import type { CaseRow } from '../../db/schema.js';

import type { NameDictionary } from './name-dictionary.js';
import { redact } from './redact.js';

/**
 * What residents see. Every free text goes through the anonymiser, even on the requester's own
 * tracking page: a public response never carries a name, phone or ID number, whoever asks.
 */

/** Steps a resident is shown; internal mechanics (escalations, flags, leaders, returns) are not. */
const PUBLIC_ACTIONS = new Set([
  'register', 'dispatch', 'accept', 'approve_extension', 'reply', 'resolve_on_spot', 'not_accept', 'merge',
  'evaluate', 'callback', 'close', 'reopen', 'request_review', 'complete_review', 'request_rereview', 'complete_rereview',
]);

/** Coordinates rounded to 0.01° (about 1 km): a place on the map, never a house. */
export const coarse = (value: number) => Math.round(value * 100) / 100;

export interface PublicEvent {
  action: string;
  at: string;
  data: string | null;
  unitName: string | null;
}

/** The case's history as the resident sees it: the step, when, and the unit (never a person). */
export function publicTimeline(events: PublicEvent[], unitNames: Map<string, string>, locale: Locale) {
  return events
    .filter((e) => PUBLIC_ACTIONS.has(e.action))
    .map((e) => {
      // A dispatch names the unit it went to, not the dispatcher's.
      const to = e.action === 'dispatch' && e.data ? (JSON.parse(e.data) as { unitId?: string }).unitId : undefined;
      return { action: e.action, label: label('action', e.action, locale), at: e.at, unitName: (to && unitNames.get(to)) ?? e.unitName };
    });
}

export interface TrackFacts {
  c: CaseRow;
  names: string[];
  /** Every staff and household member's name (the redactor's dictionary). */
  dictionary?: NameDictionary;
  timeline: ReturnType<typeof publicTimeline>;
  unitName: string | null;
  areaName: string | null;
  categoryName: string | null;
  extension: { days: number; reason: string } | null;
  notAcceptedReason: string | null;
  evaluationUrl: string | null;
  accessToken: string;
}

/** The tracking page of one case. */
export function presentTracked(f: TrackFacts, locale: Locale): Contract<typeof TrackedCaseSchema> {
  const { c } = f;
  const clean = (text: string | null) => (text ? redact(text, f.names, f.dictionary) : null);
  return {
    code: c.code,
    kind: c.kind,
    kindLabel: label('kind', c.kind, locale),
    categoryName: f.categoryName,
    title: clean(c.title),
    status: c.status,
    statusLabel: label('state', c.status, locale),
    areaName: f.areaName,
    unitName: f.unitName,
    registeredAt: c.registeredAt,
    dueAt: c.status === 'handling' || c.status === 'assigned' || c.status === 'reopened' ? c.handleDueAt : null,
    timeline: f.timeline,
    reply: c.replyText ? { text: clean(c.replyText), at: c.repliedAt } : null,
    notAcceptedReason: clean(f.notAcceptedReason),
    extension: f.extension ? { days: f.extension.days, reason: clean(f.extension.reason) } : null,
    evaluation: c.evaluationResult
      ? { result: c.evaluationResult, resultLabel: label('evaluation', c.evaluationResult, locale), solved: c.evaluationSolved === 1, at: c.evaluatedAt }
      : null,
    awaitingEvaluation: c.status === 'replied',
    evaluationUrl: f.evaluationUrl,
    evaluationToken: f.evaluationUrl ? f.evaluationUrl.split('/').at(-1)! : null,
    accessToken: f.accessToken,
  };
}

/** One entry of the public board. */
export function presentBoardItem(
  row: Pick<CaseRow, 'kind' | 'categoryCode' | 'title' | 'content' | 'status' | 'areaCode' | 'registeredAt' | 'replyText' | 'repliedAt'>,
  ref: string,
  context: { names: string[]; dictionary?: NameDictionary; unitName: string | null; areaName: string | null; categoryName: string | null },
  locale: Locale,
): Contract<typeof BoardItemSchema> {
  return {
    ref,
    kind: row.kind,
    kindLabel: label('kind', row.kind, locale),
    categoryName: context.categoryName,
    title: redact(row.title, context.names, context.dictionary),
    content: redact(row.content, context.names, context.dictionary),
    status: row.status,
    statusLabel: label('state', row.status, locale),
    unitName: context.unitName,
    areaName: context.areaName,
    month: localDate(new Date(row.registeredAt)).slice(0, 7),
    reply: row.replyText ? redact(row.replyText, context.names, context.dictionary) : null,
    repliedOn: row.repliedAt ? localDate(new Date(row.repliedAt)) : null,
  };
}

type MapPoint = Contract<typeof BoardMapSchema>['points'][number];

/** One point of the public map: its public reference, rounded to about a kilometre. */
export function presentMapPoint(row: Pick<CaseRow, 'kind' | 'status'> & { lat: number | null; lng: number | null }, ref: string, locale: Locale): MapPoint {
  return { ref, lat: coarse(row.lat!), lng: coarse(row.lng!), kind: row.kind, status: row.status, statusLabel: label('state', row.status, locale) };
}

/** The submission form's options: kinds and the category tree in the caller's language. */
export function presentOptions(
  categories: Array<{ code: string; parentCode: string | null; name: string; nameEn: string }>,
  limits: { maxPhotos: number; maxPhotoMb: number; hotline: string },
  locale: Locale,
): Contract<typeof PublicOptionsSchema> {
  return {
    kinds: CASE_KINDS.map((code) => ({ code, label: label('kind', code, locale) })),
    categories: categories.map((c) => ({ code: c.code, parentCode: c.parentCode, name: locale === 'en-US' ? c.nameEn : c.name })),
    ...limits,
  };
}

/** An area of the public map, its outline parsed from the stored GeoJSON text. */
export function presentMapArea(a: { code: string; parentCode: string | null; name: string; level: string; lat: number | null; lng: number | null; boundary: string | null }): Contract<typeof PublicMapAreaSchema> {
  return { ...a, boundary: a.boundary ? (JSON.parse(a.boundary) as unknown) : null };
}

/** One unit's (or the total's) monthly 三率. */
export function presentUnitRates(g: MetricGroupView): Contract<typeof PublicUnitRatesSchema> {
  return {
    unitName: g.label,
    assigned: g.counts.assigned,
    evaluated: g.counts.evaluated,
    responseRate: g.rates.responseRate,
    resolutionRate: g.rates.resolutionRate,
    satisfactionRate: g.rates.satisfactionRate,
    composite: g.rates.composite,
  };
}

/** A published policy in the list: its start, and the matching passage of a search. */
export function presentPolicyItem(row: PolicyView, snippet: string | null): Contract<typeof PublicPolicyItemSchema> {
  return { id: row.id, title: row.title, source: row.source, publishedAt: row.publishedAt, excerpt: [...row.body].slice(0, 120).join(''), snippet };
}

/** A published policy in full. */
export function presentPolicy(row: PolicyView): Contract<typeof PublicPolicySchema> {
  return { id: row.id, title: row.title, body: row.body, source: row.source, publishedAt: row.publishedAt, updatedAt: row.updatedAt };
}

/**
 * What a resident sees behind the evaluation link: no internal notes, and texts anonymised like every
 * public response (a link can be forwarded; the requester's and staff names never travel with it).
 */
export function presentEvaluationView(
  c: Pick<CaseRow, 'code' | 'title' | 'status' | 'replyText' | 'repliedAt' | 'evaluationResult'>,
  names: string[],
  locale: Locale,
  dictionary?: NameDictionary,
  rated = false,
): Contract<typeof EvaluationViewSchema> {
  const clean = (text: string) => redact(text, names, dictionary);
  return {
    code: c.code,
    title: clean(c.title),
    status: c.status,
    statusLabel: label('state', c.status, locale),
    reply: c.replyText ? clean(c.replyText) : null,
    repliedAt: c.repliedAt,
    rated,
    ratedResultLabel: rated && c.evaluationResult ? label('evaluation', c.evaluationResult, locale) : null,
  };
}
