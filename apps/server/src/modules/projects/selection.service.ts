import { randomBytes, randomUUID } from 'node:crypto';
import { computeDeadline, type Draw, type EligibleHouseholds, type FlatsAdd, holds, LOTTERY_ALGORITHM, type Locale } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { assertCan } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { ProjectRow, SelectionHouseholdRow } from '../../db/projects.tables.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Deadlines } from '../time-limits/deadlines.js';
import { projectsRepository as repo } from './projects.repository.js';
import { visibleProject } from './projects.service.js';
import { drawOrder } from './selection.lottery.js';
import { flatName, presentSelection } from './selection.presenter.js';
import { renderConfirmationSheet } from './selection.sheet.js';

export interface SelectionDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
  deadlines: Pick<Deadlines, 'calendar'>;
}

type Q = Kysely<DB> | Transaction<DB>;

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A booking code for the household's notice: 10 characters without look-alikes (50 bits). */
export const newBookingCode = () => Array.from(randomBytes(10), (b) => CODE_ALPHABET[b % 32]).join('');

const stateError = (state: string) => new AppError(409, 'error.selection_state', { selectionState: state });

/**
 * 选房登记: eligible households and flats, booking slots, the draw, the desks on the day, the
 * confirmation sheet and the 公示 of the results. A flat is given once: the desk takes it with a
 * conditional update (`taken_by` still null) in the same transaction that marks the household's
 * choice, so two desks confirming at once get one success and one 409.
 */
export function createSelectionService({ db, clock, audit, deadlines }: SelectionDeps) {
  const nowIso = () => clock.now().toISOString();
  const mayOf = (actor: Actor, p: ProjectRow) => ({ manage: holds(actor.grants, 'project.manage', p.areaCode), desk: holds(actor.grants, 'selection.desk', p.areaCode) });
  const view = (q: Q, actor: Actor, p: ProjectRow) => presentSelection(q, p, mayOf(actor, p));

  /** Runs a change on the project by someone with `ability` over it, in one transaction, answering the selection. */
  function change(actor: Actor, id: string, ability: 'project.manage' | 'selection.desk', run: (trx: Transaction<DB>, p: ProjectRow, at: string) => Promise<void>) {
    return db.transaction().execute(async (trx) => {
      const p = await visibleProject(trx, actor, id);
      assertCan(actor, ability, p);
      if (p.resultsPublishedAt) throw new AppError(409, 'error.selection_published');
      await run(trx, p, nowIso());
      const fresh = (await repo.findProject(trx, id)) as ProjectRow;
      return view(trx, actor, fresh);
    });
  }

  async function householdOf(trx: Q, projectId: string, id: string): Promise<SelectionHouseholdRow> {
    const h = await repo.findSelectionHousehold(trx, projectId, id);
    if (!h) throw notFound();
    return h;
  }

  return {
    get: async (actor: Actor, id: string) => {
      const p = await visibleProject(db, actor, id);
      return view(db, actor, p);
    },

    /** Sets the eligible households (households of the project) with their entitlement; only before the draw. */
    setHouseholds: (actor: Actor, id: string, body: EligibleHouseholds) =>
      change(actor, id, 'project.manage', async (trx, p) => {
        if (p.drawnAt) throw new AppError(409, 'error.selection_drawn');
        const ids = body.households.map((h) => h.householdId);
        const dup = ids.findIndex((x, i) => ids.indexOf(x) !== i);
        if (dup >= 0) throw new AppError(400, 'error.validation', {}, `households.${dup}.householdId`);
        const concerned = new Set(
          (await trx.selectFrom('projectHouseholds').select('householdId').where('projectId', '=', p.id).where('householdId', 'in', ids).execute()).map((r) => r.householdId),
        );
        const missing = ids.findIndex((x) => !concerned.has(x));
        if (missing >= 0) throw new AppError(400, 'error.project_household', { householdId: ids[missing] as string }, `households.${missing}.householdId`);
        const existing = new Map((await repo.selectionHouseholds(trx, p.id)).map((h) => [h.householdId, h]));
        let next = Math.max(0, ...[...existing.values()].map((h) => Number(h.number))) + 1;
        const keep = new Set(ids);
        const dropped = [...existing.values()].filter((h) => !keep.has(h.householdId)).map((h) => h.id);
        if (dropped.length) await trx.deleteFrom('selectionHouseholds').where('id', 'in', dropped).execute();
        for (const h of body.households) {
          const old = existing.get(h.householdId);
          if (old) await trx.updateTable('selectionHouseholds').set({ entitledArea: h.entitledArea, people: h.people }).where('id', '=', old.id).execute();
          else
            await trx
              .insertInto('selectionHouseholds')
              .values({ id: randomUUID(), projectId: p.id, householdId: h.householdId, number: next++, entitledArea: h.entitledArea, people: h.people, bookingCode: newBookingCode(), slotId: null, drawOrder: null, state: 'waiting', desk: null, calledAt: null, flatId: null, chosenAt: null, chosenBy: null })
              .execute();
        }
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'selection', subjectId: p.id, detail: { eligible: ids.length } }, trx);
      }),

    addFlats: (actor: Actor, id: string, body: FlatsAdd) =>
      change(actor, id, 'project.manage', async (trx, p) => {
        const existing = new Set((await repo.flatsOf(trx, p.id)).map((f) => `${f.building}|${f.unit}|${f.number}`));
        for (const [i, f] of body.flats.entries()) {
          const key = `${f.building}|${f.unit}|${f.number}`;
          if (existing.has(key)) throw new AppError(409, 'error.selection_flat_exists', { flat: flatName(f) }, `flats.${i}.number`);
          existing.add(key);
        }
        for (let i = 0; i < body.flats.length; i += 200) {
          await trx
            .insertInto('selectionFlats')
            .values(body.flats.slice(i, i + 200).map((f) => ({ id: randomUUID(), projectId: p.id, ...f, takenBy: null, takenAt: null })))
            .execute();
        }
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'selection', subjectId: p.id, detail: { flatsAdded: body.flats.length } }, trx);
      }),

    addSlots: (actor: Actor, id: string, body: { slots: Array<{ startsAt: string; endsAt: string; capacity: number }> }) =>
      change(actor, id, 'project.manage', async (trx, p) => {
        await trx
          .insertInto('selectionSlots')
          .values(body.slots.map((s) => ({ id: randomUUID(), projectId: p.id, startsAt: new Date(s.startsAt).toISOString(), endsAt: new Date(s.endsAt).toISOString(), capacity: s.capacity })))
          .execute();
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'selection', subjectId: p.id, detail: { slotsAdded: body.slots.length } }, trx);
      }),

    /** The draw from the published seed (recorded, reproducible), or the published order. Once. */
    draw: (actor: Actor, id: string, body: Draw) =>
      change(actor, id, 'project.manage', async (trx, p, at) => {
        if (p.drawnAt) throw new AppError(409, 'error.selection_drawn');
        const households = await repo.selectionHouseholds(trx, p.id);
        if (!households.length) throw new AppError(422, 'error.selection_none_waiting');
        const numbers = households.map((h) => Number(h.number));
        let order: number[];
        if (body.rule === 'lottery') order = drawOrder(body.seed, numbers);
        else {
          const given = new Set(body.order);
          if (given.size !== body.order.length || body.order.length !== numbers.length || numbers.some((n) => !given.has(n))) throw new AppError(400, 'error.selection_order', {}, 'order');
          order = body.order;
        }
        const byNumber = new Map(households.map((h) => [Number(h.number), h.id]));
        for (const [i, n] of order.entries()) await trx.updateTable('selectionHouseholds').set({ drawOrder: i + 1 }).where('id', '=', byNumber.get(n) as string).execute();
        const moved = await trx
          .updateTable('projects')
          .set({ orderRule: body.rule, lotterySeed: body.rule === 'lottery' ? body.seed : null, lotteryAlgorithm: body.rule === 'lottery' ? LOTTERY_ALGORITHM : null, drawnAt: at, drawnBy: actor.userId })
          .where('id', '=', p.id)
          .where('drawnAt', 'is', null)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw new AppError(409, 'error.selection_drawn');
        await audit.append({ actorUserId: actor.userId, action: 'draw', subjectType: 'selection', subjectId: p.id, detail: { rule: body.rule, seed: body.rule === 'lottery' ? body.seed : null, algorithm: LOTTERY_ALGORITHM, order } }, trx);
      }),

    /** Books (or with null cancels) a slot for a household, by staff. */
    book: (actor: Actor, id: string, householdId: string, slotId: string | null) =>
      change(actor, id, 'selection.desk', async (trx, p) => {
        const h = await householdOf(trx, p.id, householdId);
        await bookSlot(trx, p.id, h, slotId);
        await audit.append({ actorUserId: actor.userId, action: 'book', subjectType: 'selection_household', subjectId: h.id, detail: { slotId } }, trx);
      }),

    /** Calls the next waiting household in order to the desk. */
    callNext: (actor: Actor, id: string, desk: string) =>
      change(actor, id, 'selection.desk', async (trx, p, at) => {
        if (!p.drawnAt) throw new AppError(409, 'error.selection_not_drawn');
        // Another desk may call the same household at the same moment: the conditional move decides, the loser takes the next one.
        for (let attempt = 0; attempt < 5; attempt++) {
          const next = await trx.selectFrom('selectionHouseholds').selectAll().where('projectId', '=', p.id).where('state', '=', 'waiting').orderBy('drawOrder').limit(1).executeTakeFirst();
          if (!next) throw new AppError(409, 'error.selection_none_waiting');
          if (await repo.moveHousehold(trx, next.id, ['waiting'], { state: 'called', desk, calledAt: at })) {
            await audit.append({ actorUserId: actor.userId, action: 'call', subjectType: 'selection_household', subjectId: next.id, detail: { desk, order: next.drawOrder } }, trx);
            return;
          }
        }
        throw new AppError(409, 'error.stale');
      }),

    /** Calls an absent (or still waiting) household to a desk out of turn. */
    call: (actor: Actor, id: string, householdId: string, desk: string) =>
      change(actor, id, 'selection.desk', async (trx, p, at) => {
        if (!p.drawnAt) throw new AppError(409, 'error.selection_not_drawn');
        const h = await householdOf(trx, p.id, householdId);
        if (!(await repo.moveHousehold(trx, h.id, ['absent', 'waiting'], { state: 'called', desk, calledAt: at }))) throw stateError(h.state);
        await audit.append({ actorUserId: actor.userId, action: 'call', subjectType: 'selection_household', subjectId: h.id, detail: { desk, order: h.drawOrder } }, trx);
      }),

    absent: (actor: Actor, id: string, householdId: string) =>
      change(actor, id, 'selection.desk', async (trx, p) => {
        const h = await householdOf(trx, p.id, householdId);
        if (!(await repo.moveHousehold(trx, h.id, ['called'], { state: 'absent', desk: null }))) throw stateError(h.state);
        await audit.append({ actorUserId: actor.userId, action: 'absent', subjectType: 'selection_household', subjectId: h.id, detail: { order: h.drawOrder } }, trx);
      }),

    /** The called household confirms a flat that is still free and within its entitlement. */
    confirm: (actor: Actor, id: string, householdId: string, body: { flatId: string; desk: string }) =>
      change(actor, id, 'selection.desk', async (trx, p, at) => {
        const h = await householdOf(trx, p.id, householdId);
        if (h.state !== 'called') throw stateError(h.state);
        const flat = await repo.findFlat(trx, p.id, body.flatId);
        if (!flat) throw new AppError(400, 'error.unknown_reference', { what: 'flat' }, 'flatId');
        if (Number(flat.size) > Number(h.entitledArea)) throw new AppError(422, 'error.selection_too_large', { size: Number(flat.size), entitled: Number(h.entitledArea) }, 'flatId');
        if (!(await repo.takeFlat(trx, flat.id, h.id, at))) throw new AppError(409, 'error.selection_flat_taken', { flat: flatName(flat) }, 'flatId');
        if (!(await repo.moveHousehold(trx, h.id, ['called'], { state: 'chosen', flatId: flat.id, chosenAt: at, chosenBy: actor.userId, desk: body.desk }))) throw stateError(h.state);
        await audit.append({ actorUserId: actor.userId, action: 'confirm', subjectType: 'selection_household', subjectId: h.id, detail: { flatId: flat.id, flat: flatName(flat), desk: body.desk } }, trx);
      }),

    /** The confirmation sheet (选房确认书) of a household that has chosen, as PDF; audited. */
    async sheet(actor: Actor, id: string, householdId: string, locale: Locale) {
      const p = await visibleProject(db, actor, id);
      assertCan(actor, 'selection.desk', p);
      const h = await householdOf(db, p.id, householdId);
      if (h.state !== 'chosen' || !h.flatId) throw stateError(h.state);
      const flat = await repo.findFlat(db, p.id, h.flatId);
      const household = await db.selectFrom('households').select(['headNameMasked', 'address']).where('id', '=', h.householdId).executeTakeFirstOrThrow();
      const names = await repo.names(db, [p.areaCode], [p.leadUnitId], h.chosenBy ? [h.chosenBy] : []);
      const data = await renderConfirmationSheet(
        {
          projectName: p.name,
          leadUnitName: names.unit.get(p.leadUnitId) ?? '',
          number: Number(h.number),
          order: h.drawOrder === null ? null : Number(h.drawOrder),
          headName: household.headNameMasked,
          address: household.address,
          people: Number(h.people),
          entitledArea: Number(h.entitledArea),
          flat: flat ? { name: flatName(flat), floor: Number(flat.floor), size: Number(flat.size), type: flat.type } : null,
          desk: h.desk,
          chosenAt: h.chosenAt as string,
          staffName: h.chosenBy ? (names.user.get(h.chosenBy) ?? '') : '',
        },
        locale,
      );
      await audit.append({ actorUserId: actor.userId, action: 'document', subjectType: 'selection_household', subjectId: h.id, detail: { document: 'confirmation_sheet' } });
      return { data, fileName: `选房确认书-${p.name}-${h.number}.pdf`, mimeType: 'application/pdf' };
    },

    /** Publishes the results in a 公示 with an objection period of working days (the calendar's). */
    publish: async (actor: Actor, id: string, objectionDays: number) => {
      // The calendar reads through `db`: loaded before the transaction (on SQLite a read outside an open transaction waits for it).
      const calendar = await deadlines.calendar();
      return change(actor, id, 'project.manage', async (trx, p, at) => {
        if (!p.drawnAt) throw new AppError(409, 'error.selection_not_drawn');
        const open = await trx.selectFrom('selectionHouseholds').select('id').where('projectId', '=', p.id).where('state', 'in', ['waiting', 'called']).limit(1).executeTakeFirst();
        if (open) throw new AppError(409, 'error.selection_not_finished');
        const until = computeDeadline(new Date(at), { amount: objectionDays, unit: 'working_days' }, calendar).toISOString();
        await trx.updateTable('projects').set({ resultsPublishedAt: at, objectionUntil: until }).where('id', '=', p.id).execute();
        await audit.append({ actorUserId: actor.userId, action: 'publish', subjectType: 'selection', subjectId: p.id, detail: { objectionUntil: until } }, trx);
      });
    },

    bookSlot,
  };
}
export type SelectionService = ReturnType<typeof createSelectionService>;

/** Sets a household's slot where the slot has room (checked in the transaction). */
export async function bookSlot(trx: Transaction<DB>, projectId: string, h: SelectionHouseholdRow, slotId: string | null) {
  if (h.state === 'chosen') throw stateError(h.state);
  if (slotId !== null) {
    const slot = await trx.selectFrom('selectionSlots').selectAll().where('projectId', '=', projectId).where('id', '=', slotId).executeTakeFirst();
    if (!slot) throw new AppError(400, 'error.unknown_reference', { what: 'slot' }, 'slotId');
    if (h.slotId !== slotId) {
      const taken = await trx.selectFrom('selectionHouseholds').select((eb) => eb.fn.countAll<number>().as('n')).where('slotId', '=', slotId).executeTakeFirstOrThrow();
      if (Number(taken.n) >= Number(slot.capacity)) throw new AppError(409, 'error.selection_slot_full', {}, 'slotId');
    }
  }
  await trx.updateTable('selectionHouseholds').set({ slotId }).where('id', '=', h.id).execute();
}
