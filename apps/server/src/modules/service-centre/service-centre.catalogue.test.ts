import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { localDate } from '@lianxin/core';
import { suiteContext } from '../../test/context.js';
import { freshIp, multipart, phonePhoto } from '../portal/portal.test-support.js';
import { applyInput, createItem, step } from './service-centre.test-support.js';

const { ctx, admin, proxy, town, supervisor, anonymous } = suiteContext(
  { admin: 'admin', proxy: 'cadreA1', town: 'townRegistrar', supervisor: 'supervisor', anonymous: async (c) => c.anonymous() },
  // Wednesday 29 April 2026, 10:00 China time: 劳动节 (1–5 May) is two working days away.
  { start: new Date('2026-04-29T02:00:00.000Z') },
);

describe('the catalogue (事项清单), the time limit and the figures', () => {
  it('administrators define services; the portal lists and searches them, with a QR code of each page', async () => {
    const item = await createItem(ctx, admin, { code: 'CJ-01', name: '残疾人两项补贴申请', category: '残疾人服务', level: 'county', unitId: 'u-civil', needsCollective: false });
    expect((await proxy.post('/api/service-items', { ...item })).statusCode).toBe(403);
    const list = (await anonymous.get('/api/public/service-items?q=残疾')).json().items;
    expect(list.map((i: { code: string }) => i.code)).toEqual(['CJ-01']);
    expect(list[0]).toMatchObject({ unitName: '青溪县民政局', level: 'county', portalUrl: 'http://lianxin.test/m/services/CJ-01' });
    expect((await anonymous.get('/api/public/service-items?q=不存在的事项')).json().items).toEqual([]);
    const qr = await anonymous.get('/api/public/service-items/CJ-01/qr.png');
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toBe('image/png');
    const { data, info } = await sharp(qr.rawPayload).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe('http://lianxin.test/m/services/CJ-01');
    // Withdrawn: gone from the portal.
    const updated = await admin.put(`/api/service-items/${item.id}`, { ...(await import('./service-centre.test-support.js')).itemInput(ctx, { code: 'CJ-01', unitId: 'u-civil', level: 'county' }), active: false });
    expect(updated.statusCode, updated.body).toBe(200);
    expect((await anonymous.get('/api/public/service-items/CJ-01')).statusCode).toBe(404);
    // A code is unique.
    expect((await admin.post('/api/service-items', (await import('./service-centre.test-support.js')).itemInput(ctx, { code: 'CJ-01' }))).statusCode).toBe(409);
  });

  it('counts the time limit on the work calendar across 劳动节, turns yellow, then escalates to the township heads and a day later to the supervisors', async () => {
    const item = await createItem(ctx, admin, { limitDays: 3, needsCollective: false });
    const a = (await proxy.post('/api/service-applications', applyInput(ctx, item.id))).json();
    // Counted from the next working day: 30 April, then 1–5 May are a holiday, 6 and 7 May.
    expect(localDate(new Date(a.dueAt))).toBe('2026-05-07');
    const sweep = () => ctx.app.services.serviceCentre.sweep();
    expect(await sweep()).toEqual({ yellow: 0, escalated1: 0, escalated2: 0 });
    ctx.clock.set(new Date('2026-05-06T02:00:00.000Z'));
    expect((await sweep()).yellow).toBe(1);
    ctx.clock.set(new Date('2026-05-08T02:00:00.000Z'));
    expect((await sweep()).escalated1).toBe(1);
    expect((await sweep()).escalated1).toBe(0);
    const detail = (await town.get(`/api/service-applications/${a.id}`)).json();
    expect(detail).toMatchObject({ overdue: true, dueLevel: 'red', escalationLevel: 1 });
    expect(detail.events.map((e: { action: string }) => e.action)).toContain('overdue');
    ctx.clock.set(new Date('2026-05-09T03:00:00.000Z'));
    expect((await sweep()).escalated2).toBe(1);
    const told = await ctx.database.db.selectFrom('outbox').select(['recipientUserId', 'template']).where('targetId', '=', a.id).execute();
    expect(told.filter((n) => n.template === 'notice.service_overdue').map((n) => n.recipientUserId)).toContain(ctx.org.users.supervisor);
    expect((await supervisor.get(`/api/service-applications?view=overdue`)).json().items.map((x: { id: string }) => x.id)).toContain(a.id);
    // Decided late: counted as not on time.
    await step(town, a.id, { action: 'receive' });
    await step(town, a.id, { action: 'review' });
    await step(town, a.id, { action: 'approve' });
    const figures = (await supervisor.get('/api/service-figures')).json();
    expect(figures).toMatchObject({ total: 1, decided: 1, onTimeRate: 0, proxyShare: 1 });
    expect(figures.byLevel[0]).toMatchObject({ key: 'township', label: '乡镇便民服务中心', count: 1 });
    expect(figures.byVillage[0]).toMatchObject({ label: '东门社区' });
  });

  it('a resident applies on the portal with photos; the township sees it to receive', async () => {
    const item = await createItem(ctx, admin, { needsCollective: false });
    const upload = multipart('IMG_0002.jpg', await phonePhoto());
    const up = await anonymous.post('/api/public/photos', upload.body, { ...upload.headers, ...freshIp() });
    expect(up.statusCode, up.body).toBe(201);
    const res = await anonymous.post('/api/public/service-applications', { itemId: item.id, areaCode: ctx.org.areas.villageA1, applicantName: '赵六', applicantPhone: '13600003333', summary: '申请低保', photos: [up.json().token] });
    expect(res.statusCode, res.body).toBe(201);
    const found = (await town.get('/api/service-applications?view=decide&limit=100')).json().items.find((x: { number: string }) => x.number === res.json().number);
    expect(found).toMatchObject({ channel: 'portal', state: 'submitted', applicantMasked: '赵*' });
    const detail = (await town.get(`/api/service-applications/${found.id}`)).json();
    expect(detail.materials[0].photos).toHaveLength(1);
    expect((await anonymous.post('/api/public/service-applications', { itemId: item.id, areaCode: ctx.org.areas.villageA1, applicantName: '赵六', applicantPhone: '13600003333', summary: '申请低保', photos: ['forged'] })).statusCode).toBe(400);
  });

  it('limits public applications per address: the 11th within the hour is refused and writes nothing', async () => {
    const item = await createItem(ctx, admin, { needsCollective: false });
    const ip = freshIp();
    const body = { itemId: item.id, areaCode: ctx.org.areas.villageA1, applicantName: '钱七', applicantPhone: '13600004444', summary: '申请开具证明' };
    for (let i = 0; i < 10; i++) expect((await anonymous.post('/api/public/service-applications', body, ip)).statusCode).toBe(201);
    const count = async () => Number((await ctx.database.db.selectFrom('serviceApplications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const refused = await anonymous.post('/api/public/service-applications', body, ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(await count()).toBe(before);
    // Another address is not held back by this one.
    expect((await anonymous.post('/api/public/service-applications', body, freshIp())).statusCode).toBe(201);
  });
});
