import { ACTIVE_STATES, type CaseListQuery, type CaseListSort, type CaseState, type InboxKey, subtreeRange } from '@lianxin/core';
import { CompiledQuery, type Expression, type ExpressionBuilder, type Kysely, type SelectQueryBuilder, SqliteAdapter, type SqlBool, sql } from 'kysely';
import { type AreaRange, type CaseScope, inRanges } from '../../access/access.js';
import type { CaseRow, DB } from '../../db/schema.js';
import { containsText } from '../../db/text.js';
import { caseMatches, countMatches, matchingCaseIds } from '../search-index/fts.js';
import { queryTerms } from '../search-index/segment.js';
import { AppError } from '../../errors.js';
import { inScope } from './cases.repository.js';

/** The ledger's and the workbench's queries (a repository: SQL only; the service decides who sees what). */

type CaseQuery = SelectQueryBuilder<DB, 'cases', CaseRow>;

const FLAG_COLUMNS = {
  collective: 'flagCollective',
  repeat: 'flagRepeat',
  cross_level: 'flagCrossLevel',
  risk: 'flagRisk',
  major: 'flagMajor',
} as const;

/**
 * Cursor of the ledger's keyset paging: the last row's sort value and id. The registration-time
 * orders keep the original "<at>|<id>" form; the deadline orders prefix "due:" and leave the value
 * empty once paging has reached the cases without a deadline (they come last).
 */
function encodeCursor(value: string | null, id: string, byDue: boolean): string {
  return Buffer.from(`${byDue ? 'due:' : ''}${value ?? ''}|${id}`).toString('base64url');
}
function decodeCursor(cursor: string, byDue: boolean): [string, string] {
  let text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (byDue !== text.startsWith('due:')) throw new AppError(400, 'error.validation', {}, 'cursor');
  if (byDue) text = text.slice(4);
  const [at, id] = text.split('|');
  if (at === undefined || !id || (!byDue && !at)) throw new AppError(400, 'error.validation', {}, 'cursor');
  return [at, id];
}

/**
 * The open states as SQL literals, not parameters: `status in (<these>)` is the condition of the
 * partial index of open cases (`cases_open_time`, migration 2026120901), and a database uses a
 * partial index only when it can see the query implies that condition.
 */
const OPEN_STATES_SQL = ACTIVE_STATES.map((state) => sql.lit(state));

/** The ledger's filters; search (modules/search) applies the same ones. */
export type CaseFilters = Partial<Omit<CaseListQuery, 'cursor' | 'limit' | 'inbox' | 'sort'>>;

/**
 * A page of the ledger: its filters, order (newest first by default), cursor and size; `columns`
 * reads only those (and what the order and cursor need) instead of every column — the export's
 * dozen of seventy-five.
 */
export type LedgerQuery = CaseFilters & { sort?: CaseListSort; cursor?: string; limit: number; columns?: ReadonlyArray<keyof CaseRow> };

/** A condition on `cases` built apart (the ledger's free text, resolved against the search index). */
export type CaseCondition = (eb: ExpressionBuilder<DB, 'cases'>) => Expression<SqlBool>;

/** Below this many index matches the ledger's free text is a list of case ids; above, a probe per case walked. */
export const LEDGER_TEXT_IDS = 2_000;

/**
 * The ledger's free text `q` (台账关键词) as a condition: the tracking code, or every word of the
 * text in the search index (title, content, address, reply; the last word as a prefix) — words as
 * search finds them, from the index, so a word found nowhere costs one index lookup and not a scan
 * of every case. A rare word becomes the ids of its few cases; a common one a probe of each case
 * the newest-first walk meets (it meets a match every few rows). Text without any word (only
 * punctuation) falls back to a substring test.
 */
export async function ledgerText(db: Kysely<DB>, text: string): Promise<CaseCondition> {
  const terms = queryTerms(text);
  if (terms.length === 0) {
    return (eb) => eb.or([eb('cases.code', '=', text), containsText(eb.ref('cases.title'), text), containsText(eb.ref('cases.content'), text)]);
  }
  const spec = { all: terms, prefixLast: true };
  const code = text.toUpperCase();
  if ((await countMatches(db, spec, LEDGER_TEXT_IDS)) < LEDGER_TEXT_IDS) {
    const ids = await matchingCaseIds(db, spec, LEDGER_TEXT_IDS);
    return (eb) => (ids.length ? eb.or([eb('cases.code', '=', code), eb('cases.id', 'in', ids)]) : eb('cases.code', '=', code));
  }
  const probe = caseMatches(db, spec);
  return (eb) => eb.or([eb('cases.code', '=', code), probe]);
}

/**
 * The ledger's filters as one condition on `cases` (qualified, so it also works in joins); `text`
 * is the free text already resolved (`ledgerText`), else `q` is a substring test.
 */
export function caseFilters(eb: ExpressionBuilder<DB, 'cases'>, q: CaseFilters, now: string, text?: CaseCondition): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (q.status?.length) all.push(eb('cases.status', 'in', q.status));
  if (q.kind) all.push(eb('cases.kind', '=', q.kind));
  if (q.channel) all.push(eb('cases.channel', '=', q.channel));
  if (q.categoryCode) all.push(eb('cases.categoryCode', '=', q.categoryCode));
  if (q.unitId) all.push(eb('cases.currentUnitId', '=', q.unitId));
  if (q.from) all.push(eb('cases.registeredAt', '>=', new Date(q.from).toISOString()));
  if (q.to) all.push(eb('cases.registeredAt', '<', new Date(q.to).toISOString()));
  if (q.flag === 'long_standing') {
    const ninetyDaysAgo = new Date(new Date(now).getTime() - 90 * 86_400_000).toISOString();
    all.push(eb.or([eb('cases.reopenCount', '>=', 2), eb.and([eb('cases.registeredAt', '<', ninetyDaysAgo), eb('cases.status', 'in', ACTIVE_STATES)])]));
  } else if (q.flag) {
    all.push(eb(`cases.${FLAG_COLUMNS[q.flag]}`, '=', 1));
  }
  if (q.areaCode) {
    const [lo, hi] = subtreeRange(q.areaCode);
    all.push(eb('cases.areaCode', '>=', lo), eb('cases.areaCode', '<', hi));
  }
  if (q.overdue !== undefined) {
    all.push(
      q.overdue
        ? eb.and([eb('cases.currentDueAt', '<', now), eb('cases.status', 'in', OPEN_STATES_SQL)])
        : eb.or([eb('cases.currentDueAt', 'is', null), eb('cases.currentDueAt', '>=', now)]),
    );
  }
  if (q.code) all.push(eb('cases.code', '=', q.code));
  if (text) all.push(text(eb));
  else if (q.q) {
    const t = q.q;
    all.push(eb.or([eb('cases.code', '=', t), containsText(eb.ref('cases.title'), t), containsText(eb.ref('cases.content'), t)]));
  }
  return eb.and(all);
}

/**
 * The ledger (台账): every filter, scoped to the actor, keyset-paged in the chosen order (newest
 * first by default). Ordering by deadline puts cases without one last in both directions — the
 * same on SQLite (nulls first) and PostgreSQL (nulls last) — by paging the dated cases first and
 * then the undated ones by id; indexes (registered_at, id) and (current_due_at, id) serve both.
 */
export async function listCases(db: Kysely<DB>, scope: CaseScope, q: LedgerQuery, nowDate: Date) {
  const now = nowDate.toISOString();
  const sort = q.sort ?? 'registered_desc';
  const byDue = sort.startsWith('due_');
  const dir = sort.endsWith('_asc') ? 'asc' : 'desc';
  const after = dir === 'asc' ? '>' : '<';
  const column = byDue ? 'currentDueAt' : 'registeredAt';
  const text = q.q ? await ledgerText(db, q.q) : undefined;
  const columns = q.columns ? [...new Set<keyof CaseRow>([...q.columns, 'id', 'registeredAt', 'currentDueAt'])].map((c) => `cases.${c}` as const) : null;
  const base = () =>
    (columns ? db.selectFrom('cases').select(columns) : db.selectFrom('cases').selectAll())
      .where((eb) => inScope(eb, scope))
      .where((eb) => caseFilters(eb, q, now, text)) as SelectQueryBuilder<DB, 'cases', CaseRow>;
  const [at, lastId] = q.cursor ? decodeCursor(q.cursor, byDue) : [null, null];
  // After the cursor: a row-value comparison, (at, id) < (cursor's), which both databases read as
  // a range of the (…, registered_at, id) indexes — a deep page (an export's) starts where the
  // last one ended instead of walking again from the first row.
  const want = q.limit + 1;

  let rows: CaseRow[] = [];
  const inUndated = byDue && at === '';
  const states = statesOf(q);
  if (!byDue && q.overdue !== true && states && states.length > 1) {
    // Narrowed to some states: each state newest first from (status, registered_at, id,
    // current_due_at), then merged — never every case of those states sorted. (Overdue is not
    // here: it is one walk of the open cases' partial index, `cases_open_time`, below.)
    const lists = await Promise.all(
      states.map((state) => {
        let query = base().where('cases.status', '=', state);
        if (at !== null && lastId !== null) query = query.where((eb) => eb(eb.refTuple(`cases.${column}`, 'cases.id'), after, eb.tuple(at, lastId)));
        return query.orderBy(column, dir).orderBy('id', dir).limit(want).execute();
      }),
    );
    const sign = dir === 'asc' ? 1 : -1;
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    rows = lists.flat().sort((a, b) => sign * (cmp(a.registeredAt, b.registeredAt) || cmp(a.id, b.id))).slice(0, want);
  } else if (!inUndated) {
    let query = base();
    if (byDue) query = query.where('currentDueAt', 'is not', null);
    if (at !== null && lastId !== null) query = query.where((eb) => eb(eb.refTuple(`cases.${column}`, 'cases.id'), after, eb.tuple(at, lastId)));
    const ordered = query.orderBy(column, dir).orderBy('id', dir).limit(want);
    rows = !byDue && q.overdue === true && !q.q ? await walkOpenCases(db, ordered) : await ordered.execute();
  }
  if (byDue && rows.length < want) {
    let query = base().where('currentDueAt', 'is', null);
    if (inUndated && lastId !== null) query = query.where('id', after, lastId);
    rows = rows.concat(await query.orderBy('id', dir).limit(want - rows.length).execute());
  }
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > q.limit ? encodeCursor(last[column], last.id, byDue) : null };
}

/** The states a ledger query is narrowed to (its `status` list), else null. */
function statesOf(q: CaseFilters): readonly CaseState[] | null {
  return q.status?.length ? [...new Set(q.status as CaseState[])] : null;
}

/**
 * An overdue ledger page in registration order: one walk of the open cases' partial index
 * `cases_open_time` (registered_at, id, current_due_at, area_code, current_unit_id), which tests
 * the deadline, area and unit of each open case in the index and stops at the page's last row —
 * the work is the open cases newer than that row, not every overdue case sorted. PostgreSQL's
 * planner takes that walk by itself; SQLite's, without statistics, prefers (status, current_due_at)
 * and sorts every overdue case (1.2 s at 1 M), so there the query names the index (`INDEXED BY`,
 * which fails loudly rather than scan if the index were gone).
 */
async function walkOpenCases(db: Kysely<DB>, query: SelectQueryBuilder<DB, 'cases', CaseRow>): Promise<CaseRow[]> {
  const compiled = query.compile();
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return (await db.executeQuery(compiled)).rows;
  const from = ' from "cases" where ';
  const at = compiled.sql.indexOf(from);
  if (!compiled.sql.startsWith('select ') || at < 0) throw new Error(`unexpected ledger SQL: ${compiled.sql.slice(0, 60)}`);
  const named = `${compiled.sql.slice(0, at)} from "cases" indexed by "cases_open_time" where ${compiled.sql.slice(at + from.length)}`;
  return (await db.executeQuery<CaseRow>(CompiledQuery.raw(named, [...compiled.parameters]))).rows;
}

/** Counts of to-dos stop here (shown as "1000+"). */
export const INBOX_COUNT_CAP = 1000;

/** One group of the workbench: what kind of to-do, the first items (soonest due first) and how many. */
export interface InboxGroup {
  key: InboxKey;
  items: CaseRow[];
  /** How many, up to INBOX_COUNT_CAP; `more` says there are more than that. */
  total: number;
  more: boolean;
}

/**
 * Where each kind of to-do lies for one actor (the service works it out from the access rules):
 * area ranges for the area-wide work, units for the unit's work; empty = not theirs.
 */
export interface InboxReach {
  dispatch: AreaRange[];
  /** Units whose cases the actor accepts and handles. */
  work: string[];
  /** Units whose extension requests the actor decides. */
  approve: string[];
  callback: AreaRange[];
  decide: AreaRange[];
  overdue: AreaRange[];
  /** The leader whose cases to list, if the actor leads cases. */
  leaderUserId: string | null;
}

/**
 * The actor's to-dos, one small index-served query per kind of work rather than one large OR,
 * so each stays fast at millions of cases.
 */
export async function loadInbox(db: Kysely<DB>, reach: InboxReach, limit: number, nowDate: Date): Promise<InboxGroup[]> {
  const now = nowDate.toISOString();
  const groups: Array<[InboxKey, CaseQuery]> = [];
  const base = () => db.selectFrom('cases').selectAll();
  const areaQuery = (ranges: AreaRange[], states: readonly CaseState[]) =>
    base()
      .where('status', 'in', states)
      .where((eb) => inRanges(eb, 'areaCode', ranges));

  if (reach.dispatch.length) groups.push(['dispatch', areaQuery(reach.dispatch, ['registered'])]);
  if (reach.work.length) {
    groups.push(['accept', base().where('currentUnitId', 'in', reach.work).where('status', 'in', ['assigned', 'reopened'])]);
    groups.push(['handle', base().where('currentUnitId', 'in', reach.work).where('status', 'in', ['handling', 'reviewing', 'rereviewing'])]);
  }
  if (reach.approve.length) {
    groups.push([
      'approve',
      base()
        .where('currentUnitId', 'in', reach.approve)
        .where('status', '=', 'handling')
        .where((eb) => eb.exists(eb.selectFrom('caseExtensions').select('caseExtensions.id').whereRef('caseExtensions.caseId', '=', 'cases.id').where('caseExtensions.status', '=', 'pending'))),
    ]);
  }
  // Replied cases the resident has not rated in time: call them back (回访).
  if (reach.callback.length) groups.push(['callback', areaQuery(reach.callback, ['replied']).where('currentDueAt', '<', now)]);
  // Dissatisfied again after re-handling: a dispatcher or supervisor decides (close or reopen).
  if (reach.decide.length) groups.push(['decide', areaQuery(reach.decide, ['evaluated'])]);
  if (reach.overdue.length) groups.push(['overdue', areaQuery(reach.overdue, ACTIVE_STATES).where('currentDueAt', '<', now)]);
  if (reach.leaderUserId) groups.push(['leading', base().where('leaderUserId', '=', reach.leaderUserId).where('status', 'in', ACTIVE_STATES)]);

  return Promise.all(
    groups.map(async ([key, query]) => {
      // The ids come from the index alone (it holds state, deadline, area and id); only the rows
      // shown are then read in full.
      const [ids, count] = await Promise.all([
        query.clearSelect().select('id').orderBy('currentDueAt').orderBy('id').limit(limit).execute(),
        // Counting stops at the cap: a badge reads "1000+" and the count stays cheap at any size.
        db
          .selectFrom(query.clearSelect().select('id').limit(INBOX_COUNT_CAP + 1).as('todo'))
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      const rows = ids.length ? await db.selectFrom('cases').selectAll().where('id', 'in', ids.map((r) => r.id)).execute() : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      const total = Number(count.n);
      return { key, items: ids.map((r) => byId.get(r.id)!), total: Math.min(total, INBOX_COUNT_CAP), more: total > INBOX_COUNT_CAP };
    }),
  );
}
