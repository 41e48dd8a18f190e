import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Starts the real server for the browser tests: a fresh data directory, a fresh PostgreSQL schema
 * when DATABASE_URL is set, the demo county seeded, and the test clock hook enabled.
 */
const run = process.env.LIANXIN_E2E_RUN!;
const dataDir = join(tmpdir(), `lianxin-e2e-${run}`);
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });

// A snapshot of the built pages: a rebuild during the run must not pull files from under the server.
const webDist = join(dataDir, 'web');
cpSync(process.env.LIANXIN_WEB_BUILD_DIR ?? 'apps/web/dist', webDist, { recursive: true });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  LIANXIN_WEB_DIST: webDist,
  PORT: process.env.E2E_PORT,
  HOST: '127.0.0.1',
  LIANXIN_DATA_DIR: dataDir,
  LIANXIN_TEST_HOOKS: 'true',
  LIANXIN_STRICT_RESPONSES: 'true',
  // The journeys sign the same demo users in many times a minute from one address.
  LIANXIN_SIGNINS_PER_MINUTE: '1000',
  PUBLIC_BASE_URL: `http://127.0.0.1:${process.env.E2E_PORT}`,
  LOG_LEVEL: 'warn',
};
if (process.env.DATABASE_URL) {
  const schema = `e2e_${run}`;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  env.DATABASE_SCHEMA = schema;
}
const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts', 'start'], { env, stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 0));
