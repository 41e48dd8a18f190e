import { describe, expect, it } from 'vitest';
import { act } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';

const { ctx } = suiteContext();

describe('GET /api/cases/:id/context', () => {
  it('names the people, units, area and category the case refers to, and the leaders who could take it', async () => {
    const registrar = await ctx.as('registrar');
    const dispatcher = await ctx.as('dispatcher');
    const id = (await registrar.post('/api/cases', caseInput({ areaCode: AREAS.villageA1 }))).json().id as string;
    await act(dispatcher, id, 'dispatch', { unitId: ctx.org.units['u-civil'] });
    await act(dispatcher, id, 'assign_leader', { leaderUserId: ctx.org.users.leader });

    const response = await dispatcher.get(`/api/cases/${id}/context`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.users[ctx.org.users.registrar]).toBe('王登记');
    expect(body.users[ctx.org.users.dispatcher]).toBe('李派单');
    expect(body.users[ctx.org.users.leader]).toBe('吴县长');
    expect(body.units['u-civil']).toBe('青溪县民政局');
    expect(body.units['u-center']).toBe('青溪县群众工作中心');
    expect(body.areaPath.map((a: { name: string }) => a.name)).toEqual(['江西省', '云州市', '青溪县', '城关镇', '东门社区']);
    expect(body.categoryPath.length).toBeGreaterThan(0);
    expect(body.categoryPath.at(-1).code).toBe(caseInput().categoryCode);
    expect(body.leaderCandidates).toEqual([{ id: ctx.org.users.leader, displayName: '吴县长', unitName: '青溪县群众工作中心' }]);
    // Names only: nothing personal leaks through this endpoint.
    expect(response.body).not.toMatch(/1[3-9]\d{9}/);
  });

  it('is scoped like the case: another village gets 403, an unknown id 404, no session 401', async () => {
    const cadreA1 = await ctx.as('cadreA1');
    const cadreA2 = await ctx.as('cadreA2');
    const id = (await cadreA1.post('/api/cases', caseInput({ areaCode: AREAS.villageA1 }))).json().id as string;
    expect((await cadreA1.get(`/api/cases/${id}/context`)).statusCode).toBe(200);
    expect((await cadreA2.get(`/api/cases/${id}/context`)).statusCode).toBe(403);
    expect((await cadreA1.get('/api/cases/no-such-case/context')).statusCode).toBe(404);
    expect((await ctx.anonymous().get(`/api/cases/${id}/context`)).statusCode).toBe(401);
  });
});
