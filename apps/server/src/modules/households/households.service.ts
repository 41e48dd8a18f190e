import { randomUUID } from 'node:crypto';
import { type HouseholdCreate, type HouseholdListQuery, type HouseholdUpdate, maskName, type MemberInput, type MemberUpdate } from '@lianxin/core';
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB, HouseholdMemberTable, HouseholdRow, HouseholdTable } from '../../db/schema.js';
import { AppError, forbidden, notFound, outOfScope, stale, unknownReference, unprocessable } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import type { AuditLog } from '../audit/audit.service.js';
import { assertCan, can, rangesFor } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import { levelOfCode } from '@lianxin/core';
import { presentHouseholdDetail, presentHouseholdList, presentReveal, tagText } from './households.presenter.js';
import { householdsRepository as repo } from './households.repository.js';

type Trx = Transaction<DB>;

export interface HouseholdsDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  cipher: Cipher;
}

const encodeCursor = (h: Pick<HouseholdRow, 'areaCode' | 'id'>) => Buffer.from(`${h.areaCode}|${h.id}`).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  const [area, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!area || !id || !/^\d{12,15}$/.test(area)) throw new AppError(400, 'error.validation', {}, 'cursor');
  return [area, id];
}

/** The row of a member as stored: name, ID number and phone encrypted, with blind indexes. */
export function memberRow(cipher: Cipher, householdId: string, m: MemberInput, sort: number, now: string): Insertable<HouseholdMemberTable> {
  return {
    id: randomUUID(),
    householdId,
    nameEnc: cipher.encrypt(m.name),
    nameMasked: maskName(m.name),
    relationship: m.relationship,
    isHead: m.relationship === 'head' ? 1 : 0,
    gender: m.gender ?? null,
    birthDate: m.birthDate ?? null,
    idNumberEnc: m.idNumber ? cipher.encrypt(m.idNumber.toUpperCase()) : null,
    idNumberKey: m.idNumber ? cipher.blindIndex(m.idNumber) : null,
    phoneEnc: m.phone ? cipher.encrypt(m.phone) : null,
    phoneKey: m.phone ? cipher.blindIndex(m.phone) : null,
    note: m.note ?? null,
    sort,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Checks what a household write points at: a village/grid area, an active contact cadre, active
 * tags. Each failure is a 400 naming the field, before anything is written.
 */
export async function checkHouseholdRefs(db: Kysely<DB> | Trx, input: { areaCode?: string; contactUserId?: string | null; tags?: string[] }) {
  if (input.areaCode !== undefined) {
    if (!(await repo.area(db, input.areaCode))) throw new AppError(400, 'issue.invalid_area', {}, 'areaCode');
    if (!['village', 'grid'].includes(levelOfCode(input.areaCode))) throw new AppError(400, 'error.household_area_level', {}, 'areaCode');
  }
  if (input.contactUserId && !(await repo.userExists(db, input.contactUserId))) throw unknownReference('contactUserId', 'user');
  if (input.tags?.length) {
    const active = new Set((await repo.tags(db, { activeOnly: true })).map((t) => t.code));
    if (input.tags.some((t) => !active.has(t))) throw unknownReference('tags', 'tag');
  }
}

/** Refuses an ID number already registered in another household (one person, one household). */
async function checkPeopleUnique(db: Kysely<DB> | Trx, cipher: Cipher, members: { idNumber?: string | null }[], householdId?: string, field = 'members') {
  const keys = members.map((m) => (m.idNumber ? cipher.blindIndex(m.idNumber) : null));
  const taken = new Set((await repo.householdsWithIdKeys(db, keys.filter((k): k is string => !!k), householdId)).map((r) => r.idNumberKey));
  const at = keys.findIndex((k) => k && taken.has(k));
  if (at >= 0) throw unprocessable('error.person_in_other_household', {}, field === 'members' ? `members.${at}.idNumber` : field);
}

/** Looks up the names a household page shows (area, contact cadre). */
export async function namesFor(db: Kysely<DB>, rows: HouseholdRow[]) {
  const [areas, users] = await Promise.all([
    repo.areaNames(db, [...new Set(rows.map((r) => r.areaCode))]),
    repo.userNames(db, [...new Set(rows.map((r) => r.contactUserId).filter((u): u is string => !!u))]),
  ]);
  return { areaNames: new Map(areas.map((a) => [a.code, a.name])), userNames: new Map(users.map((u) => [u.id, u.displayName])) };
}

/** May the actor read the household members' full personal data: the reveal ability over its area, or its own contact cadre. */
export const mayReveal = (actor: Actor, h: Pick<HouseholdRow, 'areaCode' | 'contactUserId'>): boolean =>
  actor.userId === h.contactUserId || can(actor, 'household.reveal', h);

/** May the actor change the household (and record help for it)? */
export const mayEdit = (actor: Actor, h: Pick<HouseholdRow, 'areaCode'>): boolean => can(actor, 'household.edit', h);

/** The household registry (民情档案): households and their members, scoped to the actor's areas. */
export function createHouseholdsService({ db, audit, clock, cipher }: HouseholdsDeps) {
  /** The household if the actor reaches it; 403 when it exists elsewhere, 404 when it does not. */
  async function visible(q: Kysely<DB> | Trx, actor: Actor, id: string): Promise<HouseholdRow> {
    const row = await repo.find(q, id, rangesFor(actor, 'household.read'));
    if (row) return row;
    throw (await repo.exists(q, id)) ? outOfScope() : notFound();
  }

  async function editable(trx: Trx, actor: Actor, id: string, version?: number): Promise<HouseholdRow> {
    const row = await visible(trx, actor, id);
    if (!mayEdit(actor, row)) throw forbidden();
    if (row.archivedAt) throw new AppError(409, 'error.household_archived');
    if (version !== undefined && version !== row.version) throw stale();
    return row;
  }

  /** Writes a change with the optimistic lock and a new change number (for the map). */
  async function save(trx: Trx, row: HouseholdRow, changes: Updateable<HouseholdTable>) {
    const changeSeq = await repo.nextChangeSeq(trx);
    const updatedAt = clock.now().toISOString();
    if (!(await repo.updateVersioned(trx, row.id, row.version, { ...changes, changeSeq, updatedAt }))) throw stale();
    return { ...row, ...changes, changeSeq, updatedAt, version: row.version + 1 } as HouseholdRow;
  }

  async function detail(actor: Actor, row: HouseholdRow) {
    const [names, members] = await Promise.all([namesFor(db, [row]), repo.members(db, [row.id])]);
    return presentHouseholdDetail(row, names, members, cipher, { canEdit: mayEdit(actor, row) && !row.archivedAt, canReveal: mayReveal(actor, row) });
  }

  /** Writes a new household, its members and tags, and the audit entry, in `trx`. */
  async function insertHousehold(trx: Trx, actor: Actor, input: HouseholdCreate): Promise<string> {
    if (input.members.filter((m) => m.relationship === 'head').length > 1) throw new AppError(400, 'issue.one_head', {}, 'members');
    await checkHouseholdRefs(trx, input);
    await checkPeopleUnique(trx, cipher, input.members);
    const now = clock.now().toISOString();
    const id = randomUUID();
    const members: MemberInput[] = input.members.some((m) => m.relationship === 'head') ? input.members : [{ name: input.headName, relationship: 'head' }, ...input.members];
    const row: Insertable<HouseholdTable> = {
      id,
      areaCode: input.areaCode,
      address: input.address,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      headNameEnc: cipher.encrypt(input.headName),
      headNameMasked: maskName(input.headName),
      contactUserId: input.contactUserId ?? null,
      tagCodes: tagText(input.tags ?? []),
      memberCount: members.length,
      needs: input.needs ?? null,
      notes: input.notes ?? null,
      archivedAt: null,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      changeSeq: await repo.nextChangeSeq(trx),
    };
    await repo.insert(trx, row);
    await repo.insertMembers(trx, members.map((m, i) => memberRow(cipher, id, m, i, now)));
    await repo.setTags(trx, id, [...new Set(input.tags ?? [])]);
    await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'household', subjectId: id, detail: { areaCode: input.areaCode, members: members.length } }, trx);
    return id;
  }

  return {
    /** Registers a household with its members; the head becomes a member when none is given. */
    async create(actor: Actor, input: HouseholdCreate) {
      assertCan(actor, 'household.edit', input);
      const id = await db.transaction().execute((trx) => insertHousehold(trx, actor, input));
      return this.get(actor, id);
    },

    /** Registers a household inside the caller's transaction (one row of an import); its id. */
    async createIn(trx: Trx, actor: Actor, input: HouseholdCreate): Promise<string> {
      assertCan(actor, 'household.edit', input);
      return insertHousehold(trx, actor, input);
    },

    async get(actor: Actor, id: string) {
      return detail(actor, await visible(db, actor, id));
    },

    /** The registry list: scoped, filtered, keyset-paged by (area, id); empty to someone who reads no households. */
    async list(actor: Actor, query: HouseholdListQuery) {
      if (!can(actor, 'household.read')) return { items: [], nextCursor: null };
      const rows = await repo.list(db, rangesFor(actor, 'household.read'), query, query.cursor ? decodeCursor(query.cursor) : null, query.limit + 1);
      const page = rows.slice(0, query.limit);
      const names = await namesFor(db, page);
      return presentHouseholdList(page, names, rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null);
    },

    async update(actor: Actor, id: string, input: HouseholdUpdate) {
      await db.transaction().execute(async (trx) => {
        const row = await editable(trx, actor, id, input.version);
        if (input.areaCode !== undefined && !mayEdit(actor, { areaCode: input.areaCode })) throw outOfScope();
        await checkHouseholdRefs(trx, input);
        const changes: Updateable<HouseholdTable> = {};
        for (const key of ['areaCode', 'address', 'lat', 'lng', 'contactUserId', 'needs', 'notes'] as const) {
          if (input[key] !== undefined) (changes as Record<string, unknown>)[key] = input[key];
        }
        if (input.headName !== undefined) {
          changes.headNameEnc = cipher.encrypt(input.headName);
          changes.headNameMasked = maskName(input.headName);
          const head = (await repo.members(trx, [id])).find((m) => m.isHead);
          if (head) await repo.updateMember(trx, head.id, { nameEnc: changes.headNameEnc, nameMasked: changes.headNameMasked, updatedAt: clock.now().toISOString() });
        }
        if (input.tags !== undefined) {
          changes.tagCodes = tagText(input.tags);
          await repo.setTags(trx, id, [...new Set(input.tags)]);
        }
        await save(trx, row, changes);
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'household', subjectId: id, detail: { changed: Object.keys(input).filter((k) => k !== 'version') } }, trx);
      });
      return this.get(actor, id);
    },

    /** Archives (注销) a household: it leaves lists and the map; its history stays. */
    async archive(actor: Actor, id: string, reason: string) {
      await db.transaction().execute(async (trx) => {
        const row = await editable(trx, actor, id);
        await save(trx, row, { archivedAt: clock.now().toISOString() });
        await audit.append({ actorUserId: actor.userId, action: 'archive', subjectType: 'household', subjectId: id, detail: { reason } }, trx);
      });
      return this.get(actor, id);
    },

    async addMember(actor: Actor, id: string, input: MemberInput) {
      await db.transaction().execute(async (trx) => {
        const row = await editable(trx, actor, id);
        const members = await repo.members(trx, [id]);
        if (input.relationship === 'head' && members.some((m) => m.isHead)) throw new AppError(400, 'issue.one_head', {}, 'relationship');
        await checkPeopleUnique(trx, cipher, [input], id, 'idNumber');
        const now = clock.now().toISOString();
        const member = memberRow(cipher, id, input, members.length, now);
        await repo.insertMembers(trx, [member]);
        await save(trx, row, { memberCount: members.length + 1 });
        await audit.append({ actorUserId: actor.userId, action: 'add_member', subjectType: 'household', subjectId: id, detail: { memberId: member.id, relationship: input.relationship } }, trx);
      });
      return this.get(actor, id);
    },

    async updateMember(actor: Actor, id: string, memberId: string, input: MemberUpdate) {
      await db.transaction().execute(async (trx) => {
        const row = await editable(trx, actor, id);
        const member = await repo.findMember(trx, id, memberId);
        if (!member) throw notFound();
        const others = (await repo.members(trx, [id])).filter((m) => m.id !== memberId);
        if (input.relationship === 'head' && others.some((m) => m.isHead)) throw new AppError(400, 'issue.one_head', {}, 'relationship');
        if (member.isHead && input.relationship && input.relationship !== 'head') throw unprocessable('error.head_required', {}, 'relationship');
        if (input.idNumber) await checkPeopleUnique(trx, cipher, [input], id, 'idNumber');
        const now = clock.now().toISOString();
        const changes: Updateable<HouseholdMemberTable> = { updatedAt: now };
        if (input.name !== undefined) Object.assign(changes, { nameEnc: cipher.encrypt(input.name), nameMasked: maskName(input.name) });
        if (input.relationship !== undefined) Object.assign(changes, { relationship: input.relationship, isHead: input.relationship === 'head' ? 1 : 0 });
        if (input.gender !== undefined) changes.gender = input.gender;
        if (input.birthDate !== undefined) changes.birthDate = input.birthDate;
        if (input.note !== undefined) changes.note = input.note;
        if (input.idNumber !== undefined) Object.assign(changes, { idNumberEnc: input.idNumber ? cipher.encrypt(input.idNumber.toUpperCase()) : null, idNumberKey: input.idNumber ? cipher.blindIndex(input.idNumber) : null });
        if (input.phone !== undefined) Object.assign(changes, { phoneEnc: input.phone ? cipher.encrypt(input.phone) : null, phoneKey: input.phone ? cipher.blindIndex(input.phone) : null });
        await repo.updateMember(trx, memberId, changes);
        // The head's name is repeated on the household (lists and the map label).
        const isHeadNow = input.relationship ? input.relationship === 'head' : !!member.isHead;
        const headName = input.name ?? (isHeadNow && !member.isHead ? cipher.decrypt(member.nameEnc) : undefined);
        await save(trx, row, isHeadNow && headName ? { headNameEnc: cipher.encrypt(headName), headNameMasked: maskName(headName) } : {});
        await audit.append({ actorUserId: actor.userId, action: 'update_member', subjectType: 'household', subjectId: id, detail: { memberId, changed: Object.keys(input) } }, trx);
      });
      return this.get(actor, id);
    },

    async removeMember(actor: Actor, id: string, memberId: string) {
      await db.transaction().execute(async (trx) => {
        const row = await editable(trx, actor, id);
        const member = await repo.findMember(trx, id, memberId);
        if (!member) throw notFound();
        if (member.isHead) throw unprocessable('error.head_required', {}, 'memberId');
        await repo.deleteMember(trx, memberId);
        await save(trx, row, { memberCount: await repo.countMembers(trx, id) });
        await audit.append({ actorUserId: actor.userId, action: 'remove_member', subjectType: 'household', subjectId: id, detail: { memberId } }, trx);
      });
      return this.get(actor, id);
    },

    /** Full names, phones and ID numbers for those allowed; every read is audited. */
    async reveal(actor: Actor, id: string) {
      const row = await visible(db, actor, id);
      if (!mayReveal(actor, row)) throw forbidden();
      await audit.append({ actorUserId: actor.userId, action: 'reveal_personal_data', subjectType: 'household', subjectId: id, detail: { areaCode: row.areaCode } });
      return presentReveal(row, await repo.members(db, [id]), cipher);
    },

    visible: (actor: Actor, id: string) => visible(db, actor, id),
  };
}
export type HouseholdsService = ReturnType<typeof createHouseholdsService>;
