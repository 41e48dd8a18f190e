import { type AreaRange, subtreeRange } from '@lianxin/core';
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import { inRanges } from '../../access/access.js';
import type { ConsultationRow } from '../../db/consultations.tables.js';
import type { DB } from '../../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Who is consulted (or surveyed): an area subtree, optionally narrowed to tags, plus listed households. */
export interface Audience {
  areaCode: string;
  tagCodes: string; // ",a,b," or ""
  householdIds: readonly string[];
}

export const tagList = (tagCodes: string) => tagCodes.split(',').filter(Boolean);
export const tagColumn = (tags: readonly string[]) => (tags.length ? `,${tags.join(',')},` : '');

/** The households of an audience, as a Kysely filter on `households`. */
function inAudience(eb: ExpressionBuilder<DB, 'households'>, a: Audience) {
  const [lo, hi] = subtreeRange(a.areaCode);
  const tags = tagList(a.tagCodes);
  const byArea = eb.and([
    eb('households.areaCode', '>=', lo),
    eb('households.areaCode', '<', hi),
    ...(tags.length ? [eb.or(tags.map((t) => eb('households.tagCodes', 'like', `%,${t},%`)))] : []),
  ]);
  const listed = a.householdIds.length ? [eb('households.id', 'in', [...a.householdIds])] : [];
  return eb.and([eb('households.archivedAt', 'is', null), eb.or([byArea, ...listed])]);
}

/** Typed queries of consultations (the only place with their SQL). */
export const consultationsRepository = {
  find: (q: Q, id: string) => q.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst(),

  /** A page of consultations whose area lies in `ranges`, newest first. */
  async list(q: Q, ranges: readonly AreaRange[], filter: { areaCode?: string; projectId?: string; ancestors?: readonly string[] }, offset: number, limit: number) {
    const ancestors = filter.ancestors ?? [];
    if (ranges.length === 0 && ancestors.length === 0) return [];
    let query = q
      .selectFrom('consultations')
      .leftJoin('areas', 'areas.code', 'consultations.areaCode')
      .selectAll('consultations')
      .select('areas.name as areaName')
      .select((eb) => [
        eb.selectFrom('consultationOpinions').select(eb.fn.countAll<number>().as('n')).whereRef('consultationOpinions.consultationId', '=', 'consultations.id').as('opinionCount'),
        eb.selectFrom('consultationMeetings').select(eb.fn.countAll<number>().as('n')).whereRef('consultationMeetings.consultationId', '=', 'consultations.id').as('meetingCount'),
      ])
      .where((eb) => eb.or([...(ranges.length ? [inRanges(eb, 'consultations.areaCode', ranges)] : []), ...(ancestors.length ? [eb('consultations.areaCode', 'in', [...ancestors])] : [])]));
    if (filter.areaCode) {
      const [lo, hi] = subtreeRange(filter.areaCode);
      query = query.where('consultations.areaCode', '>=', lo).where('consultations.areaCode', '<', hi);
    }
    if (filter.projectId !== undefined) query = query.where('consultations.projectId', '=', filter.projectId);
    return query.orderBy('consultations.createdAt', 'desc').orderBy('consultations.id', 'desc').offset(offset).limit(limit).execute();
  },

  options: (q: Q, id: string) => q.selectFrom('consultationOptions').select(['id', 'label']).where('consultationId', '=', id).orderBy('sort').execute(),
  attachments: (q: Q, id: string) =>
    q
      .selectFrom('consultationAttachments')
      .innerJoin('attachments', 'attachments.id', 'consultationAttachments.attachmentId')
      .select(['attachments.id', 'attachments.fileName'])
      .where('consultationAttachments.consultationId', '=', id)
      .execute(),
  meetings: (q: Q, id: string) => q.selectFrom('consultationMeetings').selectAll().where('consultationId', '=', id).orderBy('heldAt').orderBy('id').execute(),
  async counts(q: Q, meetingIds: readonly string[]) {
    if (meetingIds.length === 0) return [];
    return q.selectFrom('consultationMeetingCounts').selectAll().where('meetingId', 'in', [...meetingIds]).execute();
  },
  async attendees(q: Q, meetingIds: readonly string[]) {
    if (meetingIds.length === 0) return [];
    return q.selectFrom('consultationAttendees').selectAll().where('meetingId', 'in', [...meetingIds]).orderBy('sort').execute();
  },
  /** The opinions with the household they came from (masked head, address, tags) and the recording cadre. */
  opinions: (q: Q, id: string) =>
    q
      .selectFrom('consultationOpinions as o')
      .innerJoin('households as h', 'h.id', 'o.householdId')
      .leftJoin('householdMembers as m', 'm.id', 'o.memberId')
      .leftJoin('users as u', 'u.id', 'o.recordedBy')
      .selectAll('o')
      .select(['h.headNameMasked', 'h.headNameEnc', 'h.address', 'h.tagCodes', 'm.nameMasked as memberNameMasked', 'm.nameEnc as memberNameEnc', 'm.phoneEnc as memberPhoneEnc', 'u.displayName as recordedByName'])
      .where('o.consultationId', '=', id)
      .orderBy('o.createdAt')
      .orderBy('o.id')
      .execute(),

  /** How many households an audience holds. */
  async audienceSize(q: Q, a: Audience): Promise<number> {
    const row = await q.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).where((eb) => inAudience(eb, a)).executeTakeFirstOrThrow();
    return Number(row.n);
  },
  /** The household, when it belongs to the audience. */
  householdInAudience: (q: Q, a: Audience, householdId: string) =>
    q
      .selectFrom('households')
      .select(['households.id', 'households.areaCode', 'households.tagCodes', 'households.headNameEnc'])
      .where('households.id', '=', householdId)
      .where((eb) => inAudience(eb, a))
      .executeTakeFirst(),
  /** The registry's members with this phone (blind index) whose household belongs to the audience. */
  membersByPhone: (q: Q, a: Audience, phoneKey: string) =>
    q
      .selectFrom('householdMembers as m')
      .innerJoin('households', 'households.id', 'm.householdId')
      .select(['m.id', 'm.householdId', 'm.nameEnc', 'households.areaCode', 'households.headNameEnc'])
      .where('m.phoneKey', '=', phoneKey)
      .where((eb) => inAudience(eb as unknown as ExpressionBuilder<DB, 'households'>, a))
      .orderBy('m.isHead', 'desc')
      .orderBy('m.id')
      .execute(),
  member: (q: Q, householdId: string, memberId: string) => q.selectFrom('householdMembers').select(['id', 'nameEnc', 'phoneEnc']).where('householdId', '=', householdId).where('id', '=', memberId).executeTakeFirst(),
  /** The households of an audience with their contact cadre (surveys' coverage). */
  audienceHouseholds: (q: Q, a: Audience, limit: number) =>
    q
      .selectFrom('households')
      .leftJoin('users', 'users.id', 'households.contactUserId')
      .select(['households.id', 'households.areaCode', 'households.tagCodes', 'households.headNameMasked', 'households.address', 'households.contactUserId', 'users.displayName as cadreName'])
      .where((eb) => inAudience(eb, a))
      .orderBy('households.id')
      .limit(limit)
      .execute(),

  /** The areas above these (parents up to the root), for consultations of a township seen by its village cadres. */
  async ancestors(q: Q, codes: readonly string[]): Promise<string[]> {
    const found = new Set<string>();
    let level = [...new Set(codes)];
    for (let depth = 0; depth < 8 && level.length; depth++) {
      const rows = await q.selectFrom('areas').select('parentCode').where('code', 'in', level).execute();
      level = rows.map((r) => r.parentCode).filter((c): c is string => !!c && !found.has(c));
      level.forEach((c) => found.add(c));
    }
    return [...found];
  },
  areaNames: async (q: Q, codes: readonly string[]) => {
    if (codes.length === 0) return new Map<string, string>();
    const rows = await q.selectFrom('areas').select(['code', 'name']).where('code', 'in', [...new Set(codes)]).execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  },
  userName: async (q: Q, id: string | null) => (id ? ((await q.selectFrom('users').select('displayName').where('id', '=', id).executeTakeFirst())?.displayName ?? null) : null),

  /** A live (unused, unexpired) code of `subject` for the phone, with this hash; claimed in the same step. */
  async claimCode(trx: Transaction<DB>, subject: string, phoneKey: string, codeHash: string, now: string): Promise<boolean> {
    const row = await trx
      .selectFrom('consultationCodes')
      .select('id')
      .where('subject', '=', subject)
      .where('phoneKey', '=', phoneKey)
      .where('codeHash', '=', codeHash)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', now)
      .executeTakeFirst();
    if (!row) return false;
    const done = await trx.updateTable('consultationCodes').set({ usedAt: now }).where('id', '=', row.id).where('usedAt', 'is', null).executeTakeFirst();
    return Number(done.numUpdatedRows) === 1;
  },
  /** Codes sent for `subject` to the phone since `since` (a rate limit). */
  async codesSince(q: Q, subject: string, phoneKey: string, since: string): Promise<number> {
    const row = await q.selectFrom('consultationCodes').select((eb) => eb.fn.countAll<number>().as('n')).where('subject', '=', subject).where('phoneKey', '=', phoneKey).where('createdAt', '>', since).executeTakeFirstOrThrow();
    return Number(row.n);
  },
  hasVoted: async (q: Q, consultationId: string, voterKey: string) =>
    !!(await q.selectFrom('consultationOpinions').select('id').where('consultationId', '=', consultationId).where('voterKey', '=', voterKey).executeTakeFirst()),
};

/**
 * The consultations of a project (重点项目), newest first — for the project page of the projects
 * module: id, title, state inputs and counts. No scope filter: the caller has already checked that
 * the actor sees the project.
 */
export async function listConsultationsForProject(db: Kysely<DB>, projectId: string) {
  const rows = await db
    .selectFrom('consultations')
    .leftJoin('areas', 'areas.code', 'consultations.areaCode')
    .select(['consultations.id', 'consultations.title', 'consultations.areaCode', 'consultations.opensOn', 'consultations.closesOn', 'consultations.decidedAt', 'consultations.createdAt', 'areas.name as areaName'])
    .select((eb) => eb.selectFrom('consultationOpinions').select(eb.fn.countAll<number>().as('n')).whereRef('consultationOpinions.consultationId', '=', 'consultations.id').as('opinionCount'))
    .where('consultations.projectId', '=', projectId)
    .orderBy('consultations.createdAt', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, areaName: r.areaName ?? r.areaCode, opinionCount: Number(r.opinionCount ?? 0), decided: r.decidedAt !== null }));
}

export type { ConsultationRow };
