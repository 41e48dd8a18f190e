import { buildApp } from './app.js';
import { createClock } from './clock.js';
import { loadConfig } from './config.js';
import { createDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureReferenceData } from './db/seed/reference.js';
import { seedDemo } from './db/seed/demo.js';
import { startJobs } from './jobs/index.js';
import { createAuditLog } from './modules/audit/audit.service.js';
import { createCipher, loadMasterKey } from './security/cipher.js';

/**
 * The command line: `start` (migrate, seed demo data into an empty database, serve),
 * `migrate`, `seed` (demo data, even into a database that has some), and `audit verify` (checks the
 * audit chain against its head and the signed checkpoints; exits 1 when broken).
 */
async function main(command = 'start', subcommand?: string): Promise<void> {
  const config = loadConfig();
  const database = createDatabase({ url: config.databaseUrl, schema: config.databaseSchema });
  const applied = await migrateToLatest(database.db, config.databaseSchema);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  await ensureReferenceData(database.db);
  const cipher = createCipher(loadMasterKey(config.dataDir, config.dataKey));
  const clock = createClock();

  if (command === 'migrate') return database.close();
  if (command === 'audit') {
    if (subcommand !== 'verify') throw new Error(`unknown audit command ${subcommand ?? ''}; use audit verify`);
    const result = await createAuditLog({ db: database.db, clock, cipher, dataDir: config.dataDir }).verify();
    await database.close();
    console.log(JSON.stringify(result, null, 2));
    console.log(result.ok ? `audit log intact: ${result.entries} entries` : `AUDIT LOG BROKEN: ${result.problem} at entry ${result.brokenAt ?? '-'} (${result.entries} entries intact before it)`);
    if (!result.ok) process.exitCode = 1;
    return;
  }
  if (command === 'seed' || (command === 'start' && !(await database.db.selectFrom('areas').select('code').limit(1).executeTakeFirst()))) {
    console.log('seeding the demo county (青溪县)…');
    const summary = await seedDemo({ db: database.db, cipher, clock });
    console.log(`demo data: ${JSON.stringify(summary)}`);
    if (command === 'seed') return database.close();
  }
  if (command !== 'start') throw new Error(`unknown command ${command}; use start, migrate, seed or audit verify`);

  const app = await buildApp({ database, config, cipher, clock, logger: { level: config.logLevel }, serveWeb: true, strictResponses: config.strictResponses });
  const jobs = config.runJobs ? startJobs(app.services, { log: app.log }) : null;
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await jobs?.stop();
    await app.close();
    await app.services.audit.checkpoint().catch((error: unknown) => app.log.error({ err: error }, 'audit checkpoint at shutdown failed'));
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`连心 Lianxin at http://localhost:${config.port} — API docs at /api/docs`);
}

main(process.argv[2], process.argv[3]).catch((error) => {
  console.error(error);
  process.exit(1);
});
