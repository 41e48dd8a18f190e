import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../../test/fixtures.js';
import { suiteContext } from '../../test/context.js';
import { expectProblem } from '../../test/admin-support.js';

const { ctx, admin } = suiteContext({ admin: 'admin' });
beforeAll(async () => {
  // A few entries to read: three area edits and a calendar change.
  for (const name of ['一', '二', '三']) await admin.patch(`/api/admin/areas/${AREAS.villageB1}`, { name: `河口村${name}` });
  await admin.put('/api/admin/calendar/2026-03-10', { kind: 'holiday', name: '测试' });
});

interface Entry {
  seq: number;
  action: string;
  subjectType: string;
  subjectId: string;
  actorUserId: string;
  actorName: string;
  detail: { before?: { name?: string }; after?: { name?: string } } | null;
}

describe('reading the audit log', () => {
  it('lists the newest entries first with the actor’s name and the parsed detail', async () => {
    const res = await admin.get('/api/admin/audit');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Entry[];
    expect(items[0]).toMatchObject({ action: 'create', subjectType: 'calendar_day', subjectId: '2026-03-10', actorUserId: ctx.org.users.admin, actorName: '管理员' });
    expect(items.map((e) => e.seq)).toEqual([...items.map((e) => e.seq)].sort((a, b) => b - a));
    expect(res.json().nextCursor).toBeNull();
  });

  it('filters by subject and by actor, and pages by sequence number', async () => {
    const first = await admin.get(`/api/admin/audit?subjectType=area&subjectId=${AREAS.villageB1}&limit=2`);
    expect(first.statusCode, first.body).toBe(200);
    const page1 = first.json() as { items: Entry[]; nextCursor: number };
    expect(page1.items.map((e) => e.detail!.after!.name)).toEqual(['河口村三', '河口村二']);
    const second = (await admin.get(`/api/admin/audit?subjectType=area&subjectId=${AREAS.villageB1}&limit=2&before=${page1.nextCursor}`)).json();
    expect(second.items.map((e: Entry) => e.detail!.after!.name)).toEqual(['河口村一']);
    expect(second.nextCursor).toBeNull();

    const byOthers = (await admin.get(`/api/admin/audit?actorUserId=${ctx.org.users.registrar}`)).json();
    expect(byOthers.items).toEqual([]);
    const byAdmin = (await admin.get(`/api/admin/audit?actorUserId=${ctx.org.users.admin}`)).json();
    expect(byAdmin.items).toHaveLength(4);
  });

  it('is open to supervisors but not to other staff', async () => {
    expect((await (await ctx.as('supervisor')).get('/api/admin/audit')).statusCode).toBe(200);
    expectProblem(await (await ctx.as('dispatcher')).get('/api/admin/audit'), 403);
    expectProblem(await (await ctx.as('dispatcher')).get('/api/admin/audit/verify'), 403);
    expectProblem(await admin.get('/api/admin/audit?limit=1000'), 400, 'limit');
  });
});

describe('verifying the hash chain', () => {
  it('finds the chain intact, then points at the entry someone edited in the database', async () => {
    const intact = await admin.get('/api/admin/audit/verify');
    expect(intact.statusCode, intact.body).toBe(200);
    const rows = await ctx.database.db.selectFrom('auditLog').select('seq').execute();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(intact.json()).toMatchObject({ ok: true, entries: rows.length, brokenAt: null, problem: null });

    const target = (await admin.get(`/api/admin/audit?subjectType=area&subjectId=${AREAS.villageB1}&limit=1`)).json().items[0] as Entry;
    await ctx.database.db
      .updateTable('auditLog')
      .set({ detail: JSON.stringify({ before: { name: '河口村二' }, after: { name: '篡改' } }) })
      .where('seq', '=', target.seq)
      .execute();
    const broken = await admin.get('/api/admin/audit/verify');
    expect(broken.json()).toMatchObject({ ok: false, entries: target.seq - 1, brokenAt: target.seq, problem: 'altered' });
  });
});
