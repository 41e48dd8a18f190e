import { CaseCreateSchema, type Contract, type ProblemConvertedSchema, type ProblemToCase } from '@lianxin/core';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import { AppError, notFound } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { CasesService } from '../cases/cases.service.js';
import type { VisitRow, VisitsRepository } from './visits.repository.js';

/** Longest title a problem gives a case when the cadre did not write one. */
export const PROBLEM_TITLE_MAX = 30;

/**
 * A case title from a problem's text: the whole text when it fits; otherwise cut after the last
 * clause that fits (，。；！？ or a space, if it keeps at least a third), else at the limit, and
 * always marked with "…" so nobody reads a cut phrase as the whole.
 */
export function caseTitleFrom(text: string, max = PROBLEM_TITLE_MAX): string {
  const chars = [...text.trim().replace(/\s+/g, ' ')];
  if (chars.length <= max) return chars.join('');
  const head = chars.slice(0, max - 1);
  // A clause mark at position i ends a clause of i characters; the one just past the head counts too.
  let cut = -1;
  for (let i = head.length; i >= Math.floor(max / 3); i--) {
    if ('，。；！？,.;!? 、'.includes(chars[i])) {
      cut = i;
      break;
    }
  }
  return `${(cut > 0 ? chars.slice(0, cut) : head).join('').trim()}…`;
}

/** What turning a problem into a case needs. */
export interface ProblemToCaseDeps {
  visits: VisitsRepository;
  cases: Pick<CasesService, 'register'>;
  clock: Clock;
  audit: AuditLog;
}

/**
 * Turns a problem found on a visit into a case of channel 走访发现 (`field`) through the cases
 * service's own registration, so the case gets the real lifecycle, deadlines, flags and events and
 * waits in the dispatchers' queue. The problem is claimed first (converted_at), so two taps make
 * one case; a failed registration releases the claim. The caller has checked the visit is visible.
 */
export async function convertProblemToCase(
  { visits, cases, clock, audit }: ProblemToCaseDeps,
  actor: Actor,
  visit: VisitRow,
  problemId: string,
  body: ProblemToCase,
): Promise<Contract<typeof ProblemConvertedSchema>> {
  const problem = await visits.findProblem(visit.id, problemId);
  if (!problem) throw notFound();
  if (problem.convertedAt) throw new AppError(409, 'error.problem_converted', {}, 'problemId');
  const categoryCode = body.categoryCode ?? problem.categoryCode;
  if (!categoryCode) throw new AppError(400, 'error.validation', {}, 'categoryCode');

  const household = problem.householdId ? await visits.findHousehold(problem.householdId) : undefined;
  const cadre = await visits.findUser(visit.cadreUserId);
  const where = household?.address ?? visit.place ?? '';
  // Registered now: the case's clock starts when it enters the platform, not at the visit.
  const parsed = CaseCreateSchema.safeParse({
    channel: 'field',
    kind: body.kind,
    categoryCode,
    title: body.title ?? caseTitleFrom(problem.text),
    content: `${problem.text}\n（${cadre?.displayName ?? ''} ${visit.localDate} 走访发现${where ? `，${where}` : ''}）`.slice(0, 5000),
    requester: body.requester ? { name: body.requester.name, phone: body.requester.phone } : { anonymous: true },
    areaCode: household?.areaCode ?? visit.areaCode,
    address: where ? where.slice(0, 200) : undefined,
    lat: visit.lat ?? undefined,
    lng: visit.lng ?? undefined,
    householdId: household?.id,
    urgency: body.urgency,
  });
  if (!parsed.success) throw new AppError(400, 'error.validation', {}, parsed.error.issues[0]?.path.join('.') || 'body');
  const input = parsed.data;

  const now = clock.now().toISOString();
  if (!(await visits.claimProblem(problemId, now, actor.userId))) throw new AppError(409, 'error.problem_converted', {}, 'problemId');
  let created;
  try {
    created = await cases.register(actor, input);
  } catch (error) {
    await visits.releaseProblem(problemId);
    throw error;
  }
  await visits.linkProblemCase(problemId, created.id);
  // The photos taken on the visit are the case's evidence too.
  await visits.copyPhotosToCase(visit.id, created.id, actor.userId, now);
  await audit.append({ actorUserId: actor.userId, action: 'problem_to_case', subjectType: 'visit', subjectId: visit.id, detail: { problemId, caseId: created.id, code: created.code } });
  return {
    problem: { id: problem.id, seq: problem.seq, text: problem.text, categoryCode, householdId: problem.householdId, caseId: created.id, convertedAt: now },
    case: { id: created.id, code: created.code, status: created.status, channel: created.channel, areaCode: created.areaCode },
  };
}
