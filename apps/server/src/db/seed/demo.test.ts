import { verify } from '@node-rs/argon2';
import { CASE_ACTIONS, CASE_KINDS, CASE_STATES, type CaseState, CHANNELS, findRiskWords, isValidIdNumber, replayTransitions, type TransitionRecord } from '@lianxin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../clock.js';
import { createCipher } from '../../security/cipher.js';
import { createTestDatabase } from '../../test/database.js';
import { migrateToLatest } from '../migrate.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoSummary, seedDemo } from './demo.js';
import { RISK_SENTENCES, TEMPLATES } from './demo/content.js';
import { TOWNSHIPS, userIdOf } from './demo/org.js';
import { createRng } from './demo/random.js';
import { createSlots } from './demo/slots.js';
import { ensureReferenceData } from './reference.js';

/**
 * The demo county seeded into a fresh database (SQLite, or PostgreSQL when DATABASE_URL is set).
 * The full demo has 1,200 cases; DEMO_TEST_CASES changes how many this test seeds (default: 1,200
 * on SQLite, 300 on PostgreSQL, where every transaction is a network round trip).
 */
const NOW = new Date('2026-11-20T02:00:00Z');
const CASE_COUNT = Number(process.env.DEMO_TEST_CASES ?? (process.env.DATABASE_URL ? 300 : 1200));
const cipher = createCipher(Buffer.alloc(32, 1));

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;
let database: TestDatabase;
let summary: DemoSummary;

async function seeded(caseCount: number, options: { jobs?: boolean } = {}) {
  const db = await createTestDatabase();
  await migrateToLatest(db.db, db.schema);
  await ensureReferenceData(db.db);
  const result = await seedDemo({ db: db.db, cipher, clock: createClock(NOW), caseCount, ...options });
  return { db, result };
}

beforeAll(async () => {
  ({ db: database, result: summary } = await seeded(CASE_COUNT));
}, 240_000);

afterAll(async () => {
  await database?.close();
});

describe('the demo county', () => {
  it('has 3+ townships and 12+ villages and communities, each with coordinates', async () => {
    const areas = await database.db.selectFrom('areas').selectAll().execute();
    expect(areas.filter((a) => a.level === 'township').length).toBeGreaterThanOrEqual(3);
    expect(areas.filter((a) => a.level === 'village').length).toBeGreaterThanOrEqual(12);
    expect(areas.filter((a) => a.level === 'grid').length).toBeGreaterThanOrEqual(2);
    for (const area of areas) {
      expect(area.lat, area.name).toBeGreaterThan(27);
      expect(area.lng, area.name).toBeGreaterThan(115);
    }
    expect(summary.areas).toBe(areas.length);
  });

  it('has the departments, every township government and village committee, and category defaults', async () => {
    const units = await database.db.selectFrom('units').selectAll().execute();
    const names = units.map((u) => u.name);
    for (const name of ['青溪县群众工作中心', '青溪县信访局', '青溪县民政局', '青溪县住房和城乡建设局', '国网青溪县供电公司', '青溪县自来水公司']) expect(names).toContain(name);
    const villages = TOWNSHIPS.flatMap((t) => t.villages);
    expect(units.filter((u) => u.kind === 'township')).toHaveLength(TOWNSHIPS.length);
    expect(units.filter((u) => u.kind === 'village')).toHaveLength(villages.length);
    const categories = await database.db.selectFrom('categories').selectAll().execute();
    expect(categories.filter((c) => c.defaultUnitId === null)).toEqual([]);
    const civil = units.find((u) => u.name === '青溪县民政局')!;
    expect(categories.find((c) => c.code === 'social.dibao')!.defaultUnitId).toBe(civil.id);
  });

  it('has every demo account with its role, and the shared password', async () => {
    const roles = await database.db.selectFrom('userRoles').innerJoin('units', 'units.id', 'userRoles.unitId').select(['userRoles.userId', 'userRoles.role', 'units.name']).execute();
    for (const account of DEMO_ACCOUNTS) {
      expect(roles, account.username).toContainEqual({ userId: userIdOf(account.username), role: account.role, name: account.unit });
    }
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role))).toEqual(new Set(['registrar', 'dispatcher', 'handler', 'unit_head', 'leader', 'supervisor', 'stationed_cadre', 'admin']));
    const users = await database.db.selectFrom('users').select(['username', 'passwordHash']).execute();
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
    expect(await verify(users[0].passwordHash, DEMO_PASSWORD)).toBe(true);
  });
});

describe('the demo cases', () => {
  it(`has ${CASE_COUNT} cases over the past six months, in every state, kind and channel`, async () => {
    const cases = await database.db.selectFrom('cases').select(['status', 'kind', 'channel', 'registeredAt', 'petitionClass']).execute();
    expect(cases).toHaveLength(CASE_COUNT);
    if (CASE_COUNT >= 1200) expect(cases.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(CASE_STATES));
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(CASE_KINDS));
    expect(new Set(cases.map((c) => c.channel))).toEqual(new Set(CHANNELS.filter((c) => c !== 'proactive'))); // proactive tasks come from alerts
    expect(new Set(cases.filter((c) => c.kind === 'petition').map((c) => c.petitionClass))).toEqual(new Set(['proposal', 'accusation', 'appeal']));
    const times = cases.map((c) => c.registeredAt).sort();
    expect(times[0] >= new Date(NOW.getTime() - 184 * 86_400_000).toISOString()).toBe(true);
    expect(times[times.length - 1] < NOW.toISOString()).toBe(true);
    expect(Object.values(summary.byState).reduce((a, b) => a + b, 0)).toBe(CASE_COUNT);
  });

  it('never happened after "now"', async () => {
    const late = await database.db.selectFrom('caseEvents').select('at').where('at', '>', NOW.toISOString()).execute();
    expect(late).toEqual([]);
  });

  it('has the special cases: collective, repeat, cross-level, risk, leaders, overdue, urgent', async () => {
    const c = await database.db
      .selectFrom('cases')
      .select((eb) => [
        eb.fn.sum<number>('flagCollective').as('collective'),
        eb.fn.sum<number>('flagRepeat').as('repeat'),
        eb.fn.sum<number>('flagCrossLevel').as('crossLevel'),
        eb.fn.sum<number>('flagRisk').as('risk'),
        eb.fn.count<number>('leaderUserId').as('leaders'),
        eb.fn.count<number>('requesterIdEnc').as('withId'),
        eb.fn.sum<number>('anonymous').as('anonymous'),
      ])
      .executeTakeFirstOrThrow();
    for (const [flag, n] of Object.entries(c)) expect(Number(n), flag).toBeGreaterThan(0);
    expect(Number(c.withId) / CASE_COUNT).toBeGreaterThan(0.15);
    expect(summary.overdue).toBeGreaterThan(0);
    const urgencies = await database.db.selectFrom('cases').select('urgency').distinct().execute();
    expect(urgencies.map((u) => u.urgency).sort()).toEqual(['critical', 'normal', 'urgent']);
    const people = await database.db.selectFrom('cases').select('peopleCount').where('flagCollective', '=', 1).execute();
    expect(people.every((p) => p.peopleCount >= 5)).toBe(true);
  });

  it('went through every kind of step: returns, co-units, extensions, call-backs, resident links, reviews', async () => {
    const actions = new Set((await database.db.selectFrom('caseEvents').select('action').distinct().execute()).map((e) => e.action));
    for (const action of ['register', ...CASE_ACTIONS, 'escalate']) {
      expect(actions, action).toContain(action);
    }
    const accountability = new Set((await database.db.selectFrom('accountabilityRecords').select('reason').distinct().execute()).map((r) => r.reason));
    expect(accountability).toEqual(new Set(['overdue', 'returned_without_reason', 'dissatisfied_twice', /* — supervision — */ 'supervision_overdue']));
    const merged = await database.db.selectFrom('cases').select(['id', 'duplicateOfId']).where('status', '=', 'merged').execute();
    expect(merged.every((m) => m.duplicateOfId !== null)).toBe(true);
  });

  it('has histories that replay to the stored state (a sample of 100 cases)', async () => {
    const all = await database.db.selectFrom('cases').select(['id', 'status', 'version']).orderBy('code').execute();
    const rng = createRng(7);
    const sample = rng.shuffle(all).slice(0, 100);
    for (const c of sample) {
      const events = await database.db.selectFrom('caseEvents').select(['action', 'fromStatus', 'toStatus', 'seq']).where('caseId', '=', c.id).orderBy('seq').execute();
      const records = events.map((e) => ({ action: e.action, fromState: e.fromStatus, toState: e.toStatus }) as TransitionRecord);
      expect(replayTransitions(records), c.id).toBe(c.status as CaseState);
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: c.version }, (_, i) => i + 1));
    }
  });

  it('stores requesters encrypted: no phone or ID number in clear in the cases table', async () => {
    const rows = await database.db.selectFrom('cases').selectAll().execute();
    let phones = 0;
    let ids = 0;
    // Ids (UUIDs) and ciphertexts may hold runs of digits by chance; every other text must not hold a phone.
    const isOpaque = (key: string) => key === 'id' || key.endsWith('Id') || key.endsWith('Enc') || key === 'requesterKey';
    for (const row of rows) {
      const clear = JSON.stringify(row);
      for (const [key, value] of Object.entries(row)) {
        if (typeof value === 'string' && !isOpaque(key)) expect(value, key).not.toMatch(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/);
      }
      if (row.requesterPhoneEnc) {
        const phone = cipher.decrypt(row.requesterPhoneEnc);
        expect(phone).toMatch(/^1[3-9]\d{9}$/);
        expect(clear).not.toContain(phone);
        phones++;
      }
      if (row.requesterIdEnc) {
        const id = cipher.decrypt(row.requesterIdEnc);
        expect(isValidIdNumber(id), id).toBe(true);
        expect(clear).not.toContain(id);
        ids++;
      }
    }
    expect(phones).toBeGreaterThan(CASE_COUNT * 0.8);
    expect(ids).toBeGreaterThan(0);
  });

  it('sent evaluation links that residents used, and delivered the SMS', async () => {
    const byLink = await database.db.selectFrom('cases').select('id').where('evaluationChannel', '=', 'link').execute();
    const byCall = await database.db.selectFrom('cases').select('id').where('evaluationChannel', '=', 'callback').execute();
    expect(byLink.length).toBeGreaterThan(0);
    expect(byCall.length).toBeGreaterThan(0);
    const pending = await database.db.selectFrom('outbox').select('id').where('channel', '=', 'sms').where('status', '=', 'pending').execute();
    expect(pending).toEqual([]);
  });
});

describe('the demo content', () => {
  it('carries extreme-risk words only where a resident adds a desperate sentence', () => {
    const villages = TOWNSHIPS.flatMap((township) => township.villages.map((village) => ({ village, township })));
    const rng = createRng(1);
    for (const template of TEMPLATES) {
      for (let i = 0; i < 20; i++) {
        const { village, township } = rng.pick(villages);
        const slots = createSlots(rng, { village, township, at: NOW.getTime(), peopleCount: 12 });
        const texts = [...template.titles, ...template.contents, ...template.replies, ...(template.partial ?? []), ...(template.answers ?? [])];
        const text = `${slots.fill(rng.pick(template.titles))} ${texts.map((t) => slots.fill(t)).join(' ')}`;
        expect(findRiskWords(text), `${template.key}: ${text}`).toEqual([]);
        expect(text, template.key).not.toMatch(/\{\w+\}/);
      }
    }
    for (const sentence of RISK_SENTENCES) expect(findRiskWords(sentence).length, sentence).toBeGreaterThan(0);
  });

  it('has a project with a consultation in progress and a finished one (issue 15)', async () => {
    const project = await database.db.selectFrom('projects').select(['id', 'name', 'drawnAt']).where('name', '=', '城郊片区安置房建设项目').executeTakeFirstOrThrow();
    expect(project.drawnAt).toBeTruthy();
    const consultations = await database.db.selectFrom('consultations').select(['title', 'decidedAt', 'opensOn', 'closesOn']).where('projectId', '=', project.id).execute();
    const today = new Date(NOW.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(consultations.filter((c) => c.decidedAt).length).toBeGreaterThanOrEqual(1);
    expect(consultations.filter((c) => !c.decidedAt && c.opensOn <= today && today <= c.closesOn).length).toBeGreaterThanOrEqual(1);
    const meetings = await database.db.selectFrom('consultationMeetings').innerJoin('consultations', 'consultations.id', 'consultationMeetings.consultationId').select('consultationMeetings.id').where('consultations.projectId', '=', project.id).execute();
    expect(meetings.length).toBeGreaterThanOrEqual(1);
  });

  it('is the same county for the same seed', async () => {
    // Every time to the millisecond: the seed's clock stands still at each instant it sets.
    const snapshot = async (db: TestDatabase) =>
      db.db.selectFrom('cases').select(['code', 'title', 'status', 'areaCode', 'kind', 'channel', 'registeredAt', 'currentDueAt', 'closedAt']).orderBy('code').execute();
    const one = await seeded(60, { jobs: false });
    const two = await seeded(60, { jobs: false });
    try {
      const a = await snapshot(one.db);
      expect(a).toHaveLength(60);
      expect(await snapshot(two.db)).toEqual(a);
    } finally {
      for (const { db } of [one, two]) await db.close();
    }
  }, 120_000);
});
