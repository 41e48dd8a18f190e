import { randomUUID } from 'node:crypto';
import { holds, maskName, type ObjectionCreate, type ObjectionOutcome, type Objections, type PublicObjection } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { assertCan } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { ProjectRow, SelectionObjectionRow } from '../../db/projects.tables.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Notifier } from '../notifications/notifier.js';
import { redact } from '../portal/redact.js';
import { projectsRepository as repo } from './projects.repository.js';
import { visibleProject } from './projects.service.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The households a code may be sent to: an area subtree (and listed households). */
interface RegistryAudience {
  areaCode: string;
  tagCodes: string;
  householdIds: readonly string[];
}
/**
 * Verification of a resident against the household registry by SMS code. The consultations
 * module's verifier (`createResidentVerifier`) is passed in by services.ts — the projects module
 * does not import it (the consultations module already depends on projects).
 */
export interface RegistryVerifier {
  sendCode(subject: string, title: string, audience: RegistryAudience, phone: string): Promise<{ sent: true; expiresInMinutes: number }>;
  verify(trx: Transaction<DB>, subject: string, audience: RegistryAudience, phone: string, code: string): Promise<Array<{ id: string; householdId: string; nameEnc: string }>>;
}

const outsidePeriod = () => new AppError(409, 'error.selection_objection_period');
const OUTCOME_ZH: Record<ObjectionOutcome, string> = { upheld: '异议成立', dismissed: '异议不成立' };

/**
 * 公示异议: objections to the published selection results, taken only inside the objection period
 * (from publishing to `objection_until`) — from the portal by a resident verified by SMS code against
 * the registry (any household of the project's area), or recorded by staff for those received in
 * person. Staff answer each (upheld / dismissed, with a reply), the objector is told by SMS. After
 * the period, the public page shows every objection and its outcome through the redactor.
 * An upheld objection is an answer, not an automatic change: correcting a result is done by the
 * project's staff and published again (a known limit).
 */
export function createSelectionObjections({ db, clock, cipher, audit, notifier, verifier }: { db: Kysely<DB>; clock: Clock; cipher: Cipher; audit: AuditLog; notifier: Notifier; verifier: RegistryVerifier }) {
  const nowIso = () => clock.now().toISOString();
  const isOpen = (p: ProjectRow) => !!p.resultsPublishedAt && !!p.objectionUntil && nowIso() <= p.objectionUntil;
  const audienceOf = (p: ProjectRow): RegistryAudience => ({ areaCode: p.areaCode, tagCodes: '', householdIds: [] });
  const subject = (p: ProjectRow) => `objection:${p.id}`;

  async function found(id: string) {
    const p = await repo.findProject(db, id);
    if (!p) throw notFound();
    return p;
  }

  async function checkOrder(q: Q, p: ProjectRow, order: number | undefined) {
    if (order === undefined) return;
    const row = await q.selectFrom('selectionHouseholds').select('id').where('projectId', '=', p.id).where('drawOrder', '=', order).executeTakeFirst();
    if (!row) throw new AppError(400, 'error.unknown_reference', { what: 'order' }, 'order');
  }

  async function insert(trx: Transaction<DB>, p: ProjectRow, row: { channel: 'portal' | 'staff'; order?: number; text: string; name: string; nameEnc?: string; nameMasked?: string; phone: string; householdId: string | null; receivedBy: string | null }) {
    const id = randomUUID();
    const createdAt = nowIso();
    await trx
      .insertInto('selectionObjections')
      .values({
        id,
        projectId: p.id,
        channel: row.channel,
        drawOrder: row.order ?? null,
        text: row.text,
        nameEnc: row.nameEnc ?? cipher.encrypt(row.name),
        nameMasked: row.nameMasked ?? maskName(row.name),
        phoneEnc: cipher.encrypt(row.phone),
        householdId: row.householdId,
        receivedBy: row.receivedBy,
        createdAt,
        outcome: null,
        reply: null,
        handledBy: null,
        handledAt: null,
      })
      .execute();
    await audit.append({ actorUserId: row.receivedBy, action: 'selection_objection', subjectType: 'selection', subjectId: p.id, detail: { objectionId: id, channel: row.channel, order: row.order ?? null } }, trx);
    return { id, createdAt };
  }

  async function view(q: Q, actor: Actor, p: ProjectRow): Promise<Objections> {
    const rows = await q.selectFrom('selectionObjections').selectAll().where('projectId', '=', p.id).orderBy('createdAt').orderBy('id').execute();
    const userIds = [...new Set(rows.flatMap((r) => [r.receivedBy, r.handledBy]).filter((u): u is string => !!u))];
    const users = new Map(userIds.length ? (await q.selectFrom('users').select(['id', 'displayName']).where('id', 'in', userIds).execute()).map((u) => [u.id, u.displayName]) : []);
    const manage = holds(actor.grants, 'project.manage', p.areaCode);
    return {
      publishedAt: p.resultsPublishedAt,
      objectionUntil: p.objectionUntil,
      open: isOpen(p),
      items: rows.map((r) => ({
        id: r.id,
        channel: r.channel as 'portal',
        order: r.drawOrder === null ? null : Number(r.drawOrder),
        text: r.text,
        name: r.nameMasked,
        createdAt: r.createdAt,
        receivedByName: r.receivedBy ? (users.get(r.receivedBy) ?? null) : null,
        outcome: r.outcome as ObjectionOutcome | null,
        reply: r.reply,
        handledAt: r.handledAt,
        handledByName: r.handledBy ? (users.get(r.handledBy) ?? null) : null,
      })),
      may: { record: manage && isOpen(p), handle: manage },
    };
  }

  return {
    async list(actor: Actor, id: string) {
      return view(db, actor, await visibleProject(db, actor, id));
    },

    /** An objection received in person (at the window, by letter), recorded by staff. */
    async record(actor: Actor, id: string, body: ObjectionCreate) {
      return db.transaction().execute(async (trx) => {
        const p = await visibleProject(trx, actor, id);
        assertCan(actor, 'project.manage', p);
        if (!isOpen(p)) throw outsidePeriod();
        await checkOrder(trx, p, body.order);
        await insert(trx, p, { channel: 'staff', order: body.order, text: body.text, name: body.name, phone: body.phone, householdId: null, receivedBy: actor.userId });
        return view(trx, actor, p);
      });
    },

    /** Answers an objection once: upheld or dismissed with a reply, told to the objector by SMS. */
    async handle(actor: Actor, id: string, objectionId: string, body: { outcome: ObjectionOutcome; reply: string }) {
      return db.transaction().execute(async (trx) => {
        const p = await visibleProject(trx, actor, id);
        assertCan(actor, 'project.manage', p);
        const o = await trx.selectFrom('selectionObjections').selectAll().where('id', '=', objectionId).where('projectId', '=', p.id).executeTakeFirst();
        if (!o) throw notFound();
        const at = nowIso();
        const moved = await trx.updateTable('selectionObjections').set({ outcome: body.outcome, reply: body.reply, handledBy: actor.userId, handledAt: at }).where('id', '=', o.id).where('outcome', 'is', null).executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw new AppError(409, 'error.selection_objection_handled');
        await notifier.sms(trx, { phone: cipher.decrypt(o.phoneEnc) }, 'sms.selection_objection_handled', { project: p.name, outcome: OUTCOME_ZH[body.outcome], reply: body.reply });
        await audit.append({ actorUserId: actor.userId, action: 'selection_objection_handle', subjectType: 'selection', subjectId: p.id, detail: { objectionId: o.id, outcome: body.outcome } }, trx);
        return view(trx, actor, p);
      });
    },

    /** The portal: a code to a phone registered in the project's area, inside the period only. */
    async requestCode(id: string, phone: string) {
      const p = await found(id);
      if (!isOpen(p)) throw outsidePeriod();
      return verifier.sendCode(subject(p), p.name, audienceOf(p), phone);
    },

    /** The portal: an objection verified by its SMS code, inside the period only. */
    async submit(id: string, body: PublicObjection) {
      const p = await found(id);
      if (!isOpen(p)) throw outsidePeriod();
      await checkOrder(db, p, body.order);
      return db.transaction().execute(async (trx) => {
        const [member] = await verifier.verify(trx, subject(p), audienceOf(p), body.phone, body.code);
        const masked = (await trx.selectFrom('householdMembers').select('nameMasked').where('id', '=', member.id).executeTakeFirst())?.nameMasked ?? '';
        return insert(trx, p, { channel: 'portal', order: body.order, text: body.text, name: '', nameEnc: member.nameEnc, nameMasked: masked, phone: body.phone, householdId: member.householdId, receivedBy: null });
      });
    },

    /** Whether the public page takes objections now, and after the period the outcome (redacted). */
    async publicOutcome(q: Q, p: ProjectRow) {
      const open = isOpen(p);
      if (!p.resultsPublishedAt || open) return { objectionsOpen: open, objectionOutcome: null };
      const rows: SelectionObjectionRow[] = await q.selectFrom('selectionObjections').selectAll().where('projectId', '=', p.id).orderBy('createdAt').orderBy('id').execute();
      const known = (r: SelectionObjectionRow) => [cipher.decrypt(r.nameEnc)];
      return {
        objectionsOpen: false,
        objectionOutcome: {
          received: rows.length,
          upheld: rows.filter((r) => r.outcome === 'upheld').length,
          dismissed: rows.filter((r) => r.outcome === 'dismissed').length,
          pending: rows.filter((r) => !r.outcome).length,
          items: rows.map((r) => ({ order: r.drawOrder === null ? null : Number(r.drawOrder), text: redact(r.text, known(r)), outcome: r.outcome as ObjectionOutcome | null, reply: r.reply ? redact(r.reply, known(r)) : null })),
        },
      };
    },
  };
}
export type SelectionObjections = ReturnType<typeof createSelectionObjections>;
