import type { CaseKind, PetitionClass } from '@lianxin/core';
import type { DeptKey } from './org.js';

/**
 * What residents of 青溪县 bring to cadres, written for the demo: one template per kind of matter,
 * with {slots} filled per case (places, people, amounts, months — see slots.ts), and the answers the
 * handling unit gives. All text is original and fictional.
 */

/** Which unit handles a matter: a county department, the township government, or the village committee. */
export type UnitRef = DeptKey | 'town' | 'village';

export interface CaseTemplate {
  key: string;
  category: string;
  kind: CaseKind;
  petitionClass?: PetitionClass;
  /** Relative frequency. */
  weight: number;
  unit: UnitRef;
  /** Only in communities (urban) or villages (rural). */
  where?: 'urban' | 'rural';
  /** The matter belongs to the township as a whole (its health centre, its service hall). */
  level?: 'township';
  /** Weights of normal / urgent / critical. */
  urgency?: readonly [number, number, number];
  /** Share of cases brought by a group, and its size. */
  collective?: { rate: number; min: number; max: number };
  anonymousRate?: number;
  coUnits?: readonly UnitRef[];
  /** Residents sometimes add a desperate sentence to this matter (risk words). */
  risk?: boolean;
  titles: readonly string[];
  contents: readonly string[];
  /** Replies when the matter was solved. */
  replies: readonly string[];
  /** Replies that explain why it cannot be (fully) solved. */
  partial?: readonly string[];
  /** Answers given on the spot (当场办结), for inquiries and the like. */
  answers?: readonly string[];
}

export const TEMPLATES: readonly CaseTemplate[] = [
  // ───────────── 民政救助 ─────────────
  {
    key: 'dibao_apply',
    category: 'social.dibao',
    kind: 'help',
    weight: 34,
    unit: 'minzheng',
    coUnits: ['town'],
    risk: true,
    titles: ['申请低保两个多月没人入户核查', '{fam}常年卧床家庭困难，申请低保'],
    contents: [
      '我是{v}{place}的，{fam}今年查出{illness}，每个月光药费就要两千多元，家里就靠我一个人打零工，收入很不稳定。{month}我把低保申请材料交到了{v}，说是要入户调查，到现在两个多月了也没有人来，打电话问也说不清楚。希望帮忙问一下审核到哪一步了。',
      '家里{n}口人，{fam}常年卧床，我自己腰椎不好干不了重活，孩子还在读书。{month}向{t}民政办申请低保，材料都交齐了，一直没有消息。想知道我家的情况符不符合条件，如果不符合也请告诉我原因。',
    ],
    replies: [
      '经{t}民政办会同{v}入户核查，申请人家庭人均收入低于我县低保标准，已经民主评议并公示无异议，报县民政局审批通过，自次月起按月发放低保金，同时纳入医疗救助对象。已电话告知申请人。',
      '已督促{t}在5个工作日内完成入户调查和邻里访问，经核实申请人家庭符合低保条件，审批手续已办结，首月低保金已打入其社保卡。对经办环节拖延的问题，已责成{t}民政办向申请人说明情况并致歉。',
    ],
    partial: [
      '经入户核查，申请人家庭有营运货车一辆，子女在外务工有稳定收入，家庭人均收入超出低保标准，暂不符合低保条件。已当面向申请人解释政策，并协助其申请临时救助2000元，家庭情况发生变化后可重新申请。',
    ],
  },
  {
    key: 'dibao_report',
    category: 'social.dibao',
    kind: 'report',
    weight: 14,
    unit: 'minzheng',
    anonymousRate: 0.4,
    coUnits: ['town'],
    titles: ['举报{v}低保评定优亲厚友', '反映{v}有人不符合条件却领低保'],
    contents: [
      '{v}{place}有两户人家新盖了三层楼房，家里还有小汽车，却一直在领低保，其中一户是村干部的亲戚。同组的{neighbor}家老两口都七十多岁、身体不好，申请了两次都没评上。希望上级部门认真核查，把低保给真正困难的人。',
      '听说今年{v}重新评定低保，评议会没有通知群众代表参加，名单也没有张贴公示就报上去了，名单里有人在县城开店做生意。请民政部门来核实一下。',
    ],
    replies: [
      '县民政局会同{t}对反映的低保户逐户核查，其中1户家庭经济状况已超出低保标准，已按程序停发低保金；另1户家庭成员患重病，经核实仍符合条件，继续保障。同时责成{v}今后严格落实民主评议和张榜公示制度。',
    ],
    partial: [
      '经核查，反映的有关家庭低保均按程序评议、公示并审批，家庭收入情况符合政策规定，未发现优亲厚友问题。已要求{v}在村务公开栏补充公示低保名单和监督电话。',
    ],
  },
  {
    key: 'dibao_inquiry',
    category: 'social.dibao',
    kind: 'inquiry',
    weight: 22,
    unit: 'minzheng',
    titles: ['咨询低保申请条件和所需材料', '咨询今年低保标准'],
    contents: [
      '我{fam}{age}岁了，一个人住在{v}，没有收入，想问一下申请低保需要什么条件、要准备哪些材料、到哪里去办。',
      '想问一下今年我们县的低保标准是多少，家里有人在外打工的还能不能申请。',
    ],
    answers: [
      '低保以家庭为单位申请，可向户籍所在地乡镇（街道）提出，也可委托村（居）委会代为申请，需提供户口簿、身份证、家庭成员收入及财产状况说明等材料。乡镇受理后组织入户调查、民主评议和公示，由县民政局审批。已将申请表和办理流程告知咨询人。',
      '共同生活的家庭成员人均收入低于当地低保标准、且家庭财产符合规定的，可以申请低保；在外务工人员的收入要计入家庭收入。可到{t}便民服务中心社会救助窗口办理，已告知窗口电话。',
    ],
    replies: [],
  },
  {
    key: 'elderly_alone',
    category: 'social.elderly',
    kind: 'help',
    weight: 20,
    unit: 'village',
    coUnits: ['minzheng'],
    titles: ['{age}岁独居老人摔伤需要帮助', '{v}独居老人无人照料'],
    contents: [
      '{v}{place}的{neighbor}老人今年{age}岁，老伴前几年走了，儿女都在外地打工，一个人住在老房子里。前几天在家门口摔了一跤，腿脚不方便，做饭吃饭都成问题。希望村里和民政部门帮忙照顾一下，看看能不能安排人上门服务或者送到敬老院。',
      '我母亲{age}岁，一个人住在{v}，我在外地打工回不来。最近打电话她说头晕、记性也不好，有时候几天不吃热饭。想问问有没有居家养老上门服务，或者能不能安排人定期去看看她。',
    ],
    replies: [
      '{v}已安排网格员和邻居结对，每天上门看望一次；{t}为老人申请了特殊困难老年人居家养老服务，每周上门助餐、助洁两次，并安装了一键呼叫设备。已联系其子女说明情况。',
      '经与老人及其子女沟通，老人本人愿意入住{t}敬老院，已办理入住手续，费用按特困供养政策和子女分担解决。',
    ],
  },
  {
    key: 'elderly_canteen',
    category: 'social.elderly',
    kind: 'suggestion',
    weight: 9,
    unit: 'minzheng',
    where: 'urban',
    titles: ['建议在{v}开办老年食堂', '建议社区增设老年人助餐点'],
    contents: [
      '{v}老年人很多，不少是空巢老人，子女白天上班，中午吃饭成问题。建议在社区办一个老年食堂或者助餐点，价格实惠一点，也方便老人们聚一聚、说说话。',
    ],
    replies: ['感谢您的建议。县民政局已将{v}列入今年社区老年助餐点建设计划，选址在社区党群服务中心一楼，预计下季度投入运营，60岁以上老人就餐可享受补贴。'],
    partial: ['您的建议已收悉。社区目前暂无合适场地，县民政局已协调附近餐饮企业为{v}高龄和独居老人提供送餐服务，助餐点建设将在明年统筹考虑。'],
    answers: ['感谢您的建议，已登记并转县民政局研究，社区助餐点的建设进展将在社区公告栏公布。'],
  },
  {
    key: 'disability_subsidy',
    category: 'social.disability',
    kind: 'help',
    weight: 12,
    unit: 'minzheng',
    titles: ['残疾人两项补贴申请后一直未发放', '重度残疾人护理补贴迟迟没有到账'],
    contents: [
      '我{fam}是肢体二级残疾，常年需要人照顾。听说可以领困难残疾人生活补贴和重度残疾人护理补贴，{month}在{v}交了材料，到现在几个月了一分钱也没领到，也没人告诉我是什么原因。',
    ],
    replies: [
      '经核查，申请人材料已报送，因残疾证信息与户籍信息不一致被系统退回，{t}未及时告知。现已协助更正信息并完成审批，补贴从申请次月起补发，已打入其社保卡。',
    ],
  },

  // ───────────── 劳动保障 ─────────────
  {
    key: 'wages_group',
    category: 'labor.wages',
    kind: 'complaint',
    weight: 26,
    unit: 'renshe',
    collective: { rate: 0.8, min: 5, max: 38 },
    coUnits: ['zhujian'],
    urgency: [0.7, 0.28, 0.02],
    risk: true,
    titles: ['{people}名农民工被拖欠工资', '{site}拖欠工人工资{wageTotal}', '讨要{builder}拖欠的工资'],
    contents: [
      '我们{people}个人在{site}做{trade}，承包老板是{builder}的，从{month}开始就没有发过工资，总共拖欠了{wageTotal}。老板一直说等甲方工程款下来再结，现在主体都快完工了，人也找不到，电话也不接。我们都是靠这点工钱养家的，孩子要交学费，家里老人要看病，请政府帮我们讨个公道。',
      '{builder}承建的{site}，拖欠我们{trade}班组{people}人工资共{wageTotal}，之前只发过几次生活费。我们找过项目部也找过劳动监察，到现在也没有结果。希望有关部门督促尽快支付。',
    ],
    replies: [
      '县人社局劳动保障监察大队约谈了{builder}负责人和项目总承包单位，核实拖欠{people}名工人工资{wageTotal}。经协调，总承包单位通过农民工工资专用账户代发，已全部支付到位，工人已签字确认。对该公司已依法责令改正并列入重点监控名单。',
      '经调查核实，拖欠工资属实。县人社局已向{builder}下达《劳动保障监察责令改正决定书》，并动用该项目工资保证金先行垫付，工资已全部发放到工人个人账户。',
    ],
    partial: [
      '经调查，双方对工程量和工资数额存在较大争议。劳动监察已组织双方对账，无争议部分已督促支付；争议部分已引导工人向县劳动人事争议仲裁委员会申请仲裁，县法律援助中心提供免费法律援助。',
    ],
  },
  {
    key: 'wages_single',
    category: 'labor.wages',
    kind: 'complaint',
    weight: 16,
    unit: 'renshe',
    titles: ['离职后公司拖欠两个月工资', '{company}拖欠工资不结算'],
    contents: [
      '我原来在{company}上班，{month}离职，公司一直拖着不结最后两个月的工资{wage}，人事说要等老板签字，老板又一直不在。我去要了好几次都没有结果，请劳动部门帮忙处理。',
    ],
    replies: ['县劳动保障监察大队约谈了{company}，公司承认拖欠事实，已将{wage}工资一次性支付给诉求人。'],
    partial: ['经调查，公司称诉求人离职时未办理工作交接，双方存在争议。监察大队已督促公司先行支付无争议部分，其余部分已告知诉求人可申请劳动仲裁，并提供了仲裁申请材料清单。'],
  },
  {
    key: 'pension_inquiry',
    category: 'labor.social_insurance',
    kind: 'inquiry',
    weight: 16,
    unit: 'renshe',
    titles: ['咨询城乡居民养老保险缴费档次', '咨询灵活就业人员参保'],
    contents: [
      '我今年{age2}岁，在家务农，想问一下城乡居民养老保险每年可以交哪几个档次，交得越多以后领得越多吗？年满60岁以后每个月大概能领多少？',
      '我在外地打零工，没有单位交社保，想以灵活就业人员身份在老家交职工养老保险，请问需要什么手续，每年大概交多少钱？',
    ],
    answers: [
      '城乡居民养老保险设有多个缴费档次，由参保人自愿选择，多缴多得、长缴多得，政府按档次给予缴费补贴；可在每年缴费期内通过村协办员、银行或手机APP缴纳。已告知咨询人所在村社保协办员的联系方式。',
      '灵活就业人员可持身份证到县社保中心窗口或通过网上经办平台办理参保登记，缴费基数可在规定范围内自行选择。已将办理地址和咨询电话告知咨询人。',
    ],
    replies: [],
  },
  {
    key: 'employment_help',
    category: 'labor.employment',
    kind: 'help',
    weight: 10,
    unit: 'renshe',
    titles: ['返乡人员咨询创业担保贷款', '失业人员求助免费技能培训'],
    contents: [
      '我从外地返乡，想在{v}开一家农产品网店，听说有创业担保贷款，想问一下需要什么条件、能贷多少、要不要抵押。',
      '我今年{age2}岁，原来在沿海鞋厂上班，工厂倒闭后回了家，没什么技术，想参加县里的免费技能培训，学个电工或者育婴师，请问怎么报名。',
    ],
    answers: ['已将诉求人信息转县就业创业服务中心，符合条件的返乡人员可申请创业担保贷款和免费职业技能培训，具体额度和开班时间以当期通知为准，服务中心将电话联系诉求人。'],
    replies: [
      '县就业创业服务中心已与诉求人联系，经审核符合创业担保贷款申请条件，已协助其准备材料并推荐到合作银行办理，贷款享受财政贴息。',
      '已将诉求人纳入本期电工技能培训班名单，培训免费，考核合格可领取职业技能等级证书，培训期间按规定发放生活补贴，结业后由就业服务中心推荐岗位。',
    ],
  },

  // ───────────── 城乡建设 ─────────────
  {
    key: 'roads_urban',
    category: 'urban.roads',
    kind: 'complaint',
    weight: 22,
    unit: 'zhujian',
    where: 'urban',
    urgency: [0.75, 0.23, 0.02],
    titles: ['{road}{landmark}路段路面塌陷存在安全隐患', '{road}人行道地砖松动多处破损'],
    contents: [
      '{road}{landmark}路段路面塌陷出一个大坑，直径有一米多，下雨天积满了水根本看不出来，这个星期已经有好几个骑电动车的人摔倒了。希望尽快派人修补，修好之前至少先设个警示标志。',
      '{road}从{landmark}往东这一段，人行道地砖松动破损很多，一踩就溅水，老人小孩走路很容易崴脚。反映过好几次了，请尽快维修。',
    ],
    replies: [
      '县住建局市政维修队接件当天到现场设置了警示围挡，次日对塌陷路段进行了开挖回填和沥青修补，现已恢复通行；同时对{road}全线路面进行了排查，发现的另外3处破损一并修复。',
      '已安排市政养护单位对该段人行道松动地砖进行更换，共修复约120平方米，已完工并清理现场。',
    ],
  },
  {
    key: 'roads_rural',
    category: 'urban.roads',
    kind: 'complaint',
    weight: 20,
    unit: 'jiaotong',
    where: 'rural',
    coUnits: ['town'],
    collective: { rate: 0.1, min: 5, max: 20 },
    titles: ['{v}通村公路被重车压坏', '{place}村道开裂塌边缺少护栏'],
    contents: [
      '{v}到{t}的通村公路，{estate}那一段有两三百米路面被拉沙的重车压坏了，坑坑洼洼，晴天一身灰、雨天一身泥，孩子上学、村民卖菜都很不方便。希望交通部门尽快修一修，也管一管超载的车。',
      '我们{place}的村道是十多年前修的，只有三米宽，现在多处开裂塌边，靠河那边没有护栏，晚上骑摩托车很危险。请求把这段路纳入改造计划，加装护栏。',
    ],
    replies: [
      '县交通运输局会同{t}现场查看，已安排养护队对破损路面进行修补，共修复约260平方米；同时联合交警在路口设置限高限重设施，查处超载车辆。',
      '县交通运输局会同{t}现场查看，已对开裂塌边路段进行修补，并在临河一侧安装波形护栏约300米，增设了反光警示桩。',
    ],
    partial: ['经现场核查，该路段已列入明年农村公路提档升级计划，届时将整体改造。目前已安排养护队对最危险的路段先行修补，并设置了警示桩。'],
  },
  {
    key: 'parking',
    category: 'urban.roads',
    kind: 'suggestion',
    weight: 8,
    unit: 'zhujian',
    where: 'urban',
    coUnits: ['gongan'],
    titles: ['建议在{road}附近增设公共停车位', '{estate}周边停车难'],
    contents: ['{estate}是老小区，没有地下车库，晚上车子只能停在{road}两边，早上出门经常被堵在里面。建议利用{landmark}旁边的空地建一个公共停车场，或者在路边施划夜间临时停车位。'],
    replies: ['感谢您的建议。县住建局会同交警大队对{road}周边进行了勘查，已在{landmark}旁空地施划临时停车位60个，夜间免费停放；新建公共停车场已列入明年城建计划。'],
    answers: ['您的建议已登记，将转县住建局和交警大队研究，结果会通过短信告知您。'],
  },
  {
    key: 'property',
    category: 'urban.property',
    kind: 'complaint',
    weight: 16,
    unit: 'zhujian',
    where: 'urban',
    coUnits: ['village'],
    collective: { rate: 0.15, min: 5, max: 30 },
    titles: ['{estate}物业服务差乱涨价', '{estate}物业不作为垃圾堆积'],
    contents: [
      '{estate}的物业公司服务太差，楼道灯坏了几个月没人修，垃圾经常两三天才清运一次，小区门禁也形同虚设。今年物业费却从每平方0.8元涨到1.2元，也没有开业主大会。希望住建部门管一管。',
    ],
    replies: ['县住建局约谈了{estate}物业服务企业，责令其限期整改：楼道照明已全部修复，垃圾实行日产日清；物业费调整未经业主大会表决，已责令暂停执行新标准。社区将指导小区筹备成立业主委员会。'],
  },
  {
    key: 'elevator',
    category: 'urban.property',
    kind: 'complaint',
    weight: 9,
    unit: 'zhujian',
    where: 'urban',
    urgency: [0.6, 0.4, 0],
    titles: ['{estate}电梯频繁故障', '{estate}{n}栋电梯困人物业只是临时修'],
    contents: ['{estate}{n}栋的电梯这个月已经坏了三次，上周还困过人，物业只是临时修一下。楼里有好几个行动不便的老人，电梯一坏就下不了楼。请求督促物业彻底检修或者更换电梯。'],
    replies: ['县住建局会同市场监管部门对{n}栋电梯进行了安全检查，督促物业委托维保单位更换了主板和门机系统，经检验合格后恢复运行；已要求物业建立电梯故障24小时应急值守制度。'],
  },
  {
    key: 'illegal_building',
    category: 'urban.illegal_building',
    kind: 'report',
    weight: 14,
    unit: 'chengguanju',
    where: 'urban',
    anonymousRate: 0.25,
    titles: ['举报{estate}楼顶违章搭建', '{estate}一楼住户私自圈占绿地'],
    contents: [
      '{estate}{n}栋顶楼住户这段时间在楼顶用钢架加盖了一层彩钢瓦房，天天电焊、敲打，不但吵，还压在我们楼顶上，担心漏水和安全问题。请城管部门来看看。',
      '{estate}一楼住户把门前绿化带围起来，砌了围墙扩建成自家院子，占用了小区公共绿地和消防通道。其他业主都有意见，物业说管不了。',
    ],
    replies: [
      '县城市管理局执法人员到现场核实，该搭建未取得规划许可，属违法建设，已下达《责令限期拆除通知书》，当事人已在限期内自行拆除。',
      '执法人员现场核查属实，已责令当事人停止施工、恢复原状，目前违建部分已拆除，绿化由物业恢复。',
    ],
  },
  {
    key: 'public_housing',
    category: 'urban.housing',
    kind: 'help',
    weight: 8,
    unit: 'zhujian',
    where: 'urban',
    titles: ['申请公租房排队一年多没有结果', '咨询公租房轮候进度'],
    contents: ['我是{v}居民，家里三口人一直租房住，前年就申请了公租房，审核通过了，到现在还在排队，也不知道排到第几位。想问一下什么时候能分到房。'],
    replies: ['经查，诉求人已列入公租房轮候名单，目前排在第{n}位。县住建局已向其说明轮候规则，并为其办理了住房租赁补贴，按月发放至分配房源为止。'],
  },

  // ───────────── 水电气 ─────────────
  {
    key: 'water_outage',
    category: 'utilities.water',
    kind: 'complaint',
    weight: 14,
    unit: 'zilaishui',
    where: 'urban',
    urgency: [0.45, 0.45, 0.1],
    collective: { rate: 0.12, min: 5, max: 40 },
    titles: ['{estate}停水{hours}无人通知', '{road}一带突然停水'],
    contents: [
      '我们{estate}从{day}开始停水，到现在已经{hours}了，事先没有任何通知，打自来水公司电话一直占线。家里有老人和小孩，做饭、洗澡都成问题，请尽快恢复供水，并告诉我们什么时候能来水。',
      '{road}一带{day}突然停水，小区里好多户都没水用，物业说是外面管道的问题。现在天气热，请自来水公司尽快抢修。',
    ],
    replies: ['经自来水公司查明，停水系附近主管道爆管所致，抢修人员连夜更换了破损管段，已于次日凌晨恢复供水。对未及时发布停水通知的问题，公司已向用户致歉，今后计划停水将提前24小时通过社区和短信告知。'],
  },
  {
    key: 'water_outage_rural',
    category: 'utilities.water',
    kind: 'complaint',
    weight: 10,
    unit: 'zilaishui',
    where: 'rural',
    urgency: [0.5, 0.42, 0.08],
    collective: { rate: 0.15, min: 5, max: 40 },
    coUnits: ['town'],
    titles: ['{v}{place}自来水停了{hours}', '{v}集中供水经常停水'],
    contents: [
      '{v}{place}的自来水从{day}开始就停了，已经{hours}，村里也没有通知什么原因。家里老人只能去井里挑水，请尽快派人来查一查，早点恢复供水。',
      '我们{v}接的是乡镇水厂的集中供水，这个月已经停了好几次水，每次一停就是大半天，水压也很低。希望水厂和乡政府想办法解决，保证正常供水。',
    ],
    replies: [
      '自来水公司查明系{place}入户支管被施工机械挖断，抢修人员已更换管道恢复供水，并要求施工单位今后开挖前先与供水部门对接管线位置。',
      '自来水公司会同{t}对水厂至{v}的输水管道进行了排查，更换了老化阀门和破损管段，并调整了高峰期供水调度，近半月未再发生停水。',
    ],
  },
  {
    key: 'water_pressure',
    category: 'utilities.water',
    kind: 'complaint',
    weight: 10,
    unit: 'zilaishui',
    titles: ['{v}{place}自来水水压低', '{place}高峰期经常没水'],
    contents: ['{v}{place}地势比较高，一到用水高峰水压就上不来，楼上经常一滴水都没有，每年夏天都是这样。希望自来水公司想办法加压或者改造管网。'],
    replies: ['自来水公司已在{place}加装一台管道增压泵，并对老旧支管进行了改造，高峰期水压已恢复正常。'],
    partial: ['自来水公司现场测试，{place}管网末端水压偏低，已将该片区管网改造列入今年计划，改造完成前每天高峰期调度增压供水。'],
  },
  {
    key: 'water_quality',
    category: 'utilities.water',
    kind: 'complaint',
    weight: 6,
    unit: 'zilaishui',
    where: 'urban',
    coUnits: ['weijian'],
    titles: ['{estate}自来水发黄有异味'],
    contents: ['这几天我们{estate}的自来水放出来是黄色的，还有一股铁锈味，烧开了底下有沉淀，不敢给孩子喝。请自来水公司检查一下水质。'],
    replies: ['自来水公司对{estate}二次供水水箱进行了清洗消毒，并冲洗了小区内的老旧管道；县疾控中心采样检测，结果符合生活饮用水卫生标准，已在小区公示检测结果。'],
  },
  {
    key: 'power_voltage',
    category: 'utilities.power',
    kind: 'complaint',
    weight: 16,
    unit: 'gongdian',
    urgency: [0.6, 0.35, 0.05],
    collective: { rate: 0.1, min: 5, max: 25 },
    titles: ['{v}{place}频繁停电电压低', '{estate}一晚上停电三次'],
    contents: [
      '{v}{place}一到傍晚电压就低，灯都是暗的，空调和冰箱都带不动，这个月已经烧坏了两家的电器。组里用电户越来越多，变压器还是十几年前的，请供电公司来看看是不是要增容。',
      '昨天晚上{estate}一带停了三次电，每次一两个小时，家里有老人要用制氧机，非常着急。打供电所电话说在抢修，希望尽快查明原因，别再频繁停电了。',
    ],
    replies: [
      '国网青溪县供电公司现场检测发现台区变压器重载，已更换为400千伏安变压器并改造了低压线路，电压已恢复正常；对因电压问题损坏的电器，已指导用户按程序申请核查。',
      '经查，停电系10千伏线路受树障影响跳闸，抢修人员已清理线路通道并更换故障设备，供电已恢复稳定，该线路已列入本季度重点巡视。',
    ],
  },
  {
    key: 'power_danger',
    category: 'utilities.power',
    kind: 'help',
    weight: 6,
    unit: 'gongdian',
    urgency: [0, 0.25, 0.75],
    titles: ['{place}电线杆倾斜电线垂地', '{v}电线被大风刮断'],
    contents: ['刚才刮大风，{v}{place}路边的一根电线杆被刮歪了，电线垂下来离地面只有一人多高，下面就是小孩放学走的路，太危险了，请马上派人来处理！'],
    replies: ['供电抢修人员接件后40分钟到达现场，立即停电隔离并设置警示，更换了倾斜电杆、重新架设导线，已于当晚恢复供电。'],
  },
  {
    key: 'gas_leak',
    category: 'utilities.gas',
    kind: 'help',
    weight: 5,
    unit: 'zhujian',
    where: 'urban',
    urgency: [0.2, 0.4, 0.4],
    titles: ['{estate}楼道内有燃气异味'],
    contents: ['{estate}{n}栋二单元楼道里这两天一直有一股燃气味，晚上更明显，邻居们都很担心，请燃气公司赶紧来检查一下是不是管道漏气。'],
    replies: ['县住建局督促燃气公司抢修人员到场检测，确认为楼道立管接口老化轻微泄漏，已当场更换接口并做了气密性试验，隐患已排除；同时对整栋楼燃气设施进行了安全检查。'],
  },
  {
    key: 'gas_fee',
    category: 'utilities.gas',
    kind: 'complaint',
    weight: 5,
    unit: 'zhujian',
    where: 'urban',
    titles: ['天然气开户费收费过高', '燃气公司收取开户费没有依据'],
    contents: ['我家在{estate}新买的房子，燃气公司说开通天然气要交两千多元的开户费，也没有说明收费依据，听说别的地方都取消了。想问一下这个收费合不合理。'],
    replies: ['经县住建局会同发改部门核查，燃气公司收取的是户内燃气设施安装费，已责令其公开收费项目和标准，对超出标准部分予以退还。'],
  },

  // ───────────── 生态环境 ─────────────
  {
    key: 'pollution_farm',
    category: 'environment.pollution',
    kind: 'report',
    weight: 14,
    unit: 'shengtai',
    where: 'rural',
    coUnits: ['nongye', 'town'],
    collective: { rate: 0.15, min: 5, max: 30 },
    titles: ['{v}附近养猪场污水直排', '{estate}养殖场粪水流进{river}'],
    contents: ['{v}{estate}后面有一个养猪场，粪水不经过处理就直接排到{river}里，河水发黑发臭，夏天气味熏得人晚上都睡不着，村民家的井水也受到影响。反映过几次，停几天又开始排。'],
    replies: ['青溪生态环境分局会同县农业农村局夜间突击检查，查实该养殖场雨污分流设施不完善、粪污溢流入河，已依法立案处罚，责令停止排放并限期完成治污设施改造；{t}已组织对受影响河段进行清淤。经复查，目前无排放。'],
  },
  {
    key: 'pollution_factory',
    category: 'environment.pollution',
    kind: 'report',
    weight: 10,
    unit: 'shengtai',
    anonymousRate: 0.3,
    titles: ['{factory}夜间偷排污水', '举报{factory}粉尘污染'],
    contents: [
      '{v}附近新开的{factory}白天不生产，晚上偷偷开工，污水直接排进{river}，早上起来河面上一层白沫，还死了不少鱼。请环保部门晚上来查一查。',
      '{v}{place}旁边的{factory}一开工就粉尘漫天，附近人家的衣服都不敢晾在外面，菜地里的菜叶子上都是一层灰。请求环保部门依法处理。',
    ],
    replies: ['执法人员连续三晚蹲点检查，查实{factory}未落实污染防治措施，已依法责令停产整治并立案查处，对周边环境进行了监测，整改完成前不得恢复生产。'],
  },
  {
    key: 'sanitation_urban',
    category: 'environment.sanitation',
    kind: 'complaint',
    weight: 10,
    unit: 'chengguanju',
    where: 'urban',
    titles: ['{estate}门口垃圾多日无人清运'],
    contents: ['{estate}门口的垃圾桶已经满了三四天，没人来清运，垃圾堆到路上，天气热招苍蝇，气味很大。以前每天都有车来收，最近不知道为什么不来了。'],
    replies: ['县城市管理局已督促环卫作业公司当天清运了积存垃圾，并调整收运线路，{estate}恢复每日清运两次。'],
  },
  {
    key: 'sanitation_rural',
    category: 'environment.sanitation',
    kind: 'complaint',
    weight: 10,
    unit: 'town',
    where: 'rural',
    titles: ['{v}{place}垃圾堆积发臭', '{place}垃圾收集点长期不清运'],
    contents: ['{v}{place}的垃圾收集点好几天没人清运，垃圾满地，野狗到处翻，下雨后污水流到旁边的水田里。保洁员说是运输车坏了。'],
    replies: ['{t}已协调环卫公司调配车辆清运积存垃圾，并对收集点进行了消杀；同时督促保洁公司落实日常清运，纳入农村人居环境月度考核。'],
  },
  {
    key: 'noise_shop',
    category: 'environment.noise',
    kind: 'complaint',
    weight: 16,
    unit: 'shengtai',
    where: 'urban',
    coUnits: ['gongan'],
    titles: ['{estate}楼下{shop}噪声扰民', '{shop}营业到{latenight}吵得无法休息'],
    contents: ['{estate}楼下新开了一家{shop}，每天营业到{latenight}，音响开得很大，客人喝酒划拳大声喧哗，我们楼上住户根本没办法休息，家里孩子马上要考试了。跟老板说过几次都没用，请有关部门管一管。'],
    replies: ['生态环境分局会同公安派出所夜间到现场检查，对{shop}经营者进行了批评教育，责令其晚上十点后关闭室外音响、加装隔音设施，并签订了文明经营承诺书。社区网格员持续跟踪，近一周回访未再出现扰民情况。'],
  },
  {
    key: 'noise_construction',
    category: 'environment.noise',
    kind: 'complaint',
    weight: 9,
    unit: 'zhujian',
    where: 'urban',
    coUnits: ['shengtai'],
    titles: ['{site}夜间施工噪声扰民'],
    contents: ['附近{site}最近每天晚上都在施工，打桩机、搅拌车一直响到半夜，有时候凌晨还在浇混凝土。请问他们有没有夜间施工许可？我们实在睡不着了。'],
    replies: ['经查，该工地未办理夜间施工许可，县住建局已责令其立即停止夜间施工，确需连续作业的须依法申请并提前向周边居民公告；生态环境分局已对施工单位依法处罚。'],
  },

  // ───────────── 土地征迁 ─────────────
  {
    key: 'expropriation_comp',
    category: 'land.expropriation',
    kind: 'complaint',
    weight: 16,
    unit: 'ziran',
    where: 'rural',
    coUnits: ['town'],
    collective: { rate: 0.5, min: 5, max: 60 },
    risk: true,
    titles: ['{project}征地补偿款未足额发放', '征地补偿款被村集体扣留一半'],
    contents: [
      '{project}征用我们{v}{place}的土地，共{bigmu}亩，去年就签了协议、地也交了，但补偿款到现在只发了一部分，青苗和地上附着物补偿也没有公布标准，每户拿到的钱对不上。村民们多次找村里、乡里都说在走程序，请求上级帮我们落实。',
      '{v}{place}的土地被{project}征收，我家有{mu}亩责任田，按协议应该补偿{compensation}，实际只拿到一半，说是村集体留了一部分。我们不同意村里扣这么多，也不知道扣的钱用到哪里去了。',
    ],
    replies: [
      '县自然资源局会同{t}核查，该项目征地补偿款已足额拨付至乡镇，因部分农户地类认定存在争议暂缓发放。现已重新组织测量、张榜公示，剩余补偿款已全部发放到户，青苗和附着物补偿标准已在{v}公开栏公示。',
      '经{t}核查，村集体提留土地补偿费的比例未经村民代表大会表决，已责令{v}将多提留的部分退还农户，诉求人应得的补偿款已补发到位。',
    ],
    partial: ['经核查，村集体依法提留的土地补偿费比例经村民代表大会表决通过，主要用于村道硬化和安置地块平整。已责成{v}公开提留资金收支明细，并向诉求人逐项说明。'],
  },
  {
    key: 'expropriation_petition',
    category: 'land.expropriation',
    kind: 'petition',
    petitionClass: 'appeal',
    weight: 14,
    unit: 'ziran',
    coUnits: ['town'],
    collective: { rate: 0.3, min: 5, max: 40 },
    risk: true,
    titles: ['对房屋征收补偿不服请求重新评估', '请求解决{project}征地遗留问题'],
    contents: [
      '我家房屋位于{v}{place}，在{project}征收范围内，评估公司给出的补偿价格每平方米只有一千多元，远低于周边房价，用补偿款根本买不起安置房。我们多次提出异议都没有答复，请求重新评估，按合理标准补偿。',
      '{project}是十年前征的地，当时承诺给我们{place}的失地农民办养老保险、安排就业，到现在都没有兑现，我们去乡里、县里反映过很多次。现在年纪大了，没有地种也没有收入，请求政府解决。',
    ],
    replies: ['县自然资源局会同{t}复核了评估报告和征收档案，在政策范围内为信访人落实了搬迁奖励、过渡安置费和被征地农民养老保障，并优先安排安置房源。已出具书面处理意见书。'],
    partial: ['经复核，原评估程序合法、价格符合评估时点的市场水平，补偿标准不予调整；对信访人的实际困难，{t}已协调落实临时救助和公益性岗位。已出具书面处理意见书，并告知复查权利。'],
  },
  {
    key: 'land_proposal',
    category: 'land.expropriation',
    kind: 'petition',
    petitionClass: 'proposal',
    weight: 6,
    unit: 'ziran',
    where: 'rural',
    titles: ['关于{project}选址的意见建议'],
    contents: ['听说{project}准备选在{v}{place}，那里是全村最好的一片水田，附近还有饮用水源。我们建议重新论证选址，并在决定前召开村民会议听取大家的意见。'],
    replies: ['县自然资源局已将信访人意见转项目论证组研究，项目选址将严格避让永久基本农田和水源保护区，方案确定前将在{v}召开村民代表恳谈会征求意见。已书面答复信访人。'],
  },
  {
    key: 'homestead_dispute',
    category: 'land.homestead',
    kind: 'complaint',
    weight: 18,
    unit: 'town',
    where: 'rural',
    coUnits: ['nongye', 'village'],
    titles: ['与邻居宅基地界址纠纷', '邻居建房占用我家宅基地'],
    contents: [
      '我家与邻居{neighbor}家是多年的老宅基地，中间以滴水为界。今年他家拆旧建新，地基往我家这边多占了将近一米，我去阻止还跟我吵了起来。村里调解过一次没有结果，请乡里来主持公道。',
      '{v}{place}的{neighbor}建房时把院墙砌到了我家厨房门口，我家进出都要侧着身子。我有九几年的宅基地使用证，上面四至写得很清楚，请求依法处理。',
    ],
    replies: ['{t}会同县农业农村局、自然资源所现场测量，依据双方宅基地使用证四至和村民代表证言确定了界址，{neighbor}同意按确定的界址调整，双方在村调委会主持下签订了调解协议。'],
    partial: ['经现场勘查，双方均无法提供四至清楚的权属证明，{t}组织了三次调解未能达成一致。已告知双方可申请乡镇人民政府作出确权处理决定，或通过诉讼途径解决，处理期间双方暂停施工。'],
  },
  {
    key: 'homestead_approval',
    category: 'land.homestead',
    kind: 'help',
    weight: 10,
    unit: 'town',
    where: 'rural',
    coUnits: ['nongye'],
    titles: ['申请宅基地建房审批迟迟未办', '危房户拆旧建新审批慢'],
    contents: ['我家是{v}{place}的，一家五口挤在老房子里，旧房已是危房。{month}向村里申请在原址拆旧建新，村里签了意见，交到乡里说要等审批，到现在还没下来，眼看雨季要来了，很着急。'],
    replies: ['{t}已组织联审现场踏勘，诉求人建房申请符合"一户一宅"和村庄规划要求，已核发乡村建设规划许可证和宅基地批准书，并派技术人员现场放样。'],
  },
  {
    key: 'homestead_petition',
    category: 'land.homestead',
    kind: 'petition',
    petitionClass: 'appeal',
    weight: 7,
    unit: 'town',
    where: 'rural',
    titles: ['请求确认祖屋宅基地使用权', '对宅基地确权结果不服'],
    contents: ['我家在{v}{place}的祖屋宅基地，这次确权登记时被登记到了堂兄名下，我们不同意。当年分家有分家书，村里老人也都知道。多次找村里和乡里没有结果，请求依法重新确认。'],
    replies: ['{t}会同县农业农村局调取了分家书、原始台账并走访了村民小组老人，重新核实后更正了宅基地确权登记结果，已书面告知信访人。'],
    partial: ['经调查，现有证据不足以推翻原确权结果，{t}已作出维持原登记的处理意见，并书面告知信访人可依法申请复查或提起行政诉讼。'],
  },
  {
    key: 'land_rent',
    category: 'land.contract',
    kind: 'complaint',
    weight: 12,
    unit: 'nongye',
    where: 'rural',
    coUnits: ['town'],
    collective: { rate: 0.6, min: 5, max: 45 },
    titles: ['土地流转租金拖欠未兑现', '{agri}拖欠{v}土地租金'],
    contents: ['{v}把我们{place}的{bigmu}亩责任田流转给{agri}种{crop}，合同写明每亩每年{rent}，年底前付清。今年的租金到现在都没有给，公司说今年行情不好，村民们都很有意见，希望政府出面协调。'],
    replies: ['县农业农村局会同{t}约谈了{agri}，企业已筹措资金将拖欠的土地流转租金全部兑付到户；已要求{v}今后在流转合同中明确租金支付担保措施。'],
  },

  // ───────────── 农业农村 ─────────────
  {
    key: 'farm_subsidy',
    category: 'agriculture.subsidy',
    kind: 'inquiry',
    weight: 14,
    unit: 'nongye',
    where: 'rural',
    titles: ['今年{subsidy}没有到账', '{subsidy}面积少算了'],
    contents: [
      '我是{v}{place}的农户，家里承包了{mu}亩地，往年{subsidy}都会打到一卡通上，今年别人家都收到了，我家到现在还没有，去信用社查也没有记录。想问问是什么原因。',
      '今年{subsidy}公示名单上我家的面积只有{mu2}亩，但我家确权面积是{mu}亩，少算了一截，请帮忙核实更正。',
    ],
    answers: ['补贴按确权承包面积核定，经村组公示后由乡镇汇总报县农业农村局审核，通过一卡通发放。已告知咨询人到{t}农业综合服务中心核对发放记录和一卡通账户状态。'],
    replies: [
      '经{t}农业综合服务中心核查，因诉求人一卡通账户长期未使用被银行冻结导致发放失败，已协助其激活账户，补贴资金已补发到位。',
      '经核对确权登记数据，诉求人补贴面积录入有误，已予以更正，差额补贴在下一批次补发。',
    ],
  },
  {
    key: 'irrigation',
    category: 'agriculture.irrigation',
    kind: 'help',
    weight: 14,
    unit: 'shuili',
    where: 'rural',
    coUnits: ['town'],
    collective: { rate: 0.2, min: 5, max: 30 },
    titles: ['{v}灌溉水渠年久失修', '{place}山塘漏水影响灌溉'],
    contents: [
      '{v}{place}的灌溉水渠是七十年代修的，现在多处坍塌渗漏，水放到半路就没了，下游二百多亩田用水都成问题。眼看要到用水季节，请求水利部门帮忙修一修。',
      '我们{place}的山塘坝体漏水，存不住水，去年干旱时好几户的{crop}都受了灾。请把这口山塘纳入维修计划。',
    ],
    replies: [
      '县水利局已将该段渠道纳入小型农田水利维修项目，施工队完成了约600米渠道的防渗硬化，{t}组织了通水试验，灌溉已恢复正常。',
      '县水利局已对该山塘坝体进行防渗处理并更换了放水涵管，蓄水能力已恢复，{t}将山塘纳入日常巡查。',
    ],
    partial: [
      '县水利局现场查看后，已将该段渠道列入明年小型农田水利建设计划，今年先安排资金对坍塌段进行应急修复，保障本季用水。',
      '县水利局现场查看后，已将该山塘列入明年小型水库山塘除险加固计划，今年先安排资金对坝体渗漏处进行应急处理，并协调抗旱泵站临时供水。'],
  },
  {
    key: 'village_affairs',
    category: 'agriculture.village_affairs',
    kind: 'report',
    weight: 12,
    unit: 'town',
    where: 'rural',
    coUnits: ['nongye'],
    anonymousRate: 0.35,
    titles: ['{v}村务财务长期不公开', '反映{v}{asset}租金去向不明'],
    contents: ['{v}的村务公开栏已经一年多没有更新了，{asset}每年都有出租收入，但村民从来不知道收了多少、用到哪里去了。我们要求查看账目，村干部说要等审计。希望乡里派人来查一查，按规定公开。'],
    replies: ['{t}农经站对{v}近三年财务进行了专项审计，{asset}租金收入均已入村集体账户，主要用于村道维修和保洁支出，未发现挪用问题。已督促{v}按季度公开村务财务，并召开村民代表会议通报审计结果。'],
  },

  // ───────────── 教育 ─────────────
  {
    key: 'enrollment',
    category: 'education.enrollment',
    kind: 'help',
    weight: 16,
    unit: 'jiaoyu',
    where: 'urban',
    titles: ['随迁子女入学被拒', '孩子就近入学被分到很远的学校'],
    contents: [
      '我们一家在县城务工已经{years}年了，在{estate}租房住，孩子今年上{grade}，去{school}报名，学校说学位已满，让我们去城郊的学校，离家有六七公里，早上根本送不过去。请求教育部门统筹解决就近入学。',
      '我家在{estate}买了房子，房产证和户口都在这里，按划片应该读{school}，但今年分配结果把我们分到了别的学校，同一个小区的其他孩子却分进去了，请解释一下。',
    ],
    replies: [
      '县教体局核实了诉求人的居住证明和社保缴纳情况，符合随迁子女入学条件，已统筹安排孩子到{school}就读，并已办理入学手续。',
      '县教体局复核了学区划分和学位分配记录，诉求人符合{school}划片入学条件，因登记信息录入错误被误分，现已更正并安排入学。',
    ],
    partial: [
      '经核查，{school}今年学位已满，已统筹安排孩子到就近有学位的学校就读，并协调开通校车接送。',
      '经核查，{school}今年学位紧张，教体局按房产登记时间先后安排学位，诉求人登记时间较晚被调剂至邻近学校。已向家长解释政策，并协调开通校车接送。'],
  },
  {
    key: 'school_fees',
    category: 'education.fees',
    kind: 'report',
    weight: 8,
    unit: 'jiaoyu',
    anonymousRate: 0.3,
    titles: ['{school}违规收取资料费', '举报{school}强制订购教辅'],
    contents: ['{school}要求每个学生交{fee}的资料费和校服费，没有收据，也没有征求家长意见，说是不交就不发书。请问这样收费合规吗？'],
    replies: ['县教体局调查核实，{school}存在违规代收教辅资料费的问题，已责令学校全额退还所收费用，并对学校负责人进行了通报批评；校服实行家长自愿购买。'],
  },
  {
    key: 'enrollment_inquiry',
    category: 'education.enrollment',
    kind: 'inquiry',
    weight: 10,
    unit: 'jiaoyu',
    titles: ['咨询{school}招生划片范围', '咨询孩子上小学报名需要的材料'],
    contents: ['孩子明年上小学，我们住在{v}，想问一下对应的是哪所学校，报名要准备哪些材料，什么时候开始报名。'],
    answers: ['县城义务教育学校实行划片招生，具体学区范围和报名时间以县教体局当年发布的招生公告为准；需准备户口簿、房产或居住证明、预防接种证等材料。已告知咨询人招生咨询电话。'],
    replies: [],
  },

  // ───────────── 医疗卫生 ─────────────
  {
    key: 'medical_insurance',
    category: 'health.insurance',
    kind: 'help',
    weight: 16,
    unit: 'yibao',
    risk: true,
    titles: ['异地住院医保报销比例太低', '大病医保报销迟迟未到账'],
    contents: [
      '我{fam}{month}在{hospital}住院做手术，一共花了{med}，回来到医保窗口报销，说是没有办异地就医备案，报销比例降了一大截。当时情况紧急根本来不及办，家里为了治病借了不少钱，希望能按正常比例报销。',
      '我{fam}患{illness}，{month}交了大病保险报销材料，窗口说一个月内到账，现在快三个月了还没到账，家里等着这笔钱继续治疗。',
    ],
    replies: [
      '县医保局核实，诉求人属于急诊抢救情形，按规定可视同已备案，已为其补办异地就医备案并按同等比例重新结算，差额已打入其社保卡。',
      '经查，因大病保险承办机构结算批次延迟导致未到账，县医保局已督促加快审核，报销款已到账，并同步落实了医疗救助。',
    ],
  },
  {
    key: 'health_service',
    category: 'health.services',
    kind: 'complaint',
    weight: 10,
    unit: 'weijian',
    level: 'township',
    titles: ['{t}卫生院夜间急诊无医生', '{t}卫生院服务态度差'],
    contents: ['{day}夜里我家孩子发高烧，送到{t}卫生院，急诊室没有医生，等了四十多分钟值班医生才来，护士态度也不好。乡镇卫生院晚上应该有人值班吧？'],
    replies: ['县卫健委调查核实，当晚值班医生临时出诊导致急诊空岗，已对卫生院予以通报批评，责令完善夜间双人值班和备班制度，卫生院已向家长道歉。'],
  },

  // ───────────── 平安法治 ─────────────
  {
    key: 'dispute_leak',
    category: 'safety.dispute',
    kind: 'complaint',
    weight: 12,
    unit: 'village',
    where: 'urban',
    titles: ['楼上漏水邻居拒不维修'],
    contents: ['我家住{estate}，楼上{neighbor}家卫生间防水坏了，我家卫生间天花板一直渗水，墙皮都泡掉了。找他好几次都说没空修，物业也协调不了，请社区帮忙调解。'],
    replies: ['{v}人民调解委员会组织双方现场调解，{neighbor}同意承担维修费用并在一周内完成卫生间防水维修，双方签订了调解协议，目前已维修完毕。'],
  },
  {
    key: 'dispute_corridor',
    category: 'safety.dispute',
    kind: 'complaint',
    weight: 8,
    unit: 'village',
    where: 'urban',
    titles: ['邻居占用楼道堆放杂物', '楼道内给电动车充电存在隐患'],
    contents: ['同一单元的{neighbor}家在楼道里堆了很多纸箱和旧家具，还把电动车推到楼道里充电，消防通道都占了一半，说了也不听。万一着火大家都跑不出去。'],
    replies: ['社区网格员和物业上门做工作，当事人已清理楼道杂物，电动车改到小区集中充电桩充电，社区将定期巡查。'],
  },
  {
    key: 'dispute_dog',
    category: 'safety.dispute',
    kind: 'complaint',
    weight: 7,
    unit: 'village',
    where: 'rural',
    titles: ['邻居家狗咬伤孩子不肯赔偿'],
    contents: ['{day}我家孩子在{place}被邻居{neighbor}家没拴绳的狗咬伤了腿，打狂犬疫苗花了一千多元，对方说是孩子先逗狗的，不肯赔。请村里帮忙调解。'],
    replies: ['经村调委会调解，狗主人{neighbor}同意赔偿医药费和误工费共1500元，并承诺今后拴养犬只，双方握手言和。'],
  },
  {
    key: 'dispute_water_field',
    category: 'safety.dispute',
    kind: 'complaint',
    weight: 8,
    unit: 'village',
    where: 'rural',
    coUnits: ['town'],
    titles: ['邻里因灌溉放水发生纠纷'],
    contents: ['我家的田在{place}下游，上丘{neighbor}家把水口堵死了不让水往下流，我去理论还被推了一把，现在秧苗都快干死了。请村里出面调解。'],
    replies: ['{v}调委会组织双方和村民小组长现场协商，按老规矩轮流放水，双方达成书面协议；{neighbor}已向诉求人道歉。'],
    partial: ['村调委会组织调解，双方对用水顺序仍有分歧，已先行安排抽水机应急灌溉，并将该片水系纳入明年灌溉渠道改造，从根本上解决用水矛盾。'],
  },
  {
    key: 'gambling',
    category: 'safety.public_order',
    kind: 'report',
    weight: 7,
    unit: 'gongan',
    anonymousRate: 0.6,
    titles: ['举报{v}{place}有人聚众赌博'],
    contents: ['{v}{place}有一户人家最近天天晚上开场子赌钱，来的人很多，车子停满路边，一晚上输赢好几千，已经有人输得家里吵架闹离婚。请派出所来管一管。'],
    replies: ['县公安局接报后组织警力开展查处，现场查获参赌人员，已依法作出治安处罚，并对涉赌房屋出租人进行了警示教育。'],
  },
  {
    key: 'ebike_theft',
    category: 'safety.public_order',
    kind: 'help',
    weight: 8,
    unit: 'gongan',
    where: 'urban',
    titles: ['{estate}电动车频繁被盗', '小区监控坏了电动车被偷'],
    contents: ['我的电动车{day}晚上停在{estate}楼下被偷了，这个月小区已经丢了好几辆，小区门口的监控早就坏了。请派出所加强巡逻，也督促物业把监控修好。'],
    replies: ['辖区派出所已立案侦查，调取周边监控后抓获盗窃嫌疑人，追回被盗电动车2辆；同时督促物业修复了小区监控，夜间巡逻已加密。'],
    partial: ['派出所已受案并调取周边监控，目前仍在侦查中；已督促物业修复小区监控并增设电动车集中停放点，夜间加强巡逻。'],
  },

  // ───────────── 交通 ─────────────
  {
    key: 'bus_route',
    category: 'transport.bus',
    kind: 'suggestion',
    weight: 10,
    unit: 'jiaotong',
    where: 'rural',
    titles: ['建议开通{v}到县城的城乡公交'],
    contents: ['{v}离县城有十几公里，村里老人孩子多，去县城看病、上学只能坐摩的或者私人面包车，既贵又不安全。建议开通一条城乡公交线路，或者把{bus}延伸到我们村。'],
    replies: ['感谢您的建议。县交通运输局组织客运企业对线路进行了踏勘，计划将{bus}延伸至{v}，早晚高峰各加开一班，预计下月开通。'],
    partial: ['经客流调查，该线路近期开通条件尚不成熟，已协调{t}开通预约响应式公交，村民可提前一天电话预约。'],
    answers: ['您的建议已登记并转县交通运输局研究，线路调整方案确定后将向社会公布。'],
  },
  {
    key: 'bus_service',
    category: 'transport.bus',
    kind: 'complaint',
    weight: 7,
    unit: 'jiaotong',
    titles: ['{bus}经常不按时发车', '{bus}司机到站不停'],
    contents: ['{bus}最近经常脱班，在{landmark}站等了四十多分钟都等不到车，有时候司机还不停站直接开过去。希望交通部门加强管理。'],
    replies: ['县交通运输局约谈了公交公司，查实该线路存在车辆调度不足和个别驾驶员甩站问题，已对相关驾驶员扣分处理，并增加高峰时段运力。'],
  },
  {
    key: 'school_traffic',
    category: 'transport.traffic',
    kind: 'suggestion',
    weight: 8,
    unit: 'gongan',
    where: 'urban',
    coUnits: ['jiaoyu'],
    titles: ['{school}门口上下学交通混乱', '建议在{school}门口设置护学岗'],
    contents: ['{school}门口每天早上七点多和下午放学时段，接送孩子的车辆乱停乱放，整条路水泄不通，孩子们在车缝里穿行，很不安全。建议设置护学岗、划定临时停车区，再装几个减速带。'],
    replies: ['县公安局交警大队已在{school}门口设置护学岗，上下学高峰期安排警力和志愿者疏导交通，并施划了临时停车泊位、安装了减速带和警示标志。'],
    answers: ['您的建议已登记并转交警大队和教体局，护学岗设置情况将在学校家长群公布。'],
  },

  // ───────────── 干部作风 ─────────────
  {
    key: 'attitude',
    category: 'conduct.attitude',
    kind: 'complaint',
    weight: 10,
    unit: 'town',
    level: 'township',
    titles: ['{t}便民服务中心工作人员态度差', '办理{service}来回跑了三趟'],
    contents: ['{month}我到{t}便民服务中心办理{service}，窗口工作人员一边玩手机一边跟我说话，材料一次不说清楚，让我来回跑了三趟，最后一次还说系统坏了让我下周再来。希望管一管这种作风。'],
    replies: ['{t}调查核实，窗口工作人员存在服务态度生硬、一次性告知不到位的问题，已对其批评教育并调离窗口岗位，{service}已为诉求人办结；{t}已在便民服务中心推行一次性告知和首问负责制度。'],
  },
  {
    key: 'integrity_report',
    category: 'conduct.integrity',
    kind: 'report',
    weight: 8,
    unit: 'jiwei',
    where: 'rural',
    anonymousRate: 0.6,
    titles: ['举报{v}村干部在{project}中虚报工程量', '反映{v}村干部让亲属承包村里工程'],
    contents: ['{v}在实施{project}时，村干部虚报工程量，把没有做的排水沟也算了进去，还让自己的亲戚承包了工程。希望纪委派人来查一查，给村民一个明白。'],
    replies: ['县纪委监委对反映问题进行了核实，该村在项目实施中存在工程量核算不规范问题，已责令{t}组织重新审计并追回多付的工程款，相关人员已按规定处理。'],
    partial: ['经县纪委监委核查，所反映的虚报工程量问题查无实据，项目经第三方审计，资金使用符合规定。已向反映人反馈核查情况。'],
  },
  {
    key: 'integrity_petition',
    category: 'conduct.integrity',
    kind: 'petition',
    petitionClass: 'accusation',
    weight: 7,
    unit: 'jiwei',
    where: 'rural',
    collective: { rate: 0.3, min: 5, max: 15 },
    titles: ['检举{v}原村干部侵占集体资金'],
    contents: ['我们{place}的村民检举：{v}原村干部在任期间，把{asset}的承包费和{project}的补偿款截留在个人手里，共计十几万元，至今没有归还集体。我们有当年的收据复印件，请求依法查处。'],
    replies: ['县纪委监委已对检举事项立案调查，经查检举基本属实，已责令退还截留资金并给予相关人员党纪处分，处理结果已书面反馈检举人。'],
    partial: ['经县纪委监委调查，涉及资金已于前年由村集体收回入账，所检举的侵占问题不成立；对原村干部财务管理不规范的问题已进行诫勉谈话。已书面反馈检举人。'],
  },

  // ───────────── 信访：其他申诉求决 ─────────────
  {
    key: 'teacher_pension',
    category: 'labor.social_insurance',
    kind: 'petition',
    petitionClass: 'appeal',
    weight: 8,
    unit: 'renshe',
    coUnits: ['jiaoyu'],
    collective: { rate: 0.25, min: 5, max: 18 },
    titles: ['原代课教师申请解决养老待遇', '请求落实原民办代课教师生活补助'],
    contents: ['我八十年代在{v}小学当代课教师，教了{years}年书，后来被清退回家务农。现在年纪大了没有任何保障，听说有的地方已经给原代课教师发放生活补助，请求县里按政策落实我们的待遇。同样情况的还有十几位老同事。'],
    replies: ['县人社局、教体局联合核查了信访人的任教经历，符合原民办代课教师养老补助政策，已将其纳入补助范围，按任教年限每月发放补助，并出具书面处理意见。'],
    partial: ['经核查，信访人任教年限证明材料不足，暂无法认定其代课经历。已书面告知信访人补充当年的任教证明、工资发放记录或同事证明，材料齐全后重新认定。'],
  },
  {
    key: 'dibao_petition',
    category: 'social.dibao',
    kind: 'petition',
    petitionClass: 'appeal',
    weight: 7,
    unit: 'minzheng',
    coUnits: ['town'],
    risk: true,
    titles: ['低保被取消请求重新审核', '对取消低保决定不服'],
    contents: ['我家的低保今年被取消了，乡里说我儿子买了车。那车是他跑货运贷款买的，每个月还要还贷，家里还有一个残疾的{fam}要养。我去乡里、县里跑了好多趟，请求重新审核恢复低保。'],
    replies: ['县民政局会同{t}重新入户核查，扣除经营成本和贷款后家庭人均收入低于低保标准，已恢复信访人家庭低保待遇，并补发停发期间的低保金。已出具书面处理意见。'],
    partial: ['经重新核查，信访人家庭人均收入仍高于低保标准，维持取消决定；对其残疾家庭成员已单独落实重度残疾人护理补贴。已出具书面处理意见并告知复查权利。'],
  },
  {
    key: 'wages_petition',
    category: 'labor.wages',
    kind: 'petition',
    petitionClass: 'appeal',
    weight: 7,
    unit: 'renshe',
    coUnits: ['zhujian'],
    collective: { rate: 0.7, min: 5, max: 30 },
    risk: true,
    titles: ['农民工讨薪多次未果请求县领导督办', '请求督促{builder}支付拖欠工资'],
    contents: ['我们{people}人在{site}干了大半年，{builder}至今拖欠工资{wageTotal}。我们找过项目部、劳动监察，也来县里反映过，每次都说在协调，到现在一分钱都没拿到，请求县领导督办。'],
    replies: ['县人社局牵头住建局约谈建设单位和总承包单位，从工程款中直接划拨工人工资，拖欠的{wageTotal}已全部发放到位，已书面答复信访人。'],
  },

  // ───────────── 表扬 · 其他 ─────────────
  {
    key: 'praise_cadre',
    category: 'conduct.attitude',
    kind: 'praise',
    weight: 14,
    unit: 'village',
    titles: ['感谢{v}网格员热心帮助', '表扬{v}干部为民办实事'],
    contents: ['{month}我家{fam}突发急病，家里只有我一个老人，是{v}的网格员{cadreName}半夜帮我叫救护车、陪着去医院办手续，后来又帮忙申请了临时救助。特地来表扬，感谢党和政府的好干部。'],
    answers: ['已记录群众表扬，感谢您对基层干部工作的肯定，将转告{v}并纳入干部年度考评。'],
    replies: ['{v}已收到群众表扬，{t}在干部大会上予以通报表扬。感谢您的支持和肯定。'],
  },
  {
    key: 'praise_power',
    category: 'utilities.power',
    kind: 'praise',
    weight: 6,
    unit: 'gongdian',
    titles: ['表扬供电所冒雨抢修'],
    contents: ['前几天暴雨那天晚上{v}停电，供电所的师傅冒雨抢修到凌晨两点就把电恢复了，第二天还上门检查线路。特此表扬供电公司的抢修队。'],
    answers: ['已记录群众表扬，感谢您的肯定，将转告国网青溪县供电公司。'],
    replies: ['国网青溪县供电公司已收到表扬，对抢修班组进行了通报表扬。感谢您的支持。'],
  },
  {
    key: 'household_inquiry',
    category: 'other',
    kind: 'inquiry',
    weight: 12,
    unit: 'gongan',
    titles: ['咨询新生儿落户办理', '咨询给孩子上户口要带的材料'],
    contents: ['我家孩子刚出生，想问一下给孩子上户口要带哪些材料，可不可以在{t}派出所办，还是必须到县里。'],
    answers: ['新生儿落户可持出生医学证明、父母户口簿和身份证、结婚证到父母一方户籍所在地派出所户籍窗口办理，{t}派出所可以受理；也可通过"出生一件事"联办。已告知咨询人窗口办公时间。'],
    replies: [],
  },
];

/** Said when a resident brings the same matter again (重复访). */
export const REPEAT_ADDITIONS = [
  '之前已经反映过一次，说会尽快处理，到现在还没有解决。',
  '上次答复说已经处理了，但实际问题依然存在，希望这次真正落实。',
  '这是第二次反映了，请领导重视。',
  '上次反映后来人看了一下就没有下文了，再次请求解决。',
];

/** A neighbour raising a matter someone already raised (duplicates the dispatcher merges). */
export const DUPLICATE_OPENINGS = ['我也是这附近的住户，', '我们家也遇到同样的问题：', '邻居前几天可能反映过，我再说一下：'];

/** What residents add in despair — the texts that carry extreme-risk words. */
export const RISK_SENTENCES = [
  '再拖下去，我们这些人真的活不下去了。',
  '如果这次再没有结果，我们就到县政府门口拉横幅。',
  '再这样下去我真的不想活了。',
  '有人说要喊大家一起去堵路。',
  '大家已经商量好了，再不解决就集体上访。',
];

/** How the registrar heads the content, by channel. */
export const CHANNEL_OPENINGS: Readonly<Record<string, readonly string[]>> = {
  field: ['入户走访时群众反映：', '驻村干部走访中了解到：'],
  joint_office: ['联合办公日群众现场反映：'],
  leader_reception: ['县领导接访日群众当面反映：'],
  transfer: ['（市12345政务服务便民热线转办）', '（上级信访部门转送）'],
  letter: ['来信反映：'],
};

export const EVALUATION_COMMENTS = {
  satisfied: ['处理很及时，感谢！', '工作人员很负责，问题解决了。', '第二天就来人处理好了，点赞。', '态度很好，解释得很清楚。', '没想到这么快就办好了，谢谢。'],
  basically_satisfied: ['问题基本解决了，就是时间长了点。', '解决了一部分，希望后续继续跟进。', '答复还可以，但是上门晚了几天。'],
  dissatisfied: ['只打了个电话，问题根本没解决。', '答复避重就轻，没有回应我的主要诉求。', '说是处理了，实际情况一点没变。', '标准还是没有说清楚，不认可。'],
} as const;

export const RETURN_REASONS = [
  '经核实，该事项属于{right}职责范围，不属于本单位职能，申请退回重新派单。',
  '诉求涉及{right}管理事项，本单位无相应执法权限，请改派{right}。',
  '该设施不在本单位管养范围，已与{right}沟通确认，退回改派。',
];

export const NOT_ACCEPT_REASONS = {
  petition: [
    '该事项已由人民法院立案受理，根据《信访工作条例》规定不予受理，已书面告知信访人通过司法程序解决。',
    '该信访事项已经复核终结，信访人以同一事实和理由再次提出，不再受理，已书面告知。',
    '反映事项属于劳动争议，应通过劳动仲裁途径解决，已告知信访人向县劳动人事争议仲裁委员会申请仲裁。',
  ],
  other: [
    '反映内容属于民间借贷纠纷，不属于行政机关职责范围，已告知诉求人通过诉讼途径解决。',
    '诉求人未提供具体地点，联系电话多次无法接通，反映内容无法核实，暂不受理。',
    '该事项系商业合同纠纷，已引导诉求人向人民法院起诉或申请仲裁。',
    '反映问题已在前期诉求件中答复办结，无新的事实和理由。',
  ],
};

export const EXTENSION_REASONS = {
  petition: ['涉及历史遗留问题，需调取档案并组织多部门会商，申请延期。', '需等待第三方机构重新评估结果，申请延长办理期限。', '涉及资金数额较大，需会同审计部门核实，申请延期。'],
  other: ['需协调多个部门现场会勘，工作量较大，申请延期。', '需等待施工队进场维修，申请延长办理期限。', '当事人外出务工，需待其返乡后组织调解，申请延期。'],
};
export const EXTENSION_APPROVALS = ['同意延期，请抓紧办理并及时告知群众。', '同意，延期期间每周报告进展。'];
export const EXTENSION_REJECTIONS = ['不同意延期，请按原期限办结。', '事项不复杂，请在原期限内答复。'];
export const CO_UNIT_NOTES = ['请协助核实相关情况。', '请派员参加现场会勘。', '请协助做好当事人思想工作。', '请提供相关档案资料。'];
export const DISPATCH_NOTES = ['请按期办理并答复群众。', '涉及群众切身利益，请尽快核实处理。', '请主要负责同志亲自过问。', '请先电话联系诉求人，了解具体情况。'];
export const REHANDLE_PREFIXES = ['经重新调查核实：', '重办答复：', '根据群众意见重新办理：'];
export const CLOSE_AFTER_WINDOW_NOTES = ['答复后7日内未评价，电话回访无异议，予以办结。', '群众逾期未评价，视为认可，予以办结。'];
export const SUPERVISOR_CLOSE_NOTES = ['经督办核查，承办单位已依法依规答复到位，诉求超出政策范围，予以办结并继续做好解释疏导。', '经督查室复核，处理结果符合政策规定，予以办结，由属地继续跟踪稳控。'];
export const REVIEW_REASONS = ['对处理意见不服，认为标准过低，请求复查。', '处理意见没有回应本人的主要诉求，申请复查。', '认为原处理意见认定事实不清，请求复查。'];
export const REVIEW_DECISIONS = [
  '经复查，原处理意见认定事实清楚，适用政策正确，予以维持。已出具复查意见书。',
  '经复查，原处理意见基本正确，补充明确了后续救助措施。已出具复查意见书。',
];
export const REREVIEW_REASONS = ['对复查意见仍不服，请求复核。', '认为复查没有重新调查核实，请求上一级机关复核。'];
export const REREVIEW_DECISIONS = ['经复核，维持复查意见。本信访事项已复核终结，信访人以同一事实和理由再次提出的，不再受理。'];
