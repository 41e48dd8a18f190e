import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { createDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { ensureReferenceData } from '../db/seed/reference.js';
import { PORTAL_LIMITS } from '../modules/portal/portal.limits.js';
import { submission } from '../modules/portal/portal.test-support.js';
import { createCipher } from '../security/cipher.js';
import { clientOf, REMOTE_ADDRESS, type TestContext, TEST_START } from '../test/context.js';
import { createTestDatabase } from '../test/database.js';
import { createFixtureOrg, FIXTURE_PASSWORD, type FixtureOrg } from '../test/fixtures.js';
import { createRateLimiter } from './rate-limit-store.js';

/**
 * Two server processes over one database: each app here has its own connection (a second handle
 * on the same SQLite file, or a second pool on the same PostgreSQL schema), as two processes would.
 */
const clock = createClock(TEST_START, { frozen: true });
const cipher = createCipher(Buffer.alloc(32, 9));
const dataDir = mkdtempSync(join(tmpdir(), 'lianxin-limits-'));
let first: Database;
let second: Database;
let apps: FastifyInstance[] = [];
let org: FixtureOrg;

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    first = await createTestDatabase();
    second = createDatabase({ url: process.env.DATABASE_URL, schema: first.schema, poolSize: 4 });
  } else {
    const file = join(dataDir, 'shared.sqlite');
    first = createDatabase({ url: file });
    second = createDatabase({ url: file });
  }
  await migrateToLatest(first.db, first.schema);
  await ensureReferenceData(first.db);
  org = await createFixtureOrg(first.db, clock.now());
  const config = { ...loadConfig({}), dataDir, publicBaseUrl: 'http://lianxin.test', runJobs: false };
  apps = await Promise.all([first, second].map((database) => buildApp({ database, config, cipher, clock, strictResponses: true })));
  await Promise.all(apps.map((app) => app.ready()));
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await second.close();
  await first.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const limiterOn = (database: Database) => createRateLimiter({ db: database.db, cipher, clock });

describe('rate limits shared through the database', () => {
  it('refuses the 11th submission from one address spread over two apps', async () => {
    const from = { [REMOTE_ADDRESS]: '203.0.113.41' };
    // `submission` only reads the fixture areas from the context.
    const ctx = { org } as TestContext;
    const statuses: number[] = [];
    for (let i = 0; i <= PORTAL_LIMITS.submitPerIp.max; i++) {
      const app = apps[i % 2];
      statuses.push((await clientOf(app, null, null, null).post('/api/public/cases', submission(ctx), from)).statusCode);
    }
    expect(statuses).toEqual([...Array(PORTAL_LIMITS.submitPerIp.max).fill(201), 429]);
    expect((await clientOf(apps[0], null, null, null).post('/api/public/cases', submission(ctx), from)).statusCode).toBe(429);
  });

  it('refuses the 11th sign-in of one address and user name spread over two apps (a route’s own limit)', async () => {
    const { username } = await first.db.selectFrom('users').select('username').where('id', '=', org.users.registrar).executeTakeFirstOrThrow();
    const from = { [REMOTE_ADDRESS]: '203.0.113.42' };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await clientOf(apps[i % 2], null, null, null).post('/api/auth/login', { username, password: FIXTURE_PASSWORD }, from)).statusCode);
    }
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    // Another address is not affected.
    expect((await clientOf(apps[1], null, null, null).post('/api/auth/login', { username, password: FIXTURE_PASSWORD }, { [REMOTE_ADDRESS]: '203.0.113.43' })).statusCode).toBe(200);
  });

  it('loses no count when two processes count at once', async () => {
    const limiters = [limiterOn(first), limiterOn(second)];
    const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => limiters[i % 2].hit('race:203.0.113.44', 60_000)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await limiters[1].peek('race:203.0.113.44'))?.count).toBe(40);
  });

  it('starts a new window when the last one ended, counts nothing on a peek, prunes ended windows and keeps no key in clear', async () => {
    const limiter = limiterOn(first);
    await limiter.hit('window:203.0.113.45', 60_000);
    const again = await limiter.hit('window:203.0.113.45', 60_000);
    expect(again).toMatchObject({ count: 2, remainingMs: 60_000 });
    expect((await limiter.peek('window:203.0.113.45'))?.count).toBe(2);
    expect((await limiter.peek('window:203.0.113.45'))?.count).toBe(2);
    clock.advance(30_000);
    expect((await limiter.hit('window:203.0.113.45', 60_000)).remainingMs).toBe(30_000);
    clock.advance(30_000);
    expect(await limiter.peek('window:203.0.113.45')).toBeNull();
    expect((await limiter.hit('window:203.0.113.45', 60_000)).count).toBe(1);

    const keys = (await first.db.selectFrom('rateLimits').select('key').execute()).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toMatch(/203\.0\.113|window|race/);

    // A fresh limiter (another process) prunes every ended window on its first count.
    clock.advance(2 * 86_400_000);
    await limiterOn(second).hit('after:203.0.113.46', 60_000);
    expect(await first.db.selectFrom('rateLimits').select('key').execute()).toHaveLength(1);
  });
});
