import { afterEach, describe, expect, it } from 'vitest';
import type { AlertKind } from '@lianxin/core';
import { runHotspotScan } from '../../jobs/hotspot-scan.js';
import { createTestContext, type TestContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';
import { HOTSPOT_SET } from '../../../../../bench/hotspot-set.js';

const DAY = 86_400_000;
const WATER = [
  ['东门社区自来水发黄', '东门社区解放路一带自来水发黄，有异味，已经好几天了，请尽快处理。'],
  ['自来水发黄有异味', '我家自来水发黄有异味，东门社区好几户都这样，请尽快处理。'],
  ['东门社区自来水发黄浑浊', '东门社区自来水发黄浑浊，不敢饮用，请供水公司尽快处理。'],
  ['自来水发黄', '解放路东门社区自来水发黄，已经好几天了，有异味。'],
  ['东门社区停水后自来水发黄', '东门社区停水后来水一直发黄，有异味，请尽快处理。'],
] as const;

let ctx: TestContext;
afterEach(() => ctx?.close());

/** Registers one water case a day (distinct requesters) in the given areas (`unnamed`: texts naming no road). */
async function waterCases(areas: readonly string[], phoneBase = 13907981000, unnamed = false) {
  const registrar = await ctx.as('registrar');
  const ids: string[] = [];
  for (const [i, areaCode] of areas.entries()) {
    const [title, content] = WATER[i % WATER.length].map((t) => (unnamed ? t.replace('解放路', '') : t));
    const response = await registrar.post('/api/cases', caseInput({ title, content, areaCode, categoryCode: 'social.dibao', requester: { name: '居民', phone: String(phoneBase + i) } }));
    expect(response.statusCode).toBe(201);
    ids.push(response.json().id);
    ctx.clock.advance(DAY);
  }
  return ids;
}

const alertsOf = (kind: AlertKind) => ctx.database.db.selectFrom('alerts').selectAll().where('kind', '=', kind).execute();

describe('hotspot scan', () => {
  it('raises one hotspot alert for 5 similar cases in one village (grids roll up), tells leader and supervisor, and never twice', async () => {
    ctx = await createTestContext();
    const ids = await waterCases([AREAS.villageA1, AREAS.villageA1, AREAS.gridA1, AREAS.villageA1, AREAS.villageA1]);
    await ctx.as('registrar').then((c) => c.post('/api/cases', caseInput({ requester: { name: '另一人', phone: '13907982000' } }))); // another topic
    const first = await runHotspotScan(ctx.app.services);
    expect(first.hotspot).toBe(1);
    const [alert] = await alertsOf('hotspot');
    expect(alert.areaCode).toBe(AREAS.villageA1);
    expect(alert.caseCount).toBe(5);
    expect(new Set(JSON.parse(alert.caseIds))).toEqual(new Set(ids));
    const notices = await ctx.database.db.selectFrom('outbox').select('recipientUserId').where('template', '=', 'notice.alert').execute();
    expect(new Set(notices.map((n) => n.recipientUserId))).toEqual(new Set([ctx.org.users.leader, ctx.org.users.supervisor]));

    const second = await runHotspotScan(ctx.app.services);
    expect(second).toMatchObject({ hotspot: 0, repeatRequester: 0, riskWords: 0, grown: 0 });
    expect(await ctx.database.db.selectFrom('alerts').select('id').execute()).toHaveLength(1);
    expect(await ctx.database.db.selectFrom('outbox').select('id').where('template', '=', 'notice.alert').execute()).toHaveLength(2);
  });

  it('raises nothing for 4 similar cases, nor for 5 spread over two villages naming no common place, nor outside the window', async () => {
    ctx = await createTestContext();
    await waterCases([AREAS.villageA1, AREAS.villageA1, AREAS.villageA1, AREAS.villageA1]);
    expect((await runHotspotScan(ctx.app.services)).hotspot).toBe(0);
    await ctx.database.db.deleteFrom('alerts').execute();
    ctx.clock.advance(30 * DAY); // the first four age out of the window
    await waterCases([AREAS.villageA1, AREAS.villageA1, AREAS.villageA2, AREAS.villageA2, AREAS.villageA1], 13907983000, true);
    const result = await runHotspotScan(ctx.app.services);
    expect(result.hotspot).toBe(0);
    expect(result.scanned).toBe(5);
    expect(await alertsOf('hotspot')).toEqual([]);
  });

  /** Registers cases of the written hot-topic set (bench/hotspot-set.ts) now, received `day` days after a week ago. */
  async function setCases(topics: readonly string[], areaCode: string = AREAS.villageA1, start = -7) {
    const registrar = await ctx.as('registrar');
    const ids = new Map<string, string[]>();
    let phone = 13907985000;
    for (const c of HOTSPOT_SET.filter((x) => topics.includes(x.topic))) {
      const receivedAt = new Date(ctx.clock.now().getTime() + (start + c.day) * DAY).toISOString();
      const response = await registrar.post('/api/cases', caseInput({ title: c.title, content: c.content, categoryCode: c.category, areaCode, receivedAt, requester: { name: '居民', phone: String(phone++) } }));
      expect(response.statusCode, response.body).toBe(201);
      ids.set(c.topic, [...(ids.get(c.topic) ?? []), response.json().id]);
    }
    return ids;
  }

  it('raises one hotspot for one matter in many words, naming its place and matter, apart from the same place’s other matter and the same matter elsewhere', async () => {
    ctx = await createTestContext();
    const ids = await setCases(['c-xinan-night-works', 'd-xinan-fee', 'd-xinan-parking', 'd-jinxiu-works', 'c-jinqiao-kindergarten'], AREAS.villageA1, -6);
    const result = await runHotspotScan(ctx.app.services);
    expect(result.hotspot).toBe(2);
    const alerts = await alertsOf('hotspot');
    const works = alerts.find((a) => JSON.parse(a.topic!).place === '溪南花园')!;
    expect(new Set(JSON.parse(works.caseIds))).toEqual(new Set(ids.get('c-xinan-night-works')));
    expect(works).toMatchObject({ areaCode: AREAS.villageA1, caseCount: 7 });
    expect(works.title).toContain('溪南花园');
    expect(JSON.parse(works.topic!).matter.length).toBeGreaterThan(0);
    const kindergarten = alerts.find((a) => a.id !== works.id)!;
    expect(new Set(JSON.parse(kindergarten.caseIds))).toEqual(new Set(ids.get('c-jinqiao-kindergarten')));
    const shown = (await (await ctx.as('leader')).get('/api/alerts?kind=hotspot')).json().items as Array<{ id: string; topic: { place: string | null; matter: string[] } }>;
    expect(shown.find((a) => a.id === works.id)!.topic.place).toBe('溪南花园');
  });

  it('counts by the time a matter was received: letters received over six weeks and typed in today raise nothing', async () => {
    ctx = await createTestContext();
    await setCases(['d-changqing-slow'], AREAS.villageA2, -0.5);
    const result = await runHotspotScan(ctx.app.services);
    expect(result.scanned).toBe(1); // only the one received within the week
    expect(result.hotspot).toBe(0);
  });

  it('honours the hotspots setting', async () => {
    ctx = await createTestContext();
    await ctx.database.db.insertInto('settings').values({ key: 'hotspots', value: JSON.stringify({ minCases: 3 }) }).execute();
    await waterCases([AREAS.villageA1, AREAS.villageA1, AREAS.villageA1]);
    expect((await runHotspotScan(ctx.app.services)).hotspot).toBe(1);
  });

  it('raises a repeat-requester alert for 3 cases of one requester', async () => {
    ctx = await createTestContext();
    const registrar = await ctx.as('registrar');
    const topics = ['申请低保无人答复', '路灯坏了没人修', '楼道堆放杂物'];
    for (const title of topics) {
      expect((await registrar.post('/api/cases', caseInput({ title, content: `${title}，请处理。` }))).statusCode).toBe(201);
      ctx.clock.advance(DAY);
    }
    expect((await runHotspotScan(ctx.app.services)).repeatRequester).toBe(1);
    const [alert] = await alertsOf('repeat_requester');
    expect(alert).toMatchObject({ areaCode: AREAS.villageA1, caseCount: 3, status: 'open' });
    expect((await runHotspotScan(ctx.app.services)).repeatRequester).toBe(0);
  });
});

describe('the alerts API', () => {
  async function withHotspot() {
    ctx = await createTestContext();
    await waterCases([AREAS.villageA1, AREAS.villageA1, AREAS.villageA1, AREAS.villageA1, AREAS.villageA1]);
    await runHotspotScan(ctx.app.services);
    const [alert] = await alertsOf('hotspot');
    return alert;
  }

  it('shows alerts only within the actor’s area and to alert roles', async () => {
    const alert = await withHotspot();
    const leader = await ctx.as('leader');
    const list = (await leader.get('/api/alerts?status=open&kind=hotspot')).json();
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([alert.id]);
    const detail = await leader.get(`/api/alerts/${alert.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().cases).toHaveLength(5);
    expect(Object.keys(detail.json().cases[0]).sort()).toEqual(['code', 'id', 'registeredAt', 'status', 'title']);
    expect((await leader.get('/api/alerts?kind=risk_words')).json().items).toEqual([]);

    expect((await (await ctx.as('cadreA2')).get(`/api/alerts/${alert.id}`)).statusCode).toBe(403);
    expect((await (await ctx.as('cadreA2')).get('/api/alerts')).statusCode).toBe(403);
    const otherVillage = await ctx.userWith([{ role: 'dispatcher', unitId: ctx.org.units['u-villageA2'] }]);
    expect((await otherVillage.get('/api/alerts')).json().items).toEqual([]);
    expect((await otherVillage.get(`/api/alerts/${alert.id}`)).statusCode).toBe(403);
    expect((await (await ctx.as('townRegistrar')).get('/api/alerts')).json().items).toHaveLength(1);
    expect((await leader.get('/api/alerts/nope')).statusCode).toBe(404);
  });

  it('acknowledges and dismisses, then refuses further handling', async () => {
    const alert = await withHotspot();
    const supervisor = await ctx.as('supervisor');
    expect((await supervisor.post(`/api/alerts/${alert.id}/acknowledge`)).json().status).toBe('acknowledged');
    const bad = await supervisor.post(`/api/alerts/${alert.id}/dismiss`, { reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('reason');
    const dismissed = await supervisor.post(`/api/alerts/${alert.id}/dismiss`, { reason: '供水公司已在检修' });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', statusNote: '供水公司已在检修' });
    expect((await supervisor.post(`/api/alerts/${alert.id}/acknowledge`)).statusCode).toBe(422);
  });

  it('turns an alert into a dispatched proactive task in the unit’s inbox', async () => {
    const alert = await withHotspot();
    const dispatcher = await ctx.as('dispatcher');
    const missing = await dispatcher.post(`/api/alerts/${alert.id}/task`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toContain('unitId');
    const unknown = await dispatcher.post(`/api/alerts/${alert.id}/task`, { unitId: 'u-nowhere' });
    expect(unknown.statusCode).toBe(400);
    expect((await (await ctx.as('leader')).post(`/api/alerts/${alert.id}/task`, { unitId: 'u-housing' })).statusCode).toBe(403);

    const made = await dispatcher.post(`/api/alerts/${alert.id}/task`, { unitId: ctx.org.units['u-housing'], title: '东门社区供水水质专项整治' });
    expect(made.statusCode).toBe(200);
    const { task } = made.json();
    expect(task).toMatchObject({ channel: 'proactive', currentUnitId: ctx.org.units['u-housing'] });
    const row = await ctx.database.db.selectFrom('cases').selectAll().where('id', '=', task.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'proactive', kind: 'report', areaCode: AREAS.villageA1, categoryCode: 'social.dibao', anonymous: 1, title: '东门社区供水水质专项整治' });
    expect(row.content).toContain('关联诉求件');
    const stored = await ctx.database.db.selectFrom('alerts').selectAll().where('id', '=', alert.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'task_created', taskCaseId: task.id });

    const inbox = (await (await ctx.as('housingHandler')).get('/api/cases/inbox?limit=50')).json().groups as Array<{ key: string; items: Array<{ id: string }> }>;
    expect(inbox.flatMap((g) => g.items.map((c) => c.id))).toContain(task.id);
    expect((await dispatcher.post(`/api/alerts/${alert.id}/task`, { unitId: ctx.org.units['u-housing'] })).statusCode).toBe(422);
    // The task itself is not scanned into a new hotspot.
    expect((await runHotspotScan(ctx.app.services)).hotspot).toBe(0);
  });
});
