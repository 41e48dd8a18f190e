import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/database.js';
import type { Database } from './database.js';
import { createGroupCommit } from './group-commit.js';
import { migrateToLatest } from './migrate.js';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrateToLatest(database.db, database.schema);
  await sql`create table gc_parent (id integer primary key)`.execute(database.db);
  await sql`create table gc_child (id integer primary key, parent_id integer not null references gc_parent (id) deferrable initially deferred)`.execute(database.db);
}, 120_000);
afterAll(() => database.close());

const counterNames = async (prefix: string) =>
  (await database.db.selectFrom('counters').select('name').where('name', 'like', `${prefix}%`).orderBy('name').execute()).map((r) => r.name);

describe('group commit', () => {
  it('commits concurrent works together, and a failing one rolls back alone with its own error', async () => {
    const commits = createGroupCommit(database.db);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        commits.run(async (trx) => {
          const name = `ok:${String(i).padStart(2, '0')}`;
          await trx.insertInto('counters').values({ name, value: i, textValue: null }).execute();
          if (i === 7) throw new Error('work 7 refuses');
          // A statement the database refuses (a duplicate key): on PostgreSQL it aborts the whole
          // transaction unless its savepoint is rolled back.
          if (i === 11) await trx.insertInto('counters').values({ name, value: i, textValue: null }).execute();
          return i;
        }),
      ),
    );
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'rejected'))).toEqual(Array.from({ length: 20 }, (_, i) => (i === 7 || i === 11 ? 'rejected' : i)));
    expect((results[7] as PromiseRejectedResult).reason).toEqual(new Error('work 7 refuses'));
    expect(String((results[11] as PromiseRejectedResult).reason)).toMatch(/unique|duplicate/i);
    // Nothing of the failed works, everything of the others.
    expect(await counterNames('ok:')).toEqual(Array.from({ length: 20 }, (_, i) => i).filter((i) => i !== 7 && i !== 11).map((i) => `ok:${String(i).padStart(2, '0')}`));
    // They shared commits: 20 works that arrived together went in one group.
    expect(commits.stats()).toEqual({ groups: 1, works: 20, largest: 20 });
  });

  it('acknowledges no work of a group whose commit fails', async () => {
    const commits = createGroupCommit(database.db);
    await sql`insert into gc_parent (id) values (1)`.execute(database.db);
    const results = await Promise.allSettled([
      commits.run(async (trx) => {
        await trx.insertInto('counters').values({ name: 'fail:a', value: 1, textValue: null }).execute();
        return 'a';
      }),
      // The deferred key is checked only at the commit, which then fails for the whole group.
      commits.run(async (trx) => {
        await sql`insert into gc_child (id, parent_id) values (1, 999)`.execute(trx);
        return 'b';
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await counterNames('fail:')).toEqual([]);
    expect(commits.stats().groups).toBe(0);
    // The next group commits normally.
    await expect(commits.run(async (trx) => (await trx.insertInto('counters').values({ name: 'fail:after', value: 1, textValue: null }).execute(), 'c'))).resolves.toBe('c');
    expect(await counterNames('fail:')).toEqual(['fail:after']);
  });

  it('runs a lone work in a plain transaction: all or nothing', async () => {
    const commits = createGroupCommit(database.db);
    await expect(
      commits.run(async (trx) => {
        await trx.insertInto('counters').values({ name: 'lone:a', value: 1, textValue: null }).execute();
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await counterNames('lone:')).toEqual([]);
    await expect(commits.run(async (trx) => (await trx.insertInto('counters').values({ name: 'lone:b', value: 1, textValue: null }).execute(), 1))).resolves.toBe(1);
    expect(await counterNames('lone:')).toEqual(['lone:b']);
  });

  it('groups works that arrive while a commit is in flight', async () => {
    const commits = createGroupCommit(database.db);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = commits.run(async (trx) => {
      await trx.insertInto('counters').values({ name: 'flight:0', value: 0, textValue: null }).execute();
      await gate;
      return 0;
    });
    await new Promise((r) => setImmediate(r));
    // The first group is open: these wait, then commit together.
    const later = Array.from({ length: 5 }, (_, i) => commits.run(async (trx) => (await trx.insertInto('counters').values({ name: `flight:${i + 1}`, value: i, textValue: null }).execute(), i + 1)));
    release();
    expect(await Promise.all([first, ...later])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(commits.stats()).toEqual({ groups: 2, works: 6, largest: 5 });
  });
});
