import { localDate, subtreeRange } from '@lianxin/core';
import type { AdjustableClock } from '../../../clock.js';
import type { Services } from '../../../services.js';
import { deliverOutbox } from '../../../modules/notifications/outbox-delivery.js';
import { demoActor } from './actors.js';

const DAY = 86_400_000;
const TOWNSHIP = '369901100000'; // 城关镇
const DONGMEN = '369901100001'; // 东门社区

/**
 * 征求意见 in the demo county, through the real services: a finished consultation on the
 * resettlement site (a representatives' meeting, opinions entered on visits, the decision with
 * feedback) and one in progress on the flat sizes, plus a needs survey with a few answers. They
 * belong to project 1 when the projects module has created it; otherwise to no project.
 */
export async function seedDemoConsultations(services: Services, clock: AdjustableClock, end: number): Promise<void> {
  const desk = demoActor('chengguan');
  const cadre = demoActor('dongmen');
  const { consultations, surveys, db } = services;
  const [lo, hi] = subtreeRange(DONGMEN);
  const households = await db.selectFrom('households').select('id').where('areaCode', '>=', lo).where('areaCode', '<', hi).where('archivedAt', 'is', null).orderBy('id').limit(8).execute();
  if (households.length < 4) return;
  // The site and flat-size consultations belong to the demo's resettlement project (seeded before).
  const project = await db.selectFrom('projects').select('id').where('name', 'like', '%安置%').orderBy('createdAt').executeTakeFirst();
  const projectId = project?.id;
  const at = (daysBefore: number) => clock.set(new Date(end - daysBefore * DAY));
  const date = (daysBefore: number) => localDate(new Date(end - daysBefore * DAY));

  // The finished one: the resettlement site.
  at(20);
  const site = await consultations.create(
    desk,
    {
      title: '城关镇安置小区选址征求意见',
      background: '为推进东门片区棚户区改造，城关镇拟建设安置小区。现有两个选址方案：方案一位于东门地块，靠近学校和医院；方案二位于西门地块，交通便利但部分位于河道管理范围。现征求群众意见。',
      areaCode: TOWNSHIP,
      tags: [],
      householdIds: [],
      groups: ['party_reps', 'people_reps'],
      options: ['方案一：东门地块', '方案二：西门地块'],
      questions: ['对安置小区配套设施有何建议？'],
      rule: 'household',
      opensOn: date(20),
      closesOn: date(10),
      projectId,
      attachmentIds: [],
    },
    'zh-CN',
  );
  const [east, west] = site.options.map((o) => o.id);
  at(18);
  await consultations.addMeeting(
    desk,
    site.id,
    {
      kind: 'committees',
      heldAt: new Date(end - 18 * DAY).toISOString(),
      place: '东门社区党群服务中心',
      minutes: '社区两委研究了两个选址方案，一致同意提交群众代表会表决。',
      isPublic: true,
      voting: 'named',
      counts: [],
      attendees: [
        { name: '王秀兰', role: '社区书记', signedIn: true, optionId: east },
        { name: '陈立新', role: '社区主任', signedIn: true, optionId: east },
        { name: '黄美华', role: '委员', signedIn: true, optionId: west },
      ],
    },
    'zh-CN',
  );
  at(16);
  await consultations.addMeeting(
    desk,
    site.id,
    { kind: 'people_reps', heldAt: new Date(end - 16 * DAY).toISOString(), place: '城关镇便民服务中心', minutes: '群众代表会举手表决，多数代表赞成方案一。', isPublic: true, voting: 'counts', counts: [{ optionId: east, count: 27 }, { optionId: west, count: 8 }], attendees: [] },
    'zh-CN',
  );
  const texts = ['东门地块离学校近，孩子上学方便', '希望小区配建菜市场', '西门地块交通方便，出行容易', '支持方案一，希望尽快开工'];
  for (const [i, h] of households.slice(0, 4).entries()) {
    at(15 - i);
    await consultations.addOpinion(cadre, site.id, { householdId: h.id, optionId: i === 2 ? west : east, text: texts[i] }, 'zh-CN');
  }
  at(9);
  const opinions = (await consultations.detail(desk, site.id, 'zh-CN')).opinions;
  await consultations.decide(
    desk,
    site.id,
    {
      decision: '经社区两委会、群众代表会表决和入户征求意见，安置小区选址采用方案一：东门地块，配建菜市场和社区卫生服务站。',
      responses: opinions.map((o) =>
        o.optionId === west ? { opinionId: o.id, response: 'not_adopted' as const, reason: '西门地块部分位于河道管理范围内，不宜建设住宅' } : { opinionId: o.id, response: 'adopted' as const, reason: '' },
      ),
    },
    'zh-CN',
  );
  // The feedback SMS leave as the server's delivery job would send them.
  await deliverOutbox({ db, cipher: services.cipher, clock, smsGateway: services.smsGateway }, 1000);

  // In progress: the flat sizes.
  at(3);
  const sizes = await consultations.create(
    desk,
    {
      title: '城关镇安置房户型面积征求意见',
      background: '安置小区选址已确定。现就安置房户型征求意见：拟设75、90、120平方米三种户型。',
      areaCode: TOWNSHIP,
      tags: [],
      householdIds: [],
      groups: ['people_reps'],
      options: ['以90平方米为主', '以120平方米为主', '三种户型均衡配置'],
      questions: ['对户型设计还有什么建议？'],
      rule: 'household',
      opensOn: date(3),
      closesOn: localDate(new Date(end + 10 * DAY)),
      projectId,
      attachmentIds: [],
    },
    'zh-CN',
  );
  at(2);
  await consultations.addMeeting(
    desk,
    sizes.id,
    { kind: 'forum', heldAt: new Date(end - 2 * DAY).toISOString(), place: '东门社区党群服务中心', minutes: '恳谈会上群众对户型面积提出了意见，多数希望均衡配置。', isPublic: true, voting: 'counts', counts: sizes.options.map((o, i) => ({ optionId: o.id, count: [6, 4, 11][i] })), attendees: [{ name: '王秀兰', role: '社区书记', signedIn: true }] },
    'zh-CN',
  );
  for (const [i, h] of households.slice(4, 6).entries()) {
    at(1.5 - i * 0.5);
    await consultations.addOpinion(cadre, sizes.id, { householdId: h.id, optionId: sizes.options[2].id, text: i ? '老人多，需要小户型' : '家里人口多，希望有120平方米' }, 'zh-CN');
  }

  // A needs survey with a few answers from visits.
  at(5);
  const survey = await surveys.create(
    desk,
    {
      title: '东门社区群众需求调查',
      intro: '问需于民：请告诉我们您最需要解决的问题。',
      areaCode: DONGMEN,
      tags: [],
      questions: [
        { kind: 'single', text: '您最需要解决的问题', options: ['道路硬化', '饮水安全', '就医不便', '老人照料'] },
        { kind: 'multiple', text: '希望社区提供的服务', options: ['养老服务', '托幼服务', '就业培训', '文体活动'] },
        { kind: 'scale', text: '对社区服务的满意度', options: [] },
        { kind: 'text', text: '其他建议', options: [] },
      ],
      opensOn: date(5),
      closesOn: localDate(new Date(end + 25 * DAY)),
      projectId,
    },
    'zh-CN',
  );
  for (const [i, h] of households.slice(0, 3).entries()) {
    at(4 - i);
    await surveys.answer(cadre, survey.id, { householdId: h.id, answers: [{ index: 0, choice: i % 4 }, { index: 1, choices: [0, (i + 1) % 4] }, { index: 2, scale: 3 + (i % 3) }] }, 'zh-CN');
  }
  clock.set(new Date(end));
}
