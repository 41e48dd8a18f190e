import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { allPowerful } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { answer, caseIdOf, deliverSms, freshIp, multipart, otpsIn, phonePhoto, submission, submit } from './portal.test-support.js';

const { ctx, staff } = suiteContext({ staff: allPowerful });

const resident = () => ctx.anonymous();

describe('submission', () => {
  it('takes a photo, re-encodes it without metadata, registers an online case and sends the code by SMS', async () => {
    const upload = multipart('IMG_0001.jpg', await phonePhoto());
    const uploaded = await resident().post('/api/public/photos', upload.body, { ...upload.headers, ...freshIp() });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const { token } = uploaded.json();

    const result = await submit(ctx, { photos: [token], address: '解放路' });
    expect(result.code).toMatch(/^LX20260302-\d{6}$/);
    expect(result.smsSent).toBe(true);

    const c = await ctx.database.db.selectFrom('cases').selectAll().where('code', '=', result.code).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ channel: 'online', status: 'registered', publicConsent: 1, registeredUnitId: ctx.org.units['u-center'], areaCode: ctx.org.areas.villageA1 });
    expect(c.requesterPhoneEnc).not.toContain('1370000');

    const sms = await ctx.database.db.selectFrom('outbox').selectAll().where('caseId', '=', c.id).where('channel', '=', 'sms').execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ template: 'sms.registered', documentType: 'acceptance' });
    expect(sms[0].body).toContain(result.code);

    const attachment = await ctx.database.db.selectFrom('attachments').selectAll().where('caseId', '=', c.id).executeTakeFirstOrThrow();
    expect(attachment.mimeType).toBe('image/jpeg');
    const stored = await (await staff.get(`/api/attachments/${attachment.id}`)).rawPayload;
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined(); // GPS and camera data are gone
    expect(meta.width).toBe(64);
  });

  it('refuses a file that is not a picture, whatever its name says', async () => {
    const upload = multipart('photo.jpg', Buffer.from('<html><script>alert(1)</script></html>'));
    const response = await resident().post('/api/public/photos', upload.body, { ...upload.headers, ...freshIp() });
    expect(response.statusCode).toBe(415);
    expect(response.json().errors[0].field).toBe('file');
  });

  it('refuses a photo over 5 MB', async () => {
    const big = Buffer.concat([await phonePhoto(), Buffer.alloc(6 * 1024 * 1024)]);
    const upload = multipart('big.jpg', big);
    expect((await resident().post('/api/public/photos', upload.body, { ...upload.headers, ...freshIp() })).statusCode).toBe(413);
  });

  it('names the field at fault and stores nothing', async () => {
    const before = await ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const cases = [
      [{ phone: undefined }, 'phone'],
      [{ areaCode: undefined }, 'areaCode'],
      [{ photos: ['not-a-real-upload-token'] }, 'photos'],
      [{ categoryCode: 'no.such' }, 'categoryCode'],
      [{ areaCode: '369901100299' }, 'areaCode'],
      [{ description: 'x'.repeat(2001) }, 'description'],
    ] as const;
    for (const [override, field] of cases) {
      const response = await resident().post('/api/public/cases', submission(ctx, override), freshIp());
      expect(response.statusCode, JSON.stringify(override)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const after = await ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('finds the village from a map pin', async () => {
    await ctx.database.db.updateTable('areas').set({ lat: 27.9, lng: 116.3 }).where('code', '=', ctx.org.areas.villageA2).execute();
    const result = await submit(ctx, { areaCode: undefined, lat: 27.901, lng: 116.302 });
    const c = await ctx.database.db.selectFrom('cases').select(['areaCode', 'lat']).where('code', '=', result.code).executeTakeFirstOrThrow();
    expect(c).toEqual({ areaCode: ctx.org.areas.villageA2, lat: 27.901 });
  });

  it('answers a bot that fills the honeypot like anyone else, and stores nothing', async () => {
    const count = async () => Number((await ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const outbox = async () => Number((await ctx.database.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const [cases, messages] = [await count(), await outbox()];
    const response = await resident().post('/api/public/cases', submission(ctx, { website: 'http://spam.example' }), freshIp());
    expect(response.statusCode).toBe(201);
    expect(response.json().code).toMatch(/^LX\d{8}-\d{6}$/);
    expect(await count()).toBe(cases);
    expect(await outbox()).toBe(messages);
    const track = await resident().post('/api/public/track', { code: response.json().code, secret: response.json().secret }, freshIp());
    expect(track.statusCode).toBe(404);
  });
});

describe('tracking and rating', () => {
  it('tracks by code and 查询码: timeline with unit names only, the reply, the evaluation link; a dissatisfied rating reopens the case', async () => {
    const { code, secret } = await submit(ctx, { phone: '13907981234' });
    expect(secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    const id = await caseIdOf(ctx, code);
    // Code and phone digits no longer open a case; only the 查询码 does.
    expect((await resident().post('/api/public/track', { code, phoneLast4: '1234' }, freshIp())).statusCode).toBe(400);
    const wrong = secret.startsWith('Z') ? `Y${secret.slice(1)}` : `Z${secret.slice(1)}`;
    expect((await resident().post('/api/public/track', { code, secret: wrong }, freshIp())).statusCode).toBe(404);
    // Typed loosely: lower case, a dash in the middle, O for 0 and I or L for 1.
    const typed = `${secret.slice(0, 4)}-${secret.slice(4)}`.toLowerCase().replaceAll('0', 'o').replaceAll('1', 'l');
    const first = await resident().post('/api/public/track', { code: code.toLowerCase(), secret: typed }, freshIp());
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ code, status: 'registered', statusLabel: '已登记', awaitingEvaluation: false, reply: null });

    // The 查询码 is kept only as a keyed hash, and the registration SMS carries it masked in the outbox.
    const stored = await ctx.database.db.selectFrom('trackingSecrets').selectAll().where('caseId', '=', id).executeTakeFirstOrThrow();
    expect(stored.secretHash).not.toContain(secret);
    const sms = await ctx.database.db.selectFrom('outbox').select(['body', 'params']).where('caseId', '=', id).where('template', '=', 'sms.registered').executeTakeFirstOrThrow();
    expect(`${sms.body}${sms.params}`).not.toContain(secret);
    expect(sms.body).toContain('查询码******');
    const delivered = (await deliverSms(ctx)).filter((m) => m.phone === '13907981234' && m.body.includes(code));
    expect(delivered.map((m) => m.body)).toEqual([expect.stringContaining(`查询码${secret}`)]);

    await answer(ctx, staff, id);
    const tracked = (await resident().post('/api/public/track', { code, secret }, freshIp())).json();
    expect(tracked.status).toBe('replied');
    expect(tracked.reply.text).toContain('审核通过');
    expect(tracked.timeline.map((e: { action: string }) => e.action)).toEqual(['register', 'dispatch', 'accept', 'reply']);
    expect(tracked.timeline[1].unitName).toBe('青溪县民政局');
    expect(JSON.stringify(tracked)).not.toMatch(/李派单|赵承办|临时用户/);
    expect(tracked.awaitingEvaluation).toBe(true);
    expect(tracked.evaluationUrl).toMatch(/^http:\/\/lianxin\.test\/m\/evaluate\//);

    const rated = await resident().post(`/api/public/evaluations/${tracked.evaluationToken}`, { result: 'dissatisfied', solved: false, comment: '钱还没到账' });
    expect(rated.statusCode, rated.body).toBe(200);
    const after = (await resident().get(`/api/public/track/${tracked.accessToken}`, freshIp())).json();
    expect(after.status).toBe('reopened');
    expect(after.timeline.map((e: { action: string }) => e.action).slice(-2)).toEqual(['evaluate', 'reopen']);
    expect(after.evaluation).toMatchObject({ result: 'dissatisfied', resultLabel: '不满意', solved: false });
    // The used link says it was used, with the rating given, and refuses a second rating.
    const again = await resident().get(`/api/public/evaluations/${tracked.evaluationToken}`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ rated: true, ratedResultLabel: '不满意' });
    const twice = await resident().post(`/api/public/evaluations/${tracked.evaluationToken}`, { result: 'satisfied', solved: true });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().title).toBe('您已评价过，感谢您的反馈');
  });

  it('tracks with a one-time SMS code; a code works once, within its minutes', async () => {
    const { code } = await submit(ctx, { phone: '13907981234' });
    const id = await caseIdOf(ctx, code);
    const ask = () => resident().post('/api/public/track/otp', { code, phone: '13907981234' }, freshIp());
    // The same answer for a phone that does not match, and nothing is sent.
    const wrongPhone = await resident().post('/api/public/track/otp', { code, phone: '13800000000' }, freshIp());
    expect(wrongPhone.statusCode).toBe(202);
    expect((await ask()).statusCode).toBe(202);
    const sent = await ctx.database.db.selectFrom('outbox').select(['params', 'documentType']).where('caseId', '=', id).where('template', '=', 'sms.otp').execute();
    expect(sent).toHaveLength(1);
    expect(sent[0].documentType).toBeNull();
    // The outbox keeps the code masked: it is read from what the gateway received.
    const [otp] = otpsIn((await deliverSms(ctx)).filter((m) => m.phone === '13907981234'));
    expect(otp).toMatch(/^\d{6}$/);
    const wrong = otp === '000000' ? '111111' : '000000';
    expect((await resident().post('/api/public/track/verify', { code, otp: wrong }, freshIp())).statusCode).toBe(404);
    const ok = await resident().post('/api/public/track/verify', { code, otp }, freshIp());
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().code).toBe(code);
    // A code works once.
    expect((await resident().post('/api/public/track/verify', { code, otp }, freshIp())).statusCode).toBe(404);

    // And not after its minutes.
    await ask();
    const [late] = otpsIn((await deliverSms(ctx)).filter((m) => m.phone === '13907981234'));
    ctx.clock.advance(11 * 60_000);
    expect((await resident().post('/api/public/track/verify', { code, otp: late }, freshIp())).statusCode).toBe(404);
  });

  it('lets an anonymous resident track with the access token only', async () => {
    const result = await submit(ctx, { anonymous: true, name: undefined, phone: undefined });
    expect(result.smsSent).toBe(false);
    const c = await ctx.database.db.selectFrom('cases').selectAll().where('code', '=', result.code).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ anonymous: 1, requesterPhoneEnc: null, requesterNameEnc: null });
    expect((await resident().get(`/api/public/track/${result.accessToken}`, freshIp())).json().code).toBe(result.code);
    expect((await resident().get(`/api/public/track/${result.accessToken.slice(0, -2)}xx`, freshIp())).statusCode).toBe(404);
  });
});

describe('public board, map, figures and policies', () => {
  it('shows consenting cases once staff have triaged them, anonymised, keyset paged', async () => {
    const shown = [];
    for (let i = 0; i < 3; i++) {
      const { code } = await submit(ctx, { description: `东门社区第${i + 1}处路灯不亮，我是张秀英，电话13907981234。`, lat: 27.91234, lng: 116.31234 });
      await answer(ctx, staff, await caseIdOf(ctx, code), '已维修。张秀英您好，如有问题请联系。');
      shown.push(code);
      ctx.clock.advance(60_000);
    }
    const untriaged = await submit(ctx, { description: '这一件还没人看过，不该公开。' });
    const private_ = await submit(ctx, { publicConsent: false, description: '这一件不同意公开。' });
    await answer(ctx, staff, await caseIdOf(ctx, private_.code));
    void untriaged;

    const first = (await resident().get('/api/public/board?limit=2', freshIp())).json();
    expect(first.items).toHaveLength(2);
    const second = (await resident().get(`/api/public/board?limit=50&cursor=${first.nextCursor}`, freshIp())).json();
    const all = [...first.items, ...second.items];
    const texts = all.map((i: { content: string }) => i.content).join('\n');
    expect(texts).toContain('第3处路灯不亮');
    expect(texts).not.toContain('还没人看过');
    expect(texts).not.toContain('不同意公开');
    expect(texts).not.toContain('张秀英');
    expect(texts).not.toContain('13907981234');
    expect(all[0]).toMatchObject({ status: 'replied', unitName: '青溪县民政局', areaName: '东门社区', month: '2026-03', reply: '已维修。某某您好，如有问题请联系。' });
    expect(new Set(all.map((i: { ref: string }) => i.ref)).size).toBe(all.length);
    expect(JSON.stringify(all)).not.toContain(shown[0]);
    // Filters by category (a parent takes its subcategories) and by village.
    const board = async (query: string) => (await resident().get(`/api/public/board?limit=50&${query}`, freshIp())).json().items.length;
    expect(await board('categoryCode=social')).toBe(all.length);
    expect(await board('categoryCode=social.dibao')).toBe(all.length);
    expect(await board('categoryCode=soc')).toBe(0);
    expect(await board('categoryCode=land')).toBe(0);
    expect(await board(`areaCode=${ctx.org.areas.villageA1}&categoryCode=social`)).toBe(all.length);
    expect((await resident().get('/api/public/board?categoryCode=%27%3B', freshIp())).statusCode).toBe(400);

    const map = (await resident().get('/api/public/board/map', freshIp())).json();
    expect(map.points.length).toBe(3); // the board's cases that have coordinates
    expect(map.points[0]).toMatchObject({ lat: 27.91, lng: 116.31, status: 'replied' });
  });

  it('gives monthly 三率 by unit', async () => {
    const response = await resident().get('/api/public/metrics?month=2026-03', freshIp());
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.month).toBe('2026-03');
    const civil = body.units.find((u: { unitName: string }) => u.unitName === '青溪县民政局');
    expect(civil, JSON.stringify(body)).toBeDefined();
    expect(civil.assigned).toBeGreaterThan(0);
    expect(civil).toHaveProperty('satisfactionRate');
    expect((await resident().get('/api/public/metrics?month=2026-13', freshIp())).statusCode).toBe(400);
  });

  it('lists and searches published policies, not standard answers or withdrawn ones', async () => {
    const admin = await ctx.as('admin');
    const policy = await admin.post('/api/admin/policies', { kind: 'policy', title: '青溪县最低生活保障实施办法', body: '申请低保的家庭，人均收入低于当地低保标准……', source: '青政发〔2025〕3号' });
    expect(policy.statusCode, policy.body).toBe(201);
    await admin.post('/api/admin/policies', { kind: 'answer', title: '低保标准答复口径', body: '低保内部答复口径' });
    const found = (await resident().get(`/api/public/policies?q=${encodeURIComponent('低保')}`, freshIp())).json();
    expect(found.items.map((p: { title: string }) => p.title)).toEqual(['青溪县最低生活保障实施办法']);
    expect((await resident().get(`/api/public/policies/${policy.json().id}`, freshIp())).json().source).toBe('青政发〔2025〕3号');
    await admin.patch(`/api/admin/policies/${policy.json().id}`, { isActive: false });
    expect((await resident().get(`/api/public/policies/${policy.json().id}`, freshIp())).statusCode).toBe(404);
  });

  it('gives the form its options and the area picker its children', async () => {
    const options = (await resident().get('/api/public/options', freshIp())).json();
    expect(options.kinds.find((k: { code: string }) => k.code === 'help').label).toBe('求助');
    expect(options.categories.some((c: { code: string }) => c.code === 'social.dibao')).toBe(true);
    expect(options.hotline).toBe('12345');
    const villages = (await resident().get(`/api/public/areas?parentCode=${ctx.org.areas.townA}`, freshIp())).json();
    expect(villages.items.map((a: { name: string }) => a.name)).toEqual(['东门社区', '西门社区']);
  });
});

describe('GET /api/public/map/areas', () => {
  it('gives the county, townships and villages with their centroids, without a session and without grids', async () => {
    const response = await resident().get('/api/public/map/areas');
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as Array<{ code: string; level: string; name: string; lat: number | null }>;
    expect(new Set(items.map((a) => a.level))).toEqual(new Set(['county', 'township', 'village']));
    expect(items.find((a) => a.code === ctx.org.areas.villageA1)).toMatchObject({ name: '东门社区', level: 'village' });
  });
});
