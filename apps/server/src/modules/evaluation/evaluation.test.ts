import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { act, actionBody } from '../../test/case-driver.js';
import { type Client, suiteContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';
import { pdfText } from '../documents/read-back.test-support.js';
import { deliverSms, freshIp, otpsIn } from '../portal/portal.test-support.js';

const { ctx, leader, handler, head, cadreA1, registrar, dispatcher, townHead, org, townOrg } = suiteContext({
  leader: 'leader',
  handler: 'handler',
  head: 'head',
  cadreA1: 'cadreA1',
  registrar: 'registrar',
  dispatcher: 'dispatcher',
  // 河口乡's head: leads in 河口乡 only.
  townHead: (c) => c.userWith([{ role: 'unit_head', unitId: c.org.units['u-townB'] }]),
  org: (c) => c.userWith([{ role: 'org_department', unitId: c.org.units['u-center'] }]),
  townOrg: (c) => c.userWith([{ role: 'org_department', unitId: c.org.units['u-townB'] }]),
});

const items = (x: number) => ({ de: x, neng: x, qin: x, ji: x, lian: x });
/** Four more clerks of 民政局: a peer group of six (with its handler and head) for the quotas. */
const clerks: Client[] = [];
let cycleId: string;

async function score(client: Client, memberUserId: string, source: string, value: number) {
  const r = await client.post(`/api/evaluation/cycles/${cycleId}/scores`, { memberUserId, source, items: items(value) });
  return r;
}

beforeAll(async () => {
  for (let i = 0; i < 4; i++) clerks.push(await ctx.userWith([{ role: 'handler', unitId: ctx.org.units['u-civil'] }]));
  // Two cases handled by 赵承办 in March, rated satisfied by the residents: 三率 feed 绩 and 群众测评.
  for (let i = 0; i < 2; i++) {
    const created = await registrar.post('/api/cases', caseInput({ requester: { name: '张秀英', phone: `1390798${String(5100 + i)}` } }));
    const id = created.json().id;
    await act(dispatcher, id, 'dispatch', actionBody(ctx, 'dispatch'));
    await act(handler, id, 'accept', {});
    await act(handler, id, 'reply', actionBody(ctx, 'reply'));
    await act(registrar, id, 'callback', { result: 'satisfied', solved: true });
  }
});

const cycleBody = (overrides: Record<string, unknown> = {}) => ({
  name: '2026年第一季度机关干部考核',
  period: 'quarterly',
  periodFrom: '2026-01-01',
  periodTo: '2026-03-31',
  unitIds: [ctx.org.units['u-civil'], ctx.org.units['u-villageA1'], ctx.org.units['u-villageA2']],
  quotas: { excellentShare: 0.2, excellentMinScore: 80, competentMinScore: 60, basicMinScore: 50 },
  ...overrides,
});

describe('opening a cycle', () => {
  it('refuses bad input with a 400 naming the field, and other roles with 403', async () => {
    const bad = await org.post('/api/evaluation/cycles', cycleBody({ sourceWeights: { leader: 2, organisation: 0.3, peer: 0.2, public: 0.2 } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body).toContain('sourceWeights');
    const backwards = await org.post('/api/evaluation/cycles', cycleBody({ periodTo: '2025-12-31' }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('periodTo');
    expect((await handler.post('/api/evaluation/cycles', cycleBody())).statusCode).toBe(403);
    // 河口乡's organisation office reaches 河口乡 only.
    expect((await townOrg.post('/api/evaluation/cycles', cycleBody())).statusCode).toBe(403);
    expect(await ctx.database.db.selectFrom('evalCycles').select('id').execute()).toEqual([]);
  });

  it('the organisation department opens one over three units: every staff member is a member, grouped by kind of unit', async () => {
    const r = await org.post('/api/evaluation/cycles', cycleBody());
    expect(r.statusCode, r.body).toBe(201);
    const d = r.json();
    cycleId = d.id;
    expect(d.memberCount).toBe(8); // 民政局 6, 东门 1, 西门 1
    expect(d.canManage).toBe(true);
    const groups = Object.fromEntries(d.members.map((m: { userId: string; peerGroup: string }) => [m.userId, m.peerGroup]));
    expect(groups[ctx.org.users.handler]).toBe('department');
    expect(groups[ctx.org.users.cadreA1]).toBe('village');
    expect(d.surveyPath).toBe(`/m/survey/${cycleId}`);
  });
});

describe('scoring', () => {
  it('leaders, the organisation and colleagues score; nobody scores themselves or outside their standing', async () => {
    const members = (await org.get(`/api/evaluation/cycles/${cycleId}`)).json().members as Array<{ userId: string }>;
    // The leader scores everyone as a leader; the organisation everyone; scores fall with the order.
    for (const [i, m] of members.entries()) {
      expect((await score(leader, m.userId, 'leader', 95 - i * 5)).statusCode).toBe(200);
      expect((await score(org, m.userId, 'organisation', 92 - i * 5)).statusCode).toBe(200);
    }
    // Scoring again replaces the earlier scoring.
    expect((await score(org, members[0].userId, 'organisation', 93)).statusCode).toBe(200);
    expect((await score(leader, members[0].userId, 'organisation', 90)).statusCode).toBe(403);
    // 民政局's head leads their own unit only.
    expect((await score(head, ctx.org.users.cadreA1, 'leader', 90)).statusCode).toBe(403);
    expect((await score(handler, ctx.org.users.handler, 'peer', 100)).statusCode).toBe(403);
    // 东门's cadre is no colleague of 民政局's handler.
    expect((await score(handler, ctx.org.users.cadreA1, 'peer', 10)).statusCode).toBe(403);
    expect((await score(handler, clerks[0].userId!, 'peer', 101)).statusCode).toBe(400);
    for (const clerk of clerks) expect((await score(handler, clerk.userId!, 'peer', 70)).statusCode).toBe(200);
    expect((await score(clerks[0], ctx.org.users.handler, 'peer', 88)).statusCode).toBe(200);
    expect((await score(head, ctx.org.users.handler, 'peer', 86)).statusCode).toBe(200);
  });

  it('peer scoring stays anonymous to peers, never to the organisation department', async () => {
    // The one scored reads scorings about themselves: only those they gave (none).
    const mine = (await handler.get(`/api/evaluation/cycles/${cycleId}/scores?memberUserId=${ctx.org.users.handler}`)).json().items;
    expect(mine).toEqual([]);
    // A colleague who scored reads back only their own scoring.
    const clerk = (await clerks[0].get(`/api/evaluation/cycles/${cycleId}/scores`)).json().items as Array<{ scorerUserId: string }>;
    expect(clerk.map((s) => s.scorerUserId)).toEqual([clerks[0].userId]);
    // The cycle page tells the scored person nothing of who scored them.
    const page = (await handler.get(`/api/evaluation/cycles/${cycleId}`)).json();
    expect(page.members.find((m: { userId: string }) => m.userId === ctx.org.users.handler)).toMatchObject({ canScoreAs: [], givenByMe: [] });
    expect(page.members.find((m: { userId: string }) => m.userId === clerks[0].userId).givenByMe.map((g: { source: string }) => g.source)).toEqual(['peer']);
    // The organisation department sees every peer scoring with its scorer.
    const all = (await org.get(`/api/evaluation/cycles/${cycleId}/scores?memberUserId=${ctx.org.users.handler}`)).json().items as Array<{ source: string; scorerUserId: string; scorerName: string }>;
    expect(all.filter((s) => s.source === 'peer').map((s) => s.scorerUserId).sort()).toEqual([clerks[0].userId, ctx.org.users.head].sort());
    expect(all.every((s) => s.scorerName)).toBe(true);
  });

  it('shows the organisation the objective figures beside its scoring', async () => {
    const f = (await org.get(`/api/evaluation/cycles/${cycleId}/members/${ctx.org.users.handler}/figures`)).json();
    expect(f).toMatchObject({ cases: 2, satisfactionRate: 1, resolutionRate: 1 });
    expect((await handler.get(`/api/evaluation/cycles/${cycleId}/members/${ctx.org.users.handler}/figures`)).statusCode).toBe(403);
  });
});

describe('the residents’ survey', () => {
  it('shows only names and units, and takes one vote per verified phone', async () => {
    const survey = await ctx.anonymous().get(`/api/public/evaluation/${cycleId}`, freshIp());
    expect(survey.statusCode).toBe(200);
    expect(Object.keys(survey.json().cadres[0]).sort()).toEqual(['name', 'unitName', 'userId']);
    const phone = '13907986001';
    const ask = () => ctx.anonymous().post(`/api/public/evaluation/${cycleId}/otp`, { phone }, freshIp());
    expect((await ask()).statusCode).toBe(202);
    const [otp] = otpsIn((await deliverSms(ctx)).filter((m) => m.phone === phone));
    expect(otp).toMatch(/^\d{6}$/);
    const ballot = (code: string) => ({ phone, otp: code, answers: [{ userId: ctx.org.users.cadreA1, result: 'satisfied' }, { userId: ctx.org.users.handler, result: 'basically_satisfied' }] });
    const wrong = await ctx.anonymous().post(`/api/public/evaluation/${cycleId}/ballot`, ballot(otp === '000000' ? '111111' : '000000'), freshIp());
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('otp');
    expect((await ctx.anonymous().post(`/api/public/evaluation/${cycleId}/ballot`, ballot(otp), freshIp())).statusCode).toBe(201);
    // The same code again, or a fresh code for the same phone: refused, nothing written.
    expect((await ctx.anonymous().post(`/api/public/evaluation/${cycleId}/ballot`, ballot(otp), freshIp())).statusCode).toBe(409);
    expect((await ask()).statusCode).toBe(202);
    const [second] = otpsIn((await deliverSms(ctx)).filter((m) => m.phone === phone));
    const again = await ctx.anonymous().post(`/api/public/evaluation/${cycleId}/ballot`, ballot(second), freshIp());
    expect(again.statusCode).toBe(409);
    expect(again.json().detail ?? again.json().title).toBeTruthy();
    const ballots = await ctx.database.db.selectFrom('evalBallots').select('id').where('cycleId', '=', cycleId).execute();
    expect(ballots).toHaveLength(1);
    // Another phone votes once too.
    const other = '13907986002';
    await ctx.anonymous().post(`/api/public/evaluation/${cycleId}/otp`, { phone: other }, freshIp());
    const [code] = otpsIn((await deliverSms(ctx)).filter((m) => m.phone === other));
    expect((await ctx.anonymous().post(`/api/public/evaluation/${cycleId}/ballot`, { phone: other, otp: code, answers: [{ userId: ctx.org.users.cadreA1, result: 'dissatisfied' }] }, freshIp())).statusCode).toBe(201);
    // The outbox never held a code in clear.
    const bodies = (await ctx.database.db.selectFrom('outbox').select('body').where('template', '=', 'sms.survey_otp').execute()).map((r) => r.body);
    expect(bodies.every((b) => b.includes('******'))).toBe(true);
  });
});

describe('out-of-scope reads', () => {
  it('refuses a unit head of another township, and a member cannot read the ranked results', async () => {
    const r = await townHead.get(`/api/evaluation/cycles/${cycleId}`);
    expect(r.statusCode).toBe(403);
    expect(r.body).toContain('out_of_scope');
    expect((await townOrg.get(`/api/evaluation/cycles/${cycleId}/results`)).statusCode).toBe(403);
    expect((await handler.get(`/api/evaluation/cycles/${cycleId}/results`)).statusCode).toBe(403);
    expect((await cadreA1.get(`/api/evaluation/cycles/${cycleId}/report.xlsx`)).statusCode).toBe(403);
  });
});

describe('closing', () => {
  let people: Array<{ userId: string; peerGroup: string; rank: number; grade: string; score: number; counts: Record<string, number>; bySource: Record<string, number | null> }>;

  it('writes a score, a rank within the peer group and a grade that respects the quotas', async () => {
    const r = await org.post(`/api/evaluation/cycles/${cycleId}/close`);
    expect(r.statusCode, r.body).toBe(200);
    people = r.json().people;
    expect(people).toHaveLength(8);
    const byGroup = (g: string) => people.filter((p) => p.peerGroup === g);
    // 6 in the department group, 20 %: at most one 优秀 however high the scores.
    expect(byGroup('department').filter((p) => p.grade === 'excellent').length).toBeLessThanOrEqual(1);
    expect(byGroup('village').filter((p) => p.grade === 'excellent')).toHaveLength(0); // floor(0.2 × 2) = 0
    for (const g of ['department', 'village']) {
      const ranks = byGroup(g).map((p) => p.rank);
      expect(ranks[0]).toBe(1);
      const scores = byGroup(g).map((p) => p.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
    for (const p of people) {
      if (p.grade === 'competent') expect(p.score).toBeGreaterThanOrEqual(60);
      if (p.grade === 'basically_competent') expect(p.score).toBeGreaterThanOrEqual(50);
      if (p.grade === 'incompetent') expect(p.score).toBeLessThan(50);
    }
    expect(r.json().units).toHaveLength(3);
    // Closed: no more scoring, no second closing.
    expect((await score(leader, ctx.org.users.handler, 'leader', 60)).statusCode).toBe(422);
    expect((await org.post(`/api/evaluation/cycles/${cycleId}/close`)).statusCode).toBe(422);
  });

  it('each person sees their own result with its breakdown, peers counted but not named', async () => {
    const mine = (await handler.get('/api/evaluation/my-results')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ userId: ctx.org.users.handler, counts: { leader: 1, organisation: 1, peer: 2, public: 3 } });
    expect(mine[0].bySource.public).not.toBeNull();
    expect(mine[0].figures.cases).toBe(2);
    expect(JSON.stringify(mine)).not.toContain(clerks[0].userId!);
    const notice = await ctx.database.db.selectFrom('outbox').select('recipientUserId').where('template', '=', 'notice.eval_result').execute();
    expect(notice.map((n) => n.recipientUserId)).toContain(ctx.org.users.handler);
  });

  it('downloads the ranked report as a real Excel and PDF with a row per person', async () => {
    const xlsx = await org.get(`/api/evaluation/cycles/${cycleId}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(2 + 8);
    expect(String(sheet.getRow(2).getCell(3).value)).toBe('姓名');
    expect(book.worksheets[1].rowCount).toBe(1 + 3);
    const pdf = await org.get(`/api/evaluation/cycles/${cycleId}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('赵承办');
    expect(text).toContain('东门社区居民委员会');
  });
});
