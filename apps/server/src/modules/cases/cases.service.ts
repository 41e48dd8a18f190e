import type { CaseExportQuery, CaseListQuery, Contract, RevealedCaseText, DispatchBatch, DispatchQueueQuery, Locale, RequesterHistoryQuery, RequesterHistorySchema } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { can, canActOnCase, caseActionReach, caseReadScope, caseScope, rangesFor } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { CaseRow, DB } from '../../db/schema.js';
import { forbidden, notFound, outOfScope } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import { originalText } from '../../text/protect-text.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Notifier } from '../notifications/notifier.js';
import type { SuggestService } from '../suggest/suggest.service.js';
import type { Deadlines } from '../time-limits/deadlines.js';
import { loadCaseContext } from './cases.context.js';
import { createDispatchCentre } from './cases.dispatch.js';
import { describeFilters, EXPORT_CASE_COLUMNS, type LedgerFile, writeLedger } from './cases.export.js';
import { type CaseWithRelated, presentCase, presentCaseSummary, presentDetail } from './cases.presenter.js';
import { type InboxReach, listCases, loadInbox } from './cases.queries.js';
import { createRegistration } from './cases.register.js';
import { casesRepository as repo } from './cases.repository.js';
import { createTransitions } from './cases.transitions.js';

export { formatTrackingCode } from './cases.register.js';

export interface CasesServiceDeps {
  db: Kysely<DB>;
  /** Heavy reads: the replica when DATABASE_READ_URL is set (default: `db`). */
  reads?: Kysely<DB>;
  clock: Clock;
  cipher: Cipher;
  notifier: Notifier;
  deadlines: Deadlines;
  audit: AuditLog;
  suggest: Pick<SuggestService, 'suggest'>;
  /** Base of the resident's evaluation links. */
  publicBaseUrl: string;
}

/** Earlier cases of a requester: counting stops here (the hint reads "50+"). */
const REQUESTER_COUNT_CAP = 50;

/** The rules of the case lifecycle: registration, reading, every transition, the dispatch centre and the ledger. */
export function createCasesService({ db, reads = db, clock, cipher, notifier, deadlines, audit, suggest, publicBaseUrl }: CasesServiceDeps) {
  const transitions = createTransitions({ db, clock, cipher, notifier, deadlines, publicBaseUrl });
  const register = createRegistration({ db, clock, cipher, notifier, deadlines, run: transitions.run });
  const dispatchCentre = createDispatchCentre({ db, clock, cipher, suggest, dispatch: (actor, id, body) => transitions.act(actor, id, 'dispatch', body) });

  /** A case the actor can see, or 403 (exists elsewhere) / 404. */
  async function visibleCase(actor: Actor, id: string): Promise<CaseRow> {
    const found = await repo.findInScope(db, id, caseReadScope(actor));
    if (found) return found;
    throw (await repo.findById(db, id)) ? outOfScope() : notFound();
  }

  /** The case with everything its page shows (for a case the caller has checked). */
  async function withRelated(c: CaseRow): Promise<CaseWithRelated> {
    const [events, coUnits, extensions, attachments, duplicates, accountability, extensionRule] = await Promise.all([
      repo.events(db, c.id),
      repo.coUnits(db, c.id),
      repo.extensions(db, c.id),
      repo.attachments(db, c.id),
      repo.duplicates(db, c.id),
      repo.accountability(db, c.id),
      deadlines.rule('extension', { kind: c.kind, urgency: c.urgency, channel: c.channel, categoryCode: c.categoryCode }),
    ]);
    return { case: c, events, coUnits, extensions, attachments, duplicates, accountability, extensionMaxDays: extensionRule?.amount ?? 0 };
  }

  /** Where the actor's to-dos lie: what they may act on, by the access tables. */
  function inboxReach(actor: Actor): InboxReach {
    return {
      dispatch: caseActionReach(actor, 'dispatch').areaRanges,
      work: caseActionReach(actor, 'accept').unitIds,
      approve: caseActionReach(actor, 'approve_extension').unitIds,
      callback: caseActionReach(actor, 'callback').areaRanges,
      // Deciding a twice-dissatisfied case means closing (or reopening) it.
      decide: caseActionReach(actor, 'close').areaRanges,
      overdue: can(actor, 'case.supervise') ? rangesFor(actor, 'case.supervise') : [],
      leaderUserId: can(actor, 'case.lead') ? actor.userId : null,
    };
  }

  return {
    register,
    visibleCase,
    withRelated,
    act: transitions.act,
    /** System events (sweep, flags) that record something without changing the state. */
    note: transitions.note,
    // — supervision, hard-cases —
    /** Runs an action inside the caller's transaction (a joint review's decision to assign a leader or close). */
    run: transitions.run,
    /** Staff or system events that record a step without changing the state: 督办 · 催办 · 批示, joint review decisions, task forces. */
    record: transitions.record,
    evaluateByToken: transitions.evaluateByToken,
    caseForToken: transitions.caseForToken,
    tokenCase: transitions.tokenCase,
    evaluationLink: transitions.evaluationLink,

    /** A case as registration answers it (what the actor may do next included). */
    view: (actor: Actor, c: CaseRow) => presentCase(c, actor, cipher, clock.now()),

    /** The case page's answer for a case the actor has just acted on (a return may take it out of their scope). */
    detailOf: async (actor: Actor, c: CaseRow) => presentDetail(await withRelated(c), actor, cipher, clock.now()),

    /** The case with everything its page shows. */
    async detail(actor: Actor, id: string) {
      return presentDetail(await withRelated(await visibleCase(actor, id)), actor, cipher, clock.now());
    },

    /** The requester's name, phone and ID in clear — for those allowed, and audited. */
    async revealRequester(actor: Actor, id: string) {
      const c = await visibleCase(actor, id);
      if (!canActOnCase(actor, 'reveal_requester', c)) throw forbidden();
      await audit.append({ actorUserId: actor.userId, action: 'reveal_personal_data', subjectType: 'case', subjectId: c.id, detail: { code: c.code } });
      const open = (value: string | null) => (value ? cipher.decrypt(value) : null);
      return { name: open(c.requesterNameEnc), phone: open(c.requesterPhoneEnc), idNumber: open(c.requesterIdEnc) };
    },

    /**
     * The case's free text in clear — title, content, reply, comment and the masked notes — under
     * the requester reveal's rule and audited with the same action.
     */
    async revealText(actor: Actor, id: string): Promise<RevealedCaseText> {
      const c = await visibleCase(actor, id);
      if (!canActOnCase(actor, 'reveal_requester', c)) throw forbidden();
      await audit.append({ actorUserId: actor.userId, action: 'reveal_personal_data', subjectType: 'case', subjectId: c.id, detail: { code: c.code, text: true } });
      const events = await repo.events(db, c.id);
      return {
        title: originalText(cipher, c.title, c.titleEnc),
        content: originalText(cipher, c.content, c.contentEnc),
        reply: originalText(cipher, c.replyText, c.replyTextEnc),
        evaluationComment: originalText(cipher, c.evaluationComment, c.evaluationCommentEnc),
        notes: events.filter((e) => e.noteEnc !== null).map((e) => ({ seq: e.seq, note: cipher.decrypt(e.noteEnc!) })),
      };
    },

    /** Names of the people, units, area and category the case page shows. */
    async context(actor: Actor, id: string) {
      return loadCaseContext(db, await visibleCase(actor, id));
    },

    /** The ledger (台账), scoped to the actor. */
    async list(actor: Actor, query: CaseListQuery) {
      const now = clock.now();
      const page = await listCases(db, caseScope(actor), query, now);
      return { items: page.items.map((c) => presentCaseSummary(c, cipher, now)), nextCursor: page.nextCursor };
    },

    /** The workbench's to-dos, by kind of work. */
    async inbox(actor: Actor, limit: number) {
      const now = clock.now();
      const groups = await loadInbox(db, inboxReach(actor), limit, now);
      return { groups: groups.map((g) => ({ key: g.key, total: g.total, more: g.more, items: g.items.map((c) => presentCaseSummary(c, cipher, now)) })) };
    },

    /**
     * "Earlier cases by this phone" (重复访 hint at registration): the requester's cases found by the
     * blind index, scoped like the ledger and masked like it. The phone itself is only hashed, never
     * stored, logged or returned.
     */
    async requesterHistory(actor: Actor, q: RequesterHistoryQuery): Promise<Contract<typeof RequesterHistorySchema>> {
      const scope = caseScope(actor);
      if (scope.areaRanges.length === 0 && scope.unitIds.length === 0) throw forbidden();
      const keys = [q.phone, q.idNumber].filter((v): v is string => Boolean(v)).map((v) => cipher.blindIndex(v));
      const found = await repo.byRequester(db, keys, scope, q.limit, REQUESTER_COUNT_CAP);
      const now = clock.now();
      return {
        items: found.rows.map((c) => presentCaseSummary(c, cipher, now)),
        total: Math.min(found.total, REQUESTER_COUNT_CAP),
        more: found.total > REQUESTER_COUNT_CAP,
        open: found.open,
      };
    },

    dispatchQueue: (actor: Actor, query: DispatchQueueQuery, onSuggestionError?: (error: unknown) => void) => dispatchCentre.queue(actor, query, onSuggestionError),
    dispatchBatch: (actor: Actor, body: DispatchBatch, locale: Locale) => dispatchCentre.batch(actor, body, locale),

    /**
     * The ledger with the same filters, scope and order as `list`, as an Excel file, masked. Every
     * export is audited with its filters before the first byte leaves.
     */
    async exportLedger(actor: Actor, query: CaseExportQuery, locale: Locale, onError: (error: unknown) => void): Promise<LedgerFile> {
      const scope = caseScope(actor);
      await audit.append({ actorUserId: actor.userId, action: 'export', subjectType: 'case', subjectId: null, detail: { filters: describeFilters(query) } });
      const now = clock.now();
      const names = await repo.allNames(db);
      const { lang: _lang, ...filters } = query;
      return writeLedger({ pages: (cursor, limit) => listCases(reads, scope, { ...filters, cursor, limit, columns: EXPORT_CASE_COLUMNS }, now), names, query, locale, now, cipher, onError });
    },
  };
}
export type CasesService = ReturnType<typeof createCasesService>;
