import { ACTIVE_STATES } from '@lianxin/core';
import { type Kysely, PostgresAdapter } from 'kysely';
import { type Clock, createClock } from '../../clock.js';
import { loadConfig } from '../../config.js';
import { hashPassword } from '../../security/password.js';
import { subtreeRange } from '@lianxin/core';
import type { Cipher } from '../../security/cipher.js';
import { createServices } from '../../services.js';
import type { DB } from '../schema.js';
import { seedCases } from './demo/cases.js';
import { DEMO_AREA_CODES, DEMO_PASSWORD, insertOrg } from './demo/org.js';
import { seedDemoHouseholds } from './demo/households.js';
import { seedDemoFieldWork } from './demo/field-work.js';
import { seedDemoPolicies } from './demo/policies.js';
import { seedDemoBulletins } from './demo/bulletins.js';
import { seedDemoPortal } from './demo/portal.js';
import { seedDemoHardCases } from './demo/hard-cases.js'; // — hard-cases —
import { DAY } from './demo/timing.js';
import { ensureReferenceData } from './reference.js';

// — supervision —
import { seedDemoSupervision } from './demo/supervision.js';
// — duty, leave and attendance —
import { seedDemoDuty } from './demo/duty.js';
// — evaluation —
import { seedDemoEvaluation } from './demo/evaluation.js';
import { seedDemoEvaluationCycles } from './demo/evaluation-cycles.js';
// — projects —
import { seedDemoProjects } from './demo/projects.js';
import { seedDemoConsultations } from './demo/consultations.js'; // — consultations —
// — service centre —
import { seedDemoServiceCentre } from './demo/service-centre.js';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_USERS } from './demo/org.js';

export interface SeedDemoOptions {
  db: Kysely<DB>;
  cipher: Cipher;
  /** "Now": the cases fill the six months before it. */
  clock: Clock;
  /** Number of cases (default 1,200; at least 36, so that every state shows). */
  caseCount?: number;
  /** PRNG seed: the same seed gives the same county, people and cases (default 20261121). */
  seed?: number;
  /** How far back the cases go, in days (default 183). */
  days?: number;
  /** Run the time-limit sweep and SMS delivery along the simulated months (default true). */
  jobs?: boolean;
  log?: (message: string) => void;
}

export interface DemoSummary {
  areas: number;
  units: number;
  users: number;
  cases: number;
  byState: Record<string, number>;
  overdue: number;
  events: number;
  seconds: number;
}

/**
 * Seeds the demo county 青溪县: areas, units, one account per role and more (see DEMO_ACCOUNTS,
 * password DEMO_PASSWORD), category → department defaults, and six months of cases in every
 * state, all driven through the cases service on a clock that travels from six months ago to now.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const { db, cipher } = options;
  const end = options.clock.now().getTime();
  const days = options.days ?? 183;
  if (await db.selectFrom('areas').select('code').where('code', '=', DEMO_AREA_CODES.county).executeTakeFirst()) {
    throw new Error(`the demo county 青溪县 (${DEMO_AREA_CODES.county}) is already in this database`);
  }
  await ensureReferenceData(db);

  // One argon2id hash for every demo account (hashing is deliberately slow).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const org = await insertOrg(db, passwordHash, new Date(end - (days + 7) * DAY).toISOString());

  // Frozen: every step happens exactly at the instant the seed sets, so a seed gives the same county every time.
  const clock = createClock(new Date(end), { frozen: true });
  const dialect = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  const services = createServices({ database: { db, reads: db, dialect, close: async () => {} }, config: loadConfig(), cipher, clock });
  const seeded = await seedCases({
    services,
    clock,
    caseCount: options.caseCount ?? 1200,
    seed: options.seed ?? 20261121,
    end,
    days,
    jobs: options.jobs,
    log: options.log,
  });
  clock.set(new Date(end));
  await services.audit.append({ actorUserId: null, action: 'seed_demo', subjectType: 'system', subjectId: 'demo', detail: { cases: seeded.cases, steps: seeded.steps } });

  // Staff have read the notices of past days; only the recent ones stay unread.
  await db
    .updateTable('outbox')
    .set({ status: 'read' })
    .where('channel', '=', 'internal')
    .where('status', '=', 'pending')
    .where('createdAt', '<', new Date(end - 3 * DAY).toISOString())
    .execute();

  const [lo, hi] = subtreeRange(DEMO_AREA_CODES.county);
  const inCounty = db.selectFrom('cases').where('areaCode', '>=', lo).where('areaCode', '<', hi);
  const byStateRows = await inCounty.select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').orderBy('status').execute();
  const byState = Object.fromEntries(byStateRows.map((r) => [r.status, Number(r.n)]));
  const nowIso = new Date(end).toISOString();
  const overdue = await inCounty
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ACTIVE_STATES)
    .where('currentDueAt', '<', nowIso)
    .executeTakeFirstOrThrow();
  const events = await db
    .selectFrom('caseEvents')
    .innerJoin('cases', 'cases.id', 'caseEvents.caseId')
    .where('cases.areaCode', '>=', lo)
    .where('cases.areaCode', '<', hi)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  await seedDemoPolicies({ db, audit: services.audit, clock });
  await seedDemoHouseholds({ db, cipher, now: new Date(end), seed: options.seed ?? 20261121 });
  // Field work needs the households: visits, stationing, office days, reception days, the 三送 campaign.
  await seedDemoFieldWork({ db, cipher, now: new Date(end), seed: options.seed ?? 20261121 });
  // The residents' portal: cadres' work phones for the contact cards, a few submissions from phones.
  await seedDemoPortal(services);
  // — supervision — orders, urges and an instruction on a few overdue cases.
  await seedDemoSupervision(services, clock, end);
  // — hard-cases — one joint review held a week ago, with a task force at work.
  // Its decisions are recorded half an hour before now, so no step lands after the demo's "now".
  clock.set(new Date(end - 30 * 60_000));
  await seedDemoHardCases(services);
  clock.set(new Date(end));
  // — accountability decisions and a published bulletin —
  await seedDemoBulletins(services, new Date(end));
  // — duty, leave and attendance — the centre's and 民政局's rosters, an approved leave.
  await seedDemoDuty(services, end);
  // — evaluation — the organisation department, awards, mentoring and training
  await seedDemoEvaluation(db, passwordHash, new Date(end));
  await seedDemoEvaluationCycles(services, end);
  // — projects — a resettlement project with disclosures, flats, a finished lottery and the first choices.
  await seedDemoProjects(services, end);
  // — consultations — a finished consultation, one in progress and a needs survey in 城关镇.
  await seedDemoConsultations(services, clock, end);
  clock.set(new Date(end));
  // — service centre — the catalogue and applications in every state, taken by the village proxies.
  await seedDemoServiceCentre(services, clock, end);
  return {
    ...org,
    cases: seeded.cases,
    byState,
    overdue: Number(overdue.n),
    events: Number(events.n),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
