import { appendFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AREAS } from '../../test/fixtures.js';
import { createTestContext, type Client, type TestContext } from '../../test/context.js';
import { CHECKPOINT_FILE, legacyHash } from './audit.service.js';

// Issue 12, item 4: an insider with the database (but not the data key) must not be able to cut
// the log short, empty it, or edit a row and recompute the hashes without verify noticing.

let ctx: TestContext;
let admin: Client;
const settle = () => new Promise((resolve) => setTimeout(resolve, 250)); // lets after-commit checkpoints land (50 ms was too short at load 9: a late checkpoint broke a recomputed chain)

beforeEach(async () => {
  ctx = await createTestContext();
  admin = await ctx.as('admin');
  for (const name of ['一', '二', '三', '四', '五']) await admin.patch(`/api/admin/areas/${AREAS.villageB1}`, { name: `河口村${name}` });
  await settle();
});
afterEach(() => ctx.close());

const verify = async () => {
  const res = await admin.get('/api/admin/audit/verify');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const db = () => ctx.database.db;
const rows = () => db().selectFrom('auditLog').selectAll().orderBy('seq').execute();
const setHead = (seq: number, mac: string | null) => db().updateTable('counters').set({ value: seq, textValue: mac }).where('name', '=', 'audit').execute();

/** What an insider can do without the key: rewrite the links as plain SHA-256 from `fromSeq` on. */
async function recomputePlain(fromSeq: number) {
  let prev = '0'.repeat(64);
  for (const row of await rows()) {
    if (row.seq >= fromSeq) {
      const entry = { actorUserId: row.actorUserId, action: row.action, subjectType: row.subjectType, subjectId: row.subjectId, detail: row.detail ? JSON.parse(row.detail) : undefined };
      const hash = legacyHash(prev, row.seq, row.at, entry);
      await db().updateTable('auditLog').set({ prevHash: prev, hash }).where('seq', '=', row.seq).execute();
      await setHead(row.seq, hash);
      prev = hash;
    } else prev = row.hash;
  }
}

describe('the keyed audit chain', () => {
  it('is intact after ordinary use, with keyed links, and checkpoints its head outside the database', async () => {
    const all = await rows();
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.every((r) => r.hash.startsWith('hmac-sha256:'))).toBe(true);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, entries: all.length, brokenAt: null, problem: null, head: { seq: all.length, mac: all.at(-1)!.hash }, checkpoint: { seq: all.length }, forgedCheckpoints: 0 });
    expect(existsSync(join(ctx.dataDir, CHECKPOINT_FILE))).toBe(true);
  });

  it('detects the newest rows deleted, whether or not the head is moved back too', async () => {
    const all = await rows();
    await verify(); // checkpoints the full length
    const keep = all.length - 2;
    await db().deleteFrom('auditLog').where('seq', '>', keep).execute();
    expect(await verify()).toMatchObject({ ok: false, entries: keep, brokenAt: keep + 1, problem: 'truncated' });

    await setHead(keep, all[keep - 1].hash); // the head now agrees with the cut-off chain: the checkpoint still does not
    expect(await verify()).toMatchObject({ ok: false, entries: keep, brokenAt: keep + 1, problem: 'truncated' });
  });

  it('detects every row deleted (no longer "0 entries, intact")', async () => {
    await verify();
    await db().deleteFrom('auditLog').execute();
    expect(await verify()).toMatchObject({ ok: false, entries: 0, brokenAt: 1, problem: 'truncated' });
    await setHead(0, null);
    expect(await verify()).toMatchObject({ ok: false, entries: 0, brokenAt: 1, problem: 'truncated' });
  });

  it('detects an edit followed by recomputing plain SHA-256 hashes', async () => {
    await verify();
    const target = (await rows())[2];
    await db().updateTable('auditLog').set({ detail: JSON.stringify({ after: { name: '篡改' } }) }).where('seq', '=', target.seq).execute();

    // From the edited row on: a plain link after a keyed one is refused, checkpoints or not.
    await recomputePlain(target.seq);
    rmSync(join(ctx.dataDir, CHECKPOINT_FILE));
    expect(await verify()).toMatchObject({ ok: false, entries: target.seq - 1, brokenAt: target.seq, problem: 'altered' });
  });

  it('detects a whole chain rewritten as plain SHA-256 against the signed checkpoint', async () => {
    const before = await verify();
    await db().updateTable('auditLog').set({ detail: JSON.stringify({ after: { name: '篡改' } }) }).where('seq', '=', 2).execute();
    await recomputePlain(1);
    const after = await verify();
    expect(after).toMatchObject({ ok: false, problem: 'altered' });
    // Caught at a checkpointed row: the first keyed one (checkpointed when written) or the head.
    expect(after.brokenAt).toBeGreaterThanOrEqual(1);
    expect(after.brokenAt).toBeLessThanOrEqual(before.checkpoint.seq);
  });

  it('refuses a forged checkpoint line, and a forged line cannot fake anything', async () => {
    const before = await verify();
    appendFileSync(join(ctx.dataDir, CHECKPOINT_FILE), `${JSON.stringify({ seq: before.entries + 50, mac: 'hmac-sha256:00', at: new Date().toISOString(), signature: 'f'.repeat(64) })}\n`);
    expect(await verify()).toMatchObject({ ok: false, entries: before.entries, brokenAt: null, problem: 'forged-checkpoint', forgedCheckpoints: 1, checkpoint: { seq: before.entries } });
  });

  it('keeps verifying rows written before keyed links (plain SHA-256), and chains keyed ones after them', async () => {
    // A log from before the upgrade: every link plain, no checkpoint file yet.
    await recomputePlain(1);
    rmSync(join(ctx.dataDir, CHECKPOINT_FILE), { force: true });
    const legacy = (await rows()).length;
    expect(await verify()).toMatchObject({ ok: true, entries: legacy, problem: null });

    await admin.patch(`/api/admin/areas/${AREAS.villageB1}`, { name: '河口村六' });
    await settle();
    const all = await rows();
    expect(all.at(-1)!.hash.startsWith('hmac-sha256:')).toBe(true);
    expect(await verify()).toMatchObject({ ok: true, entries: all.length, problem: null });

    // An edit of an old plain row is still caught.
    await db().updateTable('auditLog').set({ action: 'forged' }).where('seq', '=', 1).execute();
    expect(await verify()).toMatchObject({ ok: false, entries: 0, brokenAt: 1, problem: 'altered' });
  });
});
