import { beforeAll, describe, expect, it } from 'vitest';
import { act, actionBody } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';
import { freshIp } from '../portal/portal.test-support.js';

const { ctx, leader, handler, registrar, dispatcher, admin, org, townOrg } = suiteContext({
  leader: 'leader',
  handler: 'handler',
  registrar: 'registrar',
  dispatcher: 'dispatcher',
  admin: 'admin',
  org: (c) => c.userWith([{ role: 'org_department', unitId: c.org.units['u-center'] }]),
  townOrg: (c) => c.userWith([{ role: 'org_department', unitId: c.org.units['u-townB'] }]),
});

let kindId: string;
let unitKindId: string;

beforeAll(async () => {
  // Three cases handled and rated by 赵承办: enough to be suggested.
  for (let i = 0; i < 3; i++) {
    const id = (await registrar.post('/api/cases', caseInput({ requester: { name: '张秀英', phone: `1390798${5200 + i}` } }))).json().id;
    await act(dispatcher, id, 'dispatch', actionBody(ctx, 'dispatch'));
    await act(handler, id, 'accept', {});
    await act(handler, id, 'reply', actionBody(ctx, 'reply'));
    await act(registrar, id, 'callback', { result: 'satisfied', solved: true });
  }
});

describe('awards', () => {
  it('admins define kinds; bad input is a 400 naming the field', async () => {
    const bad = await admin.post('/api/awards/kinds', { name: '便', nameEn: 'Star', subject: 'person' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('name');
    expect((await handler.post('/api/awards/kinds', { name: '便民服务之星', nameEn: 'Service star', subject: 'person' })).statusCode).toBe(403);
    const star = await admin.post('/api/awards/kinds', { name: '便民服务之星', nameEn: 'Service star', subject: 'person' });
    expect(star.statusCode, star.body).toBe(201);
    kindId = star.json().id;
    unitKindId = (await admin.post('/api/awards/kinds', { name: '示范单位', nameEn: 'Model unit', subject: 'unit' })).json().id;
  });

  it('suggests candidates from the figures, decides by a vote, publishes names and units only, and shows on the person’s page', async () => {
    const created = await org.post('/api/awards', { kindId, title: '2026年第一季度便民服务之星', periodFrom: '2026-01-01', periodTo: '2026-03-31', decideBy: 'vote', winnersMax: 1 });
    expect(created.statusCode, created.body).toBe(201);
    const award = created.json();
    expect(award.candidates.map((c: { subjectId: string }) => c.subjectId)).toContain(ctx.org.users.handler);
    expect(award.candidates[0].figure).toBeGreaterThan(0);
    // A vote: the leader holds award.decide; a handler does not.
    expect((await handler.post(`/api/awards/${award.id}/votes`, { subjectIds: [ctx.org.users.handler] })).statusCode).toBe(403);
    expect((await leader.post(`/api/awards/${award.id}/votes`, { subjectIds: ['nobody'] })).statusCode).toBe(400);
    expect((await leader.post(`/api/awards/${award.id}/votes`, { subjectIds: [ctx.org.users.handler] })).json().myVotes).toEqual([ctx.org.users.handler]);
    expect((await org.post(`/api/awards/${award.id}/votes`, { subjectIds: [ctx.org.users.handler] })).statusCode).toBe(200);
    expect((await org.post(`/api/awards/${award.id}/publish`)).statusCode).toBe(422);
    const decided = (await org.post(`/api/awards/${award.id}/decide`, {})).json();
    expect(decided.state).toBe('decided');
    expect(decided.candidates.find((c: { subjectId: string }) => c.subjectId === ctx.org.users.handler)).toMatchObject({ isWinner: true, votes: 2 });
    expect((await org.post(`/api/awards/${award.id}/publish`)).json().state).toBe('published');
    const board = await ctx.anonymous().get('/api/public/awards', freshIp());
    expect(board.statusCode).toBe(200);
    const published = board.json().items.find((a: { id: string }) => a.id === award.id);
    expect(published.winners).toEqual([{ name: '赵承办', unitName: '青溪县民政局' }]);
    const page = (await handler.get(`/api/cadres/${ctx.org.users.handler}`)).json();
    expect(page.awards.map((a: { title: string }) => a.title)).toContain('2026年第一季度便民服务之星');
  });

  it('a leader decides a leader’s award; out-of-scope reads are refused', async () => {
    const award = (await org.post('/api/awards', { kindId: unitKindId, title: '2026年第一季度示范单位', periodFrom: '2026-01-01', periodTo: '2026-03-31', decideBy: 'leader', winnersMax: 1 })).json();
    expect(award.candidates.map((c: { subjectId: string }) => c.subjectId)).toContain(ctx.org.units['u-civil']);
    expect((await org.post(`/api/awards/${award.id}/decide`, { subjectIds: [ctx.org.units['u-civil']] })).statusCode).toBe(403);
    const decided = await leader.post(`/api/awards/${award.id}/decide`, { subjectIds: [ctx.org.units['u-civil']] });
    expect(decided.statusCode, decided.body).toBe(200);
    const r = await townOrg.get(`/api/awards/${award.id}`);
    expect(r.statusCode).toBe(403);
    expect(r.body).toContain('out_of_scope');
  });
});
