import { describe, expect, it } from 'vitest';
import { allPowerful, caseInState } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';

const { ctx, boss } = suiteContext({ boss: allPowerful });

const countRows = async (table: 'cases' | 'caseEvents' | 'outbox') =>
  Number((await ctx.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('scope: a village cadre and another village', () => {
  it('cannot see, list or change the other village’s case', async () => {
    const cadreA1 = await ctx.as('cadreA1');
    const cadreA2 = await ctx.as('cadreA2');
    const own = (await cadreA1.post('/api/cases', caseInput({ areaCode: AREAS.villageA1 }))).json();
    const other = (await cadreA2.post('/api/cases', caseInput({ areaCode: AREAS.villageA2 }))).json();

    expect((await cadreA1.get(`/api/cases/${own.id}`)).statusCode).toBe(200);
    const read = await cadreA1.get(`/api/cases/${other.id}`);
    expect(read.statusCode).toBe(403);
    expect(read.json().code).toBe('out_of_scope');

    const listed = (await cadreA1.get('/api/cases?limit=200')).json().items.map((c: { id: string }) => c.id);
    expect(listed).toContain(own.id);
    expect(listed).not.toContain(other.id);
    // A lookup by tracking code (any case) finds exactly that case, in scope only.
    expect((await cadreA1.get(`/api/cases?code=${own.code.toLowerCase()}`)).json().items.map((c: { id: string }) => c.id)).toEqual([own.id]);
    expect((await cadreA1.get(`/api/cases?code=${other.code}`)).json().items).toEqual([]);

    const before = (await boss.get(`/api/cases/${other.id}`)).json().version;
    expect((await cadreA1.post(`/api/cases/${other.id}/not-accept`, { reason: '不是本村的事' })).statusCode).toBe(403);
    expect((await cadreA1.get(`/api/cases/${other.id}/requester`)).statusCode).toBe(403);
    expect((await boss.get(`/api/cases/${other.id}`)).json().version).toBe(before);
  });

  it('cannot register a case in another village', async () => {
    const before = await countRows('cases');
    const response = await (await ctx.as('cadreA1')).post('/api/cases', caseInput({ areaCode: AREAS.villageA2 }));
    expect(response.statusCode).toBe(403);
    expect(await countRows('cases')).toBe(before);
  });

  it('lets the township see every village below it, but not the other township', async () => {
    const town = await ctx.as('townRegistrar');
    const inA2 = (await boss.post('/api/cases', caseInput({ areaCode: AREAS.villageA2 }))).json();
    const inB1 = (await boss.post('/api/cases', caseInput({ areaCode: AREAS.villageB1 }))).json();
    expect((await town.get(`/api/cases/${inA2.id}`)).statusCode).toBe(200);
    expect((await town.get(`/api/cases/${inB1.id}`)).statusCode).toBe(403);
    const listed = (await town.get(`/api/cases?areaCode=${AREAS.county}&limit=200`)).json().items.map((c: { id: string }) => c.id);
    expect(listed).toContain(inA2.id);
    expect(listed).not.toContain(inB1.id);
  });

  it('lets a handler act only on cases of their own unit', async () => {
    const id = await caseInState(ctx, boss, 'assigned');
    const housing = await ctx.as('housingHandler');
    expect((await housing.post(`/api/cases/${id}/accept`, {})).statusCode).toBe(403);
    expect((await (await ctx.as('handler')).post(`/api/cases/${id}/accept`, {})).statusCode).toBe(200);
  });

  it('refuses requests without a session, and writes without the CSRF header', async () => {
    expect((await ctx.anonymous().get('/api/cases')).statusCode).toBe(401);
    const registrar = await ctx.as('registrar');
    const noCsrf = await registrar.post('/api/cases', caseInput(), { 'x-csrf-token': 'wrong' });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf');
  });
});

describe('bad input gets 400 problem+json naming the field and writes nothing', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['an empty title', { title: '' }, 'title'],
    ['a malformed phone', { requester: { name: '张三', phone: '12345' } }, 'requester.phone'],
    ['an ID number with a wrong check digit', { requester: { name: '张三', phone: '13907981234', idNumber: '110105194912310021' } }, 'requester.idNumber'],
    ['no phone for a named requester', { requester: { name: '张三' } }, 'requester.phone'],
    ['an unknown kind', { kind: 'rumour' }, 'kind'],
    ['a petition class on a complaint', { kind: 'complaint', petitionClass: 'appeal' }, 'petitionClass'],
    ['a malformed area code', { areaCode: '3699' }, 'areaCode'],
    ['an unknown area', { areaCode: '369901999999' }, 'areaCode'],
    ['an unknown category', { categoryCode: 'no.such' }, 'categoryCode'],
    ['too many people', { peopleCount: 0 }, 'peopleCount'],
    ['an unknown attachment', { attachmentIds: ['nope'] }, 'attachmentIds'],
  ];
  for (const [what, override, field] of cases) {
    it(`refuses ${what}`, async () => {
      const before = await Promise.all([countRows('cases'), countRows('caseEvents'), countRows('outbox')]);
      const response = await boss.post('/api/cases', caseInput(override));
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await Promise.all([countRows('cases'), countRows('caseEvents'), countRows('outbox')])).toEqual(before);
    });
  }

  it('speaks Chinese by default and English on request', async () => {
    const zh = (await boss.post('/api/cases', caseInput({ title: '' }))).json();
    expect(zh.title).toBe('输入有误');
    expect(zh.detail).toContain('title');
    const en = (await boss.post('/api/cases', caseInput({ title: '' }), { 'x-lianxin-locale': 'en-US' })).json();
    expect(en.title).toBe('Invalid input');
  });

  it('refuses malformed JSON and bad query parameters', async () => {
    const malformed = await boss.post('/api/cases', '{"title": ', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    const badQuery = await boss.get('/api/cases?limit=0&status=flying');
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['limit', 'status']));
  });
});

describe('personal data', () => {
  it('is encrypted at rest', async () => {
    const created = (await boss.post('/api/cases', caseInput({ requester: { name: '何美玲', phone: '13979811234', idNumber: '11010519491231002X' } }))).json();
    const row = await ctx.database.db.selectFrom('cases').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('13979811234');
    expect(stored).not.toContain('11010519491231002X');
    expect(stored).not.toContain('何美玲');
  });

  it('is masked in lists and details, and revealed only to those allowed, with an audit entry', async () => {
    const created = (await (await ctx.as('registrar')).post('/api/cases', caseInput({ requester: { name: '何美玲', phone: '13979811234', idNumber: '11010519491231002X' } }))).json();
    expect(created.requester).toEqual({ anonymous: false, name: '何**', phone: '139****1234', idNumber: '1101**********002X' });
    const listed = (await boss.get('/api/cases?limit=200')).json().items.find((c: { id: string }) => c.id === created.id);
    expect(listed.requester.phone).toBe('139****1234');

    const dispatcher = await ctx.as('dispatcher');
    expect((await dispatcher.get(`/api/cases/${created.id}`)).json().canRevealRequester).toBe(true);
    const revealed = await dispatcher.get(`/api/cases/${created.id}/requester`);
    expect(revealed.json()).toEqual({ name: '何美玲', phone: '13979811234', idNumber: '11010519491231002X' });
    const audit = await ctx.database.db.selectFrom('auditLog').selectAll().where('subjectId', '=', created.id).execute();
    expect(audit).toMatchObject([{ action: 'reveal_personal_data', actorUserId: ctx.org.users.dispatcher }]);

    const admin = await ctx.as('admin');
    expect((await admin.get(`/api/cases/${created.id}`)).json().canRevealRequester).toBe(false);
    expect((await admin.get(`/api/cases/${created.id}/requester`)).statusCode).toBe(403);
  });

  it('keeps anonymous requesters anonymous', async () => {
    const created = (await boss.post('/api/cases', caseInput({ requester: { anonymous: true } }))).json();
    expect(created.requester).toEqual({ anonymous: true, name: null, phone: null, idNumber: null });
    expect(created.canRevealRequester).toBe(false);
  });
});
