import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createDatabase, type Database } from '../../db/database.js';
import { suiteContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';
import { openSse, sessionCookie, type SseEvent } from './sse-test-client.js';

const { ctx, registrar, dispatcher } = suiteContext({ registrar: 'registrar', dispatcher: 'dispatcher' });

/**
 * Where the browser connects. SQLite: the one app. PostgreSQL: a second app of its own over the
 * same database (its own pool, its own LISTEN connection), so a notice written through the first
 * app reaches a user connected to the second only through LISTEN/NOTIFY.
 */
let streamApp: FastifyInstance;
let second: Database | null = null;
let base = '';

beforeAll(async () => {
  if (ctx.database.dialect === 'postgres') {
    second = createDatabase({ url: process.env.DATABASE_URL!, schema: ctx.database.schema, poolSize: 2 });
    const config = { ...loadConfig({}), dataDir: ctx.dataDir, publicBaseUrl: 'http://lianxin.test', runJobs: false };
    streamApp = await buildApp({ database: second, config, cipher: ctx.cipher, clock: ctx.clock, strictResponses: true });
  } else {
    streamApp = ctx.app;
  }
  await streamApp.listen({ port: 0, host: '127.0.0.1' });
  const address = streamApp.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  if (second) {
    await streamApp.close();
    await second.close();
  }
});

const isCount = (unread: number) => (e: SseEvent) => e.event === 'count' && (e.data as { unread: number }).unread === unread;
const subscribers = () => streamApp.services.noticeBus.listenerCount();

describe('the live notice stream', () => {
  it('sends the unread count, then each notice written after connecting, and the count as it changes', async () => {
    const cookie = await sessionCookie(ctx.database, ctx.org.users.registrar, ctx.clock.now());
    const before = (await registrar.get('/api/notifications/unread-count')).json().unread as number;
    const stream = await openSse(`${base}/api/notifications/stream`, { cookie });
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
      await stream.next(isCount(before));

      // Another actor acts: the dispatcher dispatches the registrar's case (written through the first app).
      const created = (await registrar.post('/api/cases', caseInput())).json();
      await dispatcher.post(`/api/cases/${created.id}/dispatch`, { unitId: ctx.org.units['u-civil'] });
      const notice = await stream.next((e) => e.event === 'notice');
      expect(notice.data).toMatchObject({ kind: 'step', caseId: created.id, target: { kind: 'case', id: created.id }, read: false, text: `诉求件${created.code}：交办` });
      await stream.next(isCount(before + 1));

      // Marked read in another tab: the count goes down here too.
      await registrar.post(`/api/notifications/${(notice.data as { id: string }).id}/read`);
      await stream.next((e) => isCount(before)(e) && stream.events.indexOf(e) > stream.events.indexOf(notice));
      // Only the registrar's own notices: the dispatcher's are not in this stream.
      expect(stream.events.filter((e) => e.event === 'notice')).toHaveLength(1);
    } finally {
      stream.close();
    }
    // In the language the console asks for (an EventSource sends no headers of its own).
    const english = await openSse(`${base}/api/notifications/stream?locale=en-US`, { cookie });
    try {
      await english.next((e) => e.event === 'count');
      const created = (await registrar.post('/api/cases', caseInput())).json();
      await dispatcher.post(`/api/cases/${created.id}/dispatch`, { unitId: ctx.org.units['u-civil'] });
      expect((await english.next((e) => e.event === 'notice')).data).toMatchObject({ text: `Case ${created.code}: Dispatch` });
    } finally {
      english.close();
    }
    expect((await openSse(`${base}/api/notifications/stream?locale=xx`, { cookie })).status).toBe(400);
  });

  it('lets nobody in without a session, and lets go of a stream when the browser leaves', async () => {
    const anonymous = await openSse(`${base}/api/notifications/stream`);
    expect(anonymous.status).toBe(401);
    anonymous.close();

    const cookie = await sessionCookie(ctx.database, ctx.org.users.dispatcher, ctx.clock.now());
    const idle = subscribers();
    const stream = await openSse(`${base}/api/notifications/stream`, { cookie });
    await stream.next((e) => e.event === 'count');
    expect(subscribers()).toBe(idle + 1);
    stream.close();
    await expect.poll(subscribers).toBe(idle);
  });

  it('PostgreSQL: listens again after losing its LISTEN connection, and notices flow again', async (test) => {
    if (ctx.database.dialect !== 'postgres') test.skip();
    const cookie = await sessionCookie(ctx.database, ctx.org.users.registrar, ctx.clock.now());
    const stream = await openSse(`${base}/api/notifications/stream`, { cookie });
    try {
      await stream.next((e) => e.event === 'count');
      const seen = stream.events.length;
      // The database drops the second app's LISTEN connection (a restart, a network cut …).
      const channel = `lianxin_notices_${ctx.database.schema}`;
      const killed = await sql<{ n: number }>`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where query = ${`LISTEN "${channel}"`}`.execute(ctx.database.db);
      expect(killed.rows[0].n).toBeGreaterThan(0);
      // Back again: every open stream reads its count anew …
      await stream.next((e) => e.event === 'count' && stream.events.indexOf(e) >= seen, 10_000);
      // … and a notice written through the first app arrives as before.
      const created = (await registrar.post('/api/cases', caseInput())).json();
      await dispatcher.post(`/api/cases/${created.id}/dispatch`, { unitId: ctx.org.units['u-civil'] });
      await stream.next((e) => e.event === 'notice' && (e.data as { caseId: string }).caseId === created.id, 10_000);
    } finally {
      stream.close();
    }
  });

  it('keeps an idle stream alive with heartbeats and ends it when the server closes', async () => {
    const database = ctx.database.dialect === 'postgres' ? createDatabase({ url: process.env.DATABASE_URL!, schema: ctx.database.schema, poolSize: 2 }) : ctx.database;
    const config = { ...loadConfig({}), dataDir: ctx.dataDir, publicBaseUrl: 'http://lianxin.test', runJobs: false, noticeHeartbeatMs: 50 };
    const app = await buildApp({ database, config, cipher: ctx.cipher, clock: ctx.clock, strictResponses: true });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const cookie = await sessionCookie(ctx.database, ctx.org.users.dispatcher, ctx.clock.now());
    const elsewhere = await openSse(`${base}/api/notifications/stream`, { cookie });
    const stream = await openSse(`http://127.0.0.1:${port}/api/notifications/stream`, { cookie });
    await stream.next((e) => e.event === 'comment' && String(e.data).includes('ping'));
    const closing = app.close();
    await stream.ended;
    await closing;
    if (database !== ctx.database) await database.close();
    // Another server's streams stay open.
    let otherEnded = false;
    void elsewhere.ended.then(() => (otherEnded = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(otherEnded).toBe(false);
    elsewhere.close();
  });
});
