import { beforeAll, describe, expect, it } from 'vitest';
import { act, allPowerful, caseInState } from '../../test/case-driver.js';
import { suiteContext, type Client } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';
import { caseScope } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import { searchPool } from './search.repository.js';
import { segment } from '../search-index/segment.js';

// Runs on in-memory SQLite, and on PostgreSQL with DATABASE_URL: the same assertions hold on both.
const { ctx, boss } = suiteContext({ boss: allPowerful });
const ids: Record<string, string> = {};

const register = async (client: Client, key: string, input: Record<string, unknown>) => {
  const response = await client.post('/api/cases', caseInput({ requester: { anonymous: true }, ...input }));
  expect(response.statusCode, response.body).toBe(201);
  ids[key] = response.json().id;
};
const search = async (client: Client, query: string) => {
  const response = await client.get(`/api/search/cases?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Array<{ id: string; code: string; title: string; snippet: string; status: string }>; nextCursor: string | null };
};
const foundIds = async (client: Client, q: string, extra = '') => (await search(client, `q=${encodeURIComponent(q)}${extra}`)).items.map((i) => i.id);

beforeAll(async () => {
  await register(boss, 'dibao', { title: '申请低保无人答复', content: '三个月前向社区递交了低保申请材料，至今没有答复。', address: '东门社区解放路12号' });
  await register(boss, 'chaiqian', { title: '拆迁补偿款未到位', content: '老城区拆迁已经一年，补偿款迟迟没有发放，要求尽快兑现。', address: '东门社区人民路8号', kind: 'complaint', categoryCode: 'land.expropriation' });
  await register(boss, 'both', { title: '拆迁后低保资格被取消', content: '拆迁安置后家里的低保被停了，希望重新核查。', address: '东门社区', kind: 'complaint' });
  await register(boss, 'road', { title: '路灯不亮', content: '小区门口的路灯坏了一个多星期，晚上出行不便。', address: '东门社区和平巷', kind: 'complaint' });
  await register(boss, 'otherVillage', { title: '西门低保复核', content: '西门社区的低保户家庭情况变化，申请复核低保。', areaCode: AREAS.villageA2, address: '西门社区' });
});

describe('segmentation', () => {
  it('keeps two-character words and splits off punctuation', () => {
    const words = segment('申请低保，拆迁补偿！ABC-12');
    expect(words).toEqual(expect.arrayContaining(['申请', '低保', '拆迁', '补偿', 'abc', '12']));
    expect(words.every((w) => /^[\p{L}\p{N}]+$/u.test(w))).toBe(true);
  });
});

describe('GET /api/search/cases', () => {
  it('finds two-character words such as 低保 and 拆迁, and not the cases without them', async () => {
    const dibao = await foundIds(boss, '低保');
    expect(dibao).toEqual(expect.arrayContaining([ids.dibao, ids.both, ids.otherVillage]));
    expect(dibao).not.toContain(ids.chaiqian);
    expect(dibao).not.toContain(ids.road);

    const chaiqian = await foundIds(boss, '拆迁');
    expect(chaiqian.sort()).toEqual([ids.chaiqian, ids.both].sort());

    // All words must match.
    expect(await foundIds(boss, '拆迁 低保')).toEqual([ids.both]);
    expect(await foundIds(boss, '拆迁低保')).toEqual([ids.both]);
    // The address is indexed too; the last word may be a prefix.
    expect(await foundIds(boss, '和平巷')).toEqual([ids.road]);
    expect(await foundIds(boss, '路')).toEqual(expect.arrayContaining([ids.road]));
    expect(await foundIds(boss, '高铁')).toEqual([]);
  });

  it('returns the ledger summary with a highlighted snippet', async () => {
    const { items } = await search(boss, `q=${encodeURIComponent('补偿款')}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: ids.chaiqian, title: '拆迁补偿款未到位', status: 'registered' });
    expect(items[0]!.snippet).toContain('【补偿款】');
    expect(items[0]!.snippet).not.toContain('<');
  });

  it('ranks the case that says it more often first', async () => {
    const items = (await search(boss, `q=${encodeURIComponent('低保')}`)).items.map((i) => i.id);
    // 西门低保复核 says 低保 three times in a short text; the others once or twice.
    expect(items[0]).toBe(ids.otherVillage);
  });

  it('combines with the ledger filters', async () => {
    expect((await foundIds(boss, '低保', '&kind=complaint'))).toEqual([ids.both]);
    expect((await foundIds(boss, '低保', `&areaCode=${AREAS.villageA2}`))).toEqual([ids.otherVillage]);
  });

  it('pages with a cursor', async () => {
    const first = await search(boss, `q=${encodeURIComponent('低保')}&limit=2`);
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = await search(boss, `q=${encodeURIComponent('低保')}&limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(3);
  });

  it('does not give a village cadre another village’s cases', async () => {
    const cadreA1 = await ctx.as('cadreA1');
    const found = await foundIds(cadreA1, '低保');
    expect(found).toEqual(expect.arrayContaining([ids.dibao, ids.both]));
    expect(found).not.toContain(ids.otherVillage);
    const cadreA2 = await ctx.as('cadreA2');
    expect(await foundIds(cadreA2, '低保')).toEqual([ids.otherVillage]);
  });

  it('finds a case by its tracking code, in any letter case, and only within scope', async () => {
    const dibao = await search(boss, `q=${encodeURIComponent('低保')}`);
    const code = dibao.items.find((i) => i.id === ids.dibao)!.code;
    expect(await foundIds(boss, ` ${code.toLowerCase()} `)).toEqual([ids.dibao]);
    const cadreA2 = await ctx.as('cadreA2');
    expect(await foundIds(cadreA2, code)).toEqual([]);
  });

  it('finds a reply’s words once the case is replied', async () => {
    const id = await caseInState(ctx, boss, 'handling', { title: '水管漏水', content: '楼道水管漏水多日。', requester: { anonymous: true } });
    expect(await foundIds(boss, '燃气表')).toEqual([]);
    await act(boss, id, 'reply', { reply: '已联系物业更换燃气表并修好水管。', solved: true });
    const { items } = await search(boss, `q=${encodeURIComponent('燃气表')}`);
    expect(items.map((i) => i.id)).toEqual([id]);
    expect(items[0]!.snippet).toContain('【燃气表】');
  });

  it('finds a review decision once written', async () => {
    const id = await caseInState(ctx, boss, 'reviewing', { title: '信访复查', content: '对处理意见不服。', requester: { anonymous: true } });
    await act(boss, id, 'complete_review', { decision: '复查认为宅基地审批符合规定，维持原意见。' });
    expect(await foundIds(boss, '宅基地')).toEqual([id]);
  });

  it('refuses a missing, empty or wordless query with a 400 naming q', async () => {
    for (const query of ['', 'q=', `q=${encodeURIComponent('！？。')}`, `q=${'长'.repeat(101)}`]) {
      const response = await boss.get(`/api/search/cases?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain('q');
    }
    expect((await ctx.anonymous().get('/api/search/cases?q=低保')).statusCode).toBe(401);
  });
});

describe('POST /api/admin/search/reindex', () => {
  it('rebuilds the index for admins only, with the same results', async () => {
    const before = (await foundIds(boss, '低保')).sort();
    expect((await boss.post('/api/admin/search/reindex')).statusCode).toBe(403);
    const admin = await ctx.as('admin');
    const response = await admin.post('/api/admin/search/reindex');
    expect(response.statusCode, response.body).toBe(200);
    const total = Number((await ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(response.json().indexed).toBe(total);
    expect((await foundIds(boss, '低保')).sort()).toEqual(before);
    const audit = await ctx.database.db.selectFrom('auditLog').select(['action', 'actorUserId']).where('subjectType', '=', 'search_index').execute();
    expect(audit).toEqual([{ action: 'reindex', actorUserId: ctx.org.users.admin }]);
  });
});

describe('scope and the bounded pool (search.query.ts)', () => {
  const scopeOfUser = async (key: 'cadreA1' | 'cadreA2' | 'handler' | 'dispatcher') => {
    const rows = await ctx.database.db
      .selectFrom('userRoles')
      .innerJoin('units', 'units.id', 'userRoles.unitId')
      .select(['userRoles.role', 'userRoles.unitId', 'units.name as unitName', 'units.areaCode'])
      .where('userRoles.userId', '=', ctx.org.users[key])
      .execute();
    return caseScope({ grants: rows as Actor['grants'] });
  };

  it('gives a handler the cases of their unit, wherever they are, and nothing else', async () => {
    const handler = await ctx.as('handler');
    expect(await foundIds(handler, '低保')).toEqual([]);
    await act(boss, ids.dibao!, 'dispatch', { unitId: ctx.org.units['u-civil'] });
    expect(await foundIds(handler, '低保')).toEqual([ids.dibao]);
    expect(await foundIds(await ctx.as('housingHandler'), '低保')).toEqual([]);
  });

  it('gives an area actor their unit’s case from another village, and not its neighbours', async () => {
    await register(boss, 'lent', { title: '低保金发放延迟', content: '东门社区的低保金本月没有到账。', address: '东门社区' });
    await act(boss, ids.lent!, 'dispatch', { unitId: ctx.org.units['u-villageA2'] });
    const cadreA2 = await ctx.as('cadreA2');
    expect((await foundIds(cadreA2, '低保')).sort()).toEqual([ids.otherVillage, ids.lent].sort());
    expect(await foundIds(cadreA2, '低保', `&areaCode=${AREAS.villageA2}`)).toEqual([ids.otherVillage]);
    expect(await foundIds(await ctx.as('cadreA1'), '低保')).toEqual(expect.arrayContaining([ids.dibao, ids.both, ids.lent]));
  });

  it('never matches an area code typed as a word: area words are not text', async () => {
    for (const q of [AREAS.villageA1, AREAS.county.slice(0, 6), AREAS.county.slice(0, 4)]) expect(await foundIds(boss, q), q).toEqual([]);
  });

  it('answers the same whether the areas are part of the match or checked in SQL only', async () => {
    const now = new Date().toISOString();
    for (const key of ['cadreA1', 'cadreA2', 'handler', 'dispatcher'] as const) {
      const scope = await scopeOfUser(key);
      for (const [terms, filters] of [[['低保'], {}], [['拆迁'], {}], [['路'], {}], [['低保'], { areaCode: AREAS.villageA2 }], [['社区'], { areaCode: AREAS.townA }]] as const) {
        const inMatch = await searchPool(ctx.database.db, terms, scope, filters, true, now);
        const inSqlOnly = await searchPool(ctx.database.db, terms, scope, filters, true, now, { areaMatchCap: 1 });
        expect(inSqlOnly, `${key} ${terms}`).toEqual(inMatch);
      }
    }
  });

  it('ranks only the newest matches when there are more than the pool holds, and says when it stopped early', async () => {
    const scope = await scopeOfUser('cadreA2');
    const now = new Date().toISOString();
    const full = await searchPool(ctx.database.db, ['低保'], scope, {}, false, now);
    expect(full.ranked.map((h) => h.id).sort()).toEqual([ids.otherVillage, ids.lent].sort());
    expect(full.partial).toBe(false);
    // A pool of one holds the newest match only (lent was registered last).
    const one = await searchPool(ctx.database.db, ['低保'], scope, {}, false, now, { pool: 1 });
    expect(one.ranked.map((h) => h.id)).toEqual([ids.lent]);
    // Nothing passes the filter, and the walk is cut after one match: an empty but partial answer.
    const cut = await searchPool(ctx.database.db, ['低保'], await scopeOfUser('handler'), { kind: 'praise' }, false, now, { pool: 1, budget: 1 });
    expect(cut).toEqual({ ranked: [], partial: true });
    const whole = await searchPool(ctx.database.db, ['低保'], await scopeOfUser('handler'), { kind: 'praise' }, false, now, { pool: 1 });
    expect(whole).toEqual({ ranked: [], partial: false });
  });
});
