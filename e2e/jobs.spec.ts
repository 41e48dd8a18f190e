import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { expectAccessible } from './a11y';
import { apiAs, keepScreenshot, signIn } from './support';

/**
 * 计划任务 (issue 19): the admin sees how scheduled work runs on this deployment and the runs that
 * failed every attempt (dead letters). A failed run is written into the server's database the way
 * the job runner writes one (a job that fails on purpose has no place in the product).
 */
async function recordDeadLetter(row: { job: string; attempts: number; error: string; failedAt: string }): Promise<void> {
  const run = process.env.LIANXIN_E2E_RUN!;
  const values = [randomUUID(), row.job, row.attempts, row.error, null, row.failedAt];
  const insert = 'INSERT INTO job_dead_letters (id, job, attempts, error, queue_job_id, failed_at) VALUES';
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: `-c search_path=e2e_${run}` });
    await client.connect();
    await client.query(`${insert} ($1, $2, $3, $4, $5, $6)`, values);
    await client.end();
    return;
  }
  const db = new SQLite(join(tmpdir(), `lianxin-e2e-${run}`, 'lianxin.sqlite'));
  db.pragma('busy_timeout = 5000');
  db.prepare(`${insert} (?, ?, ?, ?, ?, ?)`).run(...values);
  db.close();
}

test.describe('scheduled jobs (admin)', () => {
  test('an admin finds the runs that failed every attempt, in Chinese and in English', async ({ page, baseURL }) => {
    const error = `短信网关连接超时 ${randomUUID().slice(0, 8)}`;
    await recordDeadLetter({ job: 'outbox-delivery', attempts: 3, error, failedAt: new Date().toISOString() });

    await signIn(page, 'admin', { timeout: 30_000 });
    await page.goto('/admin/jobs');
    await expect(page.getByRole('tab', { name: '计划任务' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('job-runner')).toContainText(process.env.DATABASE_URL ? 'PostgreSQL 任务队列' : '本服务进程内运行');
    const row = page.getByTestId('dead-letters').getByRole('row').filter({ hasText: error });
    await expect(row).toContainText('短信发送');
    await expect(row).toContainText('3');
    await expectAccessible(page, 'admin-jobs');
    await keepScreenshot(page, 'admin-jobs');

    await page.evaluate(() => localStorage.setItem('lx_locale', 'en-US'));
    await page.reload();
    await expect(page.getByTestId('dead-letters').getByRole('row').filter({ hasText: error })).toContainText('SMS delivery');
    await expect(page.getByTestId('job-runner')).toContainText(process.env.DATABASE_URL ? 'PostgreSQL job queue' : 'inside this server process');
    await page.evaluate(() => localStorage.setItem('lx_locale', 'zh-CN'));

    // Only an admin reads them: a supervisor (who may run the sweep by hand) is refused.
    const supervisor = await apiAs(baseURL!, 'supervisor');
    const refused = await supervisor.context.get('/api/admin/jobs/dead-letters');
    expect(refused.status()).toBe(403);
    await supervisor.dispose();
  });
});
