import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../field-work/field-work.test-support.js';
import { docxText, pdfText } from '../documents/read-back.test-support.js';
import { suiteContext } from '../../test/context.js';
import { applyInput, createItem, smsTemplates, step, uploadPhoto } from './service-centre.test-support.js';

const DAY = 86_400_000;
const { ctx, admin, proxy, otherProxy, town, anonymous } = suiteContext({
  admin: 'admin',
  proxy: 'cadreA1',
  otherProxy: 'cadreA2',
  town: 'townRegistrar',
  anonymous: async (c) => c.anonymous(),
});

const members = [{ name: '刘书记', role: '主任' }, { name: '陈委员' }, { name: '黄委员' }, { name: '吴委员' }, { name: '杨委员' }, { name: '郭委员' }];

/** An application of `itemId` taken by the proxy of 东门社区 and brought to review by the township. */
async function reviewed(itemId: string, overrides: Record<string, unknown> = {}) {
  const created = await proxy.post('/api/service-applications', applyInput(ctx, itemId, overrides));
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  expect((await step(town, id, { action: 'receive' })).statusCode).toBe(200);
  const r = await step(town, id, { action: 'review' });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

describe('service applications (便民服务)', () => {
  it('the 低保 lifecycle: proxy with photos → received → materials requested (notice) → supplemented → committee → 公示 → objection answered → approved → delivered → rated', async () => {
    const item = await createItem(ctx, admin);
    const photo = await uploadPhoto(proxy);
    const body = applyInput(ctx, item.id, { materials: [{ name: '户口簿', state: 'present', attachmentIds: [photo] }, { name: '身份证', state: 'present' }] });
    const created = await proxy.post('/api/service-applications', body);
    expect(created.statusCode, created.body).toBe(201);
    const app = created.json();
    expect(app).toMatchObject({ state: 'submitted', channel: 'proxy', applicantMasked: '张**', phoneMasked: expect.stringContaining('****'), proxyName: '冯社区', level: 'township' });
    expect(app.number).toMatch(/^青溪便〔2026〕\d+号$/);
    expect(app.materials[0].photos).toHaveLength(1);
    expect(JSON.stringify(app)).not.toContain('张三丰');
    // The photo is served to the township that decides it.
    const served = await town.get(`/api/service-applications/${app.id}/photos/${photo}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toContain('image/png');

    // The proxy may not decide; the township receives and asks, once and in full, for one more document.
    expect((await step(proxy, app.id, { action: 'receive' })).statusCode).toBe(403);
    expect((await step(town, app.id, { action: 'receive' })).json().state).toBe('received');
    const asked = await step(town, app.id, { action: 'request_materials', note: '请提供村委会出具的家庭收入情况证明', materials: [{ name: '收入证明', state: 'missing' }] });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().state).toBe('materials_requested');
    const notice = await town.get(`/api/service-applications/${app.id}/notice.docx`);
    expect(notice.statusCode).toBe(200);
    const noticeText = await docxText(notice.rawPayload);
    expect(noticeText).toContain('补正材料通知书');
    expect(noticeText).toContain('收入证明');
    expect(await pdfText((await town.get(`/api/service-applications/${app.id}/notice.pdf`)).rawPayload)).toContain('补正材料通知书');

    // The proxy's list: mine to carry, with what to bring back.
    const carry = (await proxy.get('/api/service-applications?view=carry')).json().items.find((a: { id: string }) => a.id === app.id);
    expect(carry.toBringBack).toEqual(['收入证明（缺少）']);
    const proxyNotices = await ctx.database.db.selectFrom('outbox').select(['template', 'targetId']).where('recipientUserId', '=', ctx.org.users.cadreA1).where('template', '=', 'notice.service_carry').execute();
    expect(proxyNotices.some((n) => n.targetId === app.id)).toBe(true);

    const income = await uploadPhoto(proxy, '收入证明.png');
    const supplied = await step(proxy, app.id, { action: 'supplement', materials: [{ name: '收入证明', state: 'present', attachmentIds: [income] }] });
    expect(supplied.statusCode, supplied.body).toBe(200);
    expect(supplied.json().state).toBe('supplemented');
    expect(supplied.json().materials.every((m: { state: string }) => m.state === 'present')).toBe(true);
    expect((await step(town, app.id, { action: 'review' })).json().state).toBe('reviewing');
    // A collective decision: no direct approval.
    expect((await step(town, app.id, { action: 'approve' })).statusCode).toBe(409);
    expect((await step(town, app.id, { action: 'to_committee' })).json().state).toBe('committee');

    const meeting = await town.post('/api/service-meetings', { title: '城关镇低保评议会', unitId: 'u-townA', heldAt: ctx.clock.now().toISOString(), members, applicationIds: [app.id] });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const m = meeting.json();
    await town.post(`/api/service-meetings/${m.id}/attendance`, { present: [0, 1, 2, 3, 4] });
    const voted = await town.post(`/api/service-meetings/${m.id}/votes`, {
      applicationId: app.id,
      votes: [
        { member: 0, vote: 'for' },
        { member: 1, vote: 'for' },
        { member: 2, vote: 'for' },
        { member: 3, vote: 'against' },
        { member: 4, vote: 'abstain' },
      ],
    });
    expect(voted.statusCode, voted.body).toBe(200);
    expect(voted.json().applications[0]).toMatchObject({ outcome: 'passed', tally: { for: 3, against: 1, abstain: 1 } });

    // The 公示 on the portal: masked, nothing personal.
    const board = await anonymous.get('/api/public/publicity');
    expect(board.statusCode).toBe(200);
    const entry = board.json().items.find((e: { id: string }) => e.id === app.id);
    expect(entry).toMatchObject({ applicantMasked: '张**', areaName: '东门社区', tally: '赞成3票，反对1票，弃权1票', itemName: '最低生活保障申请' });
    expect(JSON.stringify(board.json())).not.toMatch(/张三丰|13900001111|36990119600101123X/);
    expect(new Date(entry.endsAt).getTime() - new Date(entry.startsAt).getTime()).toBe(7 * DAY);
    const poster = await town.get(`/api/service-applications/${app.id}/poster.pdf`);
    expect(poster.statusCode).toBe(200);
    const posterText = await pdfText(poster.rawPayload);
    expect(posterText).toContain('公示');
    expect(posterText).not.toContain('张三丰');

    // An objection from the portal, investigated and answered (not upheld); the 公示 closes only after its days.
    expect((await anonymous.post(`/api/public/publicity/${app.id}/objections`, { content: '据了解其子女在外务工收入较高', contactPhone: '13700002222' })).statusCode).toBe(201);
    let detail = (await town.get(`/api/service-applications/${app.id}`)).json();
    const objection = detail.objections[0];
    expect(objection).toMatchObject({ channel: 'portal', state: 'recorded' });
    expect((await town.post(`/api/service-applications/${app.id}/publicity/close`)).statusCode).toBe(422);
    expect((await town.post(`/api/service-applications/${app.id}/objections/${objection.id}/investigate`)).json().objections[0].state).toBe('investigating');
    const answered = await town.post(`/api/service-applications/${app.id}/objections/${objection.id}/answer`, { finding: '经入户核实，其子女已分户另居，收入不计入', upheld: false, answer: '经核实，异议不成立' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ state: 'publicity', objections: [{ state: 'answered', upheld: false }] });
    expect((await town.post(`/api/service-applications/${app.id}/publicity/close`)).statusCode).toBe(422);
    ctx.clock.advance(7 * DAY + 60_000);
    const approved = await town.post(`/api/service-applications/${app.id}/publicity/close`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().state).toBe('approved');

    // The proxy delivers the result; the resident rates it through the SMS link.
    const delivered = (await step(proxy, app.id, { action: 'deliver' })).json();
    expect(delivered.state).toBe('delivered');
    const token = delivered.evaluationUrl.split('/').at(-1);
    expect(delivered.evaluationUrl).toContain('/m/service-evaluate/');
    expect((await anonymous.get(`/api/public/service-evaluations/${token}`)).json()).toMatchObject({ number: app.number, rated: false });
    expect((await anonymous.post(`/api/public/service-evaluations/${token}`, { result: 'satisfied', comment: '不用跑腿就办好了' })).json()).toMatchObject({ rated: true, state: 'evaluated' });
    expect((await anonymous.post(`/api/public/service-evaluations/${token}`, { result: 'dissatisfied' })).statusCode).toBe(409);

    detail = (await town.get(`/api/service-applications/${app.id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'receive',
      'request_materials',
      'supplement',
      'review',
      'to_committee',
      'vote_passed',
      'objection',
      'objection_rejected',
      'publicity_closed',
      'deliver',
      'evaluate',
    ]);
    // An SMS to the resident at each step.
    const sms = await smsTemplates(ctx, app.number);
    expect(sms).toEqual([
      'sms.service_step', // submitted
      'sms.service_step', // received
      'sms.service_materials',
      'sms.service_step', // supplemented
      'sms.service_step', // under review
      'sms.service_step', // to the committee
      'sms.service_step', // passed: 公示
      'sms.service_objection', // to the objector, with the answer
      'sms.service_step', // approved
      'sms.service_delivered',
    ]);
    // Reveal is audited.
    expect((await town.post(`/api/service-applications/${app.id}/reveal`)).json()).toMatchObject({ name: '张三丰', phone: '13900001111' });
    const audit = await ctx.database.db.selectFrom('auditLog').select('action').where('subjectId', '=', app.id).execute();
    expect(audit.map((a) => a.action)).toContain('reveal_personal_data');
  });

  it('refusals: a reason is required, the resident is told and gets a written notice; a committee that votes it down refuses it', async () => {
    const simple = await createItem(ctx, admin, { name: '开具困难证明', needsCollective: false, level: 'township' });
    const a = await reviewed(simple.id);
    const noReason = await step(town, a.id, { action: 'refuse' });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason.json())).toContain('note');
    const refused = await step(town, a.id, { action: 'refuse', note: '申请人家庭人均收入高于当地低保标准' });
    expect(refused.json()).toMatchObject({ state: 'refused', decisionReason: '申请人家庭人均收入高于当地低保标准' });
    const doc = await docxText((await town.get(`/api/service-applications/${a.id}/notice.docx`)).rawPayload);
    expect(doc).toContain('不予批准决定书');
    expect(doc).toContain('行政复议');
    expect(await smsTemplates(ctx, a.number)).toContain('sms.service_refused');
    expect((await step(town, a.id, { action: 'review' })).statusCode).toBe(409);

    const approvedDirectly = await reviewed(simple.id);
    expect((await step(town, approvedDirectly.id, { action: 'approve', note: '符合条件' })).json().state).toBe('approved');
  });

  it('quorum and majority: too few present cannot vote; two thirds is stricter than a simple majority', async () => {
    const strict = await createItem(ctx, admin, { voteRule: 'two_thirds', quorumPercent: 80 });
    const a = await reviewed(strict.id);
    const b = await reviewed(strict.id);
    for (const x of [a, b]) await step(town, x.id, { action: 'to_committee' });
    const m = (await town.post('/api/service-meetings', { title: '评议会', unitId: 'u-townA', heldAt: ctx.clock.now().toISOString(), members, applicationIds: [a.id, b.id] })).json();
    await town.post(`/api/service-meetings/${m.id}/attendance`, { present: [0, 1, 2, 3] }); // 4 of 6 < 80 %
    const votes4 = [0, 1, 2, 3].map((member) => ({ member, vote: 'for' }));
    const noQuorum = await town.post(`/api/service-meetings/${m.id}/votes`, { applicationId: a.id, votes: votes4 });
    expect(noQuorum.statusCode).toBe(422);
    // A member absent may not vote.
    await town.post(`/api/service-meetings/${m.id}/attendance`, { present: [0, 1, 2, 3, 4] }); // 5 of 6 ≥ 80 %
    const absent = await town.post(`/api/service-meetings/${m.id}/votes`, { applicationId: a.id, votes: [{ member: 5, vote: 'for' }] });
    expect(absent.statusCode).toBe(400);
    expect(fieldsOf(absent.json())).toContain('votes');
    // 3 of 5 is a simple majority but not two thirds: refused.
    const three = [0, 1, 2].map((member) => ({ member, vote: 'for' })).concat([3, 4].map((member) => ({ member, vote: 'against' })));
    const failed = await town.post(`/api/service-meetings/${m.id}/votes`, { applicationId: a.id, votes: three });
    expect(failed.json().applications.find((x: { id: string }) => x.id === a.id)).toMatchObject({ outcome: 'failed' });
    expect((await town.get(`/api/service-applications/${a.id}`)).json()).toMatchObject({ state: 'refused', decisionReason: expect.stringContaining('集体评议未通过') });
    // 4 of 5 is two thirds: 公示.
    const four = [0, 1, 2, 3].map((member) => ({ member, vote: 'for' })).concat([{ member: 4, vote: 'against' }]);
    const passed = await town.post(`/api/service-meetings/${m.id}/votes`, { applicationId: b.id, votes: four });
    expect(passed.json().applications.find((x: { id: string }) => x.id === b.id)).toMatchObject({ outcome: 'passed' });
    expect((await town.post(`/api/service-meetings/${m.id}/votes`, { applicationId: b.id, votes: four })).statusCode).toBe(409);
  });

  it('an objection upheld sends the application back to review, off the 公示, and it may go to the committee again', async () => {
    const item = await createItem(ctx, admin);
    const a = await reviewed(item.id);
    await step(town, a.id, { action: 'to_committee' });
    const m = (await town.post('/api/service-meetings', { title: '评议会', unitId: 'u-townA', heldAt: ctx.clock.now().toISOString(), members: members.slice(0, 3), applicationIds: [a.id] })).json();
    await town.post(`/api/service-meetings/${m.id}/attendance`, { present: [0, 1, 2] });
    await town.post(`/api/service-meetings/${m.id}/votes`, { applicationId: a.id, votes: [0, 1, 2].map((member) => ({ member, vote: 'for' })) });
    // At the window this time, recorded by the village.
    const objected = await proxy.post(`/api/service-applications/${a.id}/objections`, { content: '申请人名下有一辆营运货车' });
    expect(objected.statusCode, objected.body).toBe(201);
    const o = objected.json().objections[0];
    expect(o.channel).toBe('window');
    const upheld = await town.post(`/api/service-applications/${a.id}/objections/${o.id}/answer`, { finding: '经车管所核实，申请人名下确有营运车辆一辆', upheld: true, answer: '异议成立，退回重新审核' });
    expect(upheld.json()).toMatchObject({ state: 'reviewing', publicityEndsAt: null });
    expect((await anonymous.get('/api/public/publicity')).json().items.some((e: { id: string }) => e.id === a.id)).toBe(false);
    expect((await step(town, a.id, { action: 'to_committee' })).json().state).toBe('committee');
  });

  it('a proxy sees only their own villages', async () => {
    const item = await createItem(ctx, admin);
    const mine = (await proxy.post('/api/service-applications', applyInput(ctx, item.id))).json();
    const theirs = await otherProxy.post('/api/service-applications', applyInput(ctx, item.id, { areaCode: ctx.org.areas.villageA2, applicantName: '李四' }));
    expect(theirs.statusCode).toBe(201);
    // Not in another's village.
    expect((await otherProxy.post('/api/service-applications', applyInput(ctx, item.id))).statusCode).toBe(403);
    const list = (await otherProxy.get('/api/service-applications?limit=100')).json().items;
    expect(list.every((a: { areaCode: string }) => a.areaCode === ctx.org.areas.villageA2)).toBe(true);
    expect(list.some((a: { id: string }) => a.id === mine.id)).toBe(false);
    expect((await otherProxy.get(`/api/service-applications/${mine.id}`)).statusCode).toBe(403);
    // The township sees both.
    const townList = (await town.get('/api/service-applications?view=decide&limit=100')).json().items.map((a: { id: string }) => a.id);
    expect(townList).toEqual(expect.arrayContaining([mine.id, theirs.json().id]));
  });

  it('bad input is a 400 naming the field, and writes nothing', async () => {
    const item = await createItem(ctx, admin);
    const count = async () => Number((await ctx.database.db.selectFrom('serviceApplications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const foreign = await uploadPhoto(town);
    for (const [body, field] of [
      [applyInput(ctx, item.id, { applicantPhone: '12345' }), 'applicantPhone'],
      [applyInput(ctx, item.id, { applicantName: '' }), 'applicantName'],
      [applyInput(ctx, item.id, { channel: 'fax' }), 'channel'],
      [applyInput(ctx, item.id, { areaCode: '3699' }), 'areaCode'],
      [applyInput(ctx, 'no-such-item'), 'itemId'],
      [applyInput(ctx, item.id, { applicantIdNumber: '123' }), 'applicantIdNumber'],
      [applyInput(ctx, item.id, { materials: [{ name: '户口簿', state: 'lost' }] }), 'materials.0.state'],
      [applyInput(ctx, item.id, { materials: [{ name: '户口簿', state: 'present', attachmentIds: [foreign] }] }), 'materials'],
      [applyInput(ctx, item.id, { householdId: 'no-such-household' }), 'householdId'],
    ] as const) {
      const res = await proxy.post('/api/service-applications', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fieldsOf(res.json())).toContain(field);
    }
    expect(await count()).toBe(before);
    const badItem = await admin.post('/api/service-items', { code: 'x', name: '' });
    expect(badItem.statusCode).toBe(400);
    expect(fieldsOf(badItem.json())).toEqual(expect.arrayContaining(['code', 'name']));
    expect((await proxy.post('/api/service-items', { code: 'ZZ-1' })).statusCode).toBe(400);
    const bad = await anonymous.post('/api/public/service-applications', { itemId: item.id, areaCode: ctx.org.areas.villageA1, applicantName: '王五', applicantPhone: '139', summary: 'x' });
    expect(fieldsOf(bad.json())).toContain('applicantPhone');
    expect(await count()).toBe(before);
  });
});
