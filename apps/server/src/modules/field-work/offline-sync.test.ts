import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { AREAS } from '../../test/fixtures.js';
import { fieldsOf, insertHousehold, multipart, PNG } from './field-work.test-support.js';

// Issue 17: what a phone queued offline syncs with an Idempotency-Key; a retry (also concurrent) never
// writes twice. A household edited offline against an older version meets a 409 and is resolved.
// Runs on in-memory SQLite, and on PostgreSQL with DATABASE_URL.
const { ctx, cadre, town } = suiteContext({ cadre: 'cadreA1', town: 'townRegistrar' });
let household: string;

const key = () => randomUUID();
const count = async (table: 'visits' | 'cases' | 'attachments' | 'visitProblems') =>
  Number((await ctx.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const visitBody = (notes: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'visit',
  areaCode: AREAS.villageA1,
  householdIds: [household],
  notes,
  problems: [{ text: '村口路灯坏了三盏，夜里看不见路', categoryCode: 'urban.property' }],
  ...overrides,
});

beforeAll(async () => {
  household = await insertHousehold(ctx, { areaCode: AREAS.villageA1, address: '东门社区解放路30号', headName: '陈秀兰' });
});

describe('idempotent writes of the offline queue', () => {
  it('a visit retried with its key answers the first visit and records one', async () => {
    const k = key();
    const before = await count('visits');
    const first = await cadre.post('/api/visits', visitBody('离线记录的走访'), { 'idempotency-key': k });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await cadre.post('/api/visits', visitBody('离线记录的走访'), { 'idempotency-key': k });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await count('visits')).toBe(before + 1);
  });

  it('concurrent retries of one visit make one visit, and all answer it', async () => {
    const k = key();
    const before = await count('visits');
    const answers = await Promise.all(Array.from({ length: 6 }, () => cadre.post('/api/visits', visitBody('信号时有时无，连点了六次'), { 'idempotency-key': k })));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await count('visits')).toBe(before + 1);
  });

  it('a photo upload retried with its key keeps one attachment', async () => {
    const k = key();
    const before = await count('attachments');
    const sends = await Promise.all([0, 1, 2].map(() => {
      const { body, headers } = multipart('入户照片.png', PNG, 'image/png');
      return cadre.post('/api/attachments', body, { ...headers, 'idempotency-key': k });
    }));
    expect(sends.map((s) => s.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(sends.map((s) => s.json().id)).size).toBe(1);
    expect(await count('attachments')).toBe(before + 1);
  });

  it('a problem turned into a case, retried (also concurrently), makes one case in the dispatch queue', async () => {
    const visit = (await cadre.post('/api/visits', visitBody('发现问题'), { 'idempotency-key': key() })).json();
    const url = `/api/visits/${visit.id}/problems/${visit.problems[0].id}/case`;
    const k = key();
    const before = await count('cases');
    const answers = await Promise.all([0, 1, 2, 3].map(() => cadre.post(url, { kind: 'help' }, { 'idempotency-key': k })));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().case.id)).size).toBe(1);
    const later = await cadre.post(url, { kind: 'help' }, { 'idempotency-key': k });
    expect(later.statusCode).toBe(201);
    expect(later.json().case.code).toBe(answers[0]!.json().case.code);
    expect(await count('cases')).toBe(before + 1);
    // Without the key, a second conversion is still refused as before.
    expect((await cadre.post(url, { kind: 'help' })).statusCode).toBe(409);
  });

  it('survey answers given offline, retried with their key (also concurrently), are stored once; without the key a second answer is refused', async () => {
    const today = new Date(ctx.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const created = await town.post('/api/surveys', { title: '离线问需', areaCode: AREAS.villageA1, questions: [{ kind: 'single', text: '最需要解决的问题', options: ['道路', '饮水'] }], opensOn: today, closesOn: today });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const visit = (await cadre.post('/api/visits', visitBody('带问卷的走访', { problems: [] }), { 'idempotency-key': key() })).json();
    const body = { householdId: household, visitId: visit.id, answers: [{ index: 0, choice: 1 }] };
    const k = key();
    const answers = await Promise.all([0, 1, 2].map(() => cadre.post(`/api/surveys/${id}/answers`, body, { 'idempotency-key': k })));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
    const later = await cadre.post(`/api/surveys/${id}/answers`, body, { 'idempotency-key': k });
    expect(later.statusCode).toBe(201);
    expect(later.json().answered).toBe(1);
    const stored = await ctx.database.db.selectFrom('surveyAnswers').select(['householdId', 'visitId']).where('surveyId', '=', id).execute();
    expect(stored).toEqual([{ householdId: household, visitId: visit.id }]);
    expect((await cadre.post(`/api/surveys/${id}/answers`, body)).statusCode).toBe(409);
  });

  it('refuses a malformed key (400) and a key reused for another request (422), each naming the header, writing nothing', async () => {
    const before = await count('visits');
    const bad = await cadre.post('/api/visits', visitBody('坏键'), { 'idempotency-key': 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(bad.json())).toContain('Idempotency-Key');
    const k = key();
    expect((await cadre.post('/api/visits', visitBody('第一次'), { 'idempotency-key': k })).statusCode).toBe(201);
    const reused = await cadre.post('/api/visits', visitBody('换了内容'), { 'idempotency-key': k });
    expect(reused.statusCode).toBe(422);
    expect(fieldsOf(reused.json())).toContain('Idempotency-Key');
    expect(await count('visits')).toBe(before + 1);
  });

  it('a refused write releases its key, so the corrected request can use it; keys are per user', async () => {
    const k = key();
    const refused = await cadre.post('/api/visits', visitBody('缺类别', { problems: [{ text: '问题', categoryCode: 'no.such' }] }), { 'idempotency-key': k });
    expect(refused.statusCode).toBe(400);
    const fixed = await cadre.post('/api/visits', visitBody('已更正'), { 'idempotency-key': k });
    expect(fixed.statusCode, fixed.body).toBe(201);
    // Another user's request with the same key is their own.
    const theirs = await town.post('/api/visits', visitBody('已更正'), { 'idempotency-key': k });
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.json().id).not.toBe(fixed.json().id);
  });
});

describe('a household edited offline while someone else changed it', () => {
  it('the stale edit is refused with 409 and changes nothing; the cadre resolves it against the current version', async () => {
    // Read by the cadre (version 1) before going offline.
    const read = (await cadre.get(`/api/households/${household}`)).json();
    // Meanwhile the township changes the household (version 2).
    const theirs = await town.patch(`/api/households/${household}`, { needs: '需要申请危房改造', version: read.version });
    expect(theirs.statusCode, theirs.body).toBe(200);
    // The cadre's queued edit, based on version 1, arrives.
    const k = key();
    const mine = await cadre.patch(`/api/households/${household}`, { needs: '老人需要助餐服务', phone: '13907985555', version: read.version }, { 'idempotency-key': k });
    expect(mine.statusCode).toBe(409);
    expect(mine.headers['content-type']).toContain('application/problem+json');
    const current = (await cadre.get(`/api/households/${household}`)).json();
    expect(current).toMatchObject({ needs: '需要申请危房改造', version: 2 });
    // Merge fields: their needs text, my phone, on the current version; the key was released by the 409.
    const merged = await cadre.patch(`/api/households/${household}`, { needs: '需要申请危房改造', phone: '13907985555', version: current.version }, { 'idempotency-key': key() });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ needs: '需要申请危房改造', version: 3 });
  });

  it('a resolved edit retried with its key is applied once', async () => {
    const current = (await cadre.get(`/api/households/${household}`)).json();
    const k = key();
    const body = { needs: '已联系民政办', version: current.version };
    const answers = await Promise.all([0, 1, 2].map(() => cadre.patch(`/api/households/${household}`, body, { 'idempotency-key': k })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.json().version)).toEqual([current.version + 1, current.version + 1, current.version + 1]);
    expect((await cadre.get(`/api/households/${household}`)).json().version).toBe(current.version + 1);
  });
});
