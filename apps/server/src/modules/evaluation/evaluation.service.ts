import { randomUUID } from 'node:crypto';
import {
  type CadreFigures,
  type CycleCreate,
  endOfLocalDay,
  type GradeQuotas,
  isInSubtree,
  type ItemScores,
  type ItemWeights,
  meanItems,
  type MemberResult,
  PUBLIC_ANSWER_POINTS,
  rangesOf,
  rankAndGrade,
  type ScoreSubmit,
  scoreCadre,
  scoresAsLeader,
  type SourceWeights,
  type StaffEvalSource,
  startOfLocalDay,
} from '@lianxin/core';
import type { Kysely } from 'kysely';
import { assertCan, can } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound, outOfScope, unknownReference, unprocessable } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Notifier } from '../notifications/notifier.js';
import { cadreFigures, noFigures } from './evaluation.figures.js';
import { type CycleRow, evaluationRepository as repo, type MemberRow } from './evaluation.repository.js';

export interface EvaluationDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
  notifier: Notifier;
}

/** What a cycle was opened with. */
export interface CycleConfig {
  sourceWeights: SourceWeights;
  itemWeights: ItemWeights;
  quotas: GradeQuotas;
  objectiveShare: number;
}

const configOf = (c: CycleRow): CycleConfig => JSON.parse(c.config) as CycleConfig;
const itemsOf = (r: { de: number; neng: number; qin: number; ji: number; lian: number }): ItemScores => ({ de: r.de, neng: r.neng, qin: r.qin, ji: r.ji, lian: r.lian });
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The sources `actor` may score `member` as in `cycle` (never themselves). */
export function sourcesFor(actor: Actor, cycle: CycleRow, member: Pick<MemberRow, 'userId' | 'unitId' | 'unitArea'>, me: Pick<MemberRow, 'unitId'> | undefined): StaffEvalSource[] {
  if (member.userId === actor.userId) return [];
  const out: StaffEvalSource[] = [];
  if (scoresAsLeader(actor.grants, member)) out.push('leader');
  if (can(actor, 'evaluation.manage', { areaCode: cycle.areaCode })) out.push('organisation');
  if (me && me.unitId === member.unitId) out.push('peer');
  return out;
}

/**
 * Cadre evaluation cycles (干部考核, SPEC §7): the organisation department opens a cycle over
 * units; leaders, the organisation and colleagues score 德能勤绩廉; residents answer through the
 * portal and their case evaluations; closing writes scores, ranks within peer groups and grades
 * by quotas. Peer scorings are anonymous to everyone but the organisation department.
 */
export function createEvaluationService({ db, clock, audit, notifier }: EvaluationDeps) {
  const manages = (actor: Actor, cycle: CycleRow) => can(actor, 'evaluation.manage', { areaCode: cycle.areaCode });

  /** The cycle, when the actor manages or leads over its area or is one of its members. */
  async function visibleCycle(actor: Actor, id: string) {
    const cycle = await repo.cycle(db, id);
    if (!cycle) throw notFound();
    const me = await repo.member(db, id, actor.userId);
    if (manages(actor, cycle) || can(actor, 'evaluation.lead', { areaCode: cycle.areaCode }) || me) return { cycle, me };
    const anywhere = rangesOf(actor.grants, 'evaluation.manage').length + rangesOf(actor.grants, 'evaluation.lead').length;
    throw anywhere ? outOfScope() : forbidden();
  }

  async function managedCycle(actor: Actor, id: string) {
    const cycle = await repo.cycle(db, id);
    if (!cycle) throw notFound();
    assertCan(actor, 'evaluation.manage', { areaCode: cycle.areaCode });
    return cycle;
  }

  const summary = (c: CycleRow, memberCount: number) => ({
    id: c.id,
    name: c.name,
    period: c.period as 'annual',
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    state: c.state as 'open' | 'closed',
    memberCount,
    createdAt: c.createdAt,
    closedAt: c.closedAt,
  });

  async function detail(actor: Actor, cycle: CycleRow, me: MemberRow | undefined) {
    const [members, units, progress, mine] = await Promise.all([repo.members(db, cycle.id), repo.cycleUnits(db, cycle.id), repo.progress(db, cycle.id), repo.scores(db, cycle.id, { scorerUserId: actor.userId })]);
    const managing = manages(actor, cycle);
    const listed = members
      .map((m) => ({ m, canScoreAs: sourcesFor(actor, cycle, m, me) }))
      .filter(({ m, canScoreAs }) => managing || canScoreAs.length > 0 || m.userId === actor.userId);
    return {
      ...summary(cycle, members.length),
      areaCode: cycle.areaCode,
      peerGroupBy: cycle.peerGroupBy as 'unit_kind',
      ...configOf(cycle),
      units: units.map((u) => ({ id: u.id, name: u.name })),
      members: listed.map(({ m, canScoreAs }) => ({
        userId: m.userId,
        name: m.name,
        unitId: m.unitId,
        unitName: m.unitName,
        peerGroup: m.peerGroup,
        canScoreAs,
        givenByMe: mine.filter((s) => s.memberUserId === m.userId).map((s) => ({ source: s.source as StaffEvalSource, items: itemsOf(s) })),
      })),
      progress,
      surveyPath: `/m/survey/${cycle.id}`,
      canManage: managing,
    };
  }

  /** Computes every member's result (scores, ranks, grades) from what the cycle holds now. */
  async function compute(cycle: CycleRow) {
    const config = configOf(cycle);
    const period = { from: cycle.periodFrom, to: cycle.periodTo };
    const [members, scores, figures, answers] = await Promise.all([
      repo.members(db, cycle.id),
      repo.allScores(db, cycle.id),
      cadreFigures(db, { cycleId: cycle.id }, period),
      repo.publicAnswers(db, cycle.id, startOfLocalDay(period.from).toISOString(), endOfLocalDay(period.to).toISOString()),
    ]);
    const byMember = new Map<string, Record<StaffEvalSource, ItemScores[]>>();
    for (const s of scores) {
      const entry = byMember.get(s.memberUserId) ?? { leader: [], organisation: [], peer: [] };
      entry[s.source as StaffEvalSource].push(itemsOf(s));
      byMember.set(s.memberUserId, entry);
    }
    const publicOf = new Map<string, { points: number; n: number }>();
    for (const a of answers) {
      const p = publicOf.get(a.userId) ?? { points: 0, n: 0 };
      p.points += a.n * (PUBLIC_ANSWER_POINTS[a.result as keyof typeof PUBLIC_ANSWER_POINTS] ?? 0);
      p.n += a.n;
      publicOf.set(a.userId, p);
    }
    const scored = members.map((m) => {
      const given = byMember.get(m.userId) ?? { leader: [], organisation: [], peer: [] };
      const pub = publicOf.get(m.userId);
      const publicMean = pub && pub.n ? round2(pub.points / pub.n) : null;
      const sources = {
        leader: meanItems(given.leader),
        organisation: meanItems(given.organisation),
        peer: meanItems(given.peer),
        public: publicMean === null ? null : { de: publicMean, neng: publicMean, qin: publicMean, ji: publicMean, lian: publicMean },
      };
      const f: CadreFigures = figures.get(m.userId) ?? noFigures();
      const result = scoreCadre(sources, f, { sources: config.sourceWeights, items: config.itemWeights, objectiveShare: config.objectiveShare });
      const counts = { leader: given.leader.length, organisation: given.organisation.length, peer: given.peer.length, public: pub?.n ?? 0 };
      return { m, result, counts, figures: f, score: result.score, group: m.peerGroup, tieBreak: m.userId };
    });
    const ranked = rankAndGrade(scored, config.quotas);
    // Units: the mean score of their members, ranked across the cycle.
    const unitScores = new Map<string, number[]>();
    for (const s of scored) unitScores.set(s.m.unitId, [...(unitScores.get(s.m.unitId) ?? []), s.score]);
    const units = [...unitScores.entries()].map(([unitId, list]) => ({ unitId, score: round2(list.reduce((a, b) => a + b, 0) / list.length), members: list.length }));
    units.sort((a, b) => b.score - a.score || a.unitId.localeCompare(b.unitId));
    const unitRanked = units.map((u, i) => ({ ...u, rank: i > 0 && units[i - 1].score === u.score ? 0 : i + 1 }));
    unitRanked.forEach((u, i) => (u.rank ||= unitRanked[i - 1].rank));
    return { ranked, unitRanked, members };
  }

  function presentResult(cycle: CycleRow, m: MemberRow): MemberResult {
    const r = JSON.parse(m.result!) as Pick<MemberResult, 'items' | 'bySource' | 'counts' | 'objective' | 'figures'>;
    return { cycleId: cycle.id, cycleName: cycle.name, userId: m.userId, name: m.name, unitId: m.unitId, unitName: m.unitName, peerGroup: m.peerGroup, score: m.score!, rank: m.rank!, groupSize: m.groupSize!, grade: m.grade as MemberResult['grade'], ...r };
  }

  async function results(cycle: CycleRow) {
    const [members, units] = await Promise.all([repo.members(db, cycle.id), repo.cycleUnits(db, cycle.id)]);
    const people = members.filter((m) => m.result !== null).map((m) => presentResult(cycle, m));
    people.sort((a, b) => a.peerGroup.localeCompare(b.peerGroup) || a.rank - b.rank || a.name.localeCompare(b.name));
    const unitList = units.filter((u) => u.score !== null).map((u) => ({ unitId: u.id, unitName: u.name, score: u.score!, rank: u.rank!, members: members.filter((m) => m.unitId === u.id).length }));
    unitList.sort((a, b) => a.rank - b.rank);
    return { cycle: summary(cycle, members.length), people, units: unitList };
  }

  return {
    async list(actor: Actor) {
      const ranges = [...rangesOf(actor.grants, 'evaluation.manage'), ...rangesOf(actor.grants, 'evaluation.lead')];
      const rows = await repo.cyclesFor(db, ranges, actor.userId);
      return { items: rows.map((r) => summary(r, Number(r.memberCount ?? 0))) };
    },

    async create(actor: Actor, body: CycleCreate) {
      assertCan(actor, 'evaluation.manage');
      const unitIds = [...new Set(body.unitIds)];
      const units = await repo.units(db, unitIds);
      if (units.length !== unitIds.length) throw unknownReference('unitIds', 'unit');
      // The cycle sits at the area of the actor's grant that covers every unit.
      const root = actor.grants.filter((g) => can({ ...actor, grants: [g] }, 'evaluation.manage')).find((g) => units.every((u) => isInSubtree(u.areaCode, g.areaCode)));
      if (!root) throw outOfScope();
      const kindOf = new Map(units.map((u) => [u.id, u.kind]));
      const staff = await repo.staffOf(db, unitIds);
      const seen = new Set<string>();
      const members: Array<{ userId: string; unitId: string; peerGroup: string }> = [];
      for (const s of staff) {
        if (seen.has(s.userId)) continue;
        seen.add(s.userId);
        const group = body.peerGroupBy === 'unit' ? s.unitId : body.peerGroupBy === 'cycle' ? 'all' : (kindOf.get(s.unitId) ?? 'other');
        members.push({ userId: s.userId, unitId: s.unitId, peerGroup: group });
      }
      if (members.length === 0) throw unprocessable('error.validation', {}, 'unitIds');
      const id = randomUUID();
      const config: CycleConfig = { sourceWeights: body.sourceWeights, itemWeights: body.itemWeights, quotas: body.quotas, objectiveShare: body.objectiveShare };
      const cycle = { id, name: body.name, period: body.period, periodFrom: body.periodFrom, periodTo: body.periodTo, areaCode: root.areaCode, peerGroupBy: body.peerGroupBy, config: JSON.stringify(config), state: 'open', createdBy: actor.userId, createdAt: clock.now().toISOString(), closedBy: null, closedAt: null };
      await db.transaction().execute(async (trx) => {
        await repo.insertCycle(trx, cycle, unitIds, members.map((m) => ({ ...m, cycleId: id, score: null, rank: null, groupSize: null, grade: null, result: null })));
        await audit.append({ actorUserId: actor.userId, action: 'evaluation_open', subjectType: 'evaluation', subjectId: id, detail: { units: unitIds.length, members: members.length } }, trx);
      });
      return detail(actor, (await repo.cycle(db, id))!, undefined);
    },

    async detail(actor: Actor, id: string) {
      const { cycle, me } = await visibleCycle(actor, id);
      return detail(actor, cycle, me);
    },

    async score(actor: Actor, id: string, body: ScoreSubmit) {
      const { cycle, me } = await visibleCycle(actor, id);
      if (cycle.state !== 'open') throw unprocessable('error.cycle_closed');
      const member = await repo.member(db, id, body.memberUserId);
      if (!member) throw unknownReference('memberUserId', 'member');
      if (!sourcesFor(actor, cycle, member, me).includes(body.source)) throw new AppError(403, 'error.not_scorer');
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('evalScores').where('cycleId', '=', id).where('memberUserId', '=', body.memberUserId).where('source', '=', body.source).where('scorerUserId', '=', actor.userId).execute();
        await trx.insertInto('evalScores').values({ id: randomUUID(), cycleId: id, memberUserId: body.memberUserId, source: body.source, scorerUserId: actor.userId, ...body.items, comment: body.comment ?? null, createdAt: clock.now().toISOString() }).execute();
      });
      return { ok: true as const };
    },

    /** Scorings: every one, with the scorer, to the organisation department; only one's own to anyone else. */
    async scores(actor: Actor, id: string, query: { memberUserId?: string }) {
      const { cycle } = await visibleCycle(actor, id);
      const all = manages(actor, cycle);
      const rows = await repo.scores(db, id, { memberUserId: query.memberUserId, scorerUserId: all ? undefined : actor.userId });
      return { items: rows.map((s) => ({ memberUserId: s.memberUserId, source: s.source as StaffEvalSource, items: itemsOf(s), comment: s.comment, scorerUserId: s.scorerUserId, scorerName: s.scorerName, at: s.createdAt })) };
    },

    async figures(actor: Actor, id: string, userId: string) {
      const cycle = await managedCycle(actor, id);
      if (!(await repo.member(db, id, userId))) throw notFound();
      const figures = await cadreFigures(db, { userIds: [userId] }, { from: cycle.periodFrom, to: cycle.periodTo });
      return figures.get(userId) ?? noFigures();
    },

    async close(actor: Actor, id: string) {
      const cycle = await managedCycle(actor, id);
      if (cycle.state !== 'open') throw unprocessable('error.cycle_closed');
      const { ranked, unitRanked, members } = await compute(cycle);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const claimed = await trx.updateTable('evalCycles').set({ state: 'closed', closedAt: now, closedBy: actor.userId }).where('id', '=', id).where('state', '=', 'open').executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) throw unprocessable('error.cycle_closed');
        for (const r of ranked) {
          const e = r.entry;
          await trx
            .updateTable('evalMembers')
            .set({ score: e.score, rank: r.rank, groupSize: r.groupSize, grade: r.grade, result: JSON.stringify({ items: e.result.items, bySource: e.result.bySource, counts: e.counts, objective: e.result.objective, figures: e.figures }) })
            .where('cycleId', '=', id)
            .where('userId', '=', e.m.userId)
            .execute();
        }
        for (const u of unitRanked) await trx.updateTable('evalCycleUnits').set({ score: u.score, rank: u.rank }).where('cycleId', '=', id).where('unitId', '=', u.unitId).execute();
        await audit.append({ actorUserId: actor.userId, action: 'evaluation_close', subjectType: 'evaluation', subjectId: id, detail: { members: members.length } }, trx);
        // In slices: one notice row has 14 columns, and a statement takes at most 32,766 parameters on SQLite.
        const ids = members.map((m) => m.userId);
        for (let i = 0; i < ids.length; i += 500) await notifier.notice(trx, ids.slice(i, i + 500), 'notice.eval_result', { cycle: cycle.name }, { target: { kind: 'evaluation', id } });
      });
      return results((await repo.cycle(db, id))!);
    },

    async results(actor: Actor, id: string) {
      return results(await managedCycle(actor, id));
    },

    /** The results for the report files (organisation department only). */
    async report(actor: Actor, id: string) {
      const cycle = await managedCycle(actor, id);
      if (cycle.state !== 'closed') throw unprocessable('error.validation');
      return { ...(await results(cycle)), config: configOf(cycle) };
    },

    /** One's own results, closed cycles only, newest first. */
    async myResults(actor: Actor) {
      return { items: await resultsOf(db, actor.userId) };
    },

    /** A person's results in closed cycles (the cadre page asks; it judges who may see them). */
    resultsOf: (userId: string) => resultsOf(db, userId),
  };

  async function resultsOf(q: Kysely<DB>, userId: string): Promise<MemberResult[]> {
    const rows = await q.selectFrom('evalMembers').select('cycleId').where('userId', '=', userId).where('result', 'is not', null).execute();
    const out: MemberResult[] = [];
    for (const r of rows) {
      const cycle = (await repo.cycle(q, r.cycleId))!;
      out.push(presentResult(cycle, (await repo.member(q, r.cycleId, userId))!));
    }
    return out.sort((a, b) => b.cycleId.localeCompare(a.cycleId));
  }
}

export type EvaluationService = ReturnType<typeof createEvaluationService>;
