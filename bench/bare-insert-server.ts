import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

/**
 * The yardstick of the intake benchmark: a bare Fastify route that inserts one row into SQLite
 * with the same durability settings as the platform, and nothing else.
 */
const file = process.env.BARE_DB ?? '/tmp/bare.sqlite';
const sqlite = new SQLite(file);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
sqlite.exec('CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL)');
const insert = sqlite.prepare('INSERT INTO items (title, created_at) VALUES (?, ?)');

const app = Fastify();
app.post('/bare', async (request, reply) => {
  const { title } = request.body as { title: string };
  const { lastInsertRowid } = insert.run(title, new Date().toISOString());
  return reply.status(201).send({ id: Number(lastInsertRowid) });
});
app.get('/health', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT ?? 3999), host: '127.0.0.1' });
