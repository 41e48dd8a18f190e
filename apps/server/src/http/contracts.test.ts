import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API, type Endpoint } from '@lianxin/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createClock } from '../clock.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemo } from '../db/seed/demo.js';
import { userIdOf } from '../db/seed/demo/org.js';
import { ensureReferenceData } from '../db/seed/reference.js';
import { createCipher } from '../security/cipher.js';
import { type Client, clientOf, signInClient } from '../test/context.js';
import { createTestDatabase } from '../test/database.js';

/**
 * Every presenter against its contract, strictly, on the demo county: each JSON GET operation of
 * the API table is called as each demo role, on an app that refuses (500) an answer with a field
 * its response schema does not declare or a value it does not allow. So a presenter that drifts
 * from its contract fails here even where no route test reads that field. Writes are proven the
 * same way by the route tests, which all run with strict responses.
 */

const NOW = new Date('2026-11-20T02:00:00Z');
const CASES = process.env.DATABASE_URL ? 150 : 300;
const USERS = ['admin', 'dispatcher', 'registrar', 'handler', 'unithead', 'leader', 'supervisor', 'cadre', 'dongmen', 'chengguan', /* — duty — the head of the unit with the demo's leave */ 'zhujian.head'];

/** Operations no demo role can answer with a 2xx without a secret a resident holds (a link token). */
const NEEDS_RESIDENT_SECRET = new Set(['GET /api/public/track/:token', 'GET /api/public/evaluations/:token', /* — projects — the household's booking code */ 'GET /api/public/projects/:id/booking', /* — service centre — the resident's link */ 'GET /api/public/service-evaluations/:token', /* — consultations — a test hook: the code sent to a phone */ 'GET /api/test/sms-code']);

/** Queries an operation needs beyond its defaults (required filters). */
const QUERIES: Record<string, Record<string, string>> = {
  'GET /api/stationing/report': { from: '2026-10-05', to: '2026-11-15' },
  'GET /api/diary': { week: '2026-W46' },
  'GET /api/search/cases': { q: '路灯' },
  'GET /api/map/cases': { bbox: '115,27,117,29', zoom: '12' },
  'GET /api/map/households': { bbox: '115,27,117,29', zoom: '12' },
  'GET /api/staff': {},
  'GET /api/calendar': { year: '2026' },
  'GET /api/cases/by-requester': { phone: '13907981234' },
  'GET /api/office-days/sessions': { from: '2026-10-01', to: '2026-11-30' },
  // — duty, leave and attendance — (`@table.column` is read from the demo data: the first value)
  'GET /api/duty/roster': { unitId: '@dutyShifts.unitId', from: '2026-11-16' },
  'GET /api/duty/swaps': { unitId: '@dutyShifts.unitId' },
  'GET /api/attendance': { unitId: '@dutyShifts.unitId', month: '2026-11' },
  // — evaluation —
  'GET /api/training/sessions': { year: '2026' },
  'GET /api/training/hours': { year: '2026' },
  // — consultations — the visit form's open surveys for a household
  'GET /api/surveys/pending': { householdId: '@households.id' },
};

let database: Database;
let app: FastifyInstance;
let dataDir: string;
const clients = new Map<string, Client>();

beforeAll(async () => {
  database = await createTestDatabase();
  await migrateToLatest(database.db, database.schema);
  await ensureReferenceData(database.db);
  const cipher = createCipher(Buffer.alloc(32, 3));
  const clock = createClock(NOW, { frozen: true });
  await seedDemo({ db: database.db, cipher, clock, caseCount: CASES, jobs: true });
  await raiseAlert();
  dataDir = mkdtempSync(join(tmpdir(), 'lianxin-contracts-'));
  const config = { ...loadConfig({}), dataDir, publicBaseUrl: 'http://lianxin.test', runJobs: false, enableTestHooks: true };
  app = await buildApp({ database, config, cipher, clock, strictResponses: true });
  await app.ready();
  for (const user of USERS) clients.set(user, await signInClient(app, database, clock, userIdOf(user)));
  clients.set('resident', clientOf(app, null, null, null));
}, 240_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** One hotspot alert over five cases of a village (the demo's scan finds none in so few cases). */
async function raiseAlert() {
  const cases = await database.db.selectFrom('cases').select(['id', 'areaCode']).where('areaCode', 'like', '369901%').orderBy('registeredAt', 'desc').limit(5).execute();
  const at = NOW.toISOString();
  await database.db
    .insertInto('alerts')
    .values({
      id: randomUUID(),
      kind: 'hotspot',
      areaCode: cases[0].areaCode,
      title: '同一村近7日5件相似诉求',
      summary: '路灯不亮',
      caseIds: JSON.stringify(cases.map((c) => c.id)),
      caseCount: cases.length,
      windowStart: new Date(NOW.getTime() - 7 * 86_400_000).toISOString(),
      windowEnd: at,
      status: 'open',
      statusNote: null,
      taskCaseId: null,
      createdAt: at,
      updatedAt: at,
      fingerprint: 'contract-test',
    })
    .execute();
}

/** A real value for each path parameter, read from the demo data by the path it stands in. */
async function sampleParams(path: string): Promise<Record<string, string> | null> {
  const db = database.db;
  const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
  const out: Record<string, string> = {};
  const first = async (table: string, column = 'id', where?: [string, string]) => {
    let q = db.selectFrom(table as 'cases').select(`${column} as v` as 'id');
    if (where) q = q.where(where[0] as 'id', '=', where[1]);
    const row = (await q.orderBy(column as 'id').limit(1).executeTakeFirst()) as { v?: unknown } | undefined;
    return row?.v == null ? null : String(row.v);
  };
  const tableBySegment: Record<string, string> = {
    cases: 'cases',
    alerts: 'alerts',
    households: 'households',
    visits: 'visits',
    campaigns: 'campaigns',
    policies: 'policies',
    units: 'units',
    users: 'users',
    assignments: 'stationingAssignments',
    appointments: 'receptionAppointments',
    notifications: 'outbox',
    outbox: 'outbox',
    attachments: 'attachments',
    'time-limit-rules': 'timeLimitRules',
    // — supervision —
    orders: 'supervisionOrders',
    'hard-case-meetings': 'hardCaseMeetings', // — hard-cases —
    bulletins: 'bulletins',
    // — duty, leave and attendance —
    leave: 'leaves',
    // — evaluation —
    cycles: 'evalCycles',
    evaluation: 'evalCycles',
    awards: 'awards',
    pairs: 'mentorPairs',
    cadres: 'users',
    // — projects —
    projects: 'projects',
    // — consultations —
    consultations: 'consultations',
    surveys: 'surveys',
    // — service centre —
    'service-applications': 'serviceApplications',
    'service-meetings': 'serviceMeetings',
  };
  for (const name of names) {
    const before = path.slice(0, path.indexOf(`:${name}`)).split('/').filter(Boolean);
    const segment = before.at(-1) ?? '';
    let value: string | null = null;
    if (name === 'code') value = segment === 'categories' || segment === 'keywords' ? await first('categories', 'code') : segment === 'tags' ? await first('tags', 'code') : segment === 'service-items' ? await first('serviceItems', 'code') : '369901000000';
    else if (name === 'date') value = '2026-10-01';
    else if (name === 'memberId') value = await first('householdMembers', 'id', ['householdId', out.id]);
    else if (name === 'meetingId') {
      // — consultations — a meeting of the consultation in the path (the first one that has meetings)
      const m = await database.db.selectFrom('consultationMeetings').select(['id', 'consultationId']).orderBy('id').limit(1).executeTakeFirst();
      if (m && out.id) out.id = m.consultationId;
      value = m?.id ?? null;
    } else if (name === 'problemId') value = await first('visitProblems', 'id', ['visitId', out.id]);
    else if (segment === 'members' && name === 'userId') value = await first('evalMembers', 'userId', ['cycleId', out.id]); // — evaluation —
    else if (segment === 'sessions') value = await first(path.includes('office-days') ? 'officeDaySessions' : 'receptionSessions');
    else if (segment === 'reception-sessions') value = await first('receptionSessions');
    // The portal shows published policies only; a standard answer there is rightly not found.
    else if (segment === 'policies' && path.includes('/public/')) value = await first('policies', 'id', ['kind', 'policy']);
    else if (tableBySegment[segment]) value = await first(tableBySegment[segment]);
    if (value === null) return null;
    out[name] = value;
  }
  return out;
}

/** A query with each `@table.column` value replaced by that column's first value in the demo data. */
async function sampleQuery(query: Record<string, string>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    const [table, column] = value.startsWith('@') ? value.slice(1).split('.') : [];
    const row = table ? ((await database.db.selectFrom(table as 'cases').select(`${column} as v` as 'id').orderBy(column as 'id').limit(1).executeTakeFirst()) as { v?: unknown } | undefined) : undefined;
    out[name] = table ? String(row?.v ?? '') : value;
  }
  return out;
}

const jsonGets = Object.entries(API as Record<string, Endpoint>)
  .filter(([key, endpoint]) => key.startsWith('GET ') && 'response' in endpoint)
  .map(([key]) => key);

describe('every JSON answer on the demo county matches its contract', () => {
  it('covers the API table', () => {
    expect(jsonGets.length).toBeGreaterThan(60);
    expect(Object.keys(QUERIES).filter((key) => !jsonGets.includes(key))).toEqual([]);
  });

  it.each(jsonGets)('%s', async (key) => {
    const path = key.slice(4);
    const params = await sampleParams(path);
    if (!params) {
      expect(NEEDS_RESIDENT_SECRET.has(key), `no demo data to fill ${path}`).toBe(true);
      return;
    }
    const url = path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name])) + (QUERIES[key] ? `?${new URLSearchParams(await sampleQuery(QUERIES[key]))}` : '');
    // The portal's per-address read limit counts every public call of this file (one address, a frozen clock).
    await database.db.deleteFrom('rateLimits').execute();
    const statuses: Record<string, number> = {};
    for (const [who, client] of clients) {
      const response = await client.get(url);
      statuses[who] = response.statusCode;
      expect(response.statusCode, `${who} ${url}: ${response.body.slice(0, 400)}`).toBeLessThan(500);
    }
    if (!NEEDS_RESIDENT_SECRET.has(key)) expect(Object.values(statuses).some((s) => s >= 200 && s < 300), `no role got an answer from ${url}: ${JSON.stringify(statuses)}`).toBe(true);
  });
});
