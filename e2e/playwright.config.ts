import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// The config is loaded by the runner and again by each worker; the run id is fixed once, here,
// and inherited by the workers through the environment.
process.env.LIANXIN_E2E_RUN ??= randomBytes(4).toString('hex');
const run = process.env.LIANXIN_E2E_RUN;
const port = Number(process.env.E2E_PORT ?? 3100);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// A missing browser is a failure, never a skip.
if (!existsSync(chromium)) throw new Error(`Chromium not found at ${chromium}; install Debian's chromium package or set CHROMIUM_PATH`);

export default defineConfig({
  testDir: '.',
  // Per port, so runs on different ports do not clear each other's artifacts.
  outputDir: `../test-results/e2e-${port}`,
  // One server, one browser at a time: the machine has two cores.
  workers: 1,
  fullyParallel: false,
  // Ant Design's select popups occasionally miss a click on a loaded two-core machine; one retry,
  // and the report names every test that needed it ("flaky") so it is fixed rather than hidden.
  retries: 1,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  globalTeardown: './global-teardown.ts',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'npx tsx e2e/start-server.ts',
    cwd: '..',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 480_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { E2E_PORT: String(port), LIANXIN_E2E_RUN: run },
  },
});
