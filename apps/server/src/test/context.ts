import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@lianxin/core';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app.js';
import { createClock, type AdjustableClock } from '../clock.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { ensureReferenceData } from '../db/seed/reference.js';
import { createCipher, type Cipher } from '../security/cipher.js';
import { createTestDatabase } from './database.js';
import { createFixtureOrg, type FixtureOrg, type FixtureUser } from './fixtures.js';

/** An API caller signed in as one user (or anonymous), with the session cookie and CSRF header. */
export interface Client {
  userId: string | null;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  clock: AdjustableClock;
  cipher: Cipher;
  org: FixtureOrg;
  dataDir: string;
  /** A client signed in as the named fixture user. */
  as(user: keyof FixtureOrg['users']): Promise<Client>;
  /** A client without a session. */
  anonymous(): Client;
  /** Signs a new user with these roles in and returns a client. */
  userWith(grants: Array<{ role: Role; unitId: string }>): Promise<Client>;
  close(): Promise<void>;
}

/** Monday 2026-03-02 10:00 China time: a plain working day, away from holidays. */
export const TEST_START = new Date('2026-03-02T02:00:00.000Z');

const TEST_KEY = Buffer.alloc(32, 7);

/** A fresh database with the fixture county, and the app built on it. */
export async function createTestContext(options: { start?: Date } = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  await migrateToLatest(database.db, database.schema);
  await ensureReferenceData(database.db);
  const dataDir = mkdtempSync(join(tmpdir(), 'lianxin-test-'));
  const config = { ...loadConfig({}), dataDir, publicBaseUrl: 'http://lianxin.test', enableTestHooks: true, runJobs: false };
  const clock = createClock(options.start ?? TEST_START, { frozen: true });
  const cipher = createCipher(TEST_KEY);
  const org = await createFixtureOrg(database.db, clock.now());
  const app = await buildApp({ database, config, cipher, clock, strictResponses: true });
  await app.ready();

  const client = (cookie: string | null, csrf: string | null, userId: string | null) => clientOf(app, cookie, csrf, userId);
  const signIn = (userId: string) => signInClient(app, database, clock, userId);

  return {
    app,
    database,
    clock,
    cipher,
    org,
    dataDir,
    as: (user) => signIn(org.users[user]),
    anonymous: () => client(null, null, null),
    async userWith(grants) {
      const id = randomUUID();
      await database.db.insertInto('users').values({ id, username: `u-${id.slice(0, 8)}`, displayName: '临时用户', phoneEnc: null, passwordHash: org.passwordHash, createdAt: clock.now().toISOString() }).execute();
      await database.db.insertInto('userRoles').values(grants.map((g) => ({ userId: id, ...g }))).execute();
      return signIn(id);
    },
    async close() {
      // LIANXIN_TEST_REPLICA_STATS=1: how many reads each file sent to the replica and to the primary.
      if (process.env.LIANXIN_TEST_REPLICA_STATS && database.routing) console.log(`reads: ${JSON.stringify(database.routing.stats)}`);
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** How a suite's client signs in: as a fixture user, or through a function of the context. */
export type SuiteClient = FixtureUser | ((ctx: TestContext) => Promise<Client>);

/**
 * One test context for the whole file: built before its tests (then each named client signed in,
 * in order), closed after them. The returned objects are filled in by that `beforeAll`, so read
 * them only inside hooks and tests (destructuring at the top of the file is fine).
 */
export function suiteContext<N extends string = never>(
  clients: Record<N, SuiteClient> = {} as Record<N, SuiteClient>,
  options: { start?: Date } = {},
): { ctx: TestContext } & Record<N, Client> {
  const ctx = {} as TestContext;
  const signedIn = Object.fromEntries(Object.keys(clients).map((name) => [name, {} as Client])) as Record<N, Client>;
  beforeAll(async () => {
    Object.assign(ctx, await createTestContext(options));
    for (const [name, how] of Object.entries(clients) as Array<[N, SuiteClient]>) {
      Object.assign(signedIn[name], await (typeof how === 'function' ? how(ctx) : ctx.as(how)));
    }
  });
  afterAll(() => ctx.close());
  return { ctx, ...signedIn };
}

/** The pseudo-header that makes a test client's request come from another address. */
export const REMOTE_ADDRESS = 'x-test-remote-address';

/** An API caller on `app` with this cookie and CSRF header (or none). */
export function clientOf(app: FastifyInstance, cookie: string | null, csrf: string | null, userId: string | null): Client {
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') => (url: string, body?: unknown, headers: Record<string, string> = {}) => {
    // A test speaks from another address with this pseudo-header (no proxy is trusted, so a
    // forwarded address would not count).
    const { [REMOTE_ADDRESS]: remoteAddress, ...rest } = headers;
    return app.inject({
      method,
      url,
      payload: body as never,
      ...(remoteAddress ? { remoteAddress } : {}),
      headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...rest },
    });
  };
  return {
    userId,
    get: (url, headers) => send('GET')(url, undefined, headers),
    post: send('POST'),
    put: send('PUT'),
    patch: send('PATCH'),
    delete: (url, headers) => send('DELETE')(url, undefined, headers),
  };
}

/** A client signed in as `userId`: a session row written directly (no password round trip). */
export async function signInClient(app: FastifyInstance, database: Database, clock: AdjustableClock, userId: string): Promise<Client> {
  const token = randomUUID();
  const csrf = randomUUID();
  await database.db
    .insertInto('sessions')
    .values({
      id: createHash('sha256').update(token).digest('base64url'),
      userId,
      csrfToken: csrf,
      createdAt: clock.now().toISOString(),
      expiresAt: '9999-12-31T00:00:00.000Z', // tests move the clock by years
    })
    .execute();
  return clientOf(app, `lx_session=${token}`, csrf, userId);
}
