import { beforeAll, describe, expect, it } from 'vitest';
import { act, actionBody, allPowerful } from '../../test/case-driver.js';
import { suiteContext, type Client } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';
import { caseScope } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import { SAME_MATTER_BONUS } from '@lianxin/core';
import { distinctiveWords, findSimilarCases, similarityScore } from './similar.js';

// Runs on in-memory SQLite, and on PostgreSQL with DATABASE_URL: the same assertions hold on both.
const { ctx, boss } = suiteContext({ boss: allPowerful });
const ids: Record<string, string> = {};

interface Item { id: string; code: string; title: string; status: string; areaCode: string; score: number; possibleDuplicate: boolean; reply: string | null }

const register = async (key: string, input: Record<string, unknown>) => {
  const response = await boss.post('/api/cases', caseInput({ requester: { anonymous: true }, ...input }));
  expect(response.statusCode, response.body).toBe(201);
  ids[key] = response.json().id;
};
const similarTo = async (client: Client, body: Record<string, unknown>) => {
  const response = await client.post('/api/cases/similar', body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Item[];
};

const LIGHT = { title: '东门社区路灯不亮', content: '东门社区解放路的路灯坏了一个多星期，晚上出行很不方便，希望尽快维修。' };

beforeAll(async () => {
  await register('lightOpen', { ...LIGHT, kind: 'complaint' });
  // The same road: lights on another road (人民路) are another matter since issue 18 (named places).
  await register('lightReplied', { title: '东门社区路灯不亮', content: '东门社区解放路这边的路灯坏了好几天，晚上出行很不方便，请维修。', kind: 'complaint' });
  await register('dibao', { title: '申请低保无人答复', content: '三个月前向社区递交了低保申请材料，至今没有答复。' });
  await register('drain', { title: '下水道堵塞', content: '小区下水道堵塞，污水漫到路面，气味很大。', kind: 'complaint' });
  await register('otherVillage', { title: '西门社区路灯不亮', content: '西门社区的路灯坏了，晚上出行不方便，希望维修。', areaCode: AREAS.villageA2, address: '西门社区', kind: 'complaint' });
});

describe('similarity scoring', () => {
  it('keeps the distinctive words of a probe, longest first, without stop words', () => {
    const words = distinctiveWords('东门社区路灯不亮，希望尽快维修');
    expect(words[0]).toBe('灯不亮');
    expect(words).toEqual(expect.arrayContaining(['东门', '维修']));
    expect(words).not.toContain('希望');
    expect(words).not.toContain('路');
    expect(words.length).toBeLessThanOrEqual(12);
  });

  it('adds a bonus for the same village and the same requester', () => {
    const text = { title: '路灯不亮', content: '晚上很黑' };
    const base = similarityScore(text, { ...text, areaCode: AREAS.villageA2, requesterKey: null });
    const village = similarityScore({ ...text, areaCode: AREAS.gridA1 }, { ...text, areaCode: AREAS.villageA1, requesterKey: null });
    const requester = similarityScore({ ...text, requesterKey: 'k' }, { ...text, areaCode: AREAS.villageA2, requesterKey: 'k' });
    // Identical texts about street lights: 1 for the text, plus the same kind of matter (issue 18).
    expect(base).toBeCloseTo(1 + SAME_MATTER_BONUS);
    expect(village).toBeCloseTo(1.15 + SAME_MATTER_BONUS);
    expect(requester).toBeCloseTo(1.2 + SAME_MATTER_BONUS);
  });
});

describe('POST /api/cases/similar', () => {
  it('ranks the street-light cases first and marks the open one a possible duplicate', async () => {
    const items = await similarTo(boss, { title: '路灯不亮', content: '东门社区解放路路灯坏了好几天，晚上出行不方便，请尽快维修。', areaCode: AREAS.villageA1 });
    // The two in the same village first (text plus the village bonus), then the other village's.
    expect(items.slice(0, 2).map((i) => i.id)).toEqual(expect.arrayContaining([ids.lightOpen, ids.lightReplied]));
    expect(items.slice(0, 3).map((i) => i.id)).toEqual(expect.arrayContaining([ids.lightOpen, ids.lightReplied, ids.otherVillage]));
    // Other matters may share a word (东门) but rank below and are never duplicates.
    expect(items.filter((i) => [ids.dibao, ids.drain].includes(i.id)).every((i) => !i.possibleDuplicate && i.score < items[2]!.score)).toBe(true);
    const open = items.find((i) => i.id === ids.lightOpen)!;
    expect(open.possibleDuplicate).toBe(true);
    expect(open.score).toBeGreaterThanOrEqual(0.55);
    expect(items[0]!.score).toBeGreaterThanOrEqual(items[items.length - 1]!.score);
    // Presentable without personal data: no requester fields, no content.
    expect(Object.keys(open).sort()).toEqual(['areaCode', 'code', 'id', 'possibleDuplicate', 'registeredAt', 'reply', 'score', 'status', 'title']);
  });

  it('finds the drain case for a drain text, and nothing for unrelated words', async () => {
    const items = await similarTo(boss, { title: '下水道又堵了', content: '污水漫出来' });
    expect(items[0]!.id).toBe(ids.drain);
    expect(await similarTo(boss, { title: '高铁票务咨询', content: '' })).toEqual([]);
  });

  it('counts the same requester by phone', async () => {
    const phone = '13607985555';
    const created = await boss.post('/api/cases', caseInput({ title: '下水道堵塞', content: '单元楼下水道堵塞。', requester: { name: '李四', phone } }));
    expect(created.statusCode, created.body).toBe(201);
    const probe = { title: '下水道堵塞没人管', content: '单元楼下水道还是堵塞。' };
    const withPhone = (await similarTo(boss, { ...probe, phone })).find((i) => i.id === created.json().id)!;
    const without = (await similarTo(boss, probe)).find((i) => i.id === created.json().id)!;
    expect(withPhone.score).toBeCloseTo(without.score + 0.2, 2);
  });

  it('never gives a village cadre another village’s case', async () => {
    const cadreA2 = await ctx.as('cadreA2');
    const items = await similarTo(cadreA2, LIGHT);
    expect(items.map((i) => i.id)).toEqual([ids.otherVillage]);
    const cadreA1 = await ctx.as('cadreA1');
    const a1 = (await similarTo(cadreA1, LIGHT)).map((i) => i.id);
    expect(a1).toEqual(expect.arrayContaining([ids.lightOpen, ids.lightReplied]));
    expect(a1).not.toContain(ids.otherVillage);
  });

  it('finds the same cases whether the scope’s areas are part of the match or checked in SQL only', async () => {
    const db = ctx.database.db;
    const grants = await db
      .selectFrom('userRoles')
      .innerJoin('units', 'units.id', 'userRoles.unitId')
      .select(['userRoles.role', 'userRoles.unitId', 'units.name as unitName', 'units.areaCode'])
      .where('userRoles.userId', 'in', [ctx.org.users.cadreA1, ctx.org.users.cadreA2])
      .execute();
    for (const userId of [ctx.org.users.cadreA1, ctx.org.users.cadreA2]) {
      const mine = await db.selectFrom('userRoles').select('unitId').where('userId', '=', userId).execute();
      const scope = caseScope({ grants: grants.filter((g) => mine.some((m) => m.unitId === g.unitId)) as Actor['grants'] });
      const inMatch = await findSimilarCases(db, ctx.database.dialect, LIGHT, { scope });
      expect(inMatch.length).toBeGreaterThan(0);
      expect(await findSimilarCases(db, ctx.database.dialect, LIGHT, { scope, areaMatchCap: 1 })).toEqual(inMatch);
    }
  });

  it('refuses an empty title with a 400, and anonymous callers with a 401', async () => {
    for (const body of [{ title: '', content: '路灯' }, { title: '   ', content: '路灯' }, { content: '路灯' }]) {
      const response = await boss.post('/api/cases/similar', body);
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain('title');
    }
    expect((await ctx.anonymous().post('/api/cases/similar', LIGHT)).statusCode).toBe(401);
  });
});

describe('GET /api/cases/:id/similar', () => {
  it('excludes the case itself and shows how a replied case was answered', async () => {
    const reply = '已安排路灯所更换东门社区人民路灯泡，路灯恢复照明。';
    await act(boss, ids.lightReplied!, 'dispatch', actionBody(ctx, 'dispatch'));
    await act(boss, ids.lightReplied!, 'accept', {});
    await act(boss, ids.lightReplied!, 'reply', { reply, solved: true });

    const response = await boss.get(`/api/cases/${ids.lightOpen}/similar`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as Item[];
    expect(items.map((i) => i.id)).not.toContain(ids.lightOpen);
    expect(items[0]!.id).toBe(ids.lightReplied);
    expect(items[0]!.reply).toBe(reply);
    expect(items[0]!.status).toBe('replied');
  });

  it('takes a limit up to 20 on both endpoints (issue 18), and refuses more with a 400 naming it', async () => {
    const one = await boss.get(`/api/cases/${ids.lightOpen}/similar?limit=1`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().items).toHaveLength(1);
    const many = await boss.get(`/api/cases/${ids.lightOpen}/similar?limit=20`);
    expect(many.json().items.length).toBeGreaterThan(1);
    const drafted = await boss.post('/api/cases/similar', { title: '路灯不亮', content: '东门社区解放路路灯坏了', limit: 2 });
    expect(drafted.json().items.length).toBeLessThanOrEqual(2);
    for (const bad of [await boss.get(`/api/cases/${ids.lightOpen}/similar?limit=21`), await boss.post('/api/cases/similar', { title: '路灯', limit: 0 })]) {
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('limit');
    }
  });

  it('refuses a case outside the actor’s scope', async () => {
    const cadreA2 = await ctx.as('cadreA2');
    expect((await cadreA2.get(`/api/cases/${ids.lightOpen}/similar`)).statusCode).toBe(403);
    const items = (await cadreA2.get(`/api/cases/${ids.otherVillage}/similar`)).json().items as Item[];
    expect(items.every((i) => i.areaCode.startsWith(AREAS.villageA2.slice(0, 12)))).toBe(true);
  });
});
