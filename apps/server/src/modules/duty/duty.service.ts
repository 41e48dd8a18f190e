import { randomUUID } from 'node:crypto';
import {
  addLocalDays,
  type Contract,
  DUTY_SHIFTS,
  type DutyRosterSave,
  type DutyRosterSchema,
  type DutyShift,
  type DutySwapRequest,
  type DutySwapSchema,
  type DutyWeekQuery,
  headsUnit,
  holds,
  isInSubtree,
  localDate,
  mayManageRoster,
} from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound, outOfScope, unknownReference, unprocessable } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { CasesService } from '../cases/cases.service.js';
import { datesBetween, leaveQueries } from '../leave/leave.repository.js';
import type { Notifier } from '../notifications/notifier.js';
import { chinaDateTime } from '../supervision/supervision.document.js';
import type { Deadlines } from '../time-limits/deadlines.js';
import { dutyRepository as repo } from './duty.repository.js';
import { inOfficeHours, isoWeekdayOf, shiftAt } from './shift-times.js';

export interface DutyDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
  notifier: Notifier;
  deadlines: Pick<Deadlines, 'calendar' | 'rule' | 'categoryPath'>;
  cases: Pick<CasesService, 'record'>;
}

type Roster = Contract<typeof DutyRosterSchema>;
type Unit = NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;
type Q = Kysely<DB> | Transaction<DB>;

/** How far ahead an unfilled shift is flagged to the unit head. */
export const GAP_LOOKAHEAD_DAYS = 7;

/**
 * 值班 (issue 14 item 1): rosters per unit and for the county centre by day and shift, covering
 * weekends and holidays from the calendar; swaps approved by the unit head; who is on duty and
 * whom to call now; unfilled shifts flagged a week ahead; and out of office hours, online cases
 * with an hour-based limit claimed for the person on duty (told, and shown as theirs in the
 * dispatch queue).
 */
export function createDutyService({ db, clock, audit, notifier, deadlines, cases }: DutyDeps) {
  const nowIso = () => clock.now().toISOString();
  const today = () => localDate(clock.now());

  /** The unit, if the actor may read its roster: a member, or `duty.read` over its area. */
  async function readable(actor: Actor, unitId: string): Promise<Unit> {
    const unit = await repo.findUnit(db, unitId);
    if (!unit) throw notFound();
    if (!actor.grants.some((g) => g.unitId === unit.id) && !holds(actor.grants, 'duty.read', unit.areaCode)) throw outOfScope();
    return unit;
  }

  async function managed(actor: Actor, unitId: string, field = 'unitId'): Promise<Unit> {
    const unit = await repo.findUnit(db, unitId);
    if (!unit) throw unknownReference(field, 'unit');
    if (!mayManageRoster(actor.grants, unit)) throw forbidden();
    return unit;
  }

  async function roster(actor: Actor, query: DutyWeekQuery): Promise<Roster> {
    const unit = await readable(actor, query.unitId);
    const to = addLocalDays(query.from, query.days - 1);
    const dates = datesBetween(query.from, to);
    const [rows, calendar, holidays, members] = await Promise.all([repo.shifts(db, [unit.id], query.from, to), deadlines.calendar(), repo.holidayNames(db, query.from, to), leaveQueries.members(db, unit.id)]);
    const leave = await leaveQueries.leaveDays(db, members.map((m) => m.id), query.from, to);
    const pending = await repo.pendingSwapShiftIds(db, rows.map((r) => r.id));
    const slot = new Map(rows.map((r) => [`${r.date}|${r.shift}`, r]));
    let gaps = 0;
    const days = dates.map((date) => ({
      date,
      weekday: isoWeekdayOf(date),
      working: calendar.isWorkingDay(date),
      holiday: holidays.get(date) ?? null,
      slots: DUTY_SHIFTS.map((shift) => {
        const r = slot.get(`${date}|${shift}`);
        if (!r?.userId) gaps += 1;
        return {
          shiftId: r?.id ?? null,
          shift,
          person: r?.userId ? { id: r.userId, name: r.personName ?? '' } : null,
          lead: r?.leadUserId ? { id: r.leadUserId, name: r.leadName ?? '' } : null,
          onLeave: !!r?.userId && !!leave.get(r.userId)?.has(date),
          pendingSwap: !!r && pending.has(r.id),
        };
      }),
    }));
    const manages = mayManageRoster(actor.grants, unit);
    return {
      unit: { id: unit.id, name: unit.name, kind: unit.kind, phone: unit.phone },
      from: query.from,
      to,
      days,
      members: members.map((m) => ({ id: m.id, name: m.name, onLeave: [...(leave.get(m.id) ?? [])].sort() })),
      gaps,
      may: { edit: manages, approveSwaps: manages },
    };
  }

  /** A member of the unit not on leave that day, or 422 naming the field. */
  async function assertOnDutyPossible(q: Q, unitId: string, userId: string, date: string, field: string) {
    const member = (await leaveQueries.members(q, unitId)).find((m) => m.id === userId);
    if (!member) throw unprocessable('error.duty_not_member', {}, field);
    if ((await leaveQueries.awayOn(q, [userId], date)).has(userId)) throw unprocessable('error.on_leave', { person: member.name, date }, field);
    return member;
  }

  function presentSwap(actor: Actor, s: Awaited<ReturnType<typeof repo.swaps>>[number]): Contract<typeof DutySwapSchema> {
    return {
      id: s.id,
      unitId: s.unitId,
      date: s.date,
      shift: s.shift as DutyShift,
      from: s.fromUserId ? { id: s.fromUserId, name: s.fromName ?? '' } : null,
      to: { id: s.toUserId, name: s.toName },
      reason: s.reason,
      state: s.state as Contract<typeof DutySwapSchema>['state'],
      requestedAt: s.requestedAt,
      may: { decide: s.state === 'pending' && headsUnit(actor.grants, s.unitId) },
    };
  }

  async function swapView(actor: Actor, unitId: string, id: string) {
    const found = (await repo.swaps(db, unitId)).find((s) => s.id === id);
    if (!found) throw notFound();
    return presentSwap(actor, found);
  }

  /** The slot for the shift covering `at` in `unitId`, if someone is on it. */
  async function onDutyAt(q: Q, unitId: string, at: Date) {
    const { date, shift } = shiftAt(at);
    const row = await repo.findSlot(q, unitId, date, shift);
    return row?.userId ? { ...row, userId: row.userId } : null;
  }

  return {
    roster,

    /** Today's China-time date on the service's clock (what a printed roster is dated). */
    dateToday: today,

    /** Saves slots of a unit's roster (from today on): the people must belong to the unit and not be on leave; newly put on duty are told. */
    async save(actor: Actor, body: DutyRosterSave): Promise<Roster> {
      const unit = await managed(actor, body.unitId);
      const first = today();
      const dates = body.entries.map((e) => e.date).sort();
      await db.transaction().execute(async (trx) => {
        for (const [i, e] of body.entries.entries()) {
          if (e.date < first) throw unprocessable('error.duty_past', {}, `entries.${i}.date`);
          if (e.userId) await assertOnDutyPossible(trx, unit.id, e.userId, e.date, `entries.${i}.userId`);
          if (e.leadUserId) {
            const lead = await trx.selectFrom('users').select('id').where('id', '=', e.leadUserId).where('isActive', '=', 1).executeTakeFirst();
            if (!lead) throw unknownReference(`entries.${i}.leadUserId`, 'user');
          }
          const existing = await repo.findSlot(trx, unit.id, e.date, e.shift);
          const patch = { userId: e.userId, leadUserId: e.leadUserId ?? existing?.leadUserId ?? null, updatedBy: actor.userId, updatedAt: nowIso() };
          if (existing) await repo.updateShift(trx, existing.id, patch);
          else await repo.insertShift(trx, { id: randomUUID(), unitId: unit.id, date: e.date, shift: e.shift, ...patch });
          if (e.userId && e.userId !== existing?.userId) {
            await notifier.notice(trx, [e.userId], 'notice.duty_assigned', { unit: unit.name, date: e.date, shift: e.shift }, { target: { kind: 'duty', id: unit.id }, kind: 'duty' });
          }
        }
        await audit.append({ actorUserId: actor.userId, action: 'duty_roster_save', subjectType: 'duty_roster', subjectId: unit.id, detail: { from: dates[0], to: dates.at(-1), slots: body.entries.length } }, trx);
      });
      const from = dates[0]!;
      return roster(actor, { unitId: unit.id, from, days: Math.min(31, datesBetween(from, dates.at(-1)!).length) });
    },

    async swaps(actor: Actor, query: { unitId: string; state?: string }) {
      const unit = await readable(actor, query.unitId);
      return { items: (await repo.swaps(db, unit.id, query.state)).map((s) => presentSwap(actor, s)) };
    },

    /** The person on a shift (or the unit head) asks to hand it to a colleague; the unit heads are told. */
    async requestSwap(actor: Actor, body: DutySwapRequest) {
      const shift = await repo.findShift(db, body.shiftId);
      if (!shift) throw unknownReference('shiftId', 'shift');
      if (shift.userId !== actor.userId && !headsUnit(actor.grants, shift.unitId)) throw forbidden();
      if (shift.date < today()) throw unprocessable('error.duty_past', {}, 'shiftId');
      if (body.toUserId === shift.userId) throw unprocessable('error.validation', {}, 'toUserId');
      const to = await assertOnDutyPossible(db, shift.unitId, body.toUserId, shift.date, 'toUserId');
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('dutySwaps').values({ id, shiftId: shift.id, unitId: shift.unitId, fromUserId: shift.userId, toUserId: body.toUserId, reason: body.reason, state: 'pending', requestedBy: actor.userId, requestedAt: nowIso(), decidedBy: null, decidedAt: null }).execute();
        const heads = (await repo.headsOf(trx, shift.unitId)).filter((u) => u !== actor.userId);
        await notifier.notice(trx, heads, 'notice.duty_swap_requested', { date: shift.date, shift: shift.shift, to: to.name }, { target: { kind: 'duty', id: shift.unitId }, kind: 'duty' });
        await audit.append({ actorUserId: actor.userId, action: 'duty_swap_request', subjectType: 'duty_swap', subjectId: id, detail: { shiftId: shift.id, toUserId: body.toUserId } }, trx);
      });
      return swapView(actor, shift.unitId, id);
    },

    /** The unit head approves (the shift passes to the colleague) or refuses; the requester is told. */
    async decideSwap(actor: Actor, id: string, approve: boolean) {
      const swap = await repo.findSwap(db, id);
      if (!swap) throw notFound();
      if (!headsUnit(actor.grants, swap.unitId)) throw forbidden();
      if (swap.state !== 'pending') throw new AppError(409, 'error.swap_state');
      const shift = (await repo.findShift(db, swap.shiftId))!;
      if (approve) await assertOnDutyPossible(db, swap.unitId, swap.toUserId, shift.date, 'approve');
      await db.transaction().execute(async (trx) => {
        const moved = await trx.updateTable('dutySwaps').set({ state: approve ? 'approved' : 'rejected', decidedBy: actor.userId, decidedAt: nowIso() }).where('id', '=', id).where('state', '=', 'pending').executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw new AppError(409, 'error.swap_state');
        if (approve) await repo.updateShift(trx, shift.id, { userId: swap.toUserId, updatedBy: actor.userId, updatedAt: nowIso() });
        const told = [...new Set([swap.requestedBy, swap.toUserId, ...(swap.fromUserId ? [swap.fromUserId] : [])])].filter((u) => u !== actor.userId);
        await notifier.notice(trx, told, 'notice.duty_swap_decided', { date: shift.date, shift: shift.shift, decision: approve ? 'approved' : 'rejected' }, { target: { kind: 'duty', id: swap.unitId }, kind: 'duty' });
        await audit.append({ actorUserId: actor.userId, action: approve ? 'duty_swap_approve' : 'duty_swap_reject', subjectType: 'duty_swap', subjectId: id, detail: { shiftId: shift.id } }, trx);
      });
      return swapView(actor, swap.unitId, id);
    },

    /** The workbench card: today's duty and whom to call now, in my units and the county centres over them. */
    async today(actor: Actor) {
      const now = clock.now();
      const date = localDate(now);
      const current = shiftAt(now);
      const unitIds = [...new Set(actor.grants.map((g) => g.unitId))];
      for (const c of await repo.centres(db)) if (actor.grants.some((g) => isInSubtree(g.areaCode, c.areaCode)) && !unitIds.includes(c.id)) unitIds.push(c.id);
      const rows = await repo.shifts(db, unitIds, addLocalDays(date, -1), date);
      const units = [];
      for (const unitId of unitIds) {
        const unit = (await repo.findUnit(db, unitId))!;
        const mine = rows.filter((r) => r.unitId === unitId);
        const person = (r: (typeof rows)[number] | undefined) => (r?.userId ? { id: r.userId, name: r.personName ?? '' } : null);
        const lead = (r: (typeof rows)[number] | undefined) => (r?.leadUserId ? { id: r.leadUserId, name: r.leadName ?? '' } : null);
        if (mine.length === 0 && unit.kind !== 'center') continue;
        const nowRow = mine.find((r) => r.date === current.date && r.shift === current.shift);
        units.push({
          unit: { id: unit.id, name: unit.name, phone: unit.phone },
          today: DUTY_SHIFTS.map((shift) => {
            const r = mine.find((x) => x.date === date && x.shift === shift);
            return { shift, person: person(r), lead: lead(r) };
          }),
          now: { ...current, person: person(nowRow), lead: lead(nowRow) },
        });
      }
      const mine = await repo.shiftsOf(db, actor.userId, date, addLocalDays(date, GAP_LOOKAHEAD_DAYS));
      return { date, units, mine: mine.map((m) => ({ date: m.date, shift: m.shift as DutyShift, unitName: m.unitName })), claimedCases: await repo.claimedWaiting(db, actor.userId) };
    },

    /** Who holds each of these registered cases on duty (the dispatch queue's column). */
    claimsOf: (caseIds: readonly string[]) => repo.claimsOf(db, caseIds),

    /**
     * The week-ahead check: every unfilled shift in the next seven days of a unit keeping a roster
     * (and of the county centres, always) is told once to the unit's heads.
     */
    async sweepGaps(): Promise<{ notified: number }> {
      const from = addLocalDays(today(), 1);
      const to = addLocalDays(today(), GAP_LOOKAHEAD_DAYS);
      const unitIds = new Set([...(await repo.rosteredUnits(db, from, to)), ...(await repo.centres(db)).map((c) => c.id)]);
      const rows = await repo.shifts(db, [...unitIds], from, to);
      const filled = new Set(rows.filter((r) => r.userId).map((r) => `${r.unitId}|${r.date}|${r.shift}`));
      let notified = 0;
      for (const unitId of unitIds) {
        const unit = (await repo.findUnit(db, unitId))!;
        for (const date of datesBetween(from, to)) {
          for (const shift of DUTY_SHIFTS) {
            if (filled.has(`${unitId}|${date}|${shift}`) || (await repo.gapNoticed(db, unitId, date, shift))) continue;
            await db.transaction().execute(async (trx) => {
              await trx.insertInto('dutyGapNotices').values({ unitId, date, shift, notifiedAt: nowIso() }).execute();
              const heads = await repo.headsOf(trx, unitId);
              await notifier.notice(trx, heads.length ? heads : await repo.managersOf(trx, unitId), 'notice.duty_gap', { unit: unit.name, date, shift }, { target: { kind: 'duty', id: unitId }, kind: 'duty' });
            });
            notified += 1;
          }
        }
      }
      return { notified };
    },

    /**
     * Out of office hours, a registered case whose intake limit is counted in hours goes to whoever
     * is on duty: the registering unit's duty person, else the county centre's. The case is claimed
     * for them (shown as theirs in the dispatch queue), with a `duty_claim` event, and they are told.
     */
    async routeAfterHours(): Promise<{ claimed: number }> {
      const now = clock.now();
      const calendar = await deadlines.calendar();
      const candidates = await repo.unclaimedRegistered(db, new Date(now.getTime() - 2 * 86_400_000).toISOString());
      const centres = await repo.centres(db);
      let claimed = 0;
      for (const c of candidates) {
        const rule = await deadlines.rule('intake', { kind: c.kind, urgency: c.urgency, channel: c.channel, categoryCode: c.categoryCode });
        if (!rule || rule.unit !== 'hours' || !c.intakeDueAt) continue;
        const due = new Date(c.intakeDueAt);
        if (inOfficeHours(now, calendar) && inOfficeHours(due, calendar)) continue;
        // Out of hours now: the shift on now; in hours now but due out of hours: the shift the limit falls in.
        const at = inOfficeHours(now, calendar) ? due : now;
        const centre = centres.filter((u) => isInSubtree(c.areaCode, u.areaCode)).sort((a, b) => b.areaCode.length - a.areaCode.length || b.areaCode.localeCompare(a.areaCode))[0];
        const slot = (c.registeredUnitId ? await onDutyAt(db, c.registeredUnitId, at) : null) ?? (centre ? await onDutyAt(db, centre.id, at) : null);
        if (!slot) continue;
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('dutyCaseClaims').values({ caseId: c.id, userId: slot.userId, unitId: slot.unitId, shiftId: slot.id, claimedAt: now.toISOString() }).execute();
          await cases.record(trx, 'system', c, 'duty_claim', {}, null, { userId: slot.userId, shiftId: slot.id });
          await notifier.notice(trx, [slot.userId], 'notice.duty_case', { code: c.code, due: chinaDateTime(c.intakeDueAt!), shift: slot.shift }, { caseId: c.id, kind: 'duty' });
        });
        claimed += 1;
      }
      return { claimed };
    },
  };
}
export type DutyService = ReturnType<typeof createDutyService>;
