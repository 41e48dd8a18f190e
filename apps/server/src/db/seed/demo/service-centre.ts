import type { ServiceItemWrite, ServiceState } from '@lianxin/core';
import type { AdjustableClock } from '../../../clock.js';
import { deliverOutbox } from '../../../modules/notifications/outbox-delivery.js';
import type { Services } from '../../../services.js';
import { demoActor } from './actors.js';
import { TOWNSHIPS, unitIdOfDept, unitIdOfTownship, unitIdOfVillage } from './org.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Item = Omit<ServiceItemWrite, 'limitUnit' | 'publicityDays' | 'quorumPercent' | 'voteRule' | 'active'> & Partial<ServiceItemWrite>;
const m = (name: string, example?: string) => ({ name, example });
const TOWN = unitIdOfTownship('369901100000');
const VILLAGE = unitIdOfVillage('369901100202');

/** The demo county's catalogue (事项清单): what a township centre, a village point and the county departments handle. */
export const DEMO_SERVICE_ITEMS: readonly Item[] = [
  { code: 'DB-01', name: '最低生活保障申请', category: '社会救助', level: 'township', unitId: TOWN, materials: [m('户口簿', '全家户口簿首页及本人页'), m('身份证', '家庭成员身份证正反面'), m('家庭收入证明', '近6个月务工、种养殖收入，村委会盖章'), m('家庭财产申报表', '房产、车辆、存款如实填写')], conditions: '持有本县户籍，家庭月人均收入低于本县最低生活保障标准，且家庭财产状况符合规定。', limitDays: 30, fee: '不收费', proxyAllowed: true, needsCollective: true },
  { code: 'TK-01', name: '特困人员救助供养申请', category: '社会救助', level: 'township', unitId: TOWN, materials: [m('户口簿'), m('身份证'), m('无劳动能力证明', '残疾证或医院诊断证明'), m('赡养抚养情况说明', '村委会出具')], conditions: '无劳动能力、无生活来源，且无法定赡养、抚养、扶养义务人或其义务人无履行能力的老年人、残疾人以及未满18周岁的未成年人。', limitDays: 30, fee: '不收费', proxyAllowed: true, needsCollective: true },
  { code: 'LS-01', name: '临时救助申请', category: '社会救助', level: 'township', unitId: TOWN, materials: [m('身份证'), m('困难情况说明', '突发事件、意外伤害、重大疾病等'), m('相关票据', '医疗费用发票等')], conditions: '因突发事件、意外伤害、重大疾病等导致基本生活暂时出现严重困难的家庭或个人。', limitDays: 10, fee: '不收费', proxyAllowed: true, needsCollective: false },
  { code: 'CJ-01', name: '残疾人两项补贴申请', category: '残疾人服务', level: 'county', unitId: unitIdOfDept('minzheng'), materials: [m('残疾人证', '第二代残疾人证'), m('身份证'), m('户口簿'), m('银行账户', '社保卡或一卡通')], conditions: '困难残疾人生活补贴：低保家庭中的残疾人；重度残疾人护理补贴：残疾等级为一、二级的残疾人。', limitDays: 20, fee: '不收费', proxyAllowed: true, needsCollective: false },
  { code: 'CJ-02', name: '残疾人证新办', category: '残疾人服务', level: 'county', unitId: unitIdOfDept('weijian'), materials: [m('身份证'), m('户口簿'), m('近期免冠照片', '一寸白底彩照2张'), m('残疾评定表', '指定医院出具')], conditions: '符合残疾标准的本县户籍居民。', limitDays: 15, fee: '不收费', proxyAllowed: true, needsCollective: false },
  { code: 'YB-01', name: '城乡居民医保参保缴费', category: '医疗保障', level: 'village', unitId: VILLAGE, materials: [m('身份证'), m('户口簿')], conditions: '未参加职工医保的本县城乡居民。', limitDays: 1, fee: '按年度个人缴费标准缴纳', proxyAllowed: true, needsCollective: false },
  { code: 'YB-02', name: '门诊慢特病待遇认定', category: '医疗保障', level: 'county', unitId: unitIdOfDept('yibao'), materials: [m('身份证'), m('病历资料', '二级以上医院近一年病历、检查报告'), m('诊断证明')], conditions: '参加本县基本医保，患有规定门诊慢特病病种的参保人。', limitDays: 15, fee: '不收费', proxyAllowed: true, needsCollective: false },
  { code: 'YL-01', name: '城乡居民养老保险参保登记', category: '社会保险', level: 'village', unitId: VILLAGE, materials: [m('身份证'), m('户口簿')], conditions: '年满16周岁（不含在校学生），未参加职工养老保险的城乡居民。', limitDays: 1, fee: '按选定缴费档次缴纳', proxyAllowed: true, needsCollective: false },
  { code: 'YL-02', name: '养老保险待遇领取资格认证', category: '社会保险', level: 'village', unitId: VILLAGE, materials: [m('身份证'), m('社保卡')], conditions: '正在领取城乡居民养老保险待遇的人员，每年认证一次。', limitDays: 1, fee: '不收费', proxyAllowed: true, needsCollective: false },
  { code: 'SY-01', name: '生育登记（准生证明）', category: '卫生健康', level: 'township', unitId: TOWN, materials: [m('夫妻双方身份证'), m('结婚证'), m('户口簿')], conditions: '夫妻一方为本县户籍，或在本县居住的流动人口。', limitDays: 1, fee: '不收费', proxyAllowed: true, needsCollective: false },
  { code: 'ZJ-01', name: '农村宅基地和村民建房审批', category: '自然资源', level: 'township', unitId: TOWN, materials: [m('农村宅基地和建房（规划许可）申请表'), m('户口簿'), m('村民小组会议记录', '经村民小组讨论通过'), m('建房位置示意图'), m('四邻签字意见')], conditions: '本村集体经济组织成员，符合“一户一宅”，选址符合村庄规划。', limitDays: 20, fee: '不收费', proxyAllowed: true, needsCollective: true },
  { code: 'ZM-01', name: '开具居住证明', category: '村务', level: 'village', unitId: VILLAGE, materials: [m('身份证'), m('租房合同或房产证明')], conditions: '在本村（社区）实际居住的居民。', limitDays: 1, fee: '不收费', proxyAllowed: true, needsCollective: false },
  { code: 'ZM-02', name: '开具家庭经济困难证明', category: '村务', level: 'village', unitId: VILLAGE, materials: [m('户口簿'), m('家庭收入情况说明'), m('困难原因佐证', '病历、残疾证等')], conditions: '家庭经济确有困难，经村（居）民代表评议认可的家庭。', limitDays: 5, fee: '不收费', proxyAllowed: true, needsCollective: true, publicityDays: 5 },
  { code: 'JY-01', name: '家庭经济困难学生资助申请', category: '教育', level: 'county', unitId: unitIdOfDept('jiaoyu'), materials: [m('学生证或在读证明'), m('户口簿'), m('家庭经济困难认定表')], conditions: '本县户籍或在本县就读的家庭经济困难学生。', limitDays: 15, fee: '不收费', proxyAllowed: true, needsCollective: true },
  { code: 'JY-02', name: '义务教育入学学位申请', category: '教育', level: 'county', unitId: unitIdOfDept('jiaoyu'), materials: [m('户口簿'), m('房产证明或居住证'), m('儿童预防接种证')], conditions: '适龄儿童按户籍和实际居住地划片入学；学位紧张时经集体审核并公示。', limitDays: 20, fee: '不收费', proxyAllowed: true, needsCollective: true },
  { code: 'GL-01', name: '高龄津贴申请', category: '养老服务', level: 'township', unitId: TOWN, materials: [m('身份证'), m('户口簿'), m('银行账户')], conditions: '本县户籍年满80周岁的老年人。', limitDays: 10, fee: '不收费', proxyAllowed: true, needsCollective: false },
  { code: 'JK-01', name: '就业困难人员认定', category: '就业创业', level: 'township', unitId: TOWN, materials: [m('身份证'), m('就业创业证'), m('困难情况证明', '低保证、残疾证等')], conditions: '法定劳动年龄内、有劳动能力和就业要求、处于失业状态的就业困难人员。', limitDays: 10, fee: '不收费', proxyAllowed: true, needsCollective: false },
  { code: 'NY-01', name: '耕地地力保护补贴申报', category: '农业农村', level: 'village', unitId: VILLAGE, materials: [m('承包经营权证'), m('身份证'), m('一卡通账户')], conditions: '拥有耕地承包权并实际种植的农户。', limitDays: 5, fee: '不收费', proxyAllowed: true, needsCollective: false },
  { code: 'NY-02', name: '农机购置补贴申请', category: '农业农村', level: 'county', unitId: unitIdOfDept('nongye'), materials: [m('身份证'), m('购机发票'), m('机具铭牌照片'), m('人机合影照片')], conditions: '购置补贴目录内农机具的农户和农业生产经营组织。', limitDays: 20, fee: '不收费', proxyAllowed: true, needsCollective: false },
  { code: 'JS-01', name: '计划生育家庭特别扶助金申请', category: '卫生健康', level: 'township', unitId: TOWN, materials: [m('身份证'), m('独生子女父母光荣证'), m('子女死亡或伤残证明')], conditions: '独生子女死亡或伤残（三级以上）、女方年满49周岁的夫妻。', limitDays: 20, fee: '不收费', proxyAllowed: true, needsCollective: true },
  { code: 'HJ-01', name: '户口迁移（投靠）', category: '户籍', level: 'county', unitId: unitIdOfDept('gongan'), materials: [m('户口簿'), m('身份证'), m('亲属关系证明'), m('房产证明')], conditions: '夫妻投靠、子女投靠父母、父母投靠子女。须本人到派出所窗口办理。', limitDays: 10, fee: '不收费', proxyAllowed: false, needsCollective: false },
  { code: 'FY-01', name: '法律援助申请', category: '司法', level: 'county', unitId: unitIdOfDept('sifa'), materials: [m('身份证'), m('经济困难声明'), m('案件相关材料')], conditions: '因经济困难没有委托代理人的公民，申请事项属法律援助范围。', limitDays: 7, fee: '不收费', proxyAllowed: true, needsCollective: false },
];

/** Applicants of the demo (names and phones are invented). */
const APPLICANTS = ['张桂兰', '李水根', '王春花', '刘德福', '陈秀英', '杨木生', '黄金凤', '赵长根', '周冬梅', '吴火旺', '徐细妹', '孙来福', '胡三妹', '朱光明', '高秋菊', '林水生', '何桂香', '罗福根', '郑玉兰', '梁保生', '谢金花', '宋长春', '唐四妹', '许根发', '韩月娥', '冯细根', '邓美兰', '曹德旺', '彭冬英', '曾金根'];

/** The steps to take for each target state, in order. */
const PATH: Record<ServiceState, readonly string[]> = {
  submitted: [],
  received: ['receive'],
  materials_requested: ['receive', 'request_materials'],
  supplemented: ['receive', 'request_materials', 'supplement'],
  reviewing: ['receive', 'review'],
  committee: ['receive', 'review', 'to_committee'],
  publicity: ['receive', 'review', 'to_committee', 'vote'],
  approved: ['receive', 'review', 'decide'],
  refused: ['receive', 'review', 'refuse'],
  delivered: ['receive', 'review', 'decide', 'deliver'],
  evaluated: ['receive', 'review', 'decide', 'deliver', 'evaluate'],
};
const TARGETS = Object.keys(PATH) as ServiceState[];

/**
 * The service centre's demo: the catalogue and about sixty applications in every state, through the
 * real services (events, SMS, time limits), taken by the village proxies and decided by the
 * townships and departments over the last two months; committee meetings with their votes.
 */
export async function seedDemoServiceCentre(services: Services, clock: AdjustableClock, end: number): Promise<number> {
  const admin = demoActor('admin');
  const { catalogue, applications, committee } = services.serviceCentre;
  clock.set(new Date(end - 70 * DAY));
  const items = [];
  for (const it of DEMO_SERVICE_ITEMS) items.push(await catalogue.create(admin, { limitUnit: 'working_days', publicityDays: 7, quorumPercent: 67, voteRule: 'simple', active: true, ...it }));

  const villages = TOWNSHIPS.flatMap((t) => t.villages.map((v) => ({ ...v, town: t })));
  const members = [{ name: '镇党委副书记', role: '组长' }, { name: '民政办主任' }, { name: '纪检委员' }, { name: '村（居）委会主任' }, { name: '村民代表' }];
  let n = 0;
  const waiting = new Map<string, string[]>(); // township desk → applications awaiting the committee (to vote on)
  for (let i = 0; i < 66; i++) {
    const target = TARGETS[i % TARGETS.length];
    const pool = items.filter((x) => (target === 'publicity' || target === 'committee' ? x.needsCollective && x.level === 'township' : !x.needsCollective) && x.proxyAllowed);
    const item = pool[(i * 7) % pool.length];
    const v = villages[(i * 5) % villages.length];
    const proxy = demoActor(v.cadre.username);
    const decider = demoActor(item.level === 'county' ? deptUser(item.unitId) : item.level === 'township' ? v.town.staff.desk : v.cadre.username);
    const startDays = target === 'submitted' || target === 'publicity' || target === 'committee' ? 1 + (i % 3) : 5 + ((i * 3) % 50);
    let at = end - startDays * DAY - (i % 7) * HOUR;
    clock.set(new Date(at));
    const name = APPLICANTS[i % APPLICANTS.length];
    const a = await applications.apply(proxy, {
      itemId: item.id,
      channel: i % 6 === 5 ? 'window' : 'proxy',
      areaCode: v.code,
      applicantName: name,
      applicantPhone: `1397${String(900000 + i * 37).padStart(7, '0')}`,
      summary: `${name}申请办理${item.name}。`,
      materials: item.materials.map((mat, k) => ({ name: mat.name, state: k === item.materials.length - 1 && i % 2 === 0 ? ('missing' as const) : ('present' as const), attachmentIds: [] })),
    });
    const step = async (action: string, by = decider, note?: string, materials?: Array<{ name: string; state: 'present' | 'missing'; attachmentIds: string[] }>) => {
      at += Math.min(DAY, ((startDays - 0.5) * DAY) / 6);
      clock.set(new Date(at));
      return applications.step(by, a.id, { action: action as 'receive', note, materials });
    };
    for (const s of PATH[target]) {
      if (s === 'request_materials') await step('request_materials', decider, '请补充提供', [{ name: item.materials.at(-1)!.name, state: 'missing', attachmentIds: [] }]);
      else if (s === 'supplement') await step('supplement', proxy, undefined, [{ name: item.materials.at(-1)!.name, state: 'present', attachmentIds: [] }]);
      else if (s === 'decide') await step('approve', decider, '经审核，符合条件，予以批准。');
      else if (s === 'refuse') await step('refuse', decider, '经入户核查，家庭收入高于规定标准，不符合条件。');
      else if (s === 'deliver') await step('deliver', proxy);
      else if (s === 'vote') {
        const list = waiting.get(v.town.staff.desk) ?? [];
        list.push(a.id);
        waiting.set(v.town.staff.desk, list);
      } else if (s === 'evaluate') {
        const row = (await services.db.selectFrom('serviceApplications').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow());
        const token = applications.evaluationLink(row).split('/').at(-1)!;
        at += HOUR;
        clock.set(new Date(at));
        await applications.evaluate(token, { result: i % 5 === 0 ? 'basically_satisfied' : 'satisfied', comment: i % 5 === 0 ? undefined : '代办员上门服务，不用跑腿。' });
      } else await step(s);
    }
    n += 1;
  }
  // One committee meeting per township with applications to vote on; every one passes onto 公示.
  clock.set(new Date(end - 6 * HOUR));
  for (const [desk, ids] of waiting) {
    const actor = demoActor(desk);
    const town = TOWNSHIPS.find((t) => t.staff.desk === desk)!;
    const meeting = await committee.create(actor, { title: `${town.name}${new Date(end).getUTCFullYear()}年社会救助评议会`, unitId: unitIdOfTownship(town.code), heldAt: new Date(end - 6 * HOUR).toISOString(), members, applicationIds: ids });
    await committee.attendance(actor, meeting.id, [0, 1, 2, 3, 4]);
    for (const id of ids) await committee.vote(actor, meeting.id, { applicationId: id, votes: [0, 1, 2, 3, 4].map((member) => ({ member, vote: member === 4 ? 'abstain' : 'for' })) });
  }
  clock.set(new Date(end));
  // The residents' SMS of every step went out (through the demo's outbox gateway).
  while ((await deliverOutbox({ db: services.db, cipher: services.cipher, clock, smsGateway: services.smsGateway }, 1000)).delivered > 0);
  return n;
}

/** The handler of a county department. */
function deptUser(unitId: string): string {
  const key = unitId.replace(/^unit-/, '');
  return key === 'minzheng' ? 'handler' : `${key}.handler`;
}
