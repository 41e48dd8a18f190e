import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A real streaming replica of the test database's PostgreSQL server, for the PostgreSQL pass of
 * the tests (issue 19 item 4): `pg_basebackup` into a temporary directory, started on a free port
 * from 5433 up, stopped and removed at the end of the run. Every failure is an error: a run that
 * asked for PostgreSQL never silently runs without its replica.
 */
export interface TestReplica {
  url: string;
  dir: string;
  timings: { backupMs: number; startMs: number };
  stop(): void;
}

/** This machine's Debian cluster, whose pg_hba.conf may be given a replication line when we are root. */
const LOCAL_HBA = '/etc/postgresql/15/main/pg_hba.conf';
const REPLICATION_LINE = 'host replication all 127.0.0.1/32 trust';

export async function startTestReplica(primaryUrl: string): Promise<TestReplica> {
  const primary = new URL(primaryUrl);
  const admin = new pg.Client({ connectionString: primaryUrl });
  await admin.connect();
  let bindir: string;
  let limits: Record<string, string>;
  try {
    await ensureReplicationAccess(admin, primary);
    bindir = (await admin.query<{ setting: string }>("SELECT setting FROM pg_config WHERE name = 'BINDIR'")).rows[0]!.setting;
    // A hot standby needs these at least as high as on its primary.
    const names = ['max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction'];
    const { rows } = await admin.query<{ name: string; setting: string }>('SELECT name, setting FROM pg_settings WHERE name = ANY($1)', [names]);
    limits = Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  } finally {
    await admin.end();
  }

  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: the cluster belongs to `postgres` then.
  const run = (command: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(bindir, command), asRoot ? ['-u', 'postgres', '--', join(bindir, command), ...args] : args, { stdio: 'pipe', cwd: tmpdir() });
  const dir = mkdtempSync(join(tmpdir(), 'lianxin-replica-'));
  const owner = asRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) : undefined;
  if (owner !== undefined) chownSync(dir, owner, owner);
  const port = await freePort(Number(process.env.LIANXIN_TEST_REPLICA_PORT) || 5433);
  const host = primary.hostname || '127.0.0.1';
  const remove = () => rmSync(dir, { recursive: true, force: true });

  const started = Date.now();
  try {
    // --checkpoint=fast: no wait for a spread checkpoint; --no-sync: a throwaway copy needs no fsync.
    run('pg_basebackup', ['-h', host, '-p', primary.port || '5432', '-U', decodeURIComponent(primary.username || 'postgres'), '-D', dir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync']);
  } catch (error) {
    remove();
    throw new Error(`pg_basebackup of ${host}:${primary.port || 5432} failed: ${stderrOf(error)}`);
  }
  const backupMs = Date.now() - started;
  // Debian keeps the configuration outside the data directory: the copy gets its own.
  const conf = [
    `port = ${port}`,
    "listen_addresses = '127.0.0.1'",
    "unix_socket_directories = '/tmp'",
    'hot_standby = on',
    // Tell the primary which rows the replica's queries still need (no cancelled test reads).
    'hot_standby_feedback = on',
    'shared_buffers = 32MB',
    'fsync = off',
    ...Object.entries(limits).map(([name, value]) => `${name} = ${value}`),
  ];
  writeFileSync(join(dir, 'postgresql.conf'), `${conf.join('\n')}\n`);
  writeFileSync(join(dir, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
  writeFileSync(join(dir, 'pg_ident.conf'), '');
  if (owner !== undefined) for (const file of ['postgresql.conf', 'pg_hba.conf', 'pg_ident.conf']) chownSync(join(dir, file), owner, owner);
  const log = join(dir, 'replica.log');
  const stop = () => {
    try {
      run('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // not running
    }
    remove();
  };
  const startAt = Date.now();
  try {
    run('pg_ctl', ['-D', dir, '-l', log, '-w', '-t', '300', 'start']);
  } catch (error) {
    const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-5).join(' ') : '';
    stop();
    throw new Error(`the test replica did not start on port ${port}: ${stderrOf(error)} ${tail}`);
  }
  const replica = new URL(primaryUrl);
  replica.hostname = '127.0.0.1';
  replica.port = String(port);
  const url = replica.toString();
  const check = new pg.Client({ connectionString: url });
  try {
    await check.connect();
    const { rows } = await check.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
    if (!rows[0]?.standby) throw new Error(`the server on port ${port} is not a standby`);
  } catch (error) {
    stop();
    throw error;
  } finally {
    await check.end().catch(() => {});
  }
  return { url, dir, timings: { backupMs, startMs: Date.now() - startAt }, stop };
}

/**
 * `pg_basebackup` needs a `replication` line in pg_hba.conf. As root against this machine's own
 * cluster it is added (and the cluster reloaded); anywhere else its absence is one clear error.
 */
async function ensureReplicationAccess(admin: pg.Client, primary: URL): Promise<void> {
  const allowed = async () => {
    const { rows } = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_hba_file_rules WHERE 'replication' = ANY(database) AND error IS NULL");
    return rows[0]!.n > 0;
  };
  if (await allowed()) return;
  const local = ['127.0.0.1', 'localhost', ''].includes(primary.hostname);
  if (process.getuid?.() !== 0 || !local || !existsSync(LOCAL_HBA)) {
    throw new Error(`PostgreSQL at ${primary.host} allows no replication connections: add "${REPLICATION_LINE}" to its pg_hba.conf and reload it, or set DATABASE_READ_URL to an existing replica.`);
  }
  if (!readFileSync(LOCAL_HBA, 'utf8').split('\n').includes(REPLICATION_LINE)) writeFileSync(LOCAL_HBA, `${readFileSync(LOCAL_HBA, 'utf8').replace(/\n?$/, '\n')}${REPLICATION_LINE}\n`);
  execFileSync('pg_ctlcluster', ['15', 'main', 'reload'], { stdio: 'pipe' });
  for (let i = 0; i < 50 && !(await allowed()); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await allowed())) throw new Error(`${LOCAL_HBA} has "${REPLICATION_LINE}" but the server did not take it on reload.`);
}

/** The first port from `from` on where nothing listens on 127.0.0.1. */
async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 50; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port for the test replica from ${from} to ${from + 49}`);
}

function stderrOf(error: unknown): string {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
  return stderr || (error instanceof Error ? error.message : String(error));
}
