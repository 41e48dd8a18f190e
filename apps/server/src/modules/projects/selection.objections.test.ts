import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { AREAS } from '../../test/fixtures.js';
import { fieldsOf } from '../field-work/field-work.test-support.js';
import { deliverSms, freshIp } from '../portal/portal.test-support.js';

const { ctx, town, cadreA2, resident } = suiteContext({
  town: 'townRegistrar',
  cadreA2: 'cadreA2',
  resident: (c) => Promise.resolve(c.anonymous()),
});

let seq = 800;
const newPhone = () => `1350001${String(seq++).padStart(4, '0')}`;

async function household(name: string) {
  const phone = newPhone();
  const r = await town.post('/api/households', { areaCode: AREAS.villageA1, address: `异议路${seq}号`, headName: name, members: [{ name, relationship: 'head', phone }] });
  expect(r.statusCode, r.body).toBe(201);
  return { id: r.json().id as string, phone };
}

async function codeFor(projectId: string, phone: string) {
  const sent = await resident.post(`/api/public/projects/${projectId}/objections/code`, { phone }, freshIp());
  expect(sent.statusCode, sent.body).toBe(200);
  return /验证码为(\d{6})/.exec((await deliverSms(ctx)).filter((m) => m.phone === phone).at(-1)!.body)![1];
}

describe('the 公示 of selection results and its objections (公示异议)', () => {
  it('takes objections only inside the period, from verified residents and at the window, answers each by SMS, and shows the outcome without names after the period', async () => {
    const a = await household('孙有才');
    const b = await household('钱多多');
    const created = await town.post('/api/projects', { name: '东门安置项目', areaCode: AREAS.townA, leadUnitId: 'u-townA', households: { ids: [a.id, b.id] } });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    await town.put(`/api/projects/${p.id}/selection/households`, { households: [a, b].map((h) => ({ householdId: h.id, entitledArea: 120, people: 3 })) });
    const flats = (await town.post(`/api/projects/${p.id}/selection/flats`, { flats: [1, 2].map((n) => ({ building: '2', unit: '1', floor: 1, number: `10${n}`, size: 100, type: '三室' })) })).json().flats;
    await town.post(`/api/projects/${p.id}/selection/draw`, { rule: 'published', order: [1, 2] });

    // Before the 公示: no objection is taken, from anyone.
    const early = await resident.post(`/api/public/projects/${p.id}/objections/code`, { phone: a.phone }, freshIp());
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json().code).toBe('selection_objection_period');
    expect((await town.post(`/api/projects/${p.id}/selection/objections`, { name: '赵某', phone: '13712345678', text: '有异议' })).statusCode).toBe(409);

    for (const [i, desk] of ['1号台', '2号台'].entries()) {
      const called = (await town.post(`/api/projects/${p.id}/selection/call-next`, { desk })).json();
      const h = called.households.find((x: { desk: string | null; state: string }) => x.desk === desk && x.state === 'called');
      expect((await town.post(`/api/projects/${p.id}/selection/households/${h.id}/confirm`, { flatId: flats[i].id, desk })).statusCode).toBe(200);
    }
    const published = await town.post(`/api/projects/${p.id}/selection/publish`, { objectionDays: 5 });
    expect(published.statusCode, published.body).toBe(200);
    const until = published.json().summary.objectionUntil as string;

    // A resident of the area, verified by SMS against the registry; strangers get no code.
    expect((await resident.post(`/api/public/projects/${p.id}/objections/code`, { phone: '13600009999' }, freshIp())).statusCode).toBe(403);
    const code = await codeFor(p.id, a.phone);
    const wrong = await resident.post(`/api/public/projects/${p.id}/objections`, { phone: a.phone, code: code === '000000' ? '111111' : '000000', text: '第2号的面积不对' }, freshIp());
    expect(wrong.statusCode).toBe(403);
    const badOrder = await resident.post(`/api/public/projects/${p.id}/objections`, { phone: a.phone, code, text: '第9号有问题', order: 9 }, freshIp());
    expect(badOrder.statusCode).toBe(400);
    expect(fieldsOf(badOrder.json())).toContain('order');
    const given = await resident.post(`/api/public/projects/${p.id}/objections`, { phone: a.phone, code, text: '孙有才认为第2号钱多多家人口不符', order: 2 }, freshIp());
    expect(given.statusCode, given.body).toBe(201);
    const during = (await resident.get(`/api/public/projects/${p.id}`)).json();
    expect(during).toMatchObject({ objectionsOpen: true, objectionOutcome: null, objectionUntil: until });

    // In person at the window, recorded by staff; bad input names the field; others are refused.
    const bad = await town.post(`/api/projects/${p.id}/selection/objections`, { name: '李四', text: '' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(expect.arrayContaining(['phone', 'text']));
    const inPerson = await town.post(`/api/projects/${p.id}/selection/objections`, { name: '李四海', phone: '13712340001', text: '希望公开摇号录像' });
    expect(inPerson.statusCode, inPerson.body).toBe(201);
    expect((await cadreA2.post(`/api/projects/${p.id}/selection/objections`, { name: '王五', phone: '13712340002', text: '越权' })).statusCode).toBe(403);
    const list = inPerson.json();
    // (The test clock stands still: both were received at the same instant.)
    expect(list.items.map((o: { channel: string; name: string }) => [o.channel, o.name]).sort()).toEqual([
      ['portal', '孙**'],
      ['staff', '李**'],
    ]);
    expect(list.may).toEqual({ record: true, handle: true });

    // Each is answered once; the objector is told by SMS.
    type Item = { id: string; channel: string };
    const fromPortal = list.items.find((o: Item) => o.channel === 'portal');
    const fromWindow = list.items.find((o: Item) => o.channel === 'staff');
    const missingReply = await town.post(`/api/projects/${p.id}/selection/objections/${fromPortal.id}/handle`, { outcome: 'upheld' });
    expect(missingReply.statusCode).toBe(400);
    expect(fieldsOf(missingReply.json())).toContain('reply');
    expect((await town.post(`/api/projects/${p.id}/selection/objections/${fromPortal.id}/handle`, { outcome: 'upheld', reply: '经核查户籍，人口数登记有误，已更正' })).statusCode).toBe(200);
    expect((await town.post(`/api/projects/${p.id}/selection/objections/${fromWindow.id}/handle`, { outcome: 'dismissed', reply: '摇号全程公证，录像已存档备查' })).statusCode).toBe(200);
    expect((await town.post(`/api/projects/${p.id}/selection/objections/${fromWindow.id}/handle`, { outcome: 'upheld', reply: '再处理' })).statusCode).toBe(409);
    const sms = await deliverSms(ctx);
    expect(sms.find((m) => m.phone === a.phone && m.body.includes('异议成立'))?.body).toContain('东门安置项目');
    expect(sms.find((m) => m.phone === '13712340001')?.body).toContain('异议不成立');

    // After the period: no more objections; the public page shows the outcome, nothing personal.
    ctx.clock.set(new Date(new Date(until).getTime() + 60_000));
    expect((await resident.post(`/api/public/projects/${p.id}/objections/code`, { phone: b.phone }, freshIp())).statusCode).toBe(409);
    const late = await town.post(`/api/projects/${p.id}/selection/objections`, { name: '迟到者', phone: '13712340003', text: '晚了' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('selection_objection_period');
    const after = await resident.get(`/api/public/projects/${p.id}`);
    expect(after.json()).toMatchObject({ objectionsOpen: false, objectionOutcome: { received: 2, upheld: 1, dismissed: 1, pending: 0 } });
    expect(after.json().objectionOutcome.items.find((i: { outcome: string }) => i.outcome === 'upheld')).toMatchObject({ order: 2, outcome: 'upheld', reply: '经核查户籍，人口数登记有误，已更正' });
    expect(after.body).not.toMatch(/孙有才|李四海|13712340001|1350001/);
  }, 60_000);
});
