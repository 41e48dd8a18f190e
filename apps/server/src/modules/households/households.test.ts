import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, suiteContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';

// Runs on in-memory SQLite, and on PostgreSQL with DATABASE_URL: the same assertions hold on both.
const { ctx, cadreA1, cadreA2 } = suiteContext({ cadreA1: 'cadreA1', cadreA2: 'cadreA2' });

const HEAD_ID = '369901195003050010';
const HEAD_PHONE = '13907981111';
const SPOUSE_PHONE = '13907982222';

const householdInput = (overrides: Record<string, unknown> = {}) => ({
  areaCode: AREAS.villageA1,
  address: '东门社区解放路8号',
  lat: 27.8031,
  lng: 115.9062,
  headName: '刘建华',
  tags: ['dibao', 'elderly_alone'],
  needs: '房屋漏雨',
  members: [
    { name: '刘建华', relationship: 'head', idNumber: HEAD_ID, phone: HEAD_PHONE, birthDate: '1950-03-05', gender: 'male' },
    { name: '李桂花', relationship: 'spouse', phone: SPOUSE_PHONE, birthDate: '1952' },
  ],
  ...overrides,
});

type Household = { id: string; version: number; headName: string; tags: string[]; memberCount: number; areaCode: string; members: Array<{ id: string; name: string; phone: string | null; idNumber: string | null; isHead: boolean; relationship: string }> };

const create = async (client: Client, overrides: Record<string, unknown> = {}) => {
  const response = await client.post('/api/households', householdInput(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Household;
};
const countHouseholds = async () => Number((await ctx.database.db.selectFrom('households').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const list = async (client: Client, query = '') => {
  const response = await client.get(`/api/households?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Household[]; nextCursor: string | null };
};

describe('POST /api/households', () => {
  it('registers a household with masked members and personal data encrypted at rest', async () => {
    const h = await create(cadreA1);
    expect(h).toMatchObject({ areaCode: AREAS.villageA1, headName: '刘**', tags: ['dibao', 'elderly_alone'], memberCount: 2, version: 1 });
    const head = h.members.find((m) => m.isHead)!;
    expect(head).toMatchObject({ name: '刘**', relationship: 'head', phone: '139****1111', idNumber: '3699**********0010' });
    const raw = await ctx.database.db.selectFrom('householdMembers').selectAll().where('householdId', '=', h.id).execute();
    const stored = JSON.stringify(raw) + JSON.stringify(await ctx.database.db.selectFrom('households').selectAll().where('id', '=', h.id).execute());
    for (const clear of ['刘建华', '李桂花', HEAD_ID, HEAD_PHONE, SPOUSE_PHONE]) expect(stored).not.toContain(clear);
    const audit = await ctx.database.db.selectFrom('auditLog').select(['action']).where('subjectType', '=', 'household').where('subjectId', '=', h.id).execute();
    expect(audit.map((a) => a.action)).toContain('create');
  });

  it('makes the head a member when no member is the head', async () => {
    const h = await create(cadreA1, { headName: '王水生', members: [], address: '东门社区人民路3号' });
    expect(h.members).toEqual([expect.objectContaining({ name: '王**', relationship: 'head', isHead: true })]);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const before = await countHouseholds();
    const cases: Array<[Record<string, unknown>, string]> = [
      [householdInput({ members: [{ name: '刘建华', relationship: 'head', idNumber: '369901195003050011' }] }), 'members.0.idNumber'],
      [householdInput({ address: '' }), 'address'],
      [householdInput({ lat: 27.8, lng: null }), 'lng'],
      [householdInput({ areaCode: '3699' }), 'areaCode'],
      [householdInput({ tags: ['Bad Tag'] }), 'tags.0'],
      [householdInput({ tags: ['no_such_tag'] }), 'tags'],
      [householdInput({ contactUserId: 'user-nobody' }), 'contactUserId'],
      [householdInput({ members: [{ name: '甲', relationship: 'head' }, { name: '乙', relationship: 'head' }] }), 'members'],
    ];
    for (const [body, field] of cases) {
      const response = await cadreA1.post('/api/households', body);
      expect(response.statusCode, `${field}: ${response.body}`).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect((response.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field)).toContain(field);
    }
    const town = await ctx.as('townRegistrar');
    const townLevel = await town.post('/api/households', householdInput({ areaCode: AREAS.townA, members: [] }));
    expect(townLevel.statusCode, townLevel.body).toBe(400);
    expect(townLevel.json().errors[0].field).toBe('areaCode');
    expect(await countHouseholds()).toBe(before);
  });

  it('refuses a person already registered in another household (422) and writes nothing', async () => {
    const before = await countHouseholds();
    const response = await cadreA1.post('/api/households', householdInput({ address: '另一处', members: [{ name: '刘建华', relationship: 'head', idNumber: HEAD_ID }] }));
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().errors[0].field).toBe('members.0.idNumber');
    expect(await countHouseholds()).toBe(before);
  });

  it('lets a cadre register only in their own village', async () => {
    expect((await cadreA2.post('/api/households', householdInput({ members: [] }))).statusCode).toBe(403);
    const handlerOnly = await ctx.as('handler');
    expect((await handlerOnly.post('/api/households', householdInput({ members: [] }))).statusCode).toBe(403);
  });
});

describe('scope and masking', () => {
  let id: string;
  beforeAll(async () => {
    id = (await create(cadreA1, { address: '东门社区东门街1号', members: [{ name: '周冬梅', relationship: 'head', phone: '13907983333', idNumber: '369901196001010028' }] })).id;
  });

  it('shows a household only within the reader’s area: 403 outside, 404 when missing', async () => {
    expect((await cadreA1.get(`/api/households/${id}`)).statusCode).toBe(200);
    expect((await (await ctx.as('townRegistrar')).get(`/api/households/${id}`)).statusCode).toBe(200);
    expect((await cadreA2.get(`/api/households/${id}`)).statusCode).toBe(403);
    expect((await (await ctx.as('handler')).get(`/api/households/${id}`)).statusCode).toBe(403);
    expect((await cadreA1.get('/api/households/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await list(cadreA2)).items.map((h) => h.id)).not.toContain(id);
    expect((await list(await ctx.as('handler'))).items).toEqual([]);
    expect((await cadreA2.patch(`/api/households/${id}`, { needs: 'x', version: 1 })).statusCode).toBe(403);
  });

  it('reveals full personal data only to allowed roles, and audits each read', async () => {
    const auditCount = async () =>
      (await ctx.database.db.selectFrom('auditLog').select('seq').where('action', '=', 'reveal_personal_data').where('subjectId', '=', id).execute()).length;
    const masked = (await cadreA1.get(`/api/households/${id}`)).json() as Household & { canReveal: boolean };
    expect(masked.canReveal).toBe(true);
    expect(JSON.stringify(masked)).not.toContain('13907983333');
    const revealed = await cadreA1.get(`/api/households/${id}/personal-data`);
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json()).toMatchObject({ headName: '刘建华', members: [{ name: '周冬梅', phone: '13907983333', idNumber: '369901196001010028' }] });
    expect(await auditCount()).toBe(1);
    // The admin reaches the county's households but is not among those who read personal data.
    const admin = await ctx.as('admin');
    expect((await admin.get(`/api/households/${id}`)).statusCode).toBe(200);
    expect((await admin.get(`/api/households/${id}/personal-data`)).statusCode).toBe(403);
    expect((await cadreA2.get(`/api/households/${id}/personal-data`)).statusCode).toBe(403);
    expect(await auditCount()).toBe(1);
  });
});

describe('GET /api/households (list)', () => {
  beforeAll(async () => {
    const contact = ctx.org.users.cadreA2;
    const town = await ctx.as('townRegistrar');
    await create(town, { areaCode: AREAS.villageA2, address: '西门社区胜利路1号', tags: ['veteran'], members: [], contactUserId: contact });
    await create(town, { areaCode: AREAS.villageA2, address: '西门社区胜利路2号', tags: ['veteran', 'dibao'], members: [], contactUserId: contact });
    await create(town, { areaCode: AREAS.villageA2, address: '西门社区县前街5号', tags: [], members: [] });
  });

  it('filters by tags (any / all), contact cadre, address text and area', async () => {
    const town = await ctx.as('townRegistrar');
    const addresses = async (query: string) => (await list(town, query)).items.map((h) => (h as unknown as { address: string }).address).sort();
    expect(await addresses(`areaCode=${AREAS.villageA2}&tags=veteran`)).toEqual(['西门社区胜利路1号', '西门社区胜利路2号']);
    expect(await addresses(`areaCode=${AREAS.villageA2}&tags=veteran,dibao&tagMatch=all`)).toEqual(['西门社区胜利路2号']);
    expect(await addresses(`contactUserId=${ctx.org.users.cadreA2}`)).toEqual(['西门社区胜利路1号', '西门社区胜利路2号']);
    expect(await addresses('q=县前街')).toEqual(['西门社区县前街5号']);
    expect((await list(town, `areaCode=${AREAS.villageA1}`)).items.every((h) => h.areaCode === AREAS.villageA1)).toBe(true);
    expect((await town.get('/api/households?tags=NOT+A+TAG')).statusCode).toBe(400);
  });

  it('pages with a keyset cursor without repeats or gaps', async () => {
    const town = await ctx.as('townRegistrar');
    const all = (await list(town, 'limit=200')).items.map((h) => h.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(town, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((h) => h.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThan(4);
  });
});

describe('PATCH, members and archive', () => {
  it('updates with the version read; a stale version gets 409', async () => {
    const h = await create(cadreA1, { address: '东门社区人民路20号', members: [] });
    const response = await cadreA1.patch(`/api/households/${h.id}`, { tags: ['veteran'], headName: '欧阳明亮', version: 1 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ tags: ['veteran'], headName: '欧***', version: 2, members: [expect.objectContaining({ name: '欧***' })] });
    expect((await cadreA1.patch(`/api/households/${h.id}`, { needs: '迟到的修改', version: 1 })).statusCode).toBe(409);
    expect((await cadreA1.patch(`/api/households/${h.id}`, { version: 2 })).statusCode).toBe(400);
  });

  it('adds, changes and removes members; the head cannot be removed', async () => {
    const h = await create(cadreA1, { address: '东门社区人民路21号', members: [] });
    const added = await cadreA1.post(`/api/households/${h.id}/members`, { name: '刘小龙', relationship: 'child', phone: '13907984444' });
    expect(added.statusCode, added.body).toBe(201);
    const child = (added.json() as Household).members.find((m) => m.relationship === 'child')!;
    expect(child).toMatchObject({ name: '刘**', phone: '139****4444' });
    expect((await cadreA1.post(`/api/households/${h.id}/members`, { name: '某', relationship: 'head' })).statusCode).toBe(400);
    const changed = await cadreA1.patch(`/api/households/${h.id}/members/${child.id}`, { phone: null, note: '在外务工' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((changed.json() as Household).members.find((m) => m.id === child.id)).toMatchObject({ phone: null });
    const head = (changed.json() as Household).members.find((m) => m.isHead)!;
    expect((await cadreA1.delete(`/api/households/${h.id}/members/${head.id}`)).statusCode).toBe(422);
    const removed = await cadreA1.delete(`/api/households/${h.id}/members/${child.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ memberCount: 1 });
  });

  it('archives a household: it leaves the list, and cannot be changed', async () => {
    const h = await create(cadreA1, { address: '东门社区人民路22号', members: [] });
    expect((await cadreA1.post(`/api/households/${h.id}/archive`, {})).statusCode).toBe(400);
    expect((await cadreA1.post(`/api/households/${h.id}/archive`, { reason: '全家迁出' })).statusCode).toBe(200);
    expect((await list(cadreA1, 'limit=200')).items.map((x) => x.id)).not.toContain(h.id);
    expect((await list(cadreA1, 'limit=200&includeArchived=true')).items.map((x) => x.id)).toContain(h.id);
    expect((await cadreA1.patch(`/api/households/${h.id}`, { needs: 'x', version: 2 })).statusCode).toBe(409);
  });
});

describe('tags', () => {
  it('lets admins add a tag, which households can then carry', async () => {
    const admin = await ctx.as('admin');
    const body = { code: 'flood_risk', nameZh: '地质灾害隐患户', nameEn: 'Landslide risk', color: '#8c8c8c' };
    expect((await cadreA1.post('/api/admin/tags', body)).statusCode).toBe(403);
    expect((await admin.post('/api/admin/tags', { ...body, code: 'Bad-Code' })).statusCode).toBe(400);
    const created = await admin.post('/api/admin/tags', body);
    expect(created.statusCode, created.body).toBe(201);
    expect((await admin.post('/api/admin/tags', body)).statusCode).toBe(409);
    const tags = (await cadreA1.get('/api/tags')).json() as { items: Array<{ code: string; isBuiltin: boolean }> };
    expect(tags.items.filter((t) => t.isBuiltin).map((t) => t.code)).toEqual(['dibao', 'tekun', 'disabled', 'elderly_alone', 'left_behind_child', 'veteran', 'key_person', 'party_member']);
    expect(tags.items.map((t) => t.code)).toContain('flood_risk');
    const h = await create(cadreA1, { address: '东门社区山边1号', members: [], tags: ['flood_risk'] });
    expect(h.tags).toEqual(['flood_risk']);
    expect((await admin.patch('/api/admin/tags/flood_risk', { isActive: false })).statusCode).toBe(200);
    expect((await cadreA1.post('/api/households', householdInput({ members: [], address: '山边2号', tags: ['flood_risk'] }))).statusCode).toBe(400);
  });
});

describe('GET /api/households/:id/history', () => {
  it('gathers cases linked to the household or brought by a member, and help received', async () => {
    const h = await create(cadreA1, { address: '东门社区解放路99号', members: [{ name: '黄春兰', relationship: 'head', phone: '13907985555' }] });
    const registrar = await ctx.as('registrar');
    const byPhone = await registrar.post('/api/cases', caseInput({ requester: { name: '黄春兰', phone: '13907985555' } }));
    expect(byPhone.statusCode, byPhone.body).toBe(201);
    const linked = await registrar.post('/api/cases', caseInput({ householdId: h.id, requester: { name: '邻居', phone: '13907986666' } }));
    expect(linked.statusCode, linked.body).toBe(201);
    await registrar.post('/api/cases', caseInput({ requester: { name: '无关', phone: '13907987777' } }));
    const help = await cadreA1.post(`/api/households/${h.id}/help`, { kind: 'goods', description: '春节慰问米油', amount: 300, unitId: 'u-civil', givenOn: '2026-01-20' });
    expect(help.statusCode, help.body).toBe(201);
    expect((await cadreA1.post(`/api/households/${h.id}/help`, { kind: 'goods', description: 'x', givenOn: '20260120' })).statusCode).toBe(400);
    expect((await cadreA2.post(`/api/households/${h.id}/help`, { kind: 'goods', description: 'x', givenOn: '2026-01-20' })).statusCode).toBe(403);

    const response = await cadreA1.get(`/api/households/${h.id}/history`);
    expect(response.statusCode, response.body).toBe(200);
    const history = response.json() as { cases: Array<{ id: string; linkedBy: string }>; help: Array<{ description: string; unitName: string }>; visits: unknown[] };
    expect(history.cases.map((c) => [c.id, c.linkedBy]).sort()).toEqual(
      [
        [byPhone.json().id, 'member'],
        [linked.json().id, 'household'],
      ].sort(),
    );
    expect(history.help).toEqual([expect.objectContaining({ description: '春节慰问米油', unitName: '青溪县民政局' })]);
    expect(history.visits).toEqual([]);

    // A visit (民情日记) naming the household shows in its history.
    const visitId = '11111111-1111-4111-8111-111111111111';
    await ctx.database.db
      .insertInto('visits')
      .values({ id: visitId, cadreUserId: ctx.org.users.cadreA1, kind: 'visit', occurredAt: '2026-03-01T02:00:00.000Z', localDate: '2026-03-01', areaCode: AREAS.villageA1, place: null, lat: null, lng: null, checkedIn: 0, accuracyM: null, notes: '了解低保申请进度', delivered: '["policy"]', campaignId: null, caseId: null, createdAt: '2026-03-01T02:00:00.000Z' } as never)
      .execute();
    await ctx.database.db.insertInto('visitHouseholds').values({ visitId, householdId: h.id }).execute();
    const withVisit = (await cadreA1.get(`/api/households/${h.id}/history`)).json() as { visits: Array<{ id: string; notes: string; delivered: string[]; cadreName: string }> };
    expect(withVisit.visits).toEqual([expect.objectContaining({ id: visitId, notes: '了解低保申请进度', delivered: ['policy'], cadreName: '冯社区' })]);
    expect((await cadreA2.get(`/api/households/${h.id}/history`)).statusCode).toBe(403);
  });
});
