import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../config.js';

/**
 * Backup and restore of one installation: the database (an online copy of the SQLite file, or a
 * `pg_dump` of the PostgreSQL schema in use), the attachments folder and the key files of the data
 * folder, with a manifest of every file's size and SHA-256. `npm run backup` / `npm run restore`.
 */

export const MANIFEST = 'manifest.json';
const FORMAT = 'lianxin-backup/1';
const SQLITE_FILE = 'database.sqlite';
const PG_FILE = 'database.pgdump';
/** Written by `start` beside the data; restore refuses to run under a live server without --force. */
export const PID_FILE = 'lianxin.pid';

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}
export interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  /** PostgreSQL: the schema that was dumped (and that restore recreates). */
  schema?: string;
  database: string;
  /** False when the data key came from LIANXIN_DATA_KEY: it must be kept apart from the backup. */
  keyIncluded: boolean;
  files: ManifestFile[];
}

type Settings = Pick<Config, 'dataDir' | 'databaseUrl' | 'databaseSchema' | 'dataKey'>;

const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url);

// ——— backup ———

/** Writes a backup folder (default `backups/lianxin-<timestamp>`) and returns it with its manifest. */
export async function backup(config: Settings, target?: string, now = new Date()): Promise<{ dir: string; manifest: Manifest }> {
  const dir = resolve(target ?? join('backups', `lianxin-${now.toISOString().replace(/[:.]/g, '-')}`));
  if (existsSync(dir) && readdirSync(dir).length) throw new Error(`${dir} already exists and is not empty; give a new folder`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);

  const postgres = isPostgres(config.databaseUrl);
  const schema = postgres ? (config.databaseSchema ?? 'public') : undefined;
  if (postgres) {
    run('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${join(dir, PG_FILE)}`, `--dbname=${config.databaseUrl}`]);
  } else {
    const file = config.databaseUrl;
    if (file === ':memory:' || !existsSync(file)) throw new Error(`there is no database file at ${file} to back up`);
    // SQLite's online backup: a consistent copy that includes what is still in the -wal file.
    const source = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(join(dir, SQLITE_FILE));
    } finally {
      source.close();
    }
    const check = sqliteCheck(join(dir, SQLITE_FILE), 'quick_check');
    if (check !== 'ok') throw new Error(`the database ${file} is corrupt (${check}); this backup would be too`);
  }

  // Attachments are written (and fsynced) before their row, so every row in the copy has its file.
  const attachments = join(config.dataDir, 'attachments');
  if (existsSync(attachments)) cpSync(attachments, join(dir, 'attachments'), { recursive: true });
  const keys = keyFiles(config.dataDir);
  for (const key of keys) copyFileSync(join(config.dataDir, key), join(dir, key));

  const manifest: Manifest = {
    format: FORMAT,
    createdAt: now.toISOString(),
    dialect: postgres ? 'postgres' : 'sqlite',
    ...(schema ? { schema } : {}),
    database: postgres ? PG_FILE : SQLITE_FILE,
    keyIncluded: !config.dataKey && keys.includes('secret.key'),
    files: listFiles(dir).map((path) => describe(dir, path)),
  };
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  for (const path of listFiles(dir)) chmodSync(join(dir, path), 0o600);
  return { dir, manifest };
}

/** The key files of the data folder (`secret.key`, and any other `*.key` kept there). */
function keyFiles(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir).filter((name) => name.endsWith('.key') && statSync(join(dataDir, name)).isFile()).sort();
}

/** Every file under `dir` but the manifest, as relative paths with `/`. */
function listFiles(dir: string, under = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(under, { withFileTypes: true })) {
    const full = join(under, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(dir, full));
    else out.push(relative(dir, full).split(sep).join('/'));
  }
  return out.filter((path) => path !== MANIFEST).sort();
}

function describe(dir: string, path: string): ManifestFile {
  const data = readFileSync(join(dir, path));
  return { path, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
}

// ——— verify ———

/** Reads the manifest and checks every file against it; throws naming the first difference. */
export function verifyBackup(dir: string): Manifest {
  const at = resolve(dir);
  if (!existsSync(join(at, MANIFEST))) throw new Error(`${at} is not a Lianxin backup: it has no ${MANIFEST}`);
  const manifest = JSON.parse(readFileSync(join(at, MANIFEST), 'utf8')) as Manifest;
  if (manifest.format !== FORMAT) throw new Error(`${at}: unknown backup format ${String(manifest.format)}`);
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const path of listFiles(at)) if (!listed.has(path)) throw new Error(`backup check failed: ${path} is not in the manifest`);
  for (const expected of manifest.files) {
    if (!existsSync(join(at, expected.path))) throw new Error(`backup check failed: ${expected.path} is missing`);
    const actual = describe(at, expected.path);
    if (actual.size !== expected.size || actual.sha256 !== expected.sha256) {
      throw new Error(`backup check failed: ${expected.path} does not match the manifest (size or SHA-256 differs)`);
    }
  }
  if (!listed.has(manifest.database)) throw new Error(`backup check failed: the database file ${manifest.database} is missing`);
  return manifest;
}

// ——— restore ———

export interface RestoreResult {
  manifest: Manifest;
  /** `ok`, or what the check found. */
  integrity: string;
  /** Rows per table after the restore. */
  tables: Record<string, number>;
}

/** The pid of a live server on this data folder, if its pid file names a running process. */
export function runningServer(dataDir: string): number | null {
  const file = join(dataDir, PID_FILE);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/** Verifies the backup, restores database, attachments and keys, then checks the restored database. */
export async function restore(config: Settings, from: string, { force = false } = {}): Promise<RestoreResult> {
  const dir = resolve(from);
  const manifest = verifyBackup(dir);
  const postgres = isPostgres(config.databaseUrl);
  if ((manifest.dialect === 'postgres') !== postgres) {
    throw new Error(`this backup holds a ${manifest.dialect} database but DATABASE_URL names a ${postgres ? 'postgres' : 'sqlite'} one`);
  }
  const pid = runningServer(config.dataDir);
  if (pid !== null && !force) throw new Error(`a Lianxin server (pid ${pid}) is running on ${config.dataDir}; stop it first, or pass --force`);

  let result: Omit<RestoreResult, 'manifest'>;
  if (postgres) {
    const schema = config.databaseSchema ?? 'public';
    if (manifest.schema !== schema) throw new Error(`this backup holds the schema "${manifest.schema}"; set DATABASE_SCHEMA=${manifest.schema} to restore it`);
    result = await restorePostgres(config.databaseUrl, schema, join(dir, manifest.database));
  } else {
    result = restoreSqlite(config.databaseUrl, join(dir, manifest.database));
  }

  const attachments = join(config.dataDir, 'attachments');
  const restoring = `${attachments}.restoring`;
  rmSync(restoring, { recursive: true, force: true });
  if (existsSync(join(dir, 'attachments'))) cpSync(join(dir, 'attachments'), restoring, { recursive: true });
  else mkdirSync(restoring, { recursive: true });
  rmSync(attachments, { recursive: true, force: true });
  renameSync(restoring, attachments);

  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  for (const file of manifest.files) {
    if (file.path.includes('/') || !file.path.endsWith('.key')) continue;
    copyFileSync(join(dir, file.path), join(config.dataDir, file.path));
    chmodSync(join(config.dataDir, file.path), 0o600);
  }
  return { manifest, ...result };
}

function restoreSqlite(target: string, source: string): Omit<RestoreResult, 'manifest'> {
  if (target === ':memory:') throw new Error('DATABASE_URL names an in-memory database; nothing to restore into');
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const incoming = `${target}.restoring`;
  copyFileSync(source, incoming);
  chmodSync(incoming, 0o600);
  // A -wal or -shm file left beside the old database would be replayed onto the restored one.
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(incoming, target);
  const db = new SQLite(target, { fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const tables: Record<string, number> = {};
    if (integrity === 'ok') {
      const names = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).pluck().all() as string[];
      for (const name of names) tables[name] = db.prepare(`select count(*) from "${name.replace(/"/g, '""')}"`).pluck().get() as number;
    }
    return { integrity, tables };
  } finally {
    db.close();
  }
}

async function restorePostgres(url: string, schema: string, archive: string): Promise<Omit<RestoreResult, 'manifest'>> {
  const toc = run('pg_restore', ['--list', archive]);
  const quoted = `"${schema.replace(/"/g, '""')}"`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${quoted} CASCADE`);
    if (!new RegExp(`SCHEMA - ${schema.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(toc)) await client.query(`CREATE SCHEMA ${quoted}`);
    run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${url}`, archive]);
    const names = await client.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by table_name`, [schema]);
    const tables: Record<string, number> = {};
    for (const { name } of names.rows) {
      const count = await client.query<{ n: string }>(`select count(*) as n from ${quoted}."${name.replace(/"/g, '""')}"`);
      tables[name] = Number(count.rows[0]!.n);
    }
    return { integrity: names.rows.length ? 'ok' : 'no tables restored', tables };
  } finally {
    await client.end();
  }
}

// ——— checks ———

/** `PRAGMA quick_check` or `integrity_check` of a SQLite file: `ok`, or what is wrong. */
export function sqliteCheck(file: string, pragma: 'quick_check' | 'integrity_check' = 'quick_check'): string {
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { fileMustExist: true });
    const rows = db.pragma(pragma) as Record<string, string>[];
    return rows.map((r) => Object.values(r)[0]).join('; ');
  } catch (error) {
    return (error as Error).message;
  } finally {
    db?.close();
  }
}

/**
 * Before the server opens its SQLite file: null when it is sound (or new), else the one sentence to
 * print — naming the file and the restore command.
 */
export function corruptDatabaseNotice(databaseUrl: string): string | null {
  if (isPostgres(databaseUrl) || databaseUrl === ':memory:' || !existsSync(databaseUrl) || statSync(databaseUrl).size === 0) return null;
  const check = sqliteCheck(databaseUrl, 'quick_check');
  if (check === 'ok') return null;
  return `The database file ${databaseUrl} is corrupt (${check.split('; ')[0]}); restore it from a backup with \`npm run restore -- <backup folder>\` before starting Lianxin.`;
}

/** Runs a PostgreSQL client tool; one clear sentence when it is not installed. */
function run(tool: 'pg_dump' | 'pg_restore', args: string[]): string {
  // The password goes through the environment, not the command line that `ps` shows.
  let password: string | undefined;
  const safeArgs = args.map((arg) => {
    if (!arg.startsWith('--dbname=')) return arg;
    const url = new URL(arg.slice('--dbname='.length));
    if (url.password) password = decodeURIComponent(url.password);
    url.password = '';
    return `--dbname=${url.toString()}`;
  });
  const env = password ? { ...process.env, PGPASSWORD: password } : process.env;
  const result = spawnSync(tool, safeArgs, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(`${tool} was not found on PATH; install the PostgreSQL client tools (the same major version as the server, e.g. apt-get install postgresql-client) to back up or restore a PostgreSQL database.`);
  }
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${tool} failed: ${(result.stderr || '').trim().split('\n').slice(-3).join(' ')}`);
  return result.stdout;
}
