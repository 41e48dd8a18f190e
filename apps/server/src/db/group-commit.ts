import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from './schema.js';

/** One unit of work given to the group commit: it runs inside the shared transaction. */
export type GroupWork<T> = (trx: Transaction<DB>) => Promise<T>;

export interface GroupCommit {
  /**
   * Runs `work` in a transaction shared with the other works that arrive meanwhile, each in a
   * savepoint of its own: a work that throws rolls back only its savepoint and rejects with its own
   * error. The promise settles only after the shared transaction committed (or failed to commit, and
   * then every work of the group rejects: nothing of it was written).
   */
  run<T>(work: GroupWork<T>): Promise<T>;
  /** Groups committed so far and works in them (for tests and benchmarks). */
  stats(): { groups: number; works: number; largest: number };
}

interface Pending {
  work: GroupWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit (issue 19): works arriving within one turn of the event loop, or while a group is
 * committing, share one transaction and one commit — on SQLite one WAL append and lock cycle, on
 * PostgreSQL one WAL flush — instead of one each. One group at a time: SQLite serializes writers
 * anyway, and on PostgreSQL the works contend for the same rows (the daily counter).
 *
 * Works must use only the `trx` they are given (on SQLite a query on `db` would wait for the
 * shared transaction to end, which waits for the work: it would hang).
 */
export function createGroupCommit(db: Kysely<DB>, options: { maxGroup?: number } = {}): GroupCommit {
  const maxGroup = options.maxGroup ?? 64;
  const queue: Pending[] = [];
  let running = false;
  const totals = { groups: 0, works: 0, largest: 0 };

  function schedule() {
    if (running) return;
    running = true;
    // setImmediate: the works of this turn (requests parsed in the same I/O callback batch) join the group.
    setImmediate(() => void drain());
  }

  async function drain() {
    while (queue.length) {
      const group = queue.splice(0, maxGroup);
      await commitGroup(group);
    }
    running = false;
  }

  async function commitGroup(group: Pending[]) {
    const outcomes: Outcome[] = [];
    try {
      await db.transaction().execute(async (trx) => {
        if (group.length === 1) {
          // Alone, the transaction itself is the work's all-or-nothing: no savepoint needed.
          outcomes.push({ ok: true, value: await group[0].work(trx) });
          return;
        }
        for (const pending of group) {
          await sql`savepoint lx_work`.execute(trx);
          try {
            const value = await pending.work(trx);
            await sql`release savepoint lx_work`.execute(trx);
            outcomes.push({ ok: true, value });
          } catch (error) {
            await sql`rollback to savepoint lx_work`.execute(trx);
            await sql`release savepoint lx_work`.execute(trx);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // A lone work's own error, or the commit (or a savepoint statement) failed: the whole group
      // was rolled back, so no work of it may be acknowledged.
      for (const pending of group) pending.reject(error);
      return;
    }
    totals.groups++;
    totals.works += group.length;
    totals.largest = Math.max(totals.largest, group.length);
    group.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }

  return {
    run<T>(work: GroupWork<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
    stats: () => ({ ...totals }),
  };
}
