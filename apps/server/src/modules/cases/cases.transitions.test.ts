import { CASE_ACTIONS, CASE_STATES, type CaseAction, isActionAllowed } from '@lianxin/core';
import { describe, expect, it } from 'vitest';
import { ACTION_PATHS, actionBody, allPowerful, caseInState } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';

const { ctx, boss } = suiteContext({ boss: allPowerful });

const staffActions = CASE_ACTIONS.filter((a): a is Exclude<CaseAction, 'evaluate'> => a !== 'evaluate');

describe('illegal transitions', () => {
  for (const state of CASE_STATES) {
    it(`refuses with 409 every action not allowed in "${state}" and changes nothing`, async () => {
      const id = await caseInState(ctx, boss, state);
      const before = (await boss.get(`/api/cases/${id}`)).json();
      expect(before.status).toBe(state);
      for (const action of staffActions.filter((a) => !isActionAllowed(state, a))) {
        const response = await boss.post(`/api/cases/${id}/${ACTION_PATHS[action]}`, actionBody(ctx, action, { otherCaseId: id }));
        expect(response.statusCode, `${state} × ${action}: ${response.body}`).toBe(409);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({ code: 'illegal_transition', state, action });
      }
      const after = (await boss.get(`/api/cases/${id}`)).json();
      expect(after.version).toBe(before.version);
      expect(after.events).toHaveLength(before.events.length);
    });
  }

  it('says in the caller language which action and state clash', async () => {
    const id = await caseInState(ctx, boss, 'registered');
    const zh = await boss.post(`/api/cases/${id}/reply`, actionBody(ctx, 'reply'));
    expect(zh.json().title).toBe('当前状态“已登记”下不能执行“答复”');
    const en = await boss.post(`/api/cases/${id}/reply`, actionBody(ctx, 'reply'), { 'accept-language': 'en-US' });
    expect(en.json().title).toBe('“Reply” is not possible while the case is “Registered”');
  });
});

