import type { Kysely } from 'kysely';
import type { Clock } from '../../../clock.js';
import { createPoliciesService } from '../../../modules/policies/policies.service.js';
import type { AuditLog } from '../../../modules/audit/audit.service.js';
import type { Actor } from '../../../access/actor.js';
import type { DB } from '../../schema.js';

/**
 * The demo county's policy and answer library (政策知识库). Fictional documents of 青溪县 written for
 * the demo — realistic in shape, not real regulations. Written through the service, so each entry
 * is indexed and audited like one an admin adds.
 */
const DEMO_POLICIES = [
  {
    kind: 'policy',
    title: '青溪县最低生活保障审核确认办法',
    source: '青民发〔2025〕8号',
    categoryCode: 'social.dibao',
    publishedAt: '2025-02-10',
    body: '一、申请条件：共同生活的家庭成员人均月收入低于本县城乡低保标准（城市每人每月820元、农村每人每月650元），且家庭财产符合规定的，可以申请低保。二、申请程序：由申请人向户籍所在地乡镇人民政府（街道办事处）提出书面申请，也可委托村（居）民委员会代为提出；乡镇人民政府自受理之日起30个工作日内完成调查核实、民主评议和公示，县民政局审核确认。三、动态管理：低保家庭收入、人口变化的，应当及时报告；乡镇每年对低保对象复核一次。',
  },
  {
    kind: 'policy',
    title: '青溪县临时救助实施细则',
    source: '青民发〔2025〕9号',
    categoryCode: 'social.dibao',
    publishedAt: '2025-02-10',
    body: '因火灾、交通事故、突发重大疾病等意外事件，导致基本生活暂时出现严重困难的家庭或个人，可以申请临时救助。救助金额一般不超过本县月低保标准的6倍，情况特殊的经县民政局审批可提高至12倍。对急难型救助对象，乡镇可先行救助，5个工作日内补齐手续。',
  },
  {
    kind: 'policy',
    title: '青溪县高龄津贴发放办法',
    source: '青民发〔2024〕21号',
    categoryCode: 'social.elderly',
    publishedAt: '2024-06-18',
    body: '具有本县户籍、年满80周岁的老年人，按月享受高龄津贴：80至89周岁每人每月100元，90至99周岁每人每月300元，100周岁及以上每人每月600元。符合条件的老年人或其家属持身份证、户口簿向村（居）委会申报，次月起通过社保卡发放。',
  },
  {
    kind: 'policy',
    title: '青溪县城乡居民基本医疗保险住院报销规定',
    source: '青医保发〔2025〕3号',
    categoryCode: 'health.insurance',
    publishedAt: '2025-01-05',
    body: '参保居民在县内定点医疗机构住院，起付线为乡镇卫生院200元、县级医院500元；起付线以上政策范围内费用，乡镇卫生院报销85%，县级医院报销75%，县外转诊报销60%，年度最高支付限额20万元。异地就医须办理备案，未备案的报销比例降低10个百分点。出院结算实行“一站式”即时报销。',
  },
  {
    kind: 'policy',
    title: '保障农民工工资支付条例（要点）',
    source: '国务院令第724号',
    categoryCode: 'labor.wages',
    publishedAt: '2019-12-30',
    body: '用人单位应当按照与农民工书面约定或者依法制定的规章制度规定的工资支付周期和具体支付日期足额支付工资。工程建设领域实行农民工工资专用账户管理和总包单位代发制度；建设单位未按约定及时足额支付工程款导致拖欠农民工工资的，由建设单位以未结清的工程款为限先行垫付。',
  },
  {
    kind: 'policy',
    title: '青溪县农村宅基地审批管理办法',
    source: '青政办发〔2024〕15号',
    categoryCode: 'land.homestead',
    publishedAt: '2024-09-01',
    body: '农村村民一户只能拥有一处宅基地，面积不得超过150平方米。申请程序：农户向村集体经济组织提出书面申请，经村民小组讨论并公示5个工作日无异议后，报乡镇人民政府审核批准。乡镇应当在受理之日起20个工作日内作出审批决定，批准后实行“定位放线、竣工验收”两到场。',
  },
  {
    kind: 'policy',
    title: '青溪县义务教育阶段学校招生入学工作方案',
    source: '青教发〔2025〕11号',
    categoryCode: 'education.enrollment',
    publishedAt: '2025-04-20',
    body: '义务教育阶段公办学校实行划片招生、免试就近入学。适龄儿童凭户口簿和房产证明（或租赁备案证明）在学区内报名；随迁子女凭居住证和父母一方在本县务工或经营证明，由县教育局统筹安排学位。报名时间为每年7月1日至7月15日，录取结果于8月10日前公布。',
  },
  {
    kind: 'policy',
    title: '青溪县城乡供水服务承诺',
    source: '青溪县自来水有限公司',
    categoryCode: 'utilities.water',
    publishedAt: '2025-01-01',
    body: '计划停水提前24小时通过短信、公告告知用户；突发管道爆裂抢修人员1小时内到达现场，一般故障24小时内恢复供水，停水超过12小时的免费送水到户。水质按国家标准每月检测并公示。新装水表在资料齐全后5个工作日内完成。',
  },
  {
    kind: 'answer',
    title: '低保申请进度查询的标准答复',
    source: null,
    categoryCode: 'social.dibao',
    publishedAt: null,
    body: '您好！您反映的低保申请已由乡镇民政办受理。按照规定，乡镇自受理之日起30个工作日内完成入户调查、民主评议和公示，再报县民政局审核确认。审核结果将以书面形式告知您，如有疑问可拨打县民政局电话咨询。感谢您的理解与支持。',
  },
  {
    kind: 'answer',
    title: '拖欠工资投诉的标准答复',
    source: null,
    categoryCode: 'labor.wages',
    publishedAt: null,
    body: '您好！您反映的拖欠工资问题已转县人社局劳动保障监察大队办理。监察大队将在5个工作日内约谈用人单位，责令限期支付；拒不支付的，依法作出行政处理，涉嫌拒不支付劳动报酬罪的移送公安机关。请您保存好劳动合同、考勤记录、工资条等证据。',
  },
] as const;

/** Adds the demo library as the demo's administrator, through the service. */
export async function seedDemoPolicies({ db, audit, clock }: { db: Kysely<DB>; audit: AuditLog; clock: Clock }): Promise<number> {
  const grant = await db
    .selectFrom('userRoles')
    .innerJoin('units', 'units.id', 'userRoles.unitId')
    .select(['userRoles.userId', 'userRoles.unitId', 'units.name', 'units.areaCode'])
    .where('userRoles.role', '=', 'admin')
    .orderBy('units.areaCode')
    .executeTakeFirstOrThrow();
  const admin: Actor = {
    userId: grant.userId,
    username: 'admin',
    displayName: 'admin',
    locale: 'zh-CN',
    sessionId: '',
    csrfToken: '',
    grants: [{ role: 'admin', unitId: grant.unitId, unitName: grant.name, areaCode: grant.areaCode }],
  };
  const policies = createPoliciesService({ db, audit, clock });
  for (const p of DEMO_POLICIES) await policies.create(admin, p);
  return DEMO_POLICIES.length;
}
