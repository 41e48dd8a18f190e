import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PERSONAL_TEXT_PENDING } from '../../db/migrations/2026120605_personal_text_pending.js';
import { allPowerful, caseInState } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';
import { caseIdOf, submit } from '../portal/portal.test-support.js';
import { protectStoredText } from './cases.protect-stored.js';

const { ctx, boss, registrar, dispatcher } = suiteContext({ boss: allPowerful, registrar: 'registrar', dispatcher: 'dispatcher' });

const PHONE = '13812345678';
const ID_NUMBER = '36010219900101123X';
const LANDLINE = '0791-88881234';
const TITLE = `邻居噪音扰民 电话${PHONE}`;
const CONTENT = `我叫王小明，电话${PHONE}，身份证${ID_NUMBER}，楼下饭店油烟噪音扰民，可打座机${LANDLINE}联系店主。`;
const MASKED_CONTENT = '我叫王小明，电话138****5678，身份证3601**********123X，楼下饭店油烟噪音扰民，可打座机0791-****1234联系店主。';

/**
 * Every byte the database holds: on SQLite the file `VACUUM INTO` writes (tables, indexes, the
 * FTS5 segments), on PostgreSQL every row of every table of the test's schema as text.
 */
async function databaseBytes(): Promise<string> {
  const db = ctx.database.db;
  if (ctx.database.dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'lianxin-bytes-'));
    const file = join(dir, 'copy.db');
    try {
      await sql.raw(`vacuum into '${file}'`).execute(db);
      return readFileSync(file).toString('latin1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<{ j: string }>`select row_to_json(t)::text as j from ${sql.table(name)} t`.execute(db);
    parts.push(...rows.rows.map((r) => r.j));
  }
  return parts.join('\n');
}

describe('personal data typed into free text', () => {
  it('is stored masked at registration, with the original encrypted, and nowhere in clear in the database', async () => {
    const created = await registrar.post('/api/cases', caseInput({ title: TITLE, content: CONTENT }));
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json();
    expect(view.content).toBe(MASKED_CONTENT);
    expect(view.title).toBe('邻居噪音扰民 电话138****5678');
    expect(view.textProtected).toBe(true);

    const row = await ctx.database.db.selectFrom('cases').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    expect(row.content).toBe(MASKED_CONTENT);
    expect(ctx.cipher.decrypt(row.contentEnc!)).toBe(CONTENT);
    expect(ctx.cipher.decrypt(row.titleEnc!)).toBe(TITLE);

    const bytes = await databaseBytes();
    expect(bytes).toContain('138****5678');
    for (const secret of [PHONE, ID_NUMBER, '88881234', '19900101123']) expect(bytes).not.toContain(secret);
  });

  it('keeps a text with nothing to protect as it is, without a copy', async () => {
    const view = (await registrar.post('/api/cases', caseInput())).json();
    expect(view.textProtected).toBe(false);
    const row = await ctx.database.db.selectFrom('cases').select(['content', 'contentEnc', 'titleEnc']).where('id', '=', view.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ content: caseInput().content as string, contentEnc: null, titleEnc: null });
  });

  it('is masked in a resident’s submission through the portal', async () => {
    const { code } = await submit(ctx, { description: `家门口路灯坏了一个月，请联系我${PHONE}，谢谢。` });
    const id = await caseIdOf(ctx, code);
    const page = (await dispatcher.get(`/api/cases/${id}`)).json();
    expect(page.content).toBe('家门口路灯坏了一个月，请联系我138****5678，谢谢。');
    expect(page.textProtected).toBe(true);
  });

  it('is masked in replies and notes of transitions, the search index and the SMS seeing only the masked text', async () => {
    const id = await caseInState(ctx, boss, 'handling', { content: '小区路面塌陷，请尽快修复。' });
    const returned = await boss.post(`/api/cases/${id}/reply`, { reply: `已修复。如有问题请拨打维修队电话 139 8765 4321。`, solved: true });
    expect(returned.statusCode, returned.body).toBe(200);
    const page = returned.json();
    expect(page.reply.text).toBe('已修复。如有问题请拨打维修队电话 139 **** 4321。');
    expect(page.textProtected).toBe(true);
    const replyEvent = page.events.find((e: { action: string }) => e.action === 'reply');
    expect(replyEvent).toMatchObject({ note: '已修复。如有问题请拨打维修队电话 139 **** 4321。', noteProtected: true });
    expect(page.events.filter((e: { noteProtected: boolean }) => e.noteProtected)).toHaveLength(1);

    const found = (await boss.get(`/api/search/cases?q=${encodeURIComponent('87654321')}`)).json();
    expect(found.items.map((c: { id: string }) => c.id)).not.toContain(id);
    const sms = await ctx.database.db.selectFrom('outbox').select('body').where('caseId', '=', id).execute();
    expect(sms.map((m) => m.body).join('\n')).not.toContain('8765');
    expect(await databaseBytes()).not.toContain('8765 4321');
  });

  it('is masked in the reason of an extension request, its event and its record', async () => {
    const id = await caseInState(ctx, boss, 'handling');
    const extended = await boss.post(`/api/cases/${id}/extensions`, { days: 5, reason: `需联系当事人${PHONE}核实` });
    expect(extended.statusCode, extended.body).toBe(200);
    const page = extended.json();
    expect(page.extensions[0].reason).toBe('需联系当事人138****5678核实');
    expect(page.events.at(-1)).toMatchObject({ note: '需联系当事人138****5678核实', noteProtected: true });
  });
});

describe('the audited reveal of the free text', () => {
  it('gives the full texts to those who may see the requester, and audits each reveal', async () => {
    const view = (await registrar.post('/api/cases', caseInput({ title: TITLE, content: CONTENT }))).json();
    const page = (await dispatcher.get(`/api/cases/${view.id}`)).json();
    expect(page.canRevealText).toBe(true);
    const before = await ctx.database.db.selectFrom('auditLog').select('seq').where('subjectId', '=', view.id).execute();

    const revealed = await dispatcher.get(`/api/cases/${view.id}/personal-text`);
    expect(revealed.statusCode, revealed.body).toBe(200);
    expect(revealed.json()).toEqual({ title: TITLE, content: CONTENT, reply: null, evaluationComment: null, notes: [] });
    const audit = await ctx.database.db.selectFrom('auditLog').selectAll().where('subjectId', '=', view.id).execute();
    expect(audit).toHaveLength(before.length + 1);
    expect(audit.at(-1)).toMatchObject({ action: 'reveal_personal_data', actorUserId: ctx.org.users.dispatcher });
  });

  it('reveals the notes that were masked, by their event', async () => {
    const id = await caseInState(ctx, boss, 'handling');
    await boss.post(`/api/cases/${id}/reply`, { reply: `请联系${PHONE}领取`, solved: true });
    const revealed = (await boss.get(`/api/cases/${id}/personal-text`)).json();
    expect(revealed.reply).toBe(`请联系${PHONE}领取`);
    expect(revealed.notes).toEqual([{ seq: expect.any(Number), note: `请联系${PHONE}领取` }]);
  });

  it('refuses the wrong role (403), another village (403 out of scope) and an unknown case (404), auditing nothing', async () => {
    const view = (await (await ctx.as('cadreA1')).post('/api/cases', caseInput({ content: CONTENT }))).json();
    const admin = await ctx.as('admin');
    expect((await admin.get(`/api/cases/${view.id}`)).json()).toMatchObject({ canRevealText: false, textProtected: true });
    const count = async () => (await ctx.database.db.selectFrom('auditLog').select('seq').where('subjectId', '=', view.id).execute()).length;
    const before = await count();

    expect((await admin.get(`/api/cases/${view.id}/personal-text`)).statusCode).toBe(403);
    const outside = await (await ctx.as('cadreA2')).get(`/api/cases/${view.id}/personal-text`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('out_of_scope');
    expect((await dispatcher.get('/api/cases/no-such-case/personal-text')).statusCode).toBe(404);
    expect(await count()).toBe(before);
  });
});

describe('free text stored before masking on write', () => {
  it('is protected once at start: masked, encrypted, re-indexed, then the mark is gone', async () => {
    const db = ctx.database.db;
    const id = await caseInState(ctx, boss, 'handling', { content: '路灯不亮' });
    // As an older version stored it: in clear, and indexed so.
    await db.updateTable('cases').set({ content: CONTENT, contentEnc: null }).where('id', '=', id).execute();
    await db.updateTable('caseEvents').set({ note: `联系${PHONE}` }).where('caseId', '=', id).where('seq', '=', 2).execute();
    const { indexCase } = await import('../search-index/search-index.repository.js');
    const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await indexCase(db, row);
    // The mark migration 2026120605 leaves (a fresh test database has it too).
    await db.deleteFrom('settings').where('key', '=', PERSONAL_TEXT_PENDING).execute();
    await db.insertInto('settings').values({ key: PERSONAL_TEXT_PENDING, value: '1' }).execute();

    const report = await protectStoredText(db, ctx.cipher);
    expect(report).toEqual({ cases: 1, notes: 1 });
    const after = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(after.content).toBe(MASKED_CONTENT);
    expect(ctx.cipher.decrypt(after.contentEnc!)).toBe(CONTENT);
    const event = await db.selectFrom('caseEvents').selectAll().where('caseId', '=', id).where('seq', '=', 2).executeTakeFirstOrThrow();
    expect(event.note).toBe('联系138****5678');
    expect(ctx.cipher.decrypt(event.noteEnc!)).toBe(`联系${PHONE}`);
    expect(await db.selectFrom('settings').select('key').where('key', '=', PERSONAL_TEXT_PENDING).executeTakeFirst()).toBeUndefined();
    expect(await databaseBytes()).not.toContain(PHONE);
    expect((await boss.get(`/api/cases/${id}/personal-text`)).json().content).toBe(CONTENT);

    // Once done, a later start does nothing.
    expect(await protectStoredText(db, ctx.cipher)).toBeNull();
  });
});
