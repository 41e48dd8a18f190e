import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

/**
 * The yardstick of the intake and scale benchmarks: a bare Fastify route that inserts one row and
 * nothing else — into SQLite with the platform's durability settings, or, when BARE_DB is a
 * postgres:// URL, into PostgreSQL (table bench_bare_items, in BARE_SCHEMA when given).
 */
const file = process.env.BARE_DB ?? '/tmp/bare.sqlite';
let insert: (title: string) => Promise<number>;
if (/^postgres(ql)?:\/\//.test(file)) {
  const schema = process.env.BARE_SCHEMA || undefined;
  const pool = new pg.Pool({ connectionString: file, max: 10, options: schema ? `-c search_path=${schema}` : undefined });
  await pool.query('CREATE TABLE IF NOT EXISTS bench_bare_items (id bigserial PRIMARY KEY, title text NOT NULL, created_at text NOT NULL)');
  insert = async (title) => Number((await pool.query('INSERT INTO bench_bare_items (title, created_at) VALUES ($1, $2) RETURNING id', [title, new Date().toISOString()])).rows[0].id);
} else {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.exec('CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL)');
  const statement = sqlite.prepare('INSERT INTO items (title, created_at) VALUES (?, ?)');
  insert = async (title) => Number(statement.run(title, new Date().toISOString()).lastInsertRowid);
}

const app = Fastify();
app.post('/bare', async (request, reply) => {
  const { title } = request.body as { title: string };
  return reply.status(201).send({ id: await insert(title) });
});
app.get('/health', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
