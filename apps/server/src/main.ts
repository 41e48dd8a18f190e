import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './app.js';
import { createClock } from './clock.js';
import { loadConfig } from './config.js';
import { backup, corruptDatabaseNotice, PID_FILE, restore } from './db/backup.js';
import { createDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { ensureReferenceData } from './db/seed/reference.js';
import { seedDemo } from './db/seed/demo.js';
import { startJobs, startQueuedJobs } from './jobs/index.js';
import { deadLetterQueries } from './jobs/dead-letters.js';
import { createAuditLog } from './modules/audit/audit.service.js';
import { protectStoredText } from './modules/cases/cases.protect-stored.js';
import { createCipher, loadMasterKey } from './security/cipher.js';

/**
 * The command line: `start` (migrate, seed demo data into an empty database, serve),
 * `migrate`, `seed` (demo data, even into a database that has some), `backup [folder]`,
 * `restore <folder> [--force]` (see docs/OPERATIONS.md) and `audit verify` (checks the audit chain
 * against its head and the signed checkpoints; exits 1 when broken).
 */
async function main(command = 'start', args: string[] = []): Promise<void> {
  const config = loadConfig();
  if (command === 'backup') {
    const { dir, manifest } = await backup(config, args.find((a) => !a.startsWith('--')));
    console.log(`backup written to ${dir} (${manifest.files.length} files, ${manifest.dialect})`);
    if (!manifest.keyIncluded) console.warn('the data key is not in this backup (LIANXIN_DATA_KEY is set, or there is no key file): keep the key apart, or the backup cannot be read');
    return;
  }
  if (command === 'restore') {
    const from = args.find((a) => !a.startsWith('--'));
    if (!from) throw new Error('usage: npm run restore -- <backup folder> [--force]');
    const result = await restore(config, from, { force: args.includes('--force') });
    const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
    console.log(`restored ${from} (${result.manifest.dialect}, made ${result.manifest.createdAt}): integrity ${result.integrity}, ${Object.keys(result.tables).length} tables, ${rows} rows`);
    if (result.integrity !== 'ok') process.exitCode = 1;
    return;
  }
  const corrupt = corruptDatabaseNotice(config.databaseUrl);
  if (corrupt) {
    console.error(corrupt);
    process.exit(1);
  }
  const database = createDatabase({ url: config.databaseUrl, schema: config.databaseSchema, readUrl: config.databaseReadUrl });
  const applied = await migrateToLatest(database.db, config.databaseSchema);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  await ensureReferenceData(database.db);
  const cipher = createCipher(loadMasterKey(config.dataDir, config.dataKey));
  const clock = createClock();
  // Free text stored before personal data was masked on write: protected once, after migration 2026120605.
  const protectedText = await protectStoredText(database.db, cipher);
  if (protectedText) console.log(`personal data in stored free text protected: ${protectedText.cases} cases, ${protectedText.notes} event notes`);

  if (command === 'migrate') return database.close();
  if (command === 'audit') {
    if (args[0] !== 'verify') throw new Error(`unknown audit command ${args[0] ?? ''}; use audit verify`);
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
  if (command !== 'start') throw new Error(`unknown command ${command}; use start, migrate, seed, backup, restore or audit verify`);

  const app = await buildApp({ database, config, cipher, clock, logger: { level: config.logLevel }, serveWeb: true, strictResponses: config.strictResponses });
  let jobs: { stop(): Promise<void> } | null = null;
  const pidFile = join(config.dataDir, PID_FILE);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await jobs?.stop();
    await app.close();
    await app.services.audit.checkpoint().catch((error: unknown) => app.log.error({ err: error }, 'audit checkpoint at shutdown failed'));
    await database.close();
    rmSync(pidFile, { force: true });
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // Listens for other processes' cache changes before serving (PostgreSQL; nothing on SQLite).
  await app.services.cacheBus.ready();
  await app.listen({ port: config.port, host: config.host });
  // Scheduled work starts once the server answers, and runs off the request path (issue 19): on
  // PostgreSQL through the job queue, once across every process; on SQLite in this process.
  if (config.runJobs) {
    const intervalMs = (config.sweepSeconds ?? 60) * 1000;
    // The first runs wait a second: the first requests (load balancers' health checks) meet no job.
    const firstRunDelayMs = 1000;
    jobs =
      database.dialect === 'postgres'
        ? await startQueuedJobs(app.services, { url: config.databaseUrl, schema: config.databaseSchema, db: database.db }, { log: app.log, intervalMs, firstRunDelayMs })
        : startJobs(app.services, {
            log: app.log,
            intervalMs,
            firstRunDelayMs,
            onFailure: (job, error) => deadLetterQueries.record(database.db, { job, attempts: 1, error, failedAt: clock.now() }),
          });
  }
  // Tells `restore` that a server is running on this data folder.
  writeFileSync(pidFile, String(process.pid), { mode: 0o600 });
  app.log.info(`连心 Lianxin at http://localhost:${config.port} — API docs at /api/docs`);
}

main(process.argv[2], process.argv.slice(3)).catch((error) => {
  // backup and restore fail with one sentence for the operator, not a stack trace.
  console.error(['backup', 'restore'].includes(process.argv[2] ?? '') && error instanceof Error ? error.message : error);
  process.exit(1);
});
