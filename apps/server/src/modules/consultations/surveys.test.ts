import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { AREAS } from '../../test/fixtures.js';
import { deliverSms, freshIp } from '../portal/portal.test-support.js';

const { ctx, town, cadreA1, cadreA2, supervisorB, resident } = suiteContext({
  town: 'townRegistrar',
  cadreA1: 'cadreA1',
  cadreA2: 'cadreA2',
  supervisorB: (c) => c.userWith([{ role: 'supervisor', unitId: c.org.units['u-townB'] }]),
  resident: (c) => Promise.resolve(c.anonymous()),
});

let seq = 500;
const phone = () => `1370000${String(seq++).padStart(4, '0')}`;
const day = (d: number) => new Date(ctx.clock.now().getTime() + 8 * 3_600_000 + d * 86_400_000).toISOString().slice(0, 10);

async function household(client = cadreA1, areaCode: string = AREAS.villageA1, tags: string[] = [], contactUserId?: string) {
  const p = phone();
  const r = await client.post('/api/households', { areaCode, address: `问需路${seq}号`, headName: '周大山', tags, ...(contactUserId ? { contactUserId } : {}), members: [{ name: '周大山', relationship: 'head', phone: p }] });
  expect(r.statusCode, r.body).toBe(201);
  return { id: r.json().id as string, phone: p };
}

const QUESTIONS = [
  { kind: 'single', text: '最需要解决的问题', options: ['道路', '饮水', '就医'] },
  { kind: 'multiple', text: '希望提供的服务', options: ['养老', '托幼', '就业培训'] },
  { kind: 'scale', text: '对村容村貌的满意度' },
  { kind: 'text', text: '其他建议' },
];

describe('needs surveys (问需调查)', () => {
  it('answers by cadres on visits and on the portal, one per household, results by area and tag, coverage per cadre, turned into a consultation', async () => {
    const created = await town.post('/api/surveys', { title: '城关镇群众需求调查', areaCode: AREAS.townA, questions: QUESTIONS, opensOn: day(0), closesOn: day(20) });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    expect((await supervisorB.get(`/api/surveys/${s.id}`)).statusCode).toBe(403);
    const bad = await town.post('/api/surveys', { title: 'x', areaCode: AREAS.townA, questions: [{ kind: 'single', text: 'q', options: ['only one'] }], opensOn: day(0), closesOn: day(1) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('options');

    const h1 = await household(cadreA1, AREAS.villageA1, ['dibao'], ctx.org.users.cadreA1);
    const h2 = await household(cadreA2, AREAS.villageA2, [], ctx.org.users.cadreA2);
    const h3 = await household(cadreA2, AREAS.villageA2, [], ctx.org.users.cadreA2);

    // A cadre on a visit; a mismatched answer names its question.
    const wrong = await cadreA1.post(`/api/surveys/${s.id}/answers`, { householdId: h1.id, answers: [{ index: 0, choice: 7 }] });
    expect(wrong.statusCode).toBe(422);
    const entered = await cadreA1.post(`/api/surveys/${s.id}/answers`, { householdId: h1.id, answers: [{ index: 0, choice: 0 }, { index: 1, choices: [0, 2] }, { index: 2, scale: 4 }, { index: 3, text: '希望修好村口的路' }] });
    expect(entered.statusCode, entered.body).toBe(201);
    expect((await cadreA1.post(`/api/surveys/${s.id}/answers`, { householdId: h1.id, answers: [{ index: 0, choice: 1 }] })).statusCode).toBe(409);
    // A cadre of 东门 cannot answer for a 西门 household.
    expect((await cadreA1.post(`/api/surveys/${s.id}/answers`, { householdId: h2.id, answers: [{ index: 0, choice: 1 }] })).statusCode).toBe(403);

    // On the portal, verified against the registry.
    expect((await resident.post(`/api/public/surveys/${s.id}/code`, { phone: '13600001111' }, freshIp())).statusCode).toBe(403);
    expect((await resident.post(`/api/public/surveys/${s.id}/code`, { phone: h2.phone }, freshIp())).statusCode).toBe(200);
    const code = /验证码为(\d{6})/.exec((await deliverSms(ctx)).filter((m) => m.phone === h2.phone).at(-1)!.body)![1];
    const answered = await resident.post(`/api/public/surveys/${s.id}/answers`, { phone: h2.phone, code, answers: [{ index: 0, choice: 1 }, { index: 2, scale: 2 }] }, freshIp());
    expect(answered.statusCode, answered.body).toBe(201);
    expect((await resident.get(`/api/public/surveys/${s.id}`)).json()).toMatchObject({ title: '城关镇群众需求调查', open: true });

    const detail = (await town.get(`/api/surveys/${s.id}`)).json();
    expect(detail).toMatchObject({ answered: 2 });
    const [q0, q1, q2, q3] = detail.results;
    expect(q0.counts.map((c: { count: number }) => c.count)).toEqual([1, 1, 0]);
    expect(q1.counts.map((c: { count: number }) => c.count)).toEqual([1, 0, 1]);
    expect(q2.average).toBe(3);
    expect(q3.texts).toEqual(['希望修好村口的路']);
    expect(q0.byArea.find((a: { areaCode: string }) => a.areaCode === AREAS.villageA2)).toMatchObject({ areaName: '西门社区', answered: 1, counts: [{ count: 0 }, { count: 1 }, { count: 0 }] });
    expect(q0.byTag).toEqual([expect.objectContaining({ answered: 1, counts: [expect.objectContaining({ count: 1 }), expect.objectContaining({ count: 0 }), expect.objectContaining({ count: 0 })] })]);

    // Households not answered, per contact cadre.
    const coverage = (await town.get(`/api/surveys/${s.id}/coverage`)).json();
    const chen = coverage.cadres.find((c: { userId: string | null }) => c.userId === ctx.org.users.cadreA2);
    expect(chen).toMatchObject({ name: '陈社区', total: 2, answered: 1 });
    expect(chen.pending.map((p: { householdId: string }) => p.householdId)).toEqual([h3.id]);

    // The visit form offers the open surveys a visited household has not answered, to the cadres who reach it.
    const pending = (id: string, client = cadreA2) => client.get(`/api/surveys/pending?householdId=${id}`);
    expect((await pending(h3.id)).json().items.map((i: { id: string }) => i.id)).toContain(s.id);
    expect((await pending(h3.id)).json().items.find((i: { id: string }) => i.id === s.id).questions).toHaveLength(4);
    expect((await pending(h2.id)).json().items.map((i: { id: string }) => i.id)).not.toContain(s.id);
    expect((await pending(h3.id, cadreA1)).statusCode).toBe(403);
    const noHousehold = await cadreA2.get('/api/surveys/pending');
    expect(noHousehold.statusCode).toBe(400);
    expect(noHousehold.body).toContain('householdId');
    // Answered with the visit it was given on (marked as entered by the cadre).
    const visitId = '11111111-2222-4333-8444-555555555555';
    expect((await cadreA2.post(`/api/surveys/${s.id}/answers`, { householdId: h3.id, visitId, answers: [{ index: 0, choice: 2 }] })).statusCode).toBe(201);
    const row = await ctx.database.db.selectFrom('surveyAnswers').select(['channel', 'visitId', 'recordedBy']).where('surveyId', '=', s.id).where('householdId', '=', h3.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'cadre', visitId, recordedBy: ctx.org.users.cadreA2 });
    expect((await pending(h3.id)).json().items.map((i: { id: string }) => i.id)).not.toContain(s.id);

    // Turned into a consultation: the choice question's options become its options.
    const turned = await town.post(`/api/surveys/${s.id}/consultation`, { questionIndex: 0, opensOn: day(0), closesOn: day(10) });
    expect(turned.statusCode, turned.body).toBe(201);
    expect(turned.json()).toMatchObject({ title: '最需要解决的问题', areaCode: AREAS.townA });
    expect(turned.json().options.map((o: { label: string }) => o.label)).toEqual(['道路', '饮水', '就医']);
    expect((await town.post(`/api/surveys/${s.id}/consultation`, { questionIndex: 2, opensOn: day(0), closesOn: day(10) })).statusCode).toBe(422);

    // The QR card's code opens the survey's portal page.
    const qr = await town.get(`/api/surveys/${s.id}/qr.png`);
    expect(qr.statusCode).toBe(200);
    expect(qr.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await supervisorB.get(`/api/surveys/${s.id}/qr.png`)).statusCode).toBe(403);

    // Or into a campaign visiting the survey's households.
    const campaign = await town.post(`/api/surveys/${s.id}/campaign`, { startsOn: day(0), endsOn: day(30) });
    expect(campaign.statusCode, campaign.body).toBe(201);
    expect(campaign.json().targets).toBeGreaterThanOrEqual(3);
    const listed = (await town.get(`/api/campaigns/${campaign.json().campaignId}`)).json();
    expect(listed).toMatchObject({ name: '城关镇群众需求调查·入户走访', areaCode: AREAS.townA });
    expect((await cadreA1.post(`/api/surveys/${s.id}/campaign`, { startsOn: day(0), endsOn: day(30) })).statusCode).toBe(403);
  });
});
