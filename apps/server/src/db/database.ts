import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type Checkpointer, startCheckpointer } from './checkpointer.js';
import { RoutingPool, WriteTracker } from './replica.js';
import type { DB } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** An open database and the dialect behind it. */
export interface Database {
  db: Kysely<DB>;
  /**
   * The handle for heavy reads (metrics, exports, search, the case map, bulletins): a streaming
   * replica when DATABASE_READ_URL is set, reading the primary wherever the replica would be stale
   * for the caller (replica.ts); otherwise the primary itself (`db`).
   */
  reads: Kysely<DB>;
  /** With a replica: where the reads went, and the request hooks of read-your-writes. */
  routing?: RoutingPool;
  dialect: Dialect;
  /** PostgreSQL schema the connection works in, when not the default. */
  schema?: string;
  /** PostgreSQL: the server's URL, for a connection of its own (the notices' LISTEN). */
  url?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` for PostgreSQL; a file path or `:memory:` for SQLite. */
  url: string;
  /** PostgreSQL only: the schema to work in (tests use one schema per test file). */
  schema?: string;
  /** PostgreSQL only: pool size. */
  poolSize?: number;
  /** PostgreSQL only: `postgres://…` of a streaming replica for the heavy reads (DATABASE_READ_URL). */
  readUrl?: string;
}

/** Opens SQLite or PostgreSQL from one URL, both behind the same typed Kysely instance. */
export function createDatabase(options: DatabaseOptions): Database {
  if (/^postgres(ql)?:\/\//.test(options.url)) return openPostgres(options);
  if (options.readUrl) throw new Error('DATABASE_READ_URL needs DATABASE_URL to name a PostgreSQL primary: SQLite has no replicas');
  return openSqlite(options.url);
}

function openSqlite(file: string): Database {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Owner-only: the database holds personal data (encrypted fields, but also the case texts).
    // SQLite gives its -wal and -shm files the database file's mode.
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
  }
  const sqlite = new SQLite(file);
  // WAL with synchronous=NORMAL keeps every committed transaction when the process is killed;
  // only a power loss can lose the last commits, which FULL would prevent at a large write cost.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  // Checkpoints run in a worker thread, not in the commit of a request (issue 19).
  let checkpointer: Checkpointer | undefined;
  if (file !== ':memory:') {
    sqlite.pragma('wal_autocheckpoint = 0');
    checkpointer = startCheckpointer(file);
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new CamelCasePlugin()] });
  return {
    db,
    reads: db,
    dialect: 'sqlite',
    async close() {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/**
 * Kysely prepares every query anew; preparing costs as much as running a small statement, so the
 * statements are kept by their SQL text. Safe because Kysely runs one query at a time on SQLite.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        // Queries are built from a fixed set of shapes; the bound guards against one that is not.
        if (statements.size >= 2000) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}

function openPostgres(options: DatabaseOptions): Database {
  const poolOf = (connectionString: string) =>
    new pg.Pool({
      connectionString,
      max: options.poolSize ?? 10,
      options: options.schema ? `-c search_path=${options.schema}` : undefined,
    });
  const pool = poolOf(options.url);
  const base = { dialect: 'postgres' as const, schema: options.schema, url: options.url };
  if (!options.readUrl) {
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    return { ...base, db, reads: db, close: () => db.destroy() };
  }
  // The replica has the same schemas (it replays the primary), so the same search_path applies.
  const tracker = new WriteTracker();
  const routing = new RoutingPool(pool, poolOf(options.readUrl), tracker);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin(), tracker] });
  const reads = new Kysely<DB>({ dialect: new PostgresDialect({ pool: routing }), plugins: [new CamelCasePlugin()] });
  return {
    ...base,
    db,
    reads,
    routing,
    close: async () => {
      await reads.destroy();
      await db.destroy();
    },
  };
}
