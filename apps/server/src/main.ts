import { buildApp } from './app.js';
import { createClock } from './clock.js';
import { loadConfig } from './config.js';
import { createDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureReferenceData } from './db/seed/reference.js';
import { seedDemo } from './db/seed/demo.js';
import { startJobs } from './jobs/index.js';
import { createCipher, loadMasterKey } from './security/cipher.js';

/**
 * The command line: `start` (migrate, seed demo data into an empty database, serve),
 * `migrate`, and `seed` (demo data, even into a database that has some).
 */
async function main(command = 'start'): Promise<void> {
  const config = loadConfig();
  const database = createDatabase({ url: config.databaseUrl, schema: config.databaseSchema });
  const applied = await migrateToLatest(database.db, config.databaseSchema);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  await ensureReferenceData(database.db);
  const cipher = createCipher(loadMasterKey(config.dataDir, config.dataKey));
  const clock = createClock();

  if (command === 'migrate') return database.close();
  if (command === 'seed' || (command === 'start' && !(await database.db.selectFrom('areas').select('code').limit(1).executeTakeFirst()))) {
    console.log('seeding the demo county (青溪县)…');
    const summary = await seedDemo({ db: database.db, cipher, clock });
    console.log(`demo data: ${JSON.stringify(summary)}`);
    if (command === 'seed') return database.close();
  }
  if (command !== 'start') throw new Error(`unknown command ${command}; use start, migrate or seed`);

  const app = await buildApp({ database, config, cipher, clock, logger: { level: config.logLevel }, serveWeb: true, strictResponses: config.strictResponses });
  const jobs = config.runJobs ? startJobs(app.services, { log: app.log }) : null;
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await jobs?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`连心 Lianxin at http://localhost:${config.port} — API docs at /api/docs`);
}

main(process.argv[2]).catch((error) => {
  console.error(error);
  process.exit(1);
});
