import { CaseCreateSchema, type ProblemToCase } from '@lianxin/core';
import { AppError, notFound } from '../../errors.js';
import type { Services } from '../../services.js';
import type { Actor } from '../../access/actor.js';
import { fdb, type VisitRow } from './visits.repository.js';

/**
 * Turns a problem found on a visit into a case of channel 走访发现 (`field`) through the cases
 * service's own registration, so the case gets the real lifecycle, deadlines, flags and events and
 * waits in the dispatchers' queue. The problem is claimed first (converted_at), so two taps make
 * one case; a failed registration releases the claim.
 */
export async function convertProblemToCase(services: Services, actor: Actor, visit: VisitRow, problemId: string, body: ProblemToCase) {
  const { db, clock, audit } = services;
  const problem = await db.selectFrom('visitProblems').selectAll().where('id', '=', problemId).where('visitId', '=', visit.id).executeTakeFirst();
  if (!problem) throw notFound();
  if (problem.convertedAt) throw new AppError(409, 'error.problem_converted', {}, 'problemId');
  const categoryCode = body.categoryCode ?? problem.categoryCode;
  if (!categoryCode) throw new AppError(400, 'error.validation', {}, 'categoryCode');

  const household = problem.householdId
    ? await fdb(db).selectFrom('households').select(['id', 'areaCode', 'address']).where('id', '=', problem.householdId).executeTakeFirst()
    : undefined;
  const cadre = await db.selectFrom('users').select('displayName').where('id', '=', visit.cadreUserId).executeTakeFirstOrThrow();
  const where = household?.address ?? visit.place ?? '';
  // Registered now: the case's clock starts when it enters the platform, not at the visit.
  const parsed = CaseCreateSchema.safeParse({
    channel: 'field',
    kind: body.kind,
    categoryCode,
    title: body.title ?? [...problem.text].slice(0, 30).join(''),
    content: `${problem.text}\n（${cadre.displayName} ${visit.localDate} 走访发现${where ? `，${where}` : ''}）`.slice(0, 5000),
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
  const claimed = await db.updateTable('visitProblems').set({ convertedAt: now, convertedBy: actor.userId }).where('id', '=', problemId).where('convertedAt', 'is', null).executeTakeFirst();
  if (!Number(claimed.numUpdatedRows)) throw new AppError(409, 'error.problem_converted', {}, 'problemId');
  let created;
  try {
    created = await services.cases.register(actor, input);
  } catch (error) {
    await db.updateTable('visitProblems').set({ convertedAt: null, convertedBy: null }).where('id', '=', problemId).execute();
    throw error;
  }
  await db.updateTable('visitProblems').set({ caseId: created.id }).where('id', '=', problemId).execute();
  await audit.append({ actorUserId: actor.userId, action: 'problem_to_case', subjectType: 'visit', subjectId: visit.id, detail: { problemId, caseId: created.id, code: created.code } });
  return {
    problem: { id: problem.id, seq: problem.seq, text: problem.text, categoryCode, householdId: problem.householdId, caseId: created.id, convertedAt: now },
    case: { id: created.id, code: created.code, status: created.status, channel: created.channel, areaCode: created.areaCode },
  };
}
