import { AsyncLocalStorage } from 'node:async_hooks';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type pg from 'pg';

/**
 * Read-your-writes over a streaming replica (issue 19 item 4, docs/ARCHITECTURE.md "Read replica").
 *
 * The `reads` handle (database.ts) draws its connections from `RoutingPool.connect()`, which picks
 * the replica unless that would show the caller stale data:
 * - in a state-changing request (or any code run through `withReadContext`) that has written, every
 *   later read of that request goes to the primary;
 * - after such a request, the primary's `pg_current_wal_lsn()` is remembered for its user
 *   (`noteWrite`), and that user's replica reads first check the replica's
 *   `pg_last_wal_replay_lsn()`: while the replica has not replayed that far, they read the primary;
 * - writes outside any request (jobs, the command line, test fixtures) raise a floor for everyone
 *   in the process, taken lazily at the next replica read.
 * Once the replica has replayed past a floor the floor is dropped, so a caught-up replica costs one
 * comparison. Others' reads never wait for a user's writes.
 */

/** What a request tells the read handle. */
export interface ReadContext {
  /** Whose reads these are (null: anonymous, never remembered). */
  userId: string | null;
  /** Set once this request has written through the primary handle. */
  wrote: boolean;
  /**
   * A GET (or HEAD, OPTIONS): what it writes is a side record (the audit entry of an export or a
   * download, a rate-limit count) that it never reads back, so its reads stay on the replica and
   * it leaves no floor for its user. A POST, PUT, PATCH or DELETE that has written reads the
   * primary for the rest of the request, and leaves its user a floor.
   */
  safe: boolean;
}

const contexts = new AsyncLocalStorage<ReadContext>();

/** Runs `fn` (and everything it starts) as the reads of `context`. */
export function withReadContext<T>(context: ReadContext, fn: () => T): T {
  return contexts.run(context, fn);
}

/** The read context of the running request, if any. */
export function currentReadContext(): ReadContext | undefined {
  return contexts.getStore();
}

/** "16/B374D848" → a number that orders like the WAL position. */
export function parseLsn(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** Marks the running request (or, outside one, the process) as having written. */
export class WriteTracker implements KyselyPlugin {
  /** A write happened outside any request since the last replica read. */
  processDirty = false;
  private readonly writes = new WeakSet<object>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind !== 'SelectQueryNode') {
      this.writes.add(args.queryId);
      this.mark();
    }
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    // Again once the statement is done, so a replica read that raced it takes the later position.
    if (this.writes.has(args.queryId)) this.mark();
    return args.result;
  }

  private mark(): void {
    const context = contexts.getStore();
    if (context) context.wrote = true;
    else this.processDirty = true;
  }
}

/** How the reads went: for tests and the health of a deployment. */
export interface RoutingStats {
  replica: number;
  primary: number;
  /** Reads sent to the primary because the replica could not be reached. */
  replicaDown: number;
}

/**
 * A `pg.Pool` look-alike for Kysely's PostgresDialect: `connect()` hands out a replica connection,
 * or a primary one where the replica would be stale for the caller.
 */
export class RoutingPool {
  readonly stats: RoutingStats = { replica: 0, primary: 0, replicaDown: 0 };
  /** Per user: the primary's WAL position after their last write, until the replica passes it. */
  private readonly userFloors = new Map<string, bigint>();
  /** Writes outside requests: the primary's WAL position after them. */
  private processFloor = 0n;
  /** The furthest the replica has been seen to replay (it only moves forward). */
  private replayed = 0n;

  constructor(
    private readonly primary: pg.Pool,
    private readonly replica: pg.Pool,
    private readonly tracker: WriteTracker,
  ) {}

  /** After a request that wrote: remember the primary's position for its user. */
  async noteWrite(userId: string): Promise<void> {
    const lsn = await this.primaryLsn();
    if (lsn > (this.userFloors.get(userId) ?? 0n)) this.userFloors.set(userId, lsn);
  }

  async connect(): Promise<pg.PoolClient> {
    const context = contexts.getStore();
    if (context?.wrote && !context.safe) return this.fromPrimary();
    if (this.tracker.processDirty) {
      this.tracker.processDirty = false;
      const lsn = await this.primaryLsn();
      if (lsn > this.processFloor) this.processFloor = lsn;
    }
    const userFloor = context?.userId ? (this.userFloors.get(context.userId) ?? 0n) : 0n;
    const floor = userFloor > this.processFloor ? userFloor : this.processFloor;
    let client: pg.PoolClient;
    try {
      client = await this.replica.connect();
    } catch {
      this.stats.replicaDown++;
      return this.fromPrimary();
    }
    if (floor > this.replayed) {
      try {
        const { rows } = await client.query<{ lsn: string | null }>('SELECT pg_last_wal_replay_lsn()::text AS lsn');
        const replayed = rows[0]?.lsn ? parseLsn(rows[0].lsn) : 0n;
        if (replayed > this.replayed) {
          this.replayed = replayed;
          this.forgetPassed();
        }
      } catch (error) {
        client.release(error instanceof Error ? error : true);
        this.stats.replicaDown++;
        return this.fromPrimary();
      }
      if (floor > this.replayed) {
        client.release();
        return this.fromPrimary();
      }
    }
    this.stats.replica++;
    return client;
  }

  /**
   * Waits until the replica has replayed everything the primary has written so far (tests that
   * must read a fixture's rows through the replica itself; the routing never needs it).
   */
  async waitForReplay(timeoutMs = 15_000): Promise<void> {
    const target = await this.primaryLsn();
    this.tracker.processDirty = false;
    if (target > this.processFloor) this.processFloor = target;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await this.replica.query<{ lsn: string | null }>('SELECT pg_last_wal_replay_lsn()::text AS lsn');
      const replayed = rows[0]?.lsn ? parseLsn(rows[0].lsn) : 0n;
      if (replayed > this.replayed) {
        this.replayed = replayed;
        this.forgetPassed();
      }
      if (replayed >= target) return;
      if (Date.now() > deadline) throw new Error(`the replica has not replayed ${target} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async end(): Promise<void> {
    await this.replica.end();
  }

  private async fromPrimary(): Promise<pg.PoolClient> {
    this.stats.primary++;
    return this.primary.connect();
  }

  private async primaryLsn(): Promise<bigint> {
    const { rows } = await this.primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    return parseLsn(rows[0]!.lsn);
  }

  /** Floors the replica has passed are dropped (the map holds only users who wrote a moment ago). */
  private forgetPassed(): void {
    if (this.processFloor && this.processFloor <= this.replayed) this.processFloor = 0n;
    if (this.userFloors.size === 0) return;
    for (const [userId, lsn] of this.userFloors) if (lsn <= this.replayed) this.userFloors.delete(userId);
  }
}
