import { caseTitleFrom } from './visit-problems.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { AREAS } from '../../test/fixtures.js';
import { fieldsOf, insertHousehold, multipart, PNG } from '../field-work/field-work.test-support.js';

// Runs on in-memory SQLite, and on PostgreSQL with DATABASE_URL. The clock stands on Monday 2026-03-02 (ISO week 2026-W10).
const { ctx, cadre } = suiteContext({ cadre: 'cadreA1' });
let household: string;
let otherHousehold: string;

const visitBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'visit',
  areaCode: AREAS.villageA1,
  householdIds: [household],
  checkIn: { lat: 27.8031, lng: 115.9062, accuracy: 12 },
  notes: '张大爷腿脚不便，反映楼道灯坏了两个月，晚上上下楼不安全。',
  delivered: ['policy', 'warmth'],
  problems: [{ text: '解放路12号楼道灯损坏两个月无人维修', categoryCode: 'urban.property' }],
  ...overrides,
});
const countVisits = async () => Number((await ctx.database.db.selectFrom('visits').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  household = await insertHousehold(ctx, { areaCode: AREAS.villageA1, address: '东门社区解放路12号', headName: '张秀英', tags: ['elderly_alone'] });
  otherHousehold = await insertHousehold(ctx, { areaCode: AREAS.villageA2, address: '西门社区西街3号', headName: '李建华' });
});

describe('POST /api/visits', () => {
  it('records a visit with its household (masked), check-in, deliveries and problems, and audits it', async () => {
    const response = await cadre.post('/api/visits', visitBody());
    expect(response.statusCode, response.body).toBe(201);
    const visit = response.json();
    expect(visit).toMatchObject({ kind: 'visit', areaCode: AREAS.villageA1, localDate: '2026-03-02', checkedIn: true, lat: 27.8031, delivered: ['policy', 'warmth'], cadre: { id: ctx.org.users.cadreA1, name: '冯社区' } });
    expect(visit.households).toEqual([{ id: household, address: '东门社区解放路12号', headName: '张**', areaCode: AREAS.villageA1 }]);
    expect(response.body).not.toContain('张秀英');
    expect(visit.problems).toHaveLength(1);
    expect(visit.problems[0]).toMatchObject({ seq: 1, householdId: household, caseId: null });
    const checkIns = await ctx.database.db.selectFrom('checkIns').selectAll().where('visitId', '=', visit.id).execute();
    expect(checkIns).toHaveLength(1);
    const audit = await ctx.database.db.selectFrom('auditLog').select('action').where('subjectId', '=', visit.id).execute();
    expect(audit.map((a) => a.action)).toContain('create');
  });

  it('keeps photos uploaded as attachments and serves them through the visit', async () => {
    const { body, headers } = multipart('入户照片.png', PNG, 'image/png');
    const photo = (await cadre.post('/api/attachments', body, headers)).json().id;
    const visit = (await cadre.post('/api/visits', visitBody({ photoIds: [photo], problems: [] }))).json();
    expect(visit.photos).toEqual([expect.objectContaining({ attachmentId: photo, mimeType: 'image/png' })]);
    const town = await ctx.as('townRegistrar');
    const download = await town.get(visit.photos[0].url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    expect((await (await ctx.as('cadreA2')).get(visit.photos[0].url)).statusCode).toBe(403);
    // A photo belongs to one visit only.
    const again = await cadre.post('/api/visits', visitBody({ photoIds: [photo], problems: [] }));
    expect(again.statusCode).toBe(400);
    expect(fieldsOf(again.json())).toContain('photoIds');
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const before = await countVisits();
    for (const [body, field] of [
      [visitBody({ kind: 'party' }), 'kind'],
      [visitBody({ householdIds: [] }), 'householdIds'],
      [visitBody({ householdIds: ['00000000-0000-4000-8000-000000000000'] }), 'householdIds'],
      [visitBody({ delivered: ['money'] }), 'delivered.0'],
      [visitBody({ occurredAt: '2026-03-09T02:00:00.000Z' }), 'occurredAt'],
      [visitBody({ problems: [{ text: '路灯不亮', categoryCode: 'no.such' }] }), 'problems.0.categoryCode'],
      [visitBody({ kind: 'case_outreach' }), 'caseId'],
      [visitBody({ checkIn: { lat: 95, lng: 115 } }), 'checkIn.lat'],
      [visitBody({ areaCode: '3699' }), 'areaCode'],
    ] as const) {
      const response = await cadre.post('/api/visits', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(response.json())).toContain(field);
    }
    expect(await countVisits()).toBe(before);
  });

  it('keeps cadres to their own area', async () => {
    const before = await countVisits();
    expect((await cadre.post('/api/visits', visitBody({ areaCode: AREAS.villageA2, householdIds: [otherHousehold] }))).statusCode).toBe(403);
    const cadreA2 = await ctx.as('cadreA2');
    const crossing = await cadreA2.post('/api/visits', visitBody({ areaCode: AREAS.villageA2 }));
    expect(crossing.statusCode).toBe(403); // the household lies in 东门社区
    expect((await (await ctx.as('handler')).post('/api/visits', visitBody())).statusCode).toBe(403);
    expect((await ctx.anonymous().get('/api/visits')).statusCode).toBe(401);
    expect(await countVisits()).toBe(before);
  });
});

describe('reading visits', () => {
  it('lists visits in scope only, and shows one visit to its area', async () => {
    const own = (await cadre.get('/api/visits')).json();
    expect(own.items.length).toBeGreaterThan(0);
    const id = own.items[0].id;
    expect((await (await ctx.as('cadreA2')).get('/api/visits')).json().items).toEqual([]);
    expect((await (await ctx.as('cadreA2')).get(`/api/visits/${id}`)).statusCode).toBe(403);
    expect((await (await ctx.as('townRegistrar')).get(`/api/visits/${id}`)).statusCode).toBe(200);
    expect((await (await ctx.as('handler')).get('/api/visits')).statusCode).toBe(403);
    expect((await cadre.get(`/api/visits?areaCode=${AREAS.villageA2}`)).statusCode).toBe(403);
    expect((await cadre.get('/api/visits/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const page = (await cadre.get('/api/visits?limit=1')).json();
    expect(page.items).toHaveLength(1);
    const next = (await cadre.get(`/api/visits?limit=1&cursor=${page.nextCursor}`)).json();
    expect(next.items[0].id).not.toBe(page.items[0].id);
  });

  it('shows a household’s visit history to its area only', async () => {
    const history = await cadre.get(`/api/households/${household}/visits`);
    expect(history.statusCode).toBe(200);
    expect(history.json().items.every((v: { households: Array<{ id: string }> }) => v.households.some((h) => h.id === household))).toBe(true);
    expect((await (await ctx.as('cadreA2')).get(`/api/households/${household}/visits`)).statusCode).toBe(403);
    expect((await cadre.get('/api/households/00000000-0000-4000-8000-000000000000/visits')).statusCode).toBe(404);
  });

  it('gives the diary by week and month, and someone else’s only over their area', async () => {
    const week = (await cadre.get('/api/diary?week=2026-W10')).json();
    expect(week.period).toEqual({ kind: 'week', label: '2026-W10', from: '2026-03-02', to: '2026-03-08' });
    expect(week.days.map((d: { date: string }) => d.date)).toEqual(['2026-03-02']);
    expect(week.summary).toMatchObject({ daysInField: 1, households: 1 });
    expect(week.summary.visits).toBeGreaterThanOrEqual(2);
    expect(week.summary.delivered.policy).toBeGreaterThanOrEqual(1);
    expect((await cadre.get('/api/diary')).json().period.label).toBe('2026-W10');
    const month = (await cadre.get('/api/diary?month=2026-03')).json();
    expect(month.period).toMatchObject({ from: '2026-03-01', to: '2026-03-31' });
    expect(month.summary.visits).toBe(week.summary.visits);
    expect((await cadre.get('/api/diary?month=2026-02')).json().summary.visits).toBe(0);
    const town = (await (await ctx.as('townRegistrar')).get(`/api/diary?cadre=${ctx.org.users.cadreA1}&week=2026-W10`)).json();
    expect(town.summary.visits).toBe(week.summary.visits);
    expect((await (await ctx.as('cadreA2')).get(`/api/diary?cadre=${ctx.org.users.cadreA1}`)).statusCode).toBe(403);
    const both = await cadre.get('/api/diary?week=2026-W10&month=2026-03');
    expect(both.statusCode).toBe(400);
    expect((await cadre.get('/api/diary?week=2026-10')).statusCode).toBe(400);
  });
});

describe('problems found → cases (走访发现)', () => {
  it('turns a problem into a registered case that waits in the dispatch queue, once', async () => {
    const visit = (await cadre.post('/api/visits', visitBody())).json();
    const problem = visit.problems[0];
    const url = `/api/visits/${visit.id}/problems/${problem.id}/case`;
    const converted = await cadre.post(url, { requester: { name: '张秀英', phone: '13907981234' } });
    expect(converted.statusCode, converted.body).toBe(201);
    const created = converted.json().case;
    expect(created).toMatchObject({ status: 'registered', channel: 'field', areaCode: AREAS.villageA1 });

    const inbox = (await (await ctx.as('dispatcher')).get('/api/cases/inbox?limit=50')).json();
    const dispatch = inbox.groups.find((g: { key: string }) => g.key === 'dispatch');
    expect(dispatch.items.map((c: { id: string }) => c.id)).toContain(created.id);
    const detail = (await (await ctx.as('dispatcher')).get(`/api/cases/${created.id}`)).json();
    expect(JSON.stringify(detail)).not.toContain('13907981234');

    const again = await cadre.post(url, {});
    expect(again.statusCode).toBe(409);
    const reread = (await cadre.get(`/api/visits/${visit.id}`)).json();
    expect(reread.problems[0]).toMatchObject({ caseId: created.id, caseCode: created.code, caseStatus: 'registered' });
    expect((await (await ctx.as('cadreA2')).post(url, {})).statusCode).toBe(403);
  });

  it('needs a category when the problem has none, and a valid phone', async () => {
    const visit = (await cadre.post('/api/visits', visitBody({ problems: [{ text: '村口排水沟堵塞，下雨积水' }] }))).json();
    const url = `/api/visits/${visit.id}/problems/${visit.problems[0].id}/case`;
    const missing = await cadre.post(url, {});
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing.json())).toContain('categoryCode');
    const phone = await cadre.post(url, { categoryCode: 'environment.sanitation', requester: { phone: '123' } });
    expect(fieldsOf(phone.json())).toContain('requester.phone');
    const anonymous = await cadre.post(url, { categoryCode: 'environment.sanitation' });
    expect(anonymous.statusCode, anonymous.body).toBe(201);
  });

  it('titles a long problem at a clause with "…", and carries the visit photo to the case', async () => {
    const { body, headers } = multipart('排水沟.png', PNG, 'image/png');
    const photo = (await cadre.post('/api/attachments', body, headers)).json().id;
    const text = '村东头排水沟堵塞多年，每逢下雨污水漫进三户村民家中，老人出行困难，希望尽快清淤';
    const visit = (await cadre.post('/api/visits', visitBody({ photoIds: [photo], problems: [{ text, categoryCode: 'environment.sanitation' }] }))).json();
    const converted = await cadre.post(`/api/visits/${visit.id}/problems/${visit.problems[0].id}/case`, {});
    expect(converted.statusCode, converted.body).toBe(201);
    const detail = (await (await ctx.as('dispatcher')).get(`/api/cases/${converted.json().case.id}`)).json();
    expect(detail.title).toBe('村东头排水沟堵塞多年，每逢下雨污水漫进三户村民家中…');
    expect(detail.attachments).toEqual([expect.objectContaining({ fileName: '排水沟.png', mimeType: 'image/png' })]);
    const download = await (await ctx.as('dispatcher')).get(`/api/attachments/${detail.attachments[0].id}`);
    expect(download.rawPayload.equals(PNG)).toBe(true);
    // The visit keeps its own photo.
    expect((await cadre.get(visit.photos[0].url)).statusCode).toBe(200);
  });
});

describe('caseTitleFrom', () => {
  it('keeps short text whole and cuts long text at a clause, marked with …', () => {
    expect(caseTitleFrom('路灯不亮')).toBe('路灯不亮');
    expect(caseTitleFrom('一'.repeat(30))).toBe('一'.repeat(30));
    expect(caseTitleFrom('一'.repeat(40))).toBe(`${'一'.repeat(29)}…`);
    expect(caseTitleFrom('反映乡镇每月补贴发放不及时，乡镇每次都说等通知再等通知还要再等通知')).toBe('反映乡镇每月补贴发放不及时…');
    expect([...caseTitleFrom('x'.repeat(100))]).toHaveLength(30);
    expect(caseTitleFrom(`${'一'.repeat(29)}，${'二'.repeat(10)}`)).toBe(`${'一'.repeat(29)}…`);
  });
});

describe('POST /api/check-ins', () => {
  it('records a check-in in my area only', async () => {
    const response = await cadre.post('/api/check-ins', { areaCode: AREAS.gridA1, lat: 27.8, lng: 115.9 });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ localDate: '2026-03-02', areaCode: AREAS.gridA1 });
    expect((await cadre.post('/api/check-ins', { areaCode: AREAS.villageB1, lat: 27.8, lng: 115.9 })).statusCode).toBe(403);
    expect(fieldsOf((await cadre.post('/api/check-ins', { areaCode: AREAS.gridA1, lat: 27.8 })).json())).toContain('lng');
  });
});

describe('the OpenAPI document', () => {
  it('documents the field-work endpoints with their described fields', async () => {
    const res = await ctx.anonymous().get('/api/docs/json');
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, unknown>>;
    for (const [path, method] of [
      ['/api/visits', 'post'],
      ['/api/diary', 'get'],
      ['/api/households/{id}/visits', 'get'],
      ['/api/visits/{id}/problems/{problemId}/case', 'post'],
      ['/api/check-ins', 'post'],
      ['/api/stationing/report', 'get'],
      ['/api/stationing/report.xlsx', 'get'],
      ['/api/office-days/sessions/generate', 'post'],
      ['/api/public/reception-sessions', 'get'],
      ['/api/public/reception-sessions/{id}/appointments', 'post'],
      ['/api/campaigns/{id}/assign', 'post'],
      ['/api/campaigns/{id}/coverage', 'get'],
    ] as const) {
      expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    const body = JSON.stringify(paths['/api/visits']!.post);
    expect(body).toContain('送政策 policy');
  });
});
