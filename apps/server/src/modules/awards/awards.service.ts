import { randomUUID } from 'node:crypto';
import { type AwardCreate, computeRates, decidesAwardAsLeader, emptyMetricCounts, endOfLocalDay, grantsWith, rangesOf, startOfLocalDay, subtreeRange } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { assertCan, can } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound, unknownReference } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import { awardsRepository as repo } from './awards.repository.js';

export interface AwardsDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
}

type AwardRow = NonNullable<Awaited<ReturnType<typeof repo.award>>>;
const n = (x: unknown) => Number(x ?? 0);
const badState = () => new AppError(422, 'error.award_state');

/**
 * Awards (评先评优, SPEC §7): kinds defined by admins (便民服务之星, 示范单位 …); an award of the
 * area suggests candidates from the figures of its period (the composite of their cases), takes
 * nominations, is decided by a vote of the panel or by a leader, and is published on the portal
 * with names and units only.
 */
export function createAwardsService({ db, clock, audit }: AwardsDeps) {
  async function visible(actor: Actor, id: string) {
    const a = await repo.award(db, id);
    if (!a) throw notFound();
    if (!can(actor, 'award.manage', a) && !can(actor, 'award.decide', a)) assertCan(actor, 'award.manage', a);
    return a;
  }

  async function detail(actor: Actor, a: AwardRow) {
    const [candidates, myVotes] = await Promise.all([repo.candidates(db, a.id), repo.myVotes(db, a.id, actor.userId)]);
    const isLeader = decidesAwardAsLeader(actor.grants, a.areaCode);
    return {
      id: a.id,
      kindName: a.kindName,
      subject: a.subject as 'person' | 'unit',
      title: a.title,
      periodFrom: a.periodFrom,
      periodTo: a.periodTo,
      decideBy: a.decideBy as 'vote' | 'leader',
      winnersMax: a.winnersMax,
      state: a.state as 'open',
      createdAt: a.createdAt,
      candidates: candidates.map((c) => ({ subjectId: c.subjectId, name: c.personName ?? c.unitName, unitName: c.unitName, reason: c.reason, figure: c.figure, votes: n(c.votes), isWinner: c.isWinner === 1 })),
      myVotes,
      canVote: a.state === 'open' && a.decideBy === 'vote' && can(actor, 'award.decide', a),
      canDecide: a.state === 'open' && (a.decideBy === 'vote' ? can(actor, 'award.manage', a) : isLeader),
      canManage: can(actor, 'award.manage', a),
    };
  }

  const reread = async (actor: Actor, id: string) => detail(actor, (await repo.award(db, id))!);

  return {
    async kinds(actor: Actor) {
      if (!rangesOf(actor.grants, 'award.manage').length && !rangesOf(actor.grants, 'award.decide').length) throw forbidden();
      return { items: (await repo.kinds(db)).map((k) => ({ id: k.id, name: k.name, nameEn: k.nameEn, subject: k.subject as 'person', description: k.description })) };
    },

    async createKind(actor: Actor, body: { name: string; nameEn: string; subject: 'person' | 'unit'; description?: string }) {
      assertCan(actor, 'award.manage');
      const row = { id: randomUUID(), name: body.name, nameEn: body.nameEn, subject: body.subject, description: body.description ?? null, createdAt: clock.now().toISOString() };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('awardKinds').values(row).execute();
        await audit.append({ actorUserId: actor.userId, action: 'award_kind_create', subjectType: 'award', subjectId: row.id, detail: { name: body.name } }, trx);
      });
      return { id: row.id, name: row.name, nameEn: row.nameEn, subject: body.subject, description: row.description };
    },

    async list(actor: Actor) {
      const ranges = [...rangesOf(actor.grants, 'award.manage'), ...rangesOf(actor.grants, 'award.decide')];
      if (!ranges.length) throw forbidden();
      const rows = await repo.list(db, ranges);
      return { items: rows.map((a) => ({ id: a.id, kindName: a.kindName, subject: a.subject as 'person', title: a.title, periodFrom: a.periodFrom, periodTo: a.periodTo, decideBy: a.decideBy as 'vote', winnersMax: a.winnersMax, state: a.state as 'open', createdAt: a.createdAt })) };
    },

    /** Opens an award at the actor's area, with up to ten candidates suggested by the composite of their cases. */
    async create(actor: Actor, body: AwardCreate) {
      assertCan(actor, 'award.manage');
      const kind = await repo.kind(db, body.kindId);
      if (!kind) throw unknownReference('kindId', 'award kind');
      const areaCode = grantsWith(actor.grants, 'award.manage')[0].areaCode;
      const counts = await repo.caseCounts(db, kind.subject === 'unit' ? 'unit' : 'person', subtreeRange(areaCode), startOfLocalDay(body.periodFrom).toISOString(), endOfLocalDay(body.periodTo).toISOString(), 3);
      const ranked = counts
        .map((c) => ({ subjectId: c.subjectId, composite: computeRates({ ...emptyMetricCounts(), assigned: n(c.assigned), respondedInTime: n(c.respondedInTime), evaluated: n(c.evaluated), solved: n(c.solved), satisfied: n(c.satisfied), basicallySatisfied: n(c.basicallySatisfied) }).composite }))
        .filter((c) => c.composite !== null)
        .sort((a, b) => b.composite! - a.composite! || a.subjectId.localeCompare(b.subjectId))
        .slice(0, 10);
      const unitOf = kind.subject === 'unit' ? new Map(ranked.map((r) => [r.subjectId, r.subjectId])) : new Map((await repo.unitsOfUsers(db, ranked.map((r) => r.subjectId))).map((u) => [u.userId, u.unitId]));
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('awards').values({ id, kindId: kind.id, title: body.title, areaCode, periodFrom: body.periodFrom, periodTo: body.periodTo, decideBy: body.decideBy, winnersMax: body.winnersMax, state: 'open', createdBy: actor.userId, createdAt: clock.now().toISOString(), decidedBy: null, decidedAt: null, publishedAt: null }).execute();
        const rows = ranked.filter((r) => unitOf.has(r.subjectId)).map((r) => ({ awardId: id, subjectId: r.subjectId, unitId: unitOf.get(r.subjectId)!, reason: null, figure: Math.round(r.composite! * 10000) / 100, isWinner: 0 }));
        if (rows.length) await trx.insertInto('awardCandidates').values(rows).execute();
        await audit.append({ actorUserId: actor.userId, action: 'award_open', subjectType: 'award', subjectId: id, detail: { kind: kind.name, suggested: rows.length } }, trx);
      });
      return reread(actor, id);
    },

    async detail(actor: Actor, id: string) {
      return detail(actor, await visible(actor, id));
    },

    async nominate(actor: Actor, id: string, body: { subjectId: string; reason: string }) {
      const a = await visible(actor, id);
      assertCan(actor, 'award.manage', a);
      if (a.state !== 'open') throw badState();
      let unitId: string | undefined;
      if (a.subject === 'unit') unitId = (await db.selectFrom('units').select(['id', 'areaCode']).where('id', '=', body.subjectId).executeTakeFirst())?.id;
      else unitId = (await repo.unitsOfUsers(db, [body.subjectId]))[0]?.unitId;
      if (!unitId) throw unknownReference('subjectId', a.subject);
      await db.deleteFrom('awardCandidates').where('awardId', '=', id).where('subjectId', '=', body.subjectId).execute();
      await db.insertInto('awardCandidates').values({ awardId: id, subjectId: body.subjectId, unitId, reason: body.reason, figure: null, isWinner: 0 }).execute();
      return reread(actor, id);
    },

    async vote(actor: Actor, id: string, body: { subjectIds: string[] }) {
      const a = await visible(actor, id);
      assertCan(actor, 'award.decide', a);
      if (a.state !== 'open' || a.decideBy !== 'vote') throw badState();
      const chosen = [...new Set(body.subjectIds)];
      if (chosen.length > a.winnersMax) throw new AppError(400, 'error.validation', {}, 'subjectIds');
      const candidates = new Set((await repo.candidates(db, id)).map((c) => c.subjectId));
      if (chosen.some((s) => !candidates.has(s))) throw unknownReference('subjectIds', 'candidate');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('awardVotes').where('awardId', '=', id).where('voterUserId', '=', actor.userId).execute();
        await trx.insertInto('awardVotes').values(chosen.map((subjectId) => ({ awardId: id, voterUserId: actor.userId, subjectId, createdAt: now }))).execute();
      });
      return reread(actor, id);
    },

    async decide(actor: Actor, id: string, body: { subjectIds?: string[] }) {
      const a = await visible(actor, id);
      const d = await detail(actor, a);
      if (!d.canDecide) throw a.state !== 'open' ? badState() : forbidden();
      let winners: string[];
      if (a.decideBy === 'vote') {
        winners = d.candidates.filter((c) => c.votes > 0).sort((x, y) => y.votes - x.votes || (y.figure ?? 0) - (x.figure ?? 0)).slice(0, a.winnersMax).map((c) => c.subjectId);
      } else {
        winners = [...new Set(body.subjectIds ?? [])];
        if (winners.length === 0 || winners.length > a.winnersMax) throw new AppError(400, 'error.validation', {}, 'subjectIds');
        if (winners.some((w) => !d.candidates.some((c) => c.subjectId === w))) throw unknownReference('subjectIds', 'candidate');
      }
      await db.transaction().execute(async (trx) => {
        if (winners.length) await trx.updateTable('awardCandidates').set({ isWinner: 1 }).where('awardId', '=', id).where('subjectId', 'in', winners).execute();
        await trx.updateTable('awards').set({ state: 'decided', decidedBy: actor.userId, decidedAt: clock.now().toISOString() }).where('id', '=', id).execute();
        await audit.append({ actorUserId: actor.userId, action: 'award_decide', subjectType: 'award', subjectId: id, detail: { winners } }, trx);
      });
      return reread(actor, id);
    },

    async publish(actor: Actor, id: string) {
      const a = await visible(actor, id);
      assertCan(actor, 'award.manage', a);
      if (a.state !== 'decided') throw badState();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('awards').set({ state: 'published', publishedAt: clock.now().toISOString() }).where('id', '=', id).execute();
        await audit.append({ actorUserId: actor.userId, action: 'award_publish', subjectType: 'award', subjectId: id, detail: {} }, trx);
      });
      return reread(actor, id);
    },

    /** The portal's list: the winners' names and units, which are public for cadres; nothing else. */
    async publicList() {
      const awards = await repo.published(db);
      const items = [];
      for (const a of awards) {
        const winners = (await repo.candidates(db, a.id)).filter((c) => c.isWinner === 1).map((c) => ({ name: c.personName ?? c.unitName, unitName: c.unitName }));
        items.push({ id: a.id, title: a.title, kindName: a.kindName, publishedAt: a.publishedAt!, winners });
      }
      return { items };
    },
  };
}

export type AwardsService = ReturnType<typeof createAwardsService>;
