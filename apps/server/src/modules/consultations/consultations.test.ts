import { describe, expect, it } from 'vitest';
import { type Client, suiteContext } from '../../test/context.js';
import { AREAS } from '../../test/fixtures.js';
import { docxText, pdfText } from '../documents/read-back.test-support.js';
import { deliverSms, freshIp, multipart } from '../portal/portal.test-support.js';
import { listConsultationsForProject } from './consultations.repository.js';

const { ctx, town, cadreA1, cadreA2, supervisorB, handler, resident } = suiteContext({
  town: 'townRegistrar', // registrar + dispatcher of 城关镇 (townA): runs the consultation
  cadreA1: 'cadreA1', // stationed cadre of 东门社区 (villageA1)
  cadreA2: 'cadreA2', // stationed cadre of 西门社区 (villageA2)
  supervisorB: (c) => c.userWith([{ role: 'supervisor', unitId: c.org.units['u-townB'] }]),
  handler: 'handler',
  resident: (c) => Promise.resolve(c.anonymous()),
});

let phoneSeq = 100;
const newPhone = () => `1390000${String(phoneSeq++).padStart(4, '0')}`;

/** A household of 东门社区 with a head and a spouse, each with a phone of their own. */
async function household(client: Client = cadreA1, areaCode: string = AREAS.villageA1, tags: string[] = []) {
  const head = newPhone();
  const spouse = newPhone();
  const created = await client.post('/api/households', {
    areaCode,
    address: `解放路${phoneSeq}号`,
    headName: '李建国',
    tags,
    members: [
      { name: '李建国', relationship: 'head', phone: head },
      { name: '王秀兰', relationship: 'spouse', phone: spouse },
    ],
  });
  expect(created.statusCode, created.body).toBe(201);
  const body = created.json();
  return { id: body.id as string, head, spouse, members: body.members as Array<{ id: string; relationship: string }> };
}

const today = () => new Date(ctx.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const later = (days: number) => new Date(ctx.clock.now().getTime() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function consultation(body: Record<string, unknown> = {}) {
  const created = await town.post('/api/consultations', {
    title: '安置小区选址征求意见',
    background: '城关镇拟建设安置小区，现有两个选址方案，请群众提出意见。',
    areaCode: AREAS.townA,
    options: ['方案一：东门地块', '方案二：西门地块'],
    questions: ['对户型面积有何建议？'],
    rule: 'household',
    opensOn: today(),
    closesOn: later(10),
    ...body,
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json();
}

/** Asks a code for `phone` and reads it back from what the gateway received. */
async function codeFor(id: string, phone: string, path = 'consultations'): Promise<string> {
  const sent = await resident.post(`/api/public/${path}/${id}/code`, { phone }, freshIp());
  expect(sent.statusCode, sent.body).toBe(200);
  const messages = (await deliverSms(ctx)).filter((m) => m.phone === phone);
  const code = /验证码为(\d{6})/.exec(messages.at(-1)?.body ?? '')?.[1];
  expect(code).toMatch(/^\d{6}$/);
  return code!;
}

const opine = (id: string, body: Record<string, unknown>) => resident.post(`/api/public/consultations/${id}/opinions`, body, freshIp());

describe('consultations (征求意见)', () => {
  it('starts a consultation in its area only, with its background documents; readers out of scope are refused', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex');
    const { body, headers } = multipart('选址示意图.png', png, 'image/png');
    const uploaded = await town.post('/api/attachments', body, headers);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const attachmentId = uploaded.json().id;
    expect((await town.post('/api/consultations', { title: 't', background: 'b', areaCode: AREAS.townA, options: ['a'], rule: 'household', opensOn: today(), closesOn: later(1), attachmentIds: ['nope'] })).statusCode).toBe(400);
    const c = await consultation({ projectId: '0b8f4a52-7a1e-4c0e-9a55-000000000007', attachmentIds: [attachmentId] });
    expect(c.attachments).toEqual([{ id: attachmentId, fileName: '选址示意图.png' }]);
    // Whoever reads the consultation reads its documents (the uploader's own link is not needed).
    const doc = await cadreA2.get(`/api/consultations/${c.id}/attachments/${attachmentId}`);
    expect(doc.statusCode).toBe(200);
    expect(doc.rawPayload.equals(png)).toBe(true);
    expect((await supervisorB.get(`/api/consultations/${c.id}/attachments/${attachmentId}`)).statusCode).toBe(403);
    expect(c).toMatchObject({ state: 'open', areaName: '城关镇', rule: 'household', projectId: '0b8f4a52-7a1e-4c0e-9a55-000000000007', may: { manage: true, decide: true } });
    expect(c.options.map((o: { label: string }) => o.label)).toEqual(['方案一：东门地块', '方案二：西门地块']);
    // A township B supervisor neither starts one in 城关镇 nor reads this one; a handler has no access at all.
    expect((await supervisorB.post('/api/consultations', { title: 'x', background: 'y', areaCode: AREAS.townA, options: ['a'], rule: 'household', opensOn: today(), closesOn: later(1) })).statusCode).toBe(403);
    expect((await supervisorB.get(`/api/consultations/${c.id}`)).statusCode).toBe(403);
    // A village cadre inside the township reads it (to enter opinions of their households).
    expect((await cadreA2.get(`/api/consultations/${c.id}`)).statusCode).toBe(200);
    expect((await cadreA2.get('/api/consultations')).json().items.map((i: { id: string }) => i.id)).toContain(c.id);
    expect((await handler.get('/api/consultations')).statusCode).toBe(403);
    expect((await supervisorB.get('/api/consultations')).json().items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    // Bad input names its field and writes nothing.
    const bad = await town.post('/api/consultations', { title: '', background: 'y', areaCode: AREAS.townA, options: ['a'], rule: 'household', opensOn: today(), closesOn: later(1) });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body).toContain('title');
    const before = later(-1);
    expect((await town.post('/api/consultations', { title: 't', background: 'y', areaCode: AREAS.townA, options: ['a'], rule: 'household', opensOn: today(), closesOn: before })).statusCode).toBe(400);
    const qr = await cadreA2.get(`/api/consultations/${c.id}/qr.png`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toBe('image/png');
    // The project page lists it.
    expect((await listConsultationsForProject(ctx.database.db, '0b8f4a52-7a1e-4c0e-9a55-000000000007')).map((r) => r.id)).toEqual([c.id]);
  });

  it('verifies residents against the registry: outsiders refused, wrong codes refused, one opinion per household', async () => {
    const c = await consultation();
    const h = await household();
    // A phone in no household of 城关镇 gets no code.
    const outsider = await resident.post(`/api/public/consultations/${c.id}/code`, { phone: '13811112222' }, freshIp());
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().code).toBe('consultation_not_registered');
    // Nor does a household of 河口乡, outside the consultation's area.
    const far = await household(await ctx.userWith([{ role: 'stationed_cadre', unitId: ctx.org.units['u-townB'] }]), AREAS.villageB1);
    expect((await resident.post(`/api/public/consultations/${c.id}/code`, { phone: far.head }, freshIp())).statusCode).toBe(403);

    const code = await codeFor(c.id, h.head);
    const wrong = code === '000000' ? '111111' : '000000';
    const refused = await opine(c.id, { phone: h.head, code: wrong, optionId: c.options[0].id });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('consultation_code');
    const given = await opine(c.id, { phone: h.head, code, optionId: c.options[0].id, text: '东门地块离学校近' });
    expect(given.statusCode, given.body).toBe(201);
    // The code is used once.
    expect((await opine(c.id, { phone: h.head, code, optionId: c.options[0].id })).statusCode).toBe(403);
    // The spouse of the same household: one opinion per household.
    const spouseCode = await codeFor(c.id, h.spouse);
    const twice = await opine(c.id, { phone: h.spouse, code: spouseCode, optionId: c.options[1].id });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('consultation_already');
    // A cadre cannot enter a second one for the household either.
    expect((await cadreA1.post(`/api/consultations/${c.id}/opinions`, { householdId: h.id, optionId: c.options[1].id })).statusCode).toBe(409);

    const detail = (await town.get(`/api/consultations/${c.id}`)).json();
    expect(detail.opinions).toHaveLength(1);
    expect(detail.opinions[0]).toMatchObject({ channel: 'portal', householdId: h.id, optionId: c.options[0].id, text: '东门地块离学校近', recordedByName: null });
    expect(JSON.stringify(detail)).not.toContain(h.head);
  });

  it('one per verified resident: each member once, and a cadre’s entry names the member', async () => {
    const c = await consultation({ rule: 'resident' });
    const h = await household();
    expect((await opine(c.id, { phone: h.head, code: await codeFor(c.id, h.head), optionId: c.options[0].id })).statusCode).toBe(201);
    expect((await opine(c.id, { phone: h.spouse, code: await codeFor(c.id, h.spouse), optionId: c.options[1].id })).statusCode).toBe(201);
    expect((await opine(c.id, { phone: h.spouse, code: await codeFor(c.id, h.spouse), optionId: c.options[1].id })).statusCode).toBe(409);
    const h2 = await household();
    const noMember = await cadreA1.post(`/api/consultations/${c.id}/opinions`, { householdId: h2.id, optionId: c.options[0].id });
    expect(noMember.statusCode).toBe(422);
    expect(noMember.json().code).toBe('consultation_member_required');
    const memberId = h2.members.find((m) => m.relationship === 'head')!.id;
    const entered = await cadreA1.post(`/api/consultations/${c.id}/opinions`, { householdId: h2.id, memberId, optionId: c.options[0].id, text: '走访时提出' });
    expect(entered.statusCode, entered.body).toBe(201);
    expect(entered.json().opinions.find((o: { channel: string }) => o.channel === 'cadre')).toMatchObject({ channel: 'cadre', recordedByName: '冯社区' });
    expect((await cadreA1.post(`/api/consultations/${c.id}/opinions`, { householdId: h2.id, memberId, optionId: c.options[1].id })).statusCode).toBe(409);
    // A cadre of 西门 cannot enter one for a 东门 household (out of scope), even where the consultation reaches both.
    const h3 = await household();
    expect((await cadreA2.post(`/api/consultations/${c.id}/opinions`, { householdId: h3.id, memberId: h3.members[0].id, optionId: c.options[0].id })).statusCode).toBe(403);
  });

  it('meetings with counted and named votes, results by option and group, the decision with feedback to each opinion-giver by SMS and on the portal', async () => {
    const c = await consultation();
    const [a, b] = c.options.map((o: { id: string }) => o.id);
    const h1 = await household(cadreA1, AREAS.villageA1, ['dibao']);
    const h2 = await household(cadreA2, AREAS.villageA2);
    await opine(c.id, { phone: h1.head, code: await codeFor(c.id, h1.head), optionId: a, text: '我是李建国，支持东门地块' });
    await cadreA2.post(`/api/consultations/${c.id}/opinions`, { householdId: h2.id, optionId: b, text: '西门交通方便' });

    const counted = await town.post(`/api/consultations/${c.id}/meetings`, {
      kind: 'people_reps',
      heldAt: ctx.clock.now().toISOString(),
      place: '城关镇会议室',
      minutes: '会议讨论了两个选址方案。',
      isPublic: true,
      voting: 'counts',
      counts: [
        { optionId: a, count: 21 },
        { optionId: b, count: 9 },
      ],
      attendees: [{ name: '张代表', signedIn: true }, { name: '刘代表' }],
    });
    expect(counted.statusCode, counted.body).toBe(201);
    const named = await town.post(`/api/consultations/${c.id}/meetings`, {
      kind: 'party_reps',
      heldAt: ctx.clock.now().toISOString(),
      place: '党群服务中心',
      voting: 'named',
      attendees: [
        { name: '赵党员', optionId: a, signedIn: true },
        { name: '钱党员', optionId: a },
        { name: '孙党员', optionId: b, householdId: h1.id },
      ],
    });
    expect(named.statusCode, named.body).toBe(201);
    let detail = named.json();
    const m = detail.meetings.find((x: { kind: string }) => x.kind === 'people_reps');
    expect(m.attendees.map((x: { name: string }) => x.name)).toEqual(['张**', '刘**']); // masked
    // Sign-in at the door.
    const signed = await town.post(`/api/consultations/${c.id}/meetings/${m.id}/attendees/${m.attendees[1].id}/sign-in`);
    expect(signed.statusCode, signed.body).toBe(200);
    detail = signed.json();
    expect(detail.meetings.find((x: { id: string }) => x.id === m.id).attendees.every((x: { signedInAt: string | null }) => x.signedInAt)).toBe(true);
    expect(detail.results.byOption).toEqual([
      { optionId: a, label: '方案一：东门地块', online: 1, cadre: 0, meetings: 23, total: 24 },
      { optionId: b, label: '方案二：西门地块', online: 0, cadre: 1, meetings: 10, total: 11 },
    ]);
    const group = (kind: string, key: string) => detail.results.groups.find((g: { group: string; key: string }) => g.group === kind && g.key === key);
    expect(group('village', AREAS.villageA1)).toMatchObject({ label: '东门社区', total: 1, counts: [{ optionId: a, count: 1 }, { optionId: b, count: 0 }] });
    expect(group('village', AREAS.villageA2)).toMatchObject({ label: '西门社区', total: 1 });
    expect(group('tag', 'dibao')).toMatchObject({ total: 1 });
    expect(group('channel', 'cadre')).toMatchObject({ total: 1 });
    expect(detail.results).toMatchObject({ opinionCount: 2, householdsHeard: 2 });

    // The decision needs a response to every opinion, with a reason unless adopted.
    const o1 = detail.opinions.find((o: { householdId: string }) => o.householdId === h1.id);
    const o2 = detail.opinions.find((o: { householdId: string }) => o.householdId === h2.id);
    const partial = await town.post(`/api/consultations/${c.id}/decision`, { decision: '采用方案一', responses: [{ opinionId: o1.id, response: 'adopted' }] });
    expect(partial.statusCode).toBe(422);
    const noReason = await town.post(`/api/consultations/${c.id}/decision`, { decision: '采用方案一', responses: [{ opinionId: o1.id, response: 'adopted' }, { opinionId: o2.id, response: 'not_adopted' }] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('reason');
    expect((await cadreA1.post(`/api/consultations/${c.id}/decision`, { decision: 'x', responses: [] })).statusCode).toBe(403);
    const decided = await town.post(`/api/consultations/${c.id}/decision`, {
      decision: '经群众代表会表决，采用方案一：东门地块。',
      responses: [
        { opinionId: o1.id, response: 'adopted' },
        { opinionId: o2.id, response: 'not_adopted', reason: '西门地块位于河道管理范围内' },
      ],
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ state: 'decided', decidedByName: '郑镇登记', may: { manage: false, decide: false, record: false } });

    // Each opinion-giver is told by SMS: the portal one at the phone used, the cadre-entered one at the head's phone in the registry.
    const sms = await deliverSms(ctx);
    const to1 = sms.find((s) => s.phone === h1.head && s.body.includes('已有答复'));
    const to2 = sms.find((s) => s.phone === h2.head && s.body.includes('已有答复'));
    expect(to1?.body).toContain('采纳');
    expect(to2?.body).toContain('不采纳');
    expect(to2?.body).toContain('西门地块位于河道管理范围内');
    expect(to1?.body).toContain(`/m/consultations/${c.id}`);

    // The portal shows the decision and each response, anonymised.
    const page = await resident.get(`/api/public/consultations/${c.id}`);
    expect(page.statusCode, page.body).toBe(200);
    const pub = page.json();
    expect(pub).toMatchObject({ state: 'decided', decision: '经群众代表会表决，采用方案一：东门地块。' });
    expect(pub.feedback.map((f: { response: string }) => f.response).sort()).toEqual(['adopted', 'not_adopted']);
    expect(pub.feedback.find((f: { response: string }) => f.response === 'adopted').text).not.toContain('李建国');
    expect(pub.meetings).toHaveLength(1); // only the meeting marked public
    expect(pub.results.find((r: { optionId: string }) => r.optionId === a).total).toBe(24);
    expect(page.body).not.toContain(h1.head);
    expect((await resident.get('/api/public/consultations')).json().items.map((i: { id: string }) => i.id)).toContain(c.id);

    // Decided: no more opinions, meetings or decisions.
    expect((await opine(c.id, { phone: h2.spouse, code: '123456', optionId: a })).statusCode).toBe(409);
    expect((await town.post(`/api/consultations/${c.id}/decision`, { decision: 'again', responses: [] })).statusCode).toBe(409);

    // Records: the Excel export and the record as PDF and DOCX.
    const xlsx = await town.get(`/api/consultations/${c.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const pdf = await town.get(`/api/consultations/${c.id}/record.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(await pdfText(pdf.rawPayload)).toContain('征求意见工作记录');
    const docx = await town.get(`/api/consultations/${c.id}/record.docx`);
    expect(await docxText(docx.rawPayload)).toContain('西门地块位于河道管理范围内');
  });

  it('refuses opinions outside the period and unknown options', async () => {
    const c = await consultation({ opensOn: later(2), closesOn: later(5) });
    const h = await household();
    expect((await resident.post(`/api/public/consultations/${c.id}/code`, { phone: h.head }, freshIp())).statusCode).toBe(409);
    expect((await resident.get(`/api/public/consultations/${c.id}`)).statusCode).toBe(404); // not yet published
    const open = await consultation();
    const unknown = await opine(open.id, { phone: h.head, code: '123456', optionId: 'nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('optionId');
  });
});
