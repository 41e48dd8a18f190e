import { CASE_ACTIONS, CASE_STATES, type CaseAction, type CaseState, isActionAllowed, nextState, replayTransitions } from '@lianxin/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_PATHS, actionBody, allPowerful } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';

const { ctx, boss } = suiteContext({ boss: allPowerful });

type Step = { action: CaseAction; satisfied: boolean } | { action: 'wait'; days: number };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ action: fc.constantFrom(...CASE_ACTIONS), satisfied: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ action: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 40 }) }) },
);

/** States an evaluation may lead to: closed when satisfied, reopened or kept for supervision when not. */
const AFTER_EVALUATION: readonly CaseState[] = ['evaluated', 'closed', 'reopened'];

async function evaluationToken(caseId: string): Promise<string | null> {
  const rows = await ctx.database.db.selectFrom('outbox').select('body').where('caseId', '=', caseId).where('template', '=', 'sms.replied').execute();
  const body = rows.at(-1)?.body;
  return body ? /\/m\/evaluate\/(\S+)/.exec(body)![1] : null;
}

async function perform(caseId: string, otherId: string, step: Exclude<Step, { action: 'wait' }>) {
  const evaluation = { result: step.satisfied ? 'satisfied' : 'dissatisfied', solved: step.satisfied };
  if (step.action === 'evaluate') {
    const token = await evaluationToken(caseId);
    return token ? ctx.anonymous().post(`/api/public/evaluations/${token}`, evaluation) : null;
  }
  const detail = (await boss.get(`/api/cases/${caseId}`)).json();
  const pending = detail.extensions.find((x: { status: string }) => x.status === 'pending');
  let body = actionBody(ctx, step.action, { otherCaseId: otherId, extensionId: pending?.id });
  if (step.action === 'callback') body = evaluation;
  return boss.post(`/api/cases/${caseId}/${ACTION_PATHS[step.action]}`, body);
}

describe('random action sequences', () => {
  it('keep every case in a legal state whose history replays to it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(stepArbitrary, { minLength: 1, maxLength: 14 }), async (petition, steps) => {
        const input = petition ? caseInput({ kind: 'petition', channel: 'letter', petitionClass: 'appeal' }) : caseInput();
        const caseId = (await boss.post('/api/cases', input)).json().id as string;
        const otherId = (await boss.post('/api/cases', caseInput({ requester: { anonymous: true } }))).json().id as string;

        for (const step of steps) {
          if (step.action === 'wait') {
            ctx.clock.advance(step.days * 86_400_000);
            continue;
          }
          const before = (await boss.get(`/api/cases/${caseId}`)).json();
          const response = await perform(caseId, otherId, step);
          if (!response) continue;
          const after = (await boss.get(`/api/cases/${caseId}`)).json();
          expect(CASE_STATES).toContain(after.status);
          const allowed = isActionAllowed(before.status, step.action);
          if (!allowed) {
            // An old evaluation link stops working once the case is reopened (404).
            const refusals = step.action === 'evaluate' ? [404, 409] : [409];
            expect(refusals, `${before.status} × ${step.action}`).toContain(response.statusCode);
          }
          if (response.statusCode >= 400) {
            expect([400, 403, 404, 409, 422]).toContain(response.statusCode);
            expect(after.version).toBe(before.version);
            expect(after.status).toBe(before.status);
            continue;
          }
          expect(allowed).toBe(true);
          const expected = nextState(before.status, step.action);
          if (step.action === 'evaluate' || step.action === 'callback') expect(AFTER_EVALUATION).toContain(after.status);
          else expect(after.status).toBe(expected);
        }

        const events = await ctx.database.db.selectFrom('caseEvents').selectAll().where('caseId', '=', caseId).orderBy('seq').execute();
        const stored = await ctx.database.db.selectFrom('cases').select(['status', 'version']).where('id', '=', caseId).executeTakeFirstOrThrow();
        expect(events.map((e) => e.seq)).toEqual(Array.from({ length: stored.version }, (_, i) => i + 1));
        const replayed = replayTransitions(events.map((e) => ({ action: e.action as CaseAction, fromState: e.fromStatus as CaseState | null, toState: e.toStatus as CaseState })));
        expect(replayed).toBe(stored.status);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
