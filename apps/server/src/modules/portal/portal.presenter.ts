import { label, type Locale, localDate } from '@lianxin/core';
import type { CaseRow } from '../../db/schema.js';
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

const RESULT_LABELS: Record<string, [string, string]> = {
  satisfied: ['满意', 'Satisfied'],
  basically_satisfied: ['基本满意', 'Basically satisfied'],
  dissatisfied: ['不满意', 'Dissatisfied'],
};

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
export function presentTracked(f: TrackFacts, locale: Locale) {
  const { c } = f;
  const clean = (text: string | null) => (text ? redact(text, f.names) : null);
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
      ? { result: c.evaluationResult, resultLabel: RESULT_LABELS[c.evaluationResult]?.[locale === 'en-US' ? 1 : 0] ?? c.evaluationResult, solved: c.evaluationSolved === 1, at: c.evaluatedAt }
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
  context: { names: string[]; unitName: string | null; areaName: string | null; categoryName: string | null },
  locale: Locale,
) {
  return {
    ref,
    kind: row.kind,
    kindLabel: label('kind', row.kind, locale),
    categoryName: context.categoryName,
    title: redact(row.title, context.names),
    content: redact(row.content, context.names),
    status: row.status,
    statusLabel: label('state', row.status, locale),
    unitName: context.unitName,
    areaName: context.areaName,
    month: localDate(new Date(row.registeredAt)).slice(0, 7),
    reply: row.replyText ? redact(row.replyText, context.names) : null,
    repliedOn: row.repliedAt ? localDate(new Date(row.repliedAt)) : null,
  };
}
