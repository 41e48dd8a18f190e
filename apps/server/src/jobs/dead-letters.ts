import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** A job run that failed its last attempt. */
export interface DeadLetterInput {
  job: string;
  attempts: number;
  error: unknown;
  queueJobId?: string | null;
  failedAt: Date;
}

/** Only the message, bounded: a stack or a payload has no place in an admin list. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
  return (text || 'unknown error').slice(0, 1000);
}

/** The dead letters of scheduled work (`job_dead_letters`), on either database. */
export const deadLetterQueries = {
  async record(db: Kysely<DB>, input: DeadLetterInput): Promise<void> {
    await db
      .insertInto('jobDeadLetters')
      .values({ id: randomUUID(), job: input.job, attempts: input.attempts, error: errorMessage(input.error), queueJobId: input.queueJobId ?? null, failedAt: input.failedAt.toISOString() })
      .execute();
  },
  /** Newest first. */
  list(db: Kysely<DB>, limit: number) {
    return db.selectFrom('jobDeadLetters').selectAll().orderBy('failedAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
  },
};
