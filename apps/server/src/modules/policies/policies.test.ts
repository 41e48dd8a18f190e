import { beforeAll, describe, expect, it } from 'vitest';
import { suiteContext, type Client } from '../../test/context.js';
import { QUOTE_MAX_CHARS, quoteText } from './policies.service.js';

// Runs on in-memory SQLite, and on PostgreSQL with DATABASE_URL: the same assertions hold on both.
const { ctx, admin, cadre } = suiteContext({ admin: 'admin', cadre: 'cadreA1' });
const ids: Record<string, string> = {};

const DIBAO = {
  kind: 'policy',
  title: '青溪县最低生活保障审核确认办法',
  source: '青民发〔2025〕12号',
  categoryCode: 'social.dibao',
  publishedAt: '2025-03-01',
  body: '共同生活的家庭成员人均收入低于当地低保标准，且家庭财产状况符合规定的，可以申请低保。申请人向户籍所在地乡镇人民政府（街道办事处）提出书面申请，乡镇人民政府自受理之日起30个工作日内完成审核确认。'.repeat(3),
};

const create = async (body: Record<string, unknown>) => {
  const response = await admin.post('/api/admin/policies', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; title: string; isActive: boolean };
};
const list = async (client: Client, query: string) => {
  const response = await client.get(`/api/policies?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Array<{ id: string; title: string; kind: string; snippet: string | null }>; nextCursor: string | null };
};
const found = async (client: Client, q: string, extra = '') => (await list(client, `q=${encodeURIComponent(q)}${extra}`)).items.map((i) => i.id);

beforeAll(async () => {
  ids.dibao = (await create(DIBAO)).id;
  ids.wages = (await create({ kind: 'policy', title: '保障农民工工资支付条例', source: '国务院令第724号', body: '用人单位应当按照与农民工书面约定的工资支付周期和具体支付日期足额支付工资。' })).id;
  ids.answer = (await create({ kind: 'answer', title: '低保申请进度查询的标准答复', categoryCode: 'social.dibao', body: '您好！您的低保申请已受理，审核确认一般在30个工作日内完成，请留意乡镇民政办通知。' })).id;
});

describe('POST /api/admin/policies', () => {
  it('creates an entry and audits it', async () => {
    const response = await cadre.get(`/api/policies/${ids.dibao}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'policy', title: DIBAO.title, source: DIBAO.source, categoryCode: 'social.dibao', publishedAt: '2025-03-01', isActive: true });
    const audit = await ctx.database.db.selectFrom('auditLog').select(['action', 'subjectId']).where('subjectType', '=', 'policy').execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'create', subjectId: ids.dibao }]));
  });

  it('refuses non-admins with 403 and writes nothing', async () => {
    expect((await cadre.post('/api/admin/policies', { ...DIBAO, title: '不应写入' })).statusCode).toBe(403);
    expect((await cadre.patch(`/api/admin/policies/${ids.dibao}`, { title: '不应写入' })).statusCode).toBe(403);
    expect(await found(admin, '不应写入')).toEqual([]);
    expect((await ctx.anonymous().get('/api/policies')).statusCode).toBe(401);
  });

  it('refuses a bad body with a 400 naming the field', async () => {
    for (const [body, field] of [
      [{ ...DIBAO, kind: 'law' }, 'kind'],
      [{ ...DIBAO, title: '' }, 'title'],
      [{ ...DIBAO, publishedAt: '2025/3/1' }, 'publishedAt'],
      [{ ...DIBAO, categoryCode: 'no.such' }, 'categoryCode'],
    ] as const) {
      const response = await admin.post('/api/admin/policies', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const json = response.json();
      expect([...(json.errors ?? []).map((e: { field: string }) => e.field), json.field]).toContain(field);
    }
  });
});

describe('GET /api/policies', () => {
  it('finds the two-character word 低保 with a highlighted snippet, best first', async () => {
    const { items } = await list(cadre, `q=${encodeURIComponent('低保')}`);
    expect(items.map((i) => i.id).sort()).toEqual([ids.dibao, ids.answer].sort());
    for (const item of items) expect(item.snippet).toContain('【低保】');
    expect(await found(cadre, '工资')).toEqual([ids.wages]);
    expect(await found(cadre, '低保 工资')).toEqual([]);
    expect(await found(cadre, '724号')).toEqual([ids.wages]); // the source is indexed too
    expect(await found(cadre, '拆迁')).toEqual([]);
  });

  it('filters by kind and category, and lists without q', async () => {
    expect(await found(cadre, '低保', '&kind=answer')).toEqual([ids.answer]);
    expect(await found(cadre, '低保', '&kind=policy')).toEqual([ids.dibao]);
    expect((await list(cadre, 'categoryCode=social.dibao')).items.map((i) => i.id).sort()).toEqual([ids.dibao, ids.answer].sort());
    const all = await list(cadre, 'limit=2');
    expect(all.items).toHaveLength(2);
    expect(all.items.every((i) => i.snippet === null)).toBe(true);
    const rest = await list(cadre, `limit=2&cursor=${all.nextCursor}`);
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses a wordless query with a 400 naming q', async () => {
    const response = await cadre.get(`/api/policies?q=${encodeURIComponent('！？')}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain('q');
  });
});

describe('PATCH /api/admin/policies/:id', () => {
  it('reindexes an edit and hides a withdrawn entry', async () => {
    const response = await admin.patch(`/api/admin/policies/${ids.wages}`, { body: '工资应当以货币形式按月足额支付，不得克扣或者无故拖欠。' });
    expect(response.statusCode, response.body).toBe(200);
    expect(await found(cadre, '拖欠')).toEqual([ids.wages]);
    expect(await found(cadre, '支付周期')).toEqual([]);
    expect((await admin.patch(`/api/admin/policies/${ids.wages}`, { isActive: false })).json().isActive).toBe(false);
    expect(await found(cadre, '拖欠')).toEqual([]);
    expect(await found(admin, '拖欠', '&includeInactive=true')).toEqual([ids.wages]);
    expect((await admin.patch(`/api/admin/policies/${ids.wages}`, {})).statusCode).toBe(400);
    expect((await admin.patch('/api/admin/policies/00000000-0000-4000-8000-000000000000', { title: '无' })).statusCode).toBe(404);
  });
});

describe('GET /api/policies/:id/quote', () => {
  it('gives a ready-to-paste quotation of the whole passage, never cut silently', async () => {
    const { text, excerpt } = (await cadre.get(`/api/policies/${ids.dibao}/quote`)).json();
    expect(excerpt).toBe(false);
    expect(text).toBe(`根据《${DIBAO.title}》（${DIBAO.source}）：${DIBAO.body}`);
    const answer = (await cadre.get(`/api/policies/${ids.answer}/quote`)).json().text;
    expect(answer).toBe('根据《低保申请进度查询的标准答复》：您好！您的低保申请已受理，审核确认一般在30个工作日内完成，请留意乡镇民政办通知。');
    const en = (await cadre.get(`/api/policies/${ids.dibao}/quote`, { 'x-lianxin-locale': 'en-US' })).json().text;
    expect(en.startsWith(`According to "${DIBAO.title}" (${DIBAO.source}): `)).toBe(true);
    expect((await cadre.get('/api/policies/00000000-0000-4000-8000-000000000000/quote')).statusCode).toBe(404);
    expect((await cadre.get('/api/policies/not-a-uuid/quote')).statusCode).toBe(400);
  });

  it('quotes a very long text by whole sentences and says it is an excerpt', () => {
    const sentence = '乡镇人民政府自受理之日起30个工作日内完成审核确认。';
    const long = quoteText({ title: '长文件', source: null, body: sentence.repeat(200) }, 'zh-CN');
    expect(long.excerpt).toBe(true);
    expect(long.text.startsWith('根据《长文件》：')).toBe(true);
    expect(long.text.endsWith(`${sentence}（节选，全文见《长文件》）`)).toBe(true);
    expect([...long.text].length).toBeLessThan(QUOTE_MAX_CHARS + 40);
    expect(quoteText({ title: 'Long', source: null, body: sentence.repeat(200) }, 'en-US').text).toMatch(/\(excerpt; see the full text of "Long"\)$/);
  });
});
