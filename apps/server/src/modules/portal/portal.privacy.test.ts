import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createClock } from '../../clock.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { DEMO_USERS, seedDemo } from '../../db/seed/demo.js';
import { TOWNSHIPS, unitIdOfVillage, userIdOf } from '../../db/seed/demo/org.js';
import { ensureReferenceData } from '../../db/seed/reference.js';
import { createCipher } from '../../security/cipher.js';
import { allPowerful } from '../../test/case-driver.js';
import { type Client, clientOf, signInClient, suiteContext } from '../../test/context.js';
import { createTestDatabase } from '../../test/database.js';
import { caseInput } from '../../test/fixtures.js';
import { caseIdOf, freshIp, nextPhone, submit } from './portal.test-support.js';

/**
 * Proves that no phone number, ID number or name reaches any public response: cases carrying known
 * personal data (in the requester fields, in the resident's text, in staff replies and reasons)
 * go through every public path, then every /api/public endpoint is crawled.
 */

const PEOPLE = [
  { name: '张秀英', given: '秀英', phone: '13907981234', id: '11010519491231002X' },
  { name: '欧阳明远', given: '明远', phone: '15870795566', id: '360102198503150018' },
];
const STAFF_NAMES = ['李派单', '赵承办', '钱局长', '临时用户'];

/** Every spelling of the secrets a response must not contain. */
function forbiddenStrings(): string[] {
  const out: string[] = [...STAFF_NAMES];
  for (const p of PEOPLE) {
    const ph = p.phone;
    out.push(p.name, p.given, ph, `${ph.slice(0, 3)} ${ph.slice(3, 7)} ${ph.slice(7)}`, `${ph.slice(0, 3)}-${ph.slice(3, 7)}-${ph.slice(7)}`, ph.slice(3), p.id, p.id.toLowerCase(), p.id.slice(0, 17), p.id.slice(6, 14));
  }
  return out;
}

const { ctx, staff } = suiteContext({ staff: allPowerful });
const tokens: string[] = [];
const codes: Array<{ code: string; secret: string }> = [];

beforeAll(async () => {
  for (const [i, p] of PEOPLE.entries()) {
    const other = PEOPLE[1 - i];
    const { code, accessToken, secret } = await submit(ctx, {
      name: p.name,
      phone: p.phone,
      address: `解放路${12 + i}号3栋2单元301室`,
      lat: 27.912345,
      lng: 116.312345,
      description: `我是${p.name}，身份证${p.id}，电话${p.phone.slice(0, 3)} ${p.phone.slice(3, 7)} ${p.phone.slice(7)}，住解放路${12 + i}号。邻居${other.name}也知道，${p.given}家门口路灯坏了。`,
    });
    tokens.push(accessToken);
    codes.push({ code, secret });
    const id = await caseIdOf(ctx, code);
    const post = async (path: string, body: unknown) => {
      const response = await staff.post(`/api/cases/${id}/${path}`, body);
      expect(response.statusCode, `${path} ${response.body}`).toBe(200);
      return response.json();
    };
    await post('dispatch', { unitId: ctx.org.units['u-civil'] });
    await post('accept', {});
    if (i === 0) {
      await post('extensions', { days: 5, reason: `需约${p.name}（${p.phone}）现场核实` });
      const ext = (await staff.get(`/api/cases/${id}`)).json().extensions[0].id;
      await post('extensions/approve', { extensionId: ext });
    }
    await post('reply', { reply: `${p.name}您好：承办人赵承办已联系您（${p.phone}），身份证${p.id}核对无误，路灯已修复。`, solved: true });
  }
  // A case registered by staff, with an ID number in the requester fields, refused with a reason naming the person.
  const refused = await staff.post('/api/cases', caseInput({ channel: 'visit', publicConsent: true, requester: { name: PEOPLE[0].name, phone: PEOPLE[0].phone, idNumber: PEOPLE[0].id }, content: `来访人${PEOPLE[0].name}反映邻里纠纷。` }));
  expect(refused.statusCode, refused.body).toBe(201);
  await staff.post(`/api/cases/${refused.json().id}/not-accept`, { reason: `${PEOPLE[0].name}所诉事项已由法院受理` });
});

/**
 * Public pages with parameters whose data only their own module creates: each module's route test
 * fills them with a name, phone or ID typed where a resident could see it, and proves it masked.
 */
const PROVEN_BY_THEIR_MODULE: Record<string, string> = {
  '/api/public/evaluation/{id}': 'evaluation/evaluation.test.ts (the survey names cadres only)',
  '/api/public/projects/{id}': 'projects/projects.test.ts (a phone and a name typed into a disclosure are masked)',
  '/api/public/projects/{id}/board': 'projects/projects.test.ts (masked names, no addresses)',
  '/api/public/projects/{id}/booking': 'projects/projects.test.ts (by the household’s booking code)',
  '/api/public/villages/{code}': 'projects/projects.test.ts',
  '/api/public/consultations/{id}': 'consultations/consultations.test.ts (opinions and minutes through the redactor, no phones)',
  '/api/public/surveys/{id}': 'consultations/surveys.test.ts',
  '/api/public/meetings/{meetingId}': 'consultations/consultations.door.test.ts (the meeting only, no attendee)',
  '/api/public/service-items/{code}': 'service-centre/service-centre.catalogue.test.ts (a service, no person)',
  '/api/public/service-items/{code}/qr.png': 'service-centre/service-centre.catalogue.test.ts (an image of the page’s address)',
  '/api/public/service-evaluations/{token}': 'service-centre/service-centre.lifecycle.test.ts (the resident’s own link)',
};

describe('no personal data in public responses', () => {
  it('crawls every public endpoint and finds no name, phone or ID number in any form', async () => {
    const resident = ctx.anonymous();
    const bodies: Array<[string, string]> = [];
    const get = async (url: string) => {
      const response = await resident.get(url, freshIp());
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      bodies.push([url, response.body]);
      return response.json();
    };
    const post = async (url: string, body: unknown, status = 200) => {
      const response = await resident.post(url, body, freshIp());
      expect(response.statusCode, `${url}: ${response.body}`).toBe(status);
      bodies.push([url, response.body]);
      return response.json();
    };

    await get('/api/public/options');
    await get('/api/public/areas');
    await get(`/api/public/areas?parentCode=${ctx.org.areas.townA}`);
    let cursor: string | null = null;
    let boardItems = 0;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = await get(`/api/public/board?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      boardItems += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(boardItems).toBe(3); // both portal cases and the refused one
    await get(`/api/public/board?month=2026-03&areaCode=${ctx.org.areas.villageA1}`);
    expect((await get('/api/public/board/map')).points.length).toBe(2);
    await get('/api/public/metrics?month=2026-03');
    await get('/api/public/policies');
    for (const token of tokens) {
      const tracked = await get(`/api/public/track/${token}`);
      expect(tracked.reply.text).toContain('路灯已修复');
      if (tracked.evaluationToken) await get(`/api/public/evaluations/${tracked.evaluationToken}`);
    }
    for (const { code, secret } of codes) await post('/api/public/track', { code, secret });
    await post('/api/public/track/otp', { code: codes[0].code, phone: PEOPLE[0].phone }, 202);

    const policy = await (await ctx.as('admin')).post('/api/admin/policies', { kind: 'policy', title: '路灯维护管理办法', body: '路灯由住建部门维护。' });
    await get(`/api/public/policies/${policy.json().id}`);

    // — public bulletins —: published with a typical case whose requester is named; the public version leaves it out.
    const supervisor = await ctx.as('supervisor');
    const bulletin = (await supervisor.post('/api/bulletins', { kind: 'monthly', period: '2026-03', minCases: 1 })).json();
    await supervisor.put(`/api/bulletins/${bulletin.id}/typical-cases`, { cases: [{ caseId: (await ctx.database.db.selectFrom('cases').select('id').where('status', '=', 'not_accepted').executeTakeFirstOrThrow()).id, kind: 'bad', note: `${PEOPLE[0].name}反映的问题` }] });
    expect((await supervisor.post(`/api/bulletins/${bulletin.id}/publish`, { public: true })).statusCode).toBe(200);
    await get(`/api/public/bulletins/${bulletin.id}`);

    // Every documented public GET is visited: those without parameters by the crawler itself (so
    // endpoints added later by other modules are covered), those with parameters above.
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const publicGets = Object.keys(doc.paths).filter((p) => p.startsWith('/api/public/') && doc.paths[p].get);
    const pathOf = (url: string) =>
      url
        .split('?')[0]
        .replace(/\/track\/(?!otp$|verify$)[^/]+$/, '/track/{token}')
        .replace(/\/evaluations\/[^/]+$/, '/evaluations/{token}')
        .replace(/\/policies\/[0-9a-f-]{36}$/, '/policies/{id}')
        .replace(/\/bulletins\/[0-9a-f-]{36}$/, '/bulletins/{id}');
    for (const path of publicGets) if (!path.includes('{') && !bodies.some(([url]) => pathOf(url) === path)) await get(path);
    const visited = new Set(bodies.map(([url]) => pathOf(url)));
    expect(publicGets.filter((p) => !visited.has(p) && !(p in PROVEN_BY_THEIR_MODULE)), [...visited].join(' ')).toEqual([]);

    const forbidden = forbiddenStrings();
    for (const [url, body] of bodies) {
      const text = JSON.parse(JSON.stringify(body)) as string;
      const digitsJoined = text.replace(/(\d)[\s-]+(?=\d)/g, '$1');
      for (const secret of forbidden) {
        expect(text.includes(secret), `${url} leaks "${secret}"`).toBe(false);
        expect(digitsJoined.includes(secret), `${url} leaks "${secret}" (spaced)`).toBe(false);
      }
    }
    // The anonymised texts are still useful: the matter and the answer survive.
    expect(bodies.map(([, b]) => b).join('\n')).toContain('路灯坏了');
  });
});

/**
 * The public board of the demo county (issue 12, finding 6): village cadres thanked by name in
 * praise texts — with 网格员 before the name as the demo writes it, and bare (王秀兰和许艳冒雨…) —
 * staff who never touched the case, residents of the household registry: none of their names
 * reaches the board, and the texts stay readable (no 小某某, no 值某医生).
 */
describe('the demo county public board', () => {
  const NOW = new Date('2026-11-20T02:00:00Z');
  const cipher = createCipher(Buffer.alloc(32, 3));
  const clock = createClock(NOW, { frozen: true });
  const dongmen = TOWNSHIPS[1].villages[0];
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let neighbour: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateToLatest(database.db, database.schema);
    await ensureReferenceData(database.db);
    await seedDemo({ db: database.db, cipher, clock: createClock(NOW), caseCount: Number(process.env.DEMO_BOARD_CASES ?? 400), jobs: false });
    const config = { ...loadConfig({}), dataDir: '/nonexistent', publicBaseUrl: 'http://lianxin.test', runJobs: false };
    app = await buildApp({ database, config, cipher, clock, strictResponses: true });
    await app.ready();
    // A resident of the registry, named by a neighbour with no sign that a name follows.
    const members = await database.db.selectFrom('householdMembers').select('nameEnc').limit(50).execute();
    neighbour = members.map((m) => cipher.decrypt(m.nameEnc)).find((n) => n.length === 3)!;
    const dispatcher: Client = await signInClient(app, database, clock, userIdOf('dispatcher'));
    const resident = clientOf(app, null, null, null);
    const praise = [
      '感谢王秀兰和许艳冒雨把我家老人送到医院，一两个小时就办好了住院手续。',
      '邓水生帮我们组修好了水泵，曾火根也来看过两次，江涛和梁静帮我们调解了纠纷。',
      `邻居${neighbour}家的老人摔伤了，同一个小区的值班医生很快就赶到了，东门小区6栋的邻居都来帮忙。`,
    ];
    for (const [i, description] of praise.entries()) {
      const submitted = await resident.post(
        '/api/public/cases',
        { kind: i < 2 ? 'praise' : 'help', categoryCode: i < 2 ? 'conduct.attitude' : 'social.elderly', description, areaCode: dongmen.code, name: '方晓红', phone: nextPhone(), publicConsent: true },
        freshIp(),
      );
      expect(submitted.statusCode, submitted.body).toBe(201);
      const id = (await database.db.selectFrom('cases').select('id').where('code', '=', submitted.json().code).executeTakeFirstOrThrow()).id;
      const dispatched = await dispatcher.post(`/api/cases/${id}/dispatch`, { unitId: unitIdOfVillage(dongmen.code) });
      expect(dispatched.statusCode, dispatched.body).toBe(200);
    }
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('names no staff member and no registered resident, cadres praised by name included', async () => {
    const cadres = DEMO_USERS.map((u) => u.name);
    // The stored praise texts do name cadres (the test would prove nothing otherwise).
    const praised = await database.db.selectFrom('cases').select(['content']).where('kind', '=', 'praise').where('publicConsent', '=', 1).execute();
    expect(praised.filter((c) => cadres.some((n) => c.content.includes(n))).length).toBeGreaterThan(2);
    const residents = (await database.db.selectFrom('householdMembers').select('nameEnc').execute()).map((m) => cipher.decrypt(m.nameEnc)).filter((n) => n.length >= 3);
    expect(residents.length).toBeGreaterThan(100);

    const resident = clientOf(app, null, null, null);
    const texts: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await resident.get(`/api/public/board?limit=50${cursor ? `&cursor=${cursor}` : ''}`, freshIp());
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as { items: Array<{ title: string; content: string; reply: string | null }>; nextCursor: string | null };
      for (const item of page.items) texts.push(item.title, item.content, item.reply ?? '');
      cursor = page.nextCursor;
    } while (cursor);
    const board = texts.join('\n');
    expect(board).toContain('网格员某某');
    expect(board).toContain('感谢某某和某某冒雨把我家老人送到医院，一两个小时就办好了住院手续。');
    expect(board).toContain('同一个小区的值班医生很快就赶到了，东门小区6栋的邻居都来帮忙。');
    for (const name of cadres) expect(board.includes(name), `the board names ${name}`).toBe(false);
    for (const name of new Set(residents)) expect(board.includes(name), `the board names ${name}`).toBe(false);
    expect(board).not.toMatch(/小某某|值某医生|某某时|[一两三]个某某/);
  });
});
