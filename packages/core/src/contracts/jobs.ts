import { z } from 'zod';
import { defineEndpoints } from './endpoint.js';

// — several processes (issue 19) — scheduled work that gave up: its dead letters, for the admin screen.

import { JOB_NAMES, JOB_RUNNERS } from './values.js';
export { JOB_NAMES, JOB_RUNNERS } from './values.js';
export type JobRunner = (typeof JOB_RUNNERS)[number];
export type JobName = (typeof JOB_NAMES)[number];

export const DeadLetterQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('How many, newest first (default 50)'),
});

export const DeadLetterSchema = z.object({
  id: z.string(),
  job: z.string().describe('The scheduled job (its queue name), e.g. time-limit-sweep'),
  attempts: z.number().int().describe('Attempts made before it gave up'),
  error: z.string().describe('The last error message'),
  queueJobId: z.string().nullable().describe('The job in the PostgreSQL queue; null in process'),
  failedAt: z.string(),
});
export type DeadLetterView = z.infer<typeof DeadLetterSchema>;

export const DeadLetterListSchema = z.object({
  runner: z.enum(JOB_RUNNERS).describe('in_process: jobs run in the one server process (SQLite); queue: the PostgreSQL job queue, once across processes'),
  retries: z.number().int().describe('Retries a failed job gets before it becomes a dead letter'),
  items: z.array(DeadLetterSchema),
});
export type DeadLetterList = z.infer<typeof DeadLetterListSchema>;

export const jobsEndpoints = defineEndpoints({
  'GET /api/admin/jobs/dead-letters': {
    tag: 'admin',
    summary: '计划任务失败记录（死信）Scheduled jobs that failed every attempt (dead letters), newest first (admin)',
    query: DeadLetterQuerySchema,
    response: DeadLetterListSchema,
  },
});
