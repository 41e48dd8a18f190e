import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { act } from '../../test/case-driver.js';
import { type Client, suiteContext } from '../../test/context.js';
import { AREAS, caseInput } from '../../test/fixtures.js';
import { docxText, pdfText } from '../documents/read-back.test-support.js';

/**
 * A county month (March 2026) with known outcomes, all handled through the API:
 *   民政局 (department)   2 cases, on time, satisfied + solved           → closed at county level
 *   住建局 (department)   2 cases, on time; one satisfied, one dissatisfied → 1 closed at county level
 *   东门社区 (village)    2 dispatched (one brought in person to the county: 越级), satisfied,
 *                         plus 1 answered on the spot by its own cadre    → 3 closed at village level
 *   西门社区 (village)    1 case, satisfied                               → closed at village level
 *   城关镇 (township)     2 cases, satisfied                              → closed at township level
 */
const { ctx, registrar, dispatcher, supervisor, handler, cadreA1, cadreA2, housingHandler } = suiteContext({
  registrar: 'registrar',
  dispatcher: 'dispatcher',
  supervisor: 'supervisor',
  handler: 'handler',
  cadreA1: 'cadreA1',
  cadreA2: 'cadreA2',
  housingHandler: 'housingHandler',
});
let phone = 13907986000;
const caseIds: string[] = [];

async function handled(unit: string, worker: Client, result: 'satisfied' | 'dissatisfied', overrides: Record<string, unknown> = {}) {
  const created = await registrar.post('/api/cases', caseInput({ requester: { name: '群众', phone: String(phone++) }, ...overrides }));
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  await act(dispatcher, id, 'dispatch', { unitId: ctx.org.units[unit as 'u-civil'] });
  await act(worker, id, 'accept', {});
  await act(worker, id, 'reply', { reply: '已核实并办理完毕。', solved: true });
  await act(dispatcher, id, 'callback', { result, solved: result === 'satisfied' });
  caseIds.push(id);
  return id;
}

type Detail = {
  id: string;
  number: string;
  title: string;
  state: string;
  canManage: boolean;
  sections: Array<{ key: string; title: string; paragraphs: string[]; tables: Array<{ caption: string | null; columns: string[]; rows: Array<Array<string | number | null>> }> }>;
};
const section = (d: Detail, key: string) => d.sections.find((s) => s.key === key)!;

async function generate(client: Client, body: Record<string, unknown>): Promise<Detail> {
  const response = await client.post('/api/bulletins', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

beforeAll(async () => {
  const townHandler = await ctx.userWith([{ role: 'handler', unitId: ctx.org.units['u-townA'] }]);
  await handled('u-civil', handler, 'satisfied');
  await handled('u-civil', handler, 'satisfied');
  await handled('u-housing', housingHandler, 'satisfied', { categoryCode: 'urban.housing' });
  await handled('u-housing', housingHandler, 'dissatisfied', { categoryCode: 'urban.housing' });
  await handled('u-villageA1', cadreA1, 'satisfied');
  await handled('u-villageA1', cadreA1, 'satisfied', { channel: 'visit' });
  await handled('u-villageA2', cadreA2, 'satisfied', { areaCode: AREAS.villageA2 });
  await handled('u-townA', townHandler, 'satisfied');
  await handled('u-townA', townHandler, 'satisfied');
  const onSpot = await cadreA1.post('/api/cases', caseInput({ requester: { name: '群众', phone: String(phone++) }, kind: 'inquiry', resolveOnSpot: { answer: '已当面解答。' } }));
  expect(onSpot.statusCode, onSpot.body).toBe(201);
});

describe('level-of-resolution figures', () => {
  it('counts closed cases at the level of the unit that closed them, and those raised above the competent level', async () => {
    const response = await dispatcher.get('/api/metrics/resolution-levels?from=2026-03-01&to=2026-03-31');
    expect(response.statusCode, response.body).toBe(200);
    const r = response.json();
    expect(r.total).toMatchObject({ closed: 9, village: 4, township: 2, county: 3, aboveCompetent: 1, villageShare: 0.4444, townshipShare: 0.2222, countyShare: 0.3333, aboveCompetentShare: 0.1111 });
    expect(r.groups.map((g: { key: string; closed: number }) => [g.key, g.closed])).toEqual([[AREAS.townA, 9]]);
  });

  it('counts only the cases the reader sees, and villages inside a township filter', async () => {
    const mine = (await cadreA2.get('/api/metrics/resolution-levels?from=2026-03-01&to=2026-03-31')).json();
    expect(mine.total).toMatchObject({ closed: 1, village: 1 });
    const villages = (await dispatcher.get(`/api/metrics/resolution-levels?from=2026-03-01&to=2026-03-31&areaCode=${AREAS.townA}`)).json();
    expect(villages.groups.map((g: { key: string; closed: number }) => [g.key, g.closed])).toEqual([[AREAS.villageA1, 8], [AREAS.villageA2, 1]]);
    expect((await dispatcher.get('/api/metrics/resolution-levels?from=2026-03-31&to=2026-03-01')).statusCode).toBe(400);
  });
});

describe('a monthly bulletin', () => {
  let bulletin: Detail;

  it('ranks units only among peers, with the minimum case count, ties sharing a rank', async () => {
    bulletin = await generate(supervisor, { kind: 'monthly', period: '2026-03', minCases: 2 });
    expect(bulletin).toMatchObject({ state: 'draft', canManage: true, number: '青溪通〔2026〕1号', title: '关于2026年3月群众诉求办理情况的通报' });
    expect(bulletin.sections.map((s) => s.key)).toEqual(['ranking', 'resolution', 'overdue', 'supervision', 'accountability', 'typical', 'service_centre']);
    const ranking = section(bulletin, 'ranking');
    expect(ranking.tables.map((t) => t.caption)).toEqual(['村（社区）', '乡镇（街道）', '县直部门']);
    const [villages, townships, departments] = ranking.tables.map((t) => t.rows.map((r) => [r[0], r[1]]));
    expect(villages).toEqual([[1, '东门社区居民委员会']]);
    expect(townships).toEqual([[1, '城关镇人民政府']]);
    expect(departments).toEqual([[1, '青溪县民政局'], [2, '青溪县住房和城乡建设局']]);
    expect(ranking.paragraphs.join()).toContain('村（社区）中件数少于2件、本期不参与排名的：西门社区居民委员会');
    expect(ranking.tables[2].rows[1]).toEqual([2, '青溪县住房和城乡建设局', 2, '100.0%', '50.0%', '50.0%', '65.0']);

    const tied = await generate(supervisor, { kind: 'monthly', period: '2026-03', minCases: 1 });
    expect(tied.id).toBe(bulletin.id); // a draft is regenerated, not duplicated
    expect(section(tied, 'ranking').tables[0].rows.map((r) => [r[0], r[1]])).toEqual([[1, '东门社区居民委员会'], [1, '西门社区居民委员会']]);
    bulletin = await generate(supervisor, { kind: 'monthly', period: '2026-03', minCases: 2 });
  });

  it('reports the level of resolution in its section, and in English on request', async () => {
    expect(section(bulletin, 'resolution').paragraphs[0]).toBe('本期共办结9件，其中村级办结4件（44.4%），乡级办结2件（22.2%），县级办结3件（33.3%）；越级1件（11.1%）。');
    const english = (await supervisor.get(`/api/bulletins/${bulletin.id}`, { 'x-lianxin-locale': 'en-US' })).json();
    expect(english.title).toBe('Bulletin on the handling of residents’ requests, 3/2026');
    expect(section(english, 'ranking').tables[0].caption).toBe('Villages and communities');
  });

  it('takes typical cases chosen by staff, from its area only', async () => {
    const chosen = await supervisor.put(`/api/bulletins/${bulletin.id}/typical-cases`, { cases: [{ caseId: caseIds[0], kind: 'good', note: '当天签收、当天办结' }] });
    expect(chosen.statusCode, chosen.body).toBe(200);
    const code = (await ctx.database.db.selectFrom('cases').select('code').where('id', '=', caseIds[0]).executeTakeFirstOrThrow()).code;
    expect(section(chosen.json(), 'typical').tables[0].rows).toEqual([['正面典型', code, '申请低保无人答复', '当天签收、当天办结']]);
    expect((await supervisor.put(`/api/bulletins/${bulletin.id}/typical-cases`, { cases: [{ caseId: 'nope', kind: 'bad' }] })).statusCode).toBe(400);
  });

  it('downloads as an official bulletin in PDF and DOCX, and as a workbook', async () => {
    for (const format of ['pdf', 'docx'] as const) {
      const file = await supervisor.get(`/api/bulletins/${bulletin.id}/bulletin.${format}`);
      expect(file.statusCode).toBe(200);
      const text = format === 'pdf' ? await pdfText(file.rawPayload) : await docxText(file.rawPayload);
      for (const expected of ['青溪县群众工作中心通报', '青溪通〔2026〕1号', '关于2026年3月群众诉求办理情况的通报', '一、三率及综合得分排名', '城关镇人民政府', '二、“小事不出村、大事不出乡”情况']) {
        expect(text, `${format}: ${expected}`).toContain(expected);
      }
    }
    const xlsx = await supervisor.get(`/api/bulletins/${bulletin.id}/bulletin.xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ranking = book.worksheets[1];
    const values = ranking.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(values).toEqual(expect.arrayContaining(['村（社区）', '东门社区居民委员会', '县直部门', '青溪县民政局']));
  });

  it('is hidden from the units until published; then they see it and get a notice; it cannot change any more', async () => {
    expect((await cadreA1.get(`/api/bulletins/${bulletin.id}`)).statusCode).toBe(403);
    expect((await cadreA1.get('/api/bulletins')).json().items).toEqual([]);
    expect((await handler.post(`/api/bulletins/${bulletin.id}/publish`, {})).statusCode).toBe(403);

    const published = await supervisor.post(`/api/bulletins/${bulletin.id}/publish`, { public: false });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ state: 'published', canManage: false });
    for (const reader of [cadreA1, handler]) {
      expect((await reader.get(`/api/bulletins/${bulletin.id}`)).statusCode).toBe(200);
      expect((await reader.get('/api/bulletins')).json().items.map((b: { id: string }) => b.id)).toEqual([bulletin.id]);
    }
    const notified = await ctx.database.db.selectFrom('outbox').select('recipientUserId').where('template', '=', 'notice.bulletin').execute();
    expect(notified.map((n) => n.recipientUserId)).toEqual(expect.arrayContaining([ctx.org.users.cadreA1, ctx.org.users.handler, ctx.org.users.head]));
    // In the notification centre the notice is of the kind 通报 and opens the bulletin.
    const mine = (await cadreA1.get('/api/notifications?kind=bulletin')).json().items;
    expect(mine[0]).toMatchObject({ kind: 'bulletin', target: { kind: 'bulletin', id: bulletin.id } });

    expect((await supervisor.post(`/api/bulletins/${bulletin.id}/publish`, {})).statusCode).toBe(409);
    expect((await supervisor.put(`/api/bulletins/${bulletin.id}/typical-cases`, { cases: [] })).statusCode).toBe(409);
    expect((await supervisor.post('/api/bulletins', { kind: 'monthly', period: '2026-03' })).statusCode).toBe(409);
    expect((await ctx.anonymous().get(`/api/public/bulletins/${bulletin.id}`)).statusCode).toBe(404);
  });

  it('publishes a public version with unit names and figures only', async () => {
    const weekly = await generate(supervisor, { kind: 'weekly', period: '2026-W10' });
    await supervisor.put(`/api/bulletins/${weekly.id}/typical-cases`, { cases: [{ caseId: caseIds[1], kind: 'bad', note: '' }] });
    expect((await supervisor.post(`/api/bulletins/${weekly.id}/publish`, { public: true })).statusCode).toBe(200);
    const list = (await ctx.anonymous().get('/api/public/bulletins')).json();
    expect(list.items.map((b: { id: string }) => b.id)).toEqual([weekly.id]);
    const open = await ctx.anonymous().get(`/api/public/bulletins/${weekly.id}`);
    expect(open.statusCode).toBe(200);
    expect(open.json().sections.map((s: { key: string }) => s.key)).toEqual(['ranking', 'resolution', 'overdue', 'supervision', 'accountability', 'service_centre']);
    expect(open.body).not.toContain('申请低保');
    expect(open.body).not.toContain('LX');
  });

  it('refuses wrong roles, areas out of reach and bad periods', async () => {
    expect((await handler.post('/api/bulletins', { kind: 'monthly', period: '2026-02' })).statusCode).toBe(403);
    const townSupervisor = await ctx.userWith([{ role: 'supervisor', unitId: ctx.org.units['u-townA'] }]);
    expect((await townSupervisor.post('/api/bulletins', { kind: 'monthly', period: '2026-02', areaCode: AREAS.county })).statusCode).toBe(403);
    expect((await townSupervisor.post('/api/bulletins', { kind: 'monthly', period: '2026-02' })).statusCode).toBe(201); // its township
    expect((await supervisor.post('/api/bulletins', { kind: 'monthly', period: '2026-13' })).statusCode).toBe(400);
    expect((await supervisor.post('/api/bulletins', { kind: 'monthly', period: '2026-W10' })).statusCode).toBe(400);
    expect((await supervisor.get('/api/bulletins/nope')).statusCode).toBe(404);
  });

  it('reports 督办 orders by the unit they were addressed to: issued, overdue, accepted', async () => {
    const order = (id: string, number: string, extra: Record<string, unknown>) => ({
      id,
      number,
      level: 'general',
      state: 'issued',
      unitId: ctx.org.units['u-civil'],
      areaCode: AREAS.townA,
      issuingUnitId: ctx.org.units['u-civil'],
      issuedBy: ctx.org.users.supervisor,
      issuedAt: '2026-01-27T02:00:00.000Z',
      reason: '超期未办结',
      responseDueAt: '2026-01-29T10:00:00.000Z',
      respondedLate: 0,
      returnCount: 0,
      ...extra,
    });
    await ctx.database.db
      .insertInto('supervisionOrders')
      .values([
        order('so-w05-1', '青溪督〔2026〕901号', { escalatedAt: '2026-01-29T10:01:00.000Z' }),
        order('so-w05-2', '青溪督〔2026〕902号', { state: 'accepted', respondedAt: '2026-01-28T02:00:00.000Z' }),
        // Issued the week after: not in this bulletin.
        order('so-w06-1', '青溪督〔2026〕903号', { issuedAt: '2026-02-03T02:00:00.000Z' }),
      ])
      .execute();
    const weekly = await generate(supervisor, { kind: 'weekly', period: '2026-W05' });
    const orders = section(weekly, 'supervision');
    expect(orders.title).toBe('督办落实情况');
    expect(orders.paragraphs[0]).toContain('督办单2件');
    expect(orders.tables[0]!.rows).toEqual([['青溪县民政局', 2, 1, 1]]);
  });

  it('the schedule drafts last month’s and last week’s bulletins once', async () => {
    ctx.clock.set(new Date('2026-04-02T02:00:00.000Z'));
    expect(await ctx.app.services.bulletins.generateDue()).toEqual({ generated: 1 }); // 2026-03 exists; 2026-W13 is new
    expect(await ctx.app.services.bulletins.generateDue()).toEqual({ generated: 0 });
    const drafts = await ctx.database.db.selectFrom('bulletins').select(['kind', 'periodKey', 'createdBy']).where('createdBy', 'is', null).execute();
    expect(drafts).toEqual([{ kind: 'weekly', periodKey: '2026-W13', createdBy: null }]);
  });
});
