import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPowerful } from '../test/case-driver.js';
import { suiteContext, type Client } from '../test/context.js';
import { caseInput } from '../test/fixtures.js';
import { parseLsn, withReadContext } from './replica.js';

describe('WAL positions', () => {
  it('order as the server orders them', () => {
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(parseLsn('16/B374D848') < parseLsn('16/B374D849')).toBe(true);
  });
});

// The PostgreSQL pass runs against a real streaming replica made by global-setup.ts; SQLite has none.
describe.runIf(process.env.DATABASE_URL)('a real read replica (DATABASE_READ_URL)', () => {
  const { ctx, writer, reader } = suiteContext({ writer: allPowerful, reader: allPowerful });
  let replicaAdmin: pg.Client;
  const routing = () => {
    // A PostgreSQL run without its replica is a failure, never a skip.
    expect(process.env.DATABASE_READ_URL, 'global-setup.ts names the replica').toBeTruthy();
    expect(ctx.database.routing).toBeDefined();
    return ctx.database.routing!;
  };

  beforeAll(async () => {
    replicaAdmin = new pg.Client({ connectionString: process.env.DATABASE_READ_URL });
    await replicaAdmin.connect();
  });
  afterAll(async () => {
    await replicaAdmin.query('SELECT pg_wal_replay_resume()').catch(() => {});
    await replicaAdmin.end();
  });

  it('reads through a standby in recovery, which refuses writes', async () => {
    await routing().waitForReplay();
    const before = routing().stats.replica;
    const { rows } = await sql<{ standby: boolean; schema: string }>`SELECT pg_is_in_recovery() AS standby, current_schema() AS schema`.execute(ctx.database.reads);
    expect(rows[0]).toEqual({ standby: true, schema: ctx.database.schema });
    expect(routing().stats.replica).toBe(before + 1);
    await expect(ctx.database.reads.deleteFrom('sessions').where('userId', '=', 'nobody').execute()).rejects.toThrow(/read-only/);
    // The primary handle is not in recovery.
    const primary = await sql<{ standby: boolean }>`SELECT pg_is_in_recovery() AS standby`.execute(ctx.database.db);
    expect(primary.rows[0]!.standby).toBe(false);
  });

  it("reads a user's own write back at once while the replica lags; others read the replica", async () => {
    const r = routing();
    await r.waitForReplay();
    const word = `复制${Date.now().toString(36)}`;
    const search = async (client: Client) => {
      const response = await client.get(`/api/search/cases?q=${encodeURIComponent(word)}`);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { items: Array<{ id: string }> }).items.map((i) => i.id);
    };
    const total = async (client: Client) => {
      const response = await client.get('/api/metrics?groupBy=unit&from=2026-02-01&to=2026-03-31');
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { total: { counts: { registered: number } } }).total.counts.registered;
    };
    const registeredBefore = await total(reader);
    // Hold the replica still: whatever is written now stays invisible on it until resumed.
    await replicaAdmin.query('SELECT pg_wal_replay_pause()');
    try {
      for (let i = 0; i < 100; i++) {
        const { rows } = await replicaAdmin.query<{ state: string }>('SELECT pg_get_wal_replay_pause_state() AS state');
        if (rows[0]!.state === 'paused') break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const created = await writer.post('/api/cases', caseInput({ title: `${word}的路灯`, content: `${word}：小区门口的路灯坏了。`, requester: { anonymous: true } }));
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as string;

      // The writer sees the case at once: the replica is behind their write, so the primary answers.
      const primaryBefore = r.stats.primary;
      expect(await search(writer)).toEqual([id]);
      expect(await total(writer)).toBe(registeredBefore + 1);
      expect(r.stats.primary).toBeGreaterThan(primaryBefore);

      // Another user reads the replica, which has not replayed the write yet.
      const [replicaBefore, primaryAfterWriter] = [r.stats.replica, r.stats.primary];
      expect(await search(reader)).toEqual([]);
      expect(await total(reader)).toBe(registeredBefore);
      expect(r.stats.replica).toBeGreaterThan(replicaBefore);
      expect(r.stats.primary).toBe(primaryAfterWriter);
    } finally {
      await replicaAdmin.query('SELECT pg_wal_replay_resume()');
    }
    // Once the replica has replayed it, everyone reads it there.
    await r.waitForReplay();
    const primaryBefore = r.stats.primary;
    expect(await search(reader)).toHaveLength(1);
    expect(await total(reader)).toBe(registeredBefore + 1);
    expect(await search(writer)).toHaveLength(1);
    expect(r.stats.primary).toBe(primaryBefore);
  });

  it('reads the primary for the rest of a state-changing request once it has written, and the replica in a GET that only audits', async () => {
    const r = routing();
    await r.waitForReplay();
    await replicaAdmin.query('SELECT pg_wal_replay_pause()');
    try {
      // A POST that has written reads its own row back through `reads` (the primary answers).
      const code = `RPL-${Date.now().toString(36)}`;
      const found = await withReadContext({ userId: null, wrote: false, safe: false }, async () => {
        await ctx.database.db.insertInto('areas').values({ code: '999999999999999', name: code, level: 'grid', parentCode: null, lat: null, lng: null }).execute();
        return ctx.database.reads.selectFrom('areas').select('name').where('code', '=', '999999999999999').executeTakeFirst();
      });
      expect(found?.name).toBe(code);
      // The export writes its audit entry, then streams the ledger from the replica all the same.
      const replicaBefore = r.stats.replica;
      const primaryBefore = r.stats.primary;
      const response = await reader.get('/api/cases/export.xlsx');
      expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
      expect(r.stats.replica).toBeGreaterThan(replicaBefore);
      expect(r.stats.primary).toBe(primaryBefore);
    } finally {
      await replicaAdmin.query('SELECT pg_wal_replay_resume()');
    }
  });
});
