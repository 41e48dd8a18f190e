import { beforeAll, describe, expect, it } from 'vitest';
import { act, actionBody, allPowerful } from '../../test/case-driver.js';
import { suiteContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';
import { extractText, getDocumentProxy } from 'unpdf';
import { serifFonts } from './pdf-fonts.js';
import { docxText, pdfText } from './read-back.test-support.js';
import { renderDocumentPdf } from './render-pdf.js';

const { ctx, staff } = suiteContext({ staff: allPowerful });
let caseId: string;
let code: string;

beforeAll(async () => {
  const created = (await staff.post('/api/cases', caseInput())).json();
  caseId = created.id;
  code = created.code;
  await act(staff, caseId, 'dispatch', actionBody(ctx, 'dispatch'));
  await act(staff, caseId, 'accept', {});
  await act(staff, caseId, 'request_extension', { days: 5, reason: '需要入户核查家庭收入' });
  const extensionId = (await staff.get(`/api/cases/${caseId}`)).json().extensions[0].id;
  await act(staff, caseId, 'approve_extension', { extensionId });
  await act(staff, caseId, 'reply', { reply: '经入户核查，您家符合低保条件，已纳入保障，自下月起发放。', solved: true });
});

const EXPECTED: Record<string, string[]> = {
  acceptance: ['受理告知书', '予以受理', '青溪县群众工作中心'],
  reply: ['处理意见书', '符合低保条件', '青溪县民政局'],
  extension: ['延期告知书', '延长5日', '需要入户核查家庭收入'],
};

describe('official documents', () => {
  for (const [type, phrases] of Object.entries(EXPECTED)) {
    it(`${type}: PDF and DOCX read back with the Chinese text, the case code and the requester`, async () => {
      const pdf = await staff.get(`/api/cases/${caseId}/documents/${type}.pdf`);
      expect(pdf.statusCode, pdf.body).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toContain(encodeURIComponent(code));
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      // The CJK font is embedded as a subset: a page stays small though the font file is 8 MB.
      expect(pdf.rawPayload.length).toBeLessThan(200_000);
      const docx = await staff.get(`/api/cases/${caseId}/documents/${type}.docx`);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      for (const text of [await pdfText(pdf.rawPayload), await docxText(docx.rawPayload)]) {
        for (const phrase of [...phrases, code, '张秀英', '（印章）', '2026年3月2日']) expect(text, phrase).toContain(phrase.replace(/\s+/g, ''));
        expect(text).toMatch(/〔2026〕.字第\d{4}-\d{6}号/);
      }
    });
  }

  it('has a not-accepted notice only for a case that was not accepted', async () => {
    expect((await staff.get(`/api/cases/${caseId}/documents/not_accepted.pdf`)).statusCode).toBe(422);
    const other = (await staff.post('/api/cases', caseInput({ requester: { name: '李德胜', phone: '13800001111' } }))).json();
    await act(staff, other.id, 'not_accept', { reason: '该事项已进入诉讼程序' });
    const docx = await staff.get(`/api/cases/${other.id}/documents/not_accepted.docx`);
    expect(docx.statusCode).toBe(200);
    const text = await docxText(docx.rawPayload);
    for (const phrase of ['不予受理告知书', '该事项已进入诉讼程序', other.code, '李德胜']) expect(text).toContain(phrase);
    const reply = await staff.get(`/api/cases/${other.id}/documents/reply.pdf`);
    expect(reply.statusCode).toBe(422);
    expect(reply.json().title).toContain('处理意见书');
  });

  it('renders in English on request', async () => {
    const pdf = await staff.get(`/api/cases/${caseId}/documents/reply.pdf`, { 'x-lianxin-locale': 'en-US' });
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('HandlingOpinion');
    expect(text).toContain(code);
  });

  it('masks the name for staff who see the case but not personal data, and audits every generation', async () => {
    const cadre = await ctx.userWith([{ role: 'stationed_cadre', unitId: ctx.org.units['u-villageA1'] }]);
    const pdf = await cadre.get(`/api/cases/${caseId}/documents/acceptance.pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('张**');
    expect(text).not.toContain('张秀英');
    const audited = await ctx.database.db.selectFrom('auditLog').selectAll().where('action', '=', 'generate_document').where('subjectId', '=', caseId).execute();
    expect(audited.length).toBeGreaterThanOrEqual(7);
    expect(audited.at(-1)!.actorUserId).toBe(cadre.userId);
  });

  it('refuses staff out of scope, unknown cases and unknown document names', async () => {
    expect((await (await ctx.as('cadreA2')).get(`/api/cases/${caseId}/documents/reply.pdf`)).statusCode).toBe(403);
    expect((await staff.get('/api/cases/no-such-case/documents/reply.pdf')).statusCode).toBe(404);
    const bad = await staff.get(`/api/cases/${caseId}/documents/summons.pdf`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('file');
    expect((await ctx.anonymous().get(`/api/cases/${caseId}/documents/reply.pdf`)).statusCode).toBe(401);
  });

  it('attaches the matching document to each SMS notice in the outbox', async () => {
    const sms = await ctx.database.db.selectFrom('outbox').select(['id', 'template', 'documentType']).where('caseId', '=', caseId).where('channel', '=', 'sms').orderBy('createdAt').execute();
    expect(sms.map((m) => [m.template, m.documentType])).toEqual([
      ['sms.registered', 'acceptance'],
      ['sms.extended', 'extension'],
      ['sms.replied', 'reply'],
    ]);
    const replied = sms.find((m) => m.template === 'sms.replied')!;
    const attached = await staff.get(`/api/outbox/${replied.id}/document.pdf`);
    expect(attached.statusCode).toBe(200);
    expect(await pdfText(attached.rawPayload)).toContain('处理意见书');
    const notice = await ctx.database.db.selectFrom('outbox').select('id').where('channel', '=', 'internal').executeTakeFirstOrThrow();
    expect((await staff.get(`/api/outbox/${notice.id}/document.pdf`)).statusCode).toBe(404);
  });
});

// — screens —
describe('layout after GB/T 9704', () => {
  const facts: Array<[string, string]> = [
    ['受理编号', 'LX20260302-000123'],
    ['诉求类型', '求助'],
    ['反映渠道', '网上平台'],
    ['诉求内容', '家中老人独居，想了解低保申请办法，村里说要等通知。'.repeat(3)],
    ['承办单位', '青溪县民政局'],
  ];
  const document = (paragraphs: number) => ({
    type: 'reply' as const,
    title: '处理意见书',
    number: '〔2026〕处字第0302-000123号',
    recipient: '张秀英：',
    paragraphs: Array.from({ length: paragraphs }, (_, i) => `第${i + 1}段：经入户核查，您家符合低保条件，已纳入保障，自下月起发放，请按时到村委会领取相关材料。`.repeat(2)),
    facts,
    unitName: '青溪县群众工作中心',
    date: '2026年3月2日',
    seal: '（印章）',
    caseCode: 'LX20260302-000123',
  });
  const pages = async (data: Buffer) => {
    const pdf = await getDocumentProxy(new Uint8Array(data));
    return (await extractText(pdf, { mergePages: false })).text.map((t) => t.replace(/\s+/g, ''));
  };

  it('keeps the details table whole on one page, numbers the pages, and stays under 100 KB a page', async () => {
    for (const paragraphs of [1, 6, 7, 8, 9, 10, 12]) {
      const data = await renderDocumentPdf(document(paragraphs));
      const texts = await pages(data);
      const withTable = texts.filter((t) => facts.some(([label]) => t.includes(label)));
      expect(withTable, `${paragraphs} paragraphs`).toHaveLength(1);
      for (const [label] of facts) expect(withTable[0]).toContain(label);
      texts.forEach((t, i) => expect(t).toContain(`—${i + 1}—`));
      expect(data.length / texts.length).toBeLessThan(100_000);
    }
  });

  it('sets the 版头 (issuing unit, 发文字号) above the title, in a serif face where the machine has one', async () => {
    const data = await renderDocumentPdf(document(2));
    const [first] = await pages(data);
    expect(first.indexOf('青溪县群众工作中心')).toBeLessThan(first.indexOf('〔2026〕处字第0302-000123号'));
    expect(first.indexOf('〔2026〕处字第0302-000123号')).toBeLessThan(first.indexOf('处理意见书'));
    if (serifFonts()) expect(data.toString('latin1')).toMatch(/NotoSerifCJKsc-(Regular|Bold)/);
  });
});
