import { dutyAndLeaveOf } from '../leave/cadre-section.js';
import { type CadrePage, grantsWith, isInRanges, localDate, type MemberResult, rangesOf } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { forbidden, notFound, outOfScope } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import { cadreFigures, noFigures } from '../evaluation/evaluation.figures.js';
import type { EvaluationService } from '../evaluation/evaluation.service.js';
import { mentoringRepository } from '../mentoring/mentoring.repository.js';

export interface CadresDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
  evaluation: Pick<EvaluationService, 'resultsOf'>;
}


/**
 * A cadre's page (SPEC §7): one place for a person's unit and roles, stationing, visits, cases and
 * their figures, accountability, evaluations, awards, mentoring and training. A cadre reads their
 * own; others by `cadre.read` over one of the cadre's units. Accountability records go to those who
 * read the ledger, evaluation results to the organisation department — each part per the access table.
 */
export function createCadresService({ db, clock, evaluation }: CadresDeps) {
  return {
    async page(actor: Actor, userId: string, query: { year?: number }): Promise<CadrePage> {
      const user = await db.selectFrom('users').select(['id', 'displayName']).where('id', '=', userId).executeTakeFirst();
      if (!user) throw notFound();
      const roles = await db.selectFrom('userRoles as r').innerJoin('units as u', 'u.id', 'r.unitId').select(['r.role', 'r.unitId', 'u.name as unitName', 'u.areaCode']).where('r.userId', '=', userId).orderBy('u.name').execute();
      const isSelf = actor.userId === userId;
      const over = (ability: 'cadre.read' | 'accountability.read' | 'evaluation.manage') => {
        const ranges = rangesOf(actor.grants, ability);
        return roles.some((r) => isInRanges(ranges, r.areaCode));
      };
      if (!isSelf && !over('cadre.read')) throw grantsWith(actor.grants, 'cadre.read').length ? outOfScope() : forbidden();

      const year = query.year ?? Number(localDate(clock.now()).slice(0, 4));
      const period = { from: `${year}-01-01`, to: `${year}-12-31` };
      const [figures, stationing, visits, accountability, awards, pairs, training] = await Promise.all([
        cadreFigures(db, { userIds: [userId] }, period),
        db.selectFrom('stationingAssignments as s').innerJoin('areas as a', 'a.code', 's.villageCode').select(['s.villageCode', 'a.name as villageName', 's.startsOn', 's.endsOn']).where('s.cadreUserId', '=', userId).orderBy('s.startsOn', 'desc').execute(),
        db.selectFrom('visits as v').innerJoin('areas as a', 'a.code', 'v.areaCode').select(['v.id', 'v.occurredAt', 'v.kind', 'a.name as areaName']).where('v.cadreUserId', '=', userId).orderBy('v.occurredAt', 'desc').limit(10).execute(),
        isSelf || over('accountability.read')
          ? db
              .selectFrom('accountabilityRecords as r')
              .innerJoin('cases as c', 'c.id', 'r.caseId')
              .select(['r.id', 'c.code as caseCode', 'r.reason', 'r.state', 'r.createdAt'])
              .where((eb) => eb.or([eb('r.userId', '=', userId), eb.and([eb('r.userId', 'is', null), eb('c.handlerUserId', '=', userId)])]))
              .orderBy('r.createdAt', 'desc')
              .limit(50)
              .execute()
          : Promise.resolve(null),
        db
          .selectFrom('awardCandidates as c')
          .innerJoin('awards as a', 'a.id', 'c.awardId')
          .innerJoin('awardKinds as k', 'k.id', 'a.kindId')
          .select(['a.id as awardId', 'a.title', 'k.name as kindName', 'a.publishedAt'])
          .where('c.subjectId', '=', userId)
          .where('c.isWinner', '=', 1)
          .where('a.state', '=', 'published')
          .orderBy('a.publishedAt', 'desc')
          .execute(),
        mentoringRepository.pairsOf(db, userId),
        mentoringRepository.sessionsOf(db, userId, year),
      ]);
      let evaluations: MemberResult[] | null = null;
      if (isSelf || over('evaluation.manage')) evaluations = await evaluation.resultsOf(userId);
      return {
        userId,
        name: user.displayName,
        year,
        roles: roles.map((r) => ({ role: r.role as CadrePage['roles'][number]['role'], unitId: r.unitId, unitName: r.unitName })),
        stationing,
        figures: figures.get(userId) ?? noFigures(),
        recentVisits: visits,
        accountability,
        evaluations,
        awards,
        mentoring: pairs.map((p) => ({ pairId: p.id, as: p.mentorUserId === userId ? ('mentor' as const) : ('mentee' as const), otherName: p.mentorUserId === userId ? p.menteeName : p.mentorName, state: p.state as 'active', startsOn: p.startsOn, endsOn: p.endsOn, reviewRating: p.reviewRating })),
        training: { hours: training.reduce((a, s) => a + s.hours, 0), sessions: training },
        dutyAndLeave: await dutyAndLeaveOf(db, userId, year, localDate(clock.now())),
        isSelf,
      };
    },
  };
}

export type CadresService = ReturnType<typeof createCadresService>;
