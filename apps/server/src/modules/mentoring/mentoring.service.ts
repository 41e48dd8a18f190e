import { randomUUID } from 'node:crypto';
import { type Attendance, grantsWith, isInRanges, localDate, type PairClose, type PairCreate, rangesOf, type RecordCreate, type TrainingCreate } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { assertCan, can } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound, outOfScope, unknownReference } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import { mentoringRepository as repo } from './mentoring.repository.js';

export interface MentoringDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
}

type PairRow = NonNullable<Awaited<ReturnType<typeof repo.pair>>>;
const closedPair = () => new AppError(422, 'error.pair_closed');

/**
 * Mentoring (拜师认徒) and training (培训), SPEC §7: a unit head or the organisation department
 * pairs a mentor with a new cadre, with goals and a period; the mentee records shared visits and
 * cases, the mentor comments, and the pair closes with a review. Training sessions record who
 * attended for how many hours; each cadre has a yearly total.
 */
export function createMentoringService({ db, clock, audit }: MentoringDeps) {
  const summary = (p: PairRow) => ({
    id: p.id,
    mentorUserId: p.mentorUserId,
    mentorName: p.mentorName,
    menteeUserId: p.menteeUserId,
    menteeName: p.menteeName,
    unitName: p.unitName,
    goals: p.goals,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    state: p.state as 'active' | 'closed',
    review: p.review,
    reviewRating: p.reviewRating as 'good' | null,
  });

  async function visiblePair(actor: Actor, id: string) {
    const p = await repo.pair(db, id);
    if (!p) throw notFound();
    if (p.mentorUserId === actor.userId || p.menteeUserId === actor.userId || can(actor, 'mentoring.manage', p)) return p;
    throw grantsWith(actor.grants, 'mentoring.manage').length ? outOfScope() : forbidden();
  }

  async function detail(actor: Actor, p: PairRow) {
    const records = await repo.records(db, p.id);
    return {
      ...summary(p),
      records: records.map((r) => ({ id: r.id, kind: r.kind as 'visit', text: r.text, refId: r.refId, occurredOn: r.occurredOn, mentorComment: r.mentorComment, commentedAt: r.commentedAt })),
      canRecord: p.state === 'active' && p.menteeUserId === actor.userId,
      canComment: p.state === 'active' && p.mentorUserId === actor.userId,
      canClose: p.state === 'active' && (p.mentorUserId === actor.userId || can(actor, 'mentoring.manage', p)),
    };
  }
  const reread = async (actor: Actor, id: string) => detail(actor, (await repo.pair(db, id))!);

  async function sessionOut(id: string) {
    const s = (await repo.session(db, id))!;
    const attendees = await db.selectFrom('trainingAttendance').select((eb) => eb.fn.countAll().as('n')).where('sessionId', '=', id).executeTakeFirst();
    return { id: s.id, title: s.title, heldOn: s.heldOn, hours: s.hours, place: s.place, attendees: Number(attendees?.n ?? 0) };
  }

  return {
    async pairs(actor: Actor) {
      const rows = await repo.pairsFor(db, rangesOf(actor.grants, 'mentoring.manage'), actor.userId);
      return { items: rows.map(summary) };
    },

    async createPair(actor: Actor, body: PairCreate) {
      assertCan(actor, 'mentoring.manage');
      const [mentorUnit, menteeUnit] = await Promise.all([repo.unitOf(db, body.mentorUserId), repo.unitOf(db, body.menteeUserId)]);
      if (!mentorUnit) throw unknownReference('mentorUserId', 'user');
      if (!menteeUnit) throw unknownReference('menteeUserId', 'user');
      assertCan(actor, 'mentoring.manage', menteeUnit);
      assertCan(actor, 'mentoring.manage', mentorUnit);
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('mentorPairs')
          .values({ id, mentorUserId: body.mentorUserId, menteeUserId: body.menteeUserId, unitId: menteeUnit.id, areaCode: menteeUnit.areaCode, goals: body.goals, startsOn: body.startsOn, endsOn: body.endsOn, state: 'active', review: null, reviewRating: null, closedAt: null, createdBy: actor.userId, createdAt: clock.now().toISOString() })
          .execute();
        await audit.append({ actorUserId: actor.userId, action: 'mentoring_pair', subjectType: 'mentoring', subjectId: id, detail: { mentor: body.mentorUserId, mentee: body.menteeUserId } }, trx);
      });
      return reread(actor, id);
    },

    async pair(actor: Actor, id: string) {
      return detail(actor, await visiblePair(actor, id));
    },

    async addRecord(actor: Actor, id: string, body: RecordCreate) {
      const p = await visiblePair(actor, id);
      if (p.state !== 'active') throw closedPair();
      if (p.menteeUserId !== actor.userId) throw forbidden();
      await db.insertInto('mentoringRecords').values({ id: randomUUID(), pairId: id, kind: body.kind, text: body.text, refId: body.refId ?? null, occurredOn: body.occurredOn, createdAt: clock.now().toISOString(), mentorComment: null, commentedAt: null }).execute();
      return reread(actor, id);
    },

    async comment(actor: Actor, recordId: string, text: string) {
      const r = await repo.record(db, recordId);
      if (!r) throw notFound();
      const p = await visiblePair(actor, r.pairId);
      if (p.mentorUserId !== actor.userId) throw forbidden();
      if (p.state !== 'active') throw closedPair();
      await db.updateTable('mentoringRecords').set({ mentorComment: text, commentedAt: clock.now().toISOString() }).where('id', '=', recordId).execute();
      return reread(actor, p.id);
    },

    async close(actor: Actor, id: string, body: PairClose) {
      const p = await visiblePair(actor, id);
      if (p.state !== 'active') throw closedPair();
      if (p.mentorUserId !== actor.userId && !can(actor, 'mentoring.manage', p)) throw forbidden();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('mentorPairs').set({ state: 'closed', review: body.review, reviewRating: body.rating, closedAt: clock.now().toISOString() }).where('id', '=', id).execute();
        await audit.append({ actorUserId: actor.userId, action: 'mentoring_close', subjectType: 'mentoring', subjectId: id, detail: { rating: body.rating } }, trx);
      });
      return reread(actor, id);
    },

    async sessions(actor: Actor, year: number) {
      const ranges = rangesOf(actor.grants, 'mentoring.manage');
      if (!ranges.length) throw forbidden();
      const rows = await repo.sessions(db, ranges, year);
      return { items: rows.map((s) => ({ id: s.id, title: s.title, heldOn: s.heldOn, hours: s.hours, place: s.place, attendees: Number(s.attendees ?? 0) })) };
    },

    async createSession(actor: Actor, body: TrainingCreate) {
      assertCan(actor, 'mentoring.manage');
      const id = randomUUID();
      const areaCode = grantsWith(actor.grants, 'mentoring.manage')[0].areaCode;
      await db.insertInto('trainingSessions').values({ id, title: body.title, areaCode, heldOn: body.heldOn, hours: body.hours, place: body.place ?? null, createdBy: actor.userId, createdAt: clock.now().toISOString() }).execute();
      return sessionOut(id);
    },

    async attend(actor: Actor, id: string, body: Attendance) {
      const s = await repo.session(db, id);
      if (!s) throw notFound();
      assertCan(actor, 'mentoring.manage', s);
      const userIds = [...new Set(body.userIds)];
      const known = await db.selectFrom('users').select('id').where('id', 'in', userIds).execute();
      if (known.length !== userIds.length) throw unknownReference('userIds', 'user');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('trainingAttendance').where('sessionId', '=', id).where('userId', 'in', userIds).execute();
        await trx.insertInto('trainingAttendance').values(userIds.map((userId) => ({ sessionId: id, userId, hours: body.hours ?? s.hours, recordedBy: actor.userId, recordedAt: now }))).execute();
      });
      return sessionOut(id);
    },

    /** Yearly hours: one's own, or (with a userId or none) the area's for those who manage training. */
    async hours(actor: Actor, query: { year: number; userId?: string }) {
      const ranges = rangesOf(actor.grants, 'mentoring.manage');
      let rows;
      if (query.userId === actor.userId) rows = await repo.hours(db, query.year, { userId: actor.userId });
      else if (!ranges.length) throw forbidden();
      else if (query.userId) {
        const unit = await repo.unitOf(db, query.userId);
        if (!unit) throw notFound();
        if (!isInRanges(ranges, unit.areaCode)) throw outOfScope();
        rows = await repo.hours(db, query.year, { userId: query.userId });
      } else rows = await repo.hours(db, query.year, { ranges });
      return { year: query.year, items: rows.map((r) => ({ userId: r.userId, name: r.name, sessions: Number(r.sessions), hours: Number(r.hours) })) };
    },

    /** This year in China time (the default of the yearly totals). */
    thisYear: () => Number(localDate(clock.now()).slice(0, 4)),
  };
}

export type MentoringService = ReturnType<typeof createMentoringService>;
