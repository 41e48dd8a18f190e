import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestContext } from '../../test/context.js';
import { createTestContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';
import { fieldsOf, insertHousehold } from '../field-work/field-work.test-support.js';
import { drawOrder, lotteryKey } from './selection.lottery.js';

let ctx: TestContext;
let town: Client; // registrar + dispatcher of 城关镇: manages projects there and sits at a desk
let cadreA2: Client;
let handler: Client;
let anonymous: Client;
const households: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  town = await ctx.as('townRegistrar');
  cadreA2 = await ctx.as('cadreA2');
  handler = await ctx.as('handler');
  anonymous = ctx.anonymous();
  for (let i = 0; i < 24; i++) {
    households.push(await insertHousehold(ctx, { areaCode: i % 2 ? AREAS.villageA2 : AREAS.villageA1, address: `城关镇安置区原址${i + 1}号`, headName: `张${'一二三四五六七八九十'[i % 10]}${i}`, tags: i < 4 ? ['dibao'] : [] }));
  }
}, 60_000);
afterAll(() => ctx.close());

async function createProject(name: string, body: Record<string, unknown> = {}) {
  const res = await town.post('/api/projects', { name, areaCode: AREAS.townA, leadUnitId: 'u-townA', description: '雪山片区四村整合安置', households: { areaCode: AREAS.townA }, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; householdCount: number; households: Array<{ id: string; headNameMasked: string }> };
}

async function setUp(projectId: string, count: number, flats: number, size = 120) {
  const eligible = households.slice(0, count).map((householdId, i) => ({ householdId, entitledArea: 120 + (i % 3) * 10, people: 3 + (i % 3) }));
  const put = await town.put(`/api/projects/${projectId}/selection/households`, { households: eligible });
  expect(put.statusCode, put.body).toBe(200);
  const flatRows = Array.from({ length: flats }, (_, i) => ({ building: '1', unit: String(1 + (i % 2)), floor: 1 + Math.floor(i / 2), number: `${1 + Math.floor(i / 2)}0${1 + (i % 2)}`, size, type: '三室两厅' }));
  const added = await town.post(`/api/projects/${projectId}/selection/flats`, { flats: flatRows });
  expect(added.statusCode, added.body).toBe(200);
  return added.json();
}

describe('projects', () => {
  it('creates a project with the households of its area, refuses bad input by field, and keeps to scope', async () => {
    const p = await createProject('雪山片区安置项目');
    expect(p.householdCount).toBe(24);
    expect(p.households[0]?.headNameMasked).toMatch(/^张\*+$/);

    const bad = await town.post('/api/projects', { name: '', areaCode: '12', leadUnitId: 'u-townA' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(bad.json())).toEqual(expect.arrayContaining(['name', 'areaCode']));
    const badUnit = await town.post('/api/projects', { name: '某项目', areaCode: AREAS.townA, leadUnitId: 'nope' });
    expect(badUnit.statusCode).toBe(400);
    expect(fieldsOf(badUnit.json())).toContain('leadUnitId');

    const byTags = await town.post('/api/projects', { name: '低保户帮扶', areaCode: AREAS.townA, leadUnitId: 'u-townA', households: { areaCode: AREAS.villageA1, tags: ['dibao'] } });
    expect(byTags.statusCode, byTags.body).toBe(201);
    expect(byTags.json().householdCount).toBe(2);

    // 陈社区 works in 西门社区, outside the township's project; a department handler reads no projects.
    expect((await cadreA2.get(`/api/projects/${p.id}`)).json().code).toBe('out_of_scope');
    expect((await handler.get(`/api/projects/${p.id}`)).statusCode).toBe(403);
    expect((await cadreA2.post(`/api/projects/${p.id}/disclosures`, { kind: 'policy', title: '安置政策', body: '…' })).statusCode).toBe(403);
    const county = await (await ctx.as('cadreA1')).post('/api/projects', { name: '越权项目', areaCode: AREAS.townA, leadUnitId: 'u-townA' });
    expect(county.statusCode).toBe(403);
    expect((await town.get('/api/projects')).json().items.map((x: { id: string }) => x.id)).toContain(p.id);
    expect((await cadreA2.get('/api/projects')).json().items.map((x: { id: string }) => x.id)).not.toContain(p.id);
    expect((await town.get(`/api/projects?areaCode=${AREAS.townA}`)).json().items.map((x: { id: string }) => x.id)).toContain(p.id);
    expect((await town.get(`/api/projects?areaCode=${AREAS.townB}`)).statusCode).toBe(403);
  });

  it('publishes disclosures to the portal through the redactor and links cases', async () => {
    const p = await createProject('安家村拆迁安置');
    const doc = await town.post(`/api/projects/${p.id}/disclosures`, { kind: 'standard', title: '补偿标准', body: '每平方米补偿3200元。联系人张秀英，电话13907981234。', isPublic: true });
    expect(doc.statusCode, doc.body).toBe(200);
    await town.post(`/api/projects/${p.id}/disclosures`, { kind: 'notice', title: '内部工作方案', body: '内部', isPublic: false });
    const pub = await anonymous.get(`/api/public/projects/${p.id}`);
    expect(pub.statusCode, pub.body).toBe(200);
    const body = pub.json();
    expect(body.disclosures).toHaveLength(1);
    expect(body.disclosures[0].body).not.toContain('13907981234');
    expect(body.disclosures[0].body).not.toContain('张秀英');
    const village = await anonymous.get(`/api/public/villages/${AREAS.villageA1}`);
    expect(village.statusCode, village.body).toBe(200);
    expect(village.json().projects.map((x: { id: string }) => x.id)).toContain(p.id);
    expect((await anonymous.get(`/api/public/villages/${AREAS.villageB1}`)).json().projects.map((x: { id: string }) => x.id)).not.toContain(p.id);

    const created = await town.post('/api/cases', caseInput({ title: '安家村拆迁安置补偿标准咨询', content: '想了解安家村拆迁安置的补偿标准和选房办法。', areaCode: AREAS.villageA1 }));
    expect(created.statusCode, created.body).toBe(201);
    const linked = await town.post(`/api/projects/${p.id}/cases`, { caseId: created.json().id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().cases.map((c: { id: string }) => c.id)).toEqual([created.json().id]);
    const unknown = await town.post(`/api/projects/${p.id}/cases`, { caseId: 'no-such-case' });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown.json())).toContain('caseId');
    const suggestions = await town.get(`/api/projects/${p.id}/case-suggestions`);
    expect(suggestions.statusCode, suggestions.body).toBe(200);
  });
});

describe('selection registration', () => {
  it('draws an order reproducible from its published seed', async () => {
    const seed = '2026-12-05 福彩3D 第2026330期 开奖号 418';
    const a = await createProject('摇号甲');
    const b = await createProject('摇号乙');
    await setUp(a.id, 12, 12);
    await setUp(b.id, 12, 12);
    const drawA = await town.post(`/api/projects/${a.id}/selection/draw`, { rule: 'lottery', seed });
    expect(drawA.statusCode, drawA.body).toBe(200);
    const drawB = await town.post(`/api/projects/${b.id}/selection/draw`, { rule: 'lottery', seed });
    const orderOf = (sel: { households: Array<{ number: number; order: number }> }) => [...sel.households].sort((x, y) => x.order - y.order).map((h) => h.number);
    const numbers = Array.from({ length: 12 }, (_, i) => i + 1);
    expect(orderOf(drawA.json())).toEqual(drawOrder(seed, numbers));
    expect(orderOf(drawB.json())).toEqual(orderOf(drawA.json()));
    expect(orderOf(drawA.json())).not.toEqual(numbers);
    // The documented key: SHA-256 of "<seed>:<number>", smallest first.
    const keys = orderOf(drawA.json()).map((n) => lotteryKey(seed, n));
    expect([...keys].sort()).toEqual(keys);
    expect(drawA.json().summary.seed).toBe(seed);
    expect(drawA.json().algorithm).toBe('sha256-rank-v1');
    const other = await createProject('摇号丙');
    await setUp(other.id, 12, 12);
    expect(orderOf((await town.post(`/api/projects/${other.id}/selection/draw`, { rule: 'lottery', seed: `${seed}x` })).json())).not.toEqual(orderOf(drawA.json()));
    // Once drawn, the draw and the eligible list are fixed.
    expect((await town.post(`/api/projects/${a.id}/selection/draw`, { rule: 'lottery', seed: 'again' })).statusCode).toBe(409);
    expect((await town.put(`/api/projects/${a.id}/selection/households`, { households: [{ householdId: households[0], entitledArea: 100, people: 2 }] })).statusCode).toBe(409);
    // The public page publishes the seed and the order with masked names only.
    const pub = (await anonymous.get(`/api/public/projects/${a.id}`)).json();
    expect(pub.seed).toBe(seed);
    expect(pub.order.map((o: { number: number }) => o.number)).toEqual(drawOrder(seed, numbers));
    expect(JSON.stringify(pub)).not.toContain('原址');
  });

  it('takes a published order only when it lists every household once', async () => {
    const p = await createProject('公布顺序');
    await setUp(p.id, 3, 3);
    const bad = await town.post(`/api/projects/${p.id}/selection/draw`, { rule: 'published', order: [1, 1, 2] });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toContain('order');
    const ok = await town.post(`/api/projects/${p.id}/selection/draw`, { rule: 'published', order: [3, 1, 2] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().households.map((h: { number: number }) => h.number)).toEqual([3, 1, 2]);
  });

  it('never gives one flat twice under 20 concurrent confirmations', async () => {
    const p = await createProject('并发选房');
    await setUp(p.id, 20, 4);
    await town.post(`/api/projects/${p.id}/selection/draw`, { rule: 'lottery', seed: 'concurrency' });
    // Twenty desks call twenty households at once: each household goes to exactly one desk.
    const calls = await Promise.all(Array.from({ length: 20 }, (_, i) => town.post(`/api/projects/${p.id}/selection/call-next`, { desk: `${i + 1}号台` })));
    expect(calls.map((c) => c.statusCode)).toEqual(Array(20).fill(200));
    const sel = (await town.get(`/api/projects/${p.id}/selection`)).json();
    expect(sel.households.every((h: { state: string }) => h.state === 'called')).toBe(true);
    expect(new Set(sel.households.map((h: { desk: string }) => h.desk)).size).toBe(20);
    const flat = sel.flats[0].id;
    const results = await Promise.all(
      sel.households.map((h: { id: string; desk: string }) => town.post(`/api/projects/${p.id}/selection/households/${h.id}/confirm`, { flatId: flat, desk: h.desk })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    expect(results.find((r) => r.statusCode === 409)?.json().code).toBe('selection_flat_taken');
    const rows = await ctx.database.db.selectFrom('selectionHouseholds').select(['flatId', 'state']).where('projectId', '=', p.id).execute();
    expect(rows.filter((r) => r.flatId === flat)).toHaveLength(1);
    expect(rows.filter((r) => r.state === 'chosen')).toHaveLength(1);
    // And twenty confirmations spread over four flats: four winners, four distinct flats.
    const left = (await town.get(`/api/projects/${p.id}/selection`)).json();
    const waiting = left.households.filter((h: { state: string }) => h.state === 'called');
    const free = left.flats.filter((f: { taken: boolean }) => !f.taken).map((f: { id: string }) => f.id);
    const spread = await Promise.all(waiting.map((h: { id: string; desk: string }, i: number) => town.post(`/api/projects/${p.id}/selection/households/${h.id}/confirm`, { flatId: free[i % free.length], desk: h.desk })));
    expect(spread.filter((r) => r.statusCode === 200)).toHaveLength(free.length);
    const taken = await ctx.database.db.selectFrom('selectionFlats').select(['id', 'takenBy']).where('projectId', '=', p.id).execute();
    expect(taken.every((f) => f.takenBy !== null)).toBe(true);
    expect(new Set(taken.map((f) => f.takenBy)).size).toBe(4);
  }, 60_000);

  it('runs a day: booking by code on the portal, desks in order, the sheet, the public screen and the 公示', async () => {
    const p = await createProject('选房日');
    await setUp(p.id, 3, 4);
    const slots = await town.post(`/api/projects/${p.id}/selection/slots`, { slots: [{ startsAt: '2026-03-10T01:00:00Z', endsAt: '2026-03-10T03:00:00Z', capacity: 1 }, { startsAt: '2026-03-10T05:00:00Z', endsAt: '2026-03-10T07:00:00Z', capacity: 5 }] });
    expect(slots.statusCode, slots.body).toBe(200);
    const badSlot = await town.post(`/api/projects/${p.id}/selection/slots`, { slots: [{ startsAt: '2026-03-10T05:00:00Z', endsAt: '2026-03-10T04:00:00Z', capacity: 1 }] });
    expect(badSlot.statusCode).toBe(400);
    expect(fieldsOf(badSlot.json())).toContain('slots.0.endsAt');
    const sel = slots.json();
    const [first, second] = sel.slots;
    const [h1, h2] = sel.households;

    const wrong = await anonymous.get(`/api/public/projects/${p.id}/booking?code=WRONGCODE1`);
    expect(wrong.statusCode).toBe(404);
    const mine = await anonymous.get(`/api/public/projects/${p.id}/booking?code=${h1.bookingCode}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().name).toMatch(/\*/);
    const booked = await anonymous.post(`/api/public/projects/${p.id}/booking`, { code: h1.bookingCode, slotId: first.id });
    expect(booked.statusCode, booked.body).toBe(200);
    expect(booked.json().slotId).toBe(first.id);
    const full = await town.post(`/api/projects/${p.id}/selection/households/${h2.id}/book`, { slotId: first.id });
    expect(full.statusCode).toBe(409);
    expect((await town.post(`/api/projects/${p.id}/selection/households/${h2.id}/book`, { slotId: second.id })).statusCode).toBe(200);

    expect((await town.post(`/api/projects/${p.id}/selection/call-next`, { desk: '1号台' })).statusCode).toBe(409); // not drawn yet
    await town.post(`/api/projects/${p.id}/selection/draw`, { rule: 'published', order: [2, 3, 1] });
    const called = (await town.post(`/api/projects/${p.id}/selection/call-next`, { desk: '1号台' })).json();
    const at1 = called.households.find((h: { desk: string | null }) => h.desk === '1号台');
    expect(at1.number).toBe(2);
    const board = (await anonymous.get(`/api/public/projects/${p.id}/board`)).json();
    expect(board.serving).toEqual([{ desk: '1号台', order: 1, name: expect.stringMatching(/\*/) }]);
    expect(JSON.stringify(board)).not.toMatch(/原址|bookingCode|householdId/);

    const tooBig = await town.post(`/api/projects/${p.id}/selection/flats`, { flats: [{ building: '9', unit: '1', floor: 1, number: '101', size: 300, type: '别墅' }] });
    const big = tooBig.json().flats.find((f: { building: string }) => f.building === '9');
    const refused = await town.post(`/api/projects/${p.id}/selection/households/${at1.id}/confirm`, { flatId: big.id, desk: '1号台' });
    expect(refused.statusCode).toBe(422);
    const badBody = await town.post(`/api/projects/${p.id}/selection/households/${at1.id}/confirm`, { desk: '1号台' });
    expect(badBody.statusCode).toBe(400);
    expect(fieldsOf(badBody.json())).toContain('flatId');
    const flat = sel.flats[0];
    const ok = await town.post(`/api/projects/${p.id}/selection/households/${at1.id}/confirm`, { flatId: flat.id, desk: '1号台' });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await anonymous.get(`/api/public/projects/${p.id}/board`)).json();
    expect(after.taken).toBe(1);
    expect(after.flats.find((f: { id: string }) => f.id === flat.id).takenByOrder).toBe(1);
    expect(after.recent[0].flat).toBe('1栋1单元101');

    const sheet = await town.get(`/api/projects/${p.id}/selection/households/${at1.id}/sheet.pdf`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toBe('application/pdf');
    expect(sheet.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await cadreA2.get(`/api/projects/${p.id}/selection/households/${at1.id}/sheet.pdf`)).statusCode).toBe(403);

    // Not everyone has chosen: no 公示 yet. The others choose or are marked absent and come back.
    expect((await town.post(`/api/projects/${p.id}/selection/publish`, { objectionDays: 5 })).statusCode).toBe(409);
    const next = (await town.post(`/api/projects/${p.id}/selection/call-next`, { desk: '2号台' })).json();
    const at2 = next.households.find((h: { desk: string | null; state: string }) => h.desk === '2号台' && h.state === 'called');
    expect((await town.post(`/api/projects/${p.id}/selection/households/${at2.id}/absent`)).statusCode).toBe(200);
    const last = (await town.post(`/api/projects/${p.id}/selection/call-next`, { desk: '2号台' })).json();
    const at3 = last.households.find((h: { desk: string | null; state: string }) => h.desk === '2号台' && h.state === 'called');
    await town.post(`/api/projects/${p.id}/selection/households/${at3.id}/confirm`, { flatId: sel.flats[1].id, desk: '2号台' });
    await town.post(`/api/projects/${p.id}/selection/households/${at2.id}/call`, { desk: '1号台' });
    await town.post(`/api/projects/${p.id}/selection/households/${at2.id}/confirm`, { flatId: sel.flats[2].id, desk: '1号台' });
    const published = await town.post(`/api/projects/${p.id}/selection/publish`, { objectionDays: 5 });
    expect(published.statusCode, published.body).toBe(200);
    const summary = published.json().summary;
    expect(summary.publishedAt).toBeTruthy();
    // Monday 2026-03-02 + 5 working days → the end of Monday 2026-03-09 (China time).
    expect(summary.objectionUntil).toBe('2026-03-09T15:59:59.999Z');
    const pub = (await anonymous.get(`/api/public/projects/${p.id}`)).json();
    expect(pub.results).toHaveLength(3);
    expect(pub.results[0]).toEqual({ order: 1, name: expect.stringMatching(/\*/), flat: '1栋1单元101', size: 120 });
    expect((await town.post(`/api/projects/${p.id}/selection/households/${at1.id}/absent`)).statusCode).toBe(409);
  }, 60_000);

  it('refuses the desk to those without it and households outside the project', async () => {
    const p = await createProject('资格校验', { households: { ids: households.slice(0, 2) } });
    expect(p.householdCount).toBe(2);
    const outside = await town.put(`/api/projects/${p.id}/selection/households`, { households: [{ householdId: households[5], entitledArea: 100, people: 2 }] });
    expect(outside.statusCode).toBe(400);
    expect(fieldsOf(outside.json())).toContain('households.0.householdId');
    const bad = await town.put(`/api/projects/${p.id}/selection/households`, { households: [{ householdId: households[0], entitledArea: -1, people: 0 }] });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(expect.arrayContaining(['households.0.entitledArea', 'households.0.people']));
    expect((await cadreA2.post(`/api/projects/${p.id}/selection/call-next`, { desk: '1号台' })).statusCode).toBe(403);
    expect((await handler.get(`/api/projects/${p.id}/selection`)).statusCode).toBe(403);
  });
});
