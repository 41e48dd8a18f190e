/**
 * Row types of the job queue's dead letters (migration 2026120861_job_dead_letters). `DB` in
 * schema.ts extends this.
 */
export interface JobDeadLetterTable {
  id: string;
  /** The scheduled job's name, e.g. `time-limit-sweep`. */
  job: string;
  /** Attempts made before it gave up. */
  attempts: number;
  /** The last error's message (no stack, no data). */
  error: string;
  /** PostgreSQL: the job's id in the queue (pg-boss); null on SQLite. */
  queueJobId: string | null;
  failedAt: string;
}

export interface JobTables {
  jobDeadLetters: JobDeadLetterTable;
}
