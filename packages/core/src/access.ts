import { isInSubtree, subtreeRange } from './area-code.js';
import type { CaseAction } from './case-machine.js';
import { REGISTERING_ROLES, type Role, ROLES } from './vocabulary.js';

/**
 * Who may do what — the one table of Lianxin's access rules (SPEC §1). The server's access module
 * (`apps/server/src/access`) enforces it and filters queries by its ranges; the console shows menus
 * and buttons from the same table, so nobody meets a 403 by surprise. `docs/ARCHITECTURE.md`
 * carries this table, checked against it by a test.
 */

/** A role held in a unit whose area is `areaCode`: what a signed-in staff member carries. */
export interface Grant {
  role: Role;
  unitId: string;
  areaCode: string;
}

/**
 * How far a role reaches: `area` — the subtree of the area of the unit where it is held;
 * `platform` — everywhere (platform-wide reference data such as categories and the calendar).
 */
export type Reach = 'area' | 'platform';

/** One ability: the roles that grant it and how far they reach. */
export interface AccessRule {
  roles: readonly Role[];
  reach: Reach;
  /** What the ability allows, in Chinese and English (the documentation's table). */
  doc: string;
}

/** Every role except the unit-scoped handler, who works cases, not places. */
const PLACE_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'handler');
/** Who reaches field work (SPEC §4); department handlers and unit heads work cases, not villages. */
const FIELD_READ: readonly Role[] = ['stationed_cadre', 'registrar', 'dispatcher', 'leader', 'supervisor', 'admin'];
/** Who records visits, check-ins and attendance. */
const FIELD_WRITE: readonly Role[] = ['stationed_cadre', 'registrar', 'dispatcher', 'leader', 'supervisor'];
/** Who plans field work: stationing, schedules, reception sessions, campaigns. */
const FIELD_MANAGE: readonly Role[] = ['dispatcher', 'leader', 'supervisor', 'admin'];

/** The abilities that do not depend on a case's units (those are `CASE_ACTION_RULES`). */
export const ACCESS_RULES = {
  'case.register': { roles: REGISTERING_ROLES, reach: 'area', doc: '登记诉求 register a case in the area' },
  'household.read': { roles: PLACE_ROLES, reach: 'area', doc: '查看民情档案 read households of the area' },
  'household.edit': { roles: ['stationed_cadre', 'registrar', 'dispatcher', 'unit_head', 'admin'], reach: 'area', doc: '建档、修改、帮扶记录 create and edit households, record help' },
  'household.reveal': { roles: ['stationed_cadre', 'registrar', 'dispatcher', 'leader', 'supervisor'], reach: 'area', doc: '查看户成员完整个人信息（留痕）reveal members’ personal data (audited); also the household’s contact cadre' },
  'tag.manage': { roles: ['admin'], reach: 'platform', doc: '管理户标签 define household tags' },
  'field.read': { roles: FIELD_READ, reach: 'area', doc: '查看走访、驻村、联合办公、接访、三送 read field work' },
  'field.write': { roles: FIELD_WRITE, reach: 'area', doc: '记录走访、打卡、出勤 record visits, check-ins, attendance' },
  'field.manage': { roles: FIELD_MANAGE, reach: 'area', doc: '安排驻村、联合办公日、接访日、三送活动 plan field work' },
  'alert.read': { roles: ['leader', 'supervisor', 'dispatcher', 'admin'], reach: 'area', doc: '查看、确认、忽略预警 read and handle alerts' },
  'alert.task': { roles: ['dispatcher'], reach: 'area', doc: '预警转主动治理任务 turn an alert into a proactive task' },
  'org.manage': { roles: ['admin'], reach: 'area', doc: '管理区划、单位、人员 administer areas, units and users of the area' },
  'config.manage': { roles: ['admin'], reach: 'platform', doc: '管理分类、时限规则、日历、政策库、设置 categories, time-limit rules, calendar, policy library, settings' },
  'audit.read': { roles: ['admin', 'supervisor'], reach: 'platform', doc: '查看审计日志、短信发件箱 read the audit log and the SMS outbox' },
  // admin
  'job.run': { roles: ['admin', 'supervisor'], reach: 'platform', doc: '立即执行限时办结巡查 run the time-limit sweep by hand' },
  // — several processes (issue 19) —
  'job.failures': { roles: ['admin'], reach: 'platform', doc: '查看计划任务失败记录（死信）read scheduled jobs that failed every attempt (dead letters)' },
  // metrics: the API answers every staff member within their case scope; the console's figures
  // page (rankings of units) is offered to those who judge units.
  'figures.read': { roles: ['unit_head', 'leader', 'supervisor', 'admin', 'dispatcher'], reach: 'area', doc: '数据页：三率与单位排名 the figures page: rates and unit rankings' },
  // search, suggest
  'system.maintain': { roles: ['admin'], reach: 'platform', doc: '重建检索索引、重新训练推荐模型 rebuild the search index, retrain the suggestion models' },
  // cases
  'case.supervise': { roles: ['supervisor'], reach: 'area', doc: '督办：超期件待办、再次不满意与超期升级通知 watch overdue cases of the area, receive escalations' },
  'case.lead': { roles: ['leader'], reach: 'area', doc: '领导包案：可被指定为包案领导，待办中见所包案件 may be assigned to lead cases of the area' },
  // — supervision —
  'supervision.issue': { roles: ['supervisor', 'leader'], reach: 'area', doc: '督办：对辖区诉求件发出督办单、审核单位书面回复 issue supervision orders on cases of the area, review the responses' },
  'supervision.urge': { roles: ['supervisor', 'leader', 'dispatcher'], reach: 'area', doc: '催办：提醒承办单位加快办理 urge the handling unit of a case of the area' },
  'instruction.write': { roles: ['leader'], reach: 'area', doc: '领导批示：对辖区诉求件作出批示 write instructions on cases of the area' },
  // — hard-cases —
  'hard_case.read': {
    roles: ['supervisor', 'leader', 'unit_head', 'handler'],
    reach: 'area',
    doc: '查看积案、集中会审与专案组：督办、领导看辖区，单位看本单位承办及受邀的 read long-standing cases, joint reviews and task forces: supervisors and leaders of the area, units their own',
  },
  'hard_case.manage': { roles: ['supervisor', 'leader'], reach: 'area', doc: '安排集中会审、作出会审决定、成立专案组 schedule joint reviews, decide on cases, form task forces' },
  // — end hard-cases —
  // — accountability and bulletins —
  'accountability.read': { roles: ['supervisor', 'leader', 'admin'], reach: 'area', doc: '责任追究台账：查看本区划的记录 read the accountability records of the area' },
  'accountability.decide': { roles: ['supervisor'], reach: 'area', doc: '责任追究：手工登记、确认或撤销 record by hand, confirm or withdraw accountability records' },
  'accountability.appeal': { roles: ['unit_head'], reach: 'area', doc: '责任追究申诉：单位负责人查看本单位记录并在确认前申诉 a unit head sees their unit’s records and appeals before confirmation' },
  'bulletin.manage': { roles: ['supervisor', 'leader'], reach: 'area', doc: '定期通报：生成、选定典型案例、发布 generate, edit and publish periodic bulletins' },
  'bulletin.read': { roles: ROLES, reach: 'area', doc: '查看发给本单位的已发布通报 read the published bulletins sent to one’s unit' },
  // — duty, leave and attendance —
  'duty.read': { roles: ROLES, reach: 'area', doc: '值班表：查看辖区单位的值班安排 read the duty rosters of units of the area' },
  'duty.manage': { roles: ['admin'], reach: 'area', doc: '排班、审批调班（另：单位负责人管本单位）build rosters and approve swaps (unit heads: their own unit)' },
  'attendance.read': { roles: ['supervisor', 'leader', 'admin'], reach: 'area', doc: '考勤表：查看辖区单位的月度考勤（另：单位负责人看本单位）read monthly attendance of units of the area (unit heads: their own unit)' },
  // — end duty —
  // — evaluation —
  'evaluation.manage': { roles: ['org_department', 'admin'], reach: 'area', doc: '干部考核：开启、组织督评、结束考核、查看全部评分与结果报表 open and close evaluation cycles, score as the organisation, read every scoring and the ranked report' },
  'evaluation.lead': { roles: ['leader', 'unit_head'], reach: 'area', doc: '干部考核：领导评议（领导评辖区内、单位负责人评本单位参评干部）score as a leader: leaders the cadres of the area, unit heads those of their unit' },
  'award.manage': { roles: ['org_department', 'admin'], reach: 'area', doc: '评先评优：设立奖项、提名、发布 define awards, nominate, publish' },
  'award.decide': { roles: ['leader', 'org_department'], reach: 'area', doc: '评先评优：投票或领导决定 vote on awards, or decide as a leader' },
  'mentoring.manage': { roles: ['org_department', 'admin', 'unit_head'], reach: 'area', doc: '拜师认徒与培训：结对、结业评价、培训签到 pair mentors and mentees, review, record training' },
  'cadre.read': { roles: ['org_department', 'admin', 'leader', 'unit_head', 'supervisor'], reach: 'area', doc: '干部档案页：查看辖区干部的工作、考核、奖励、培训 read the page of a cadre of the area (a cadre always reads their own)' },
  // — end evaluation —
  // — projects —
  'project.read': { roles: PLACE_ROLES, reach: 'area', doc: '查看重点项目、选房登记 read the projects and selection registrations of the area' },
  'project.manage': { roles: FIELD_MANAGE, reach: 'area', doc: '建立重点项目、发布公开信息、设置选房、摇号、结果公示 create projects, publish disclosures, set up the selection, draw, publish the results' },
  'selection.desk': { roles: FIELD_WRITE, reach: 'area', doc: '选房窗口：叫号、确认选房、代为预约 selection desks: call households, confirm choices, book slots for households' },
  // — consultations —
  'consultation.read': { roles: FIELD_READ, reach: 'area', doc: '查看征求意见、恳谈会与问需调查及其结果 read consultations, their meetings and results, and needs surveys of the area' },
  'consultation.manage': { roles: FIELD_MANAGE, reach: 'area', doc: '发起征求意见与问需调查、登记会议表决、公布决策与采纳反馈 start consultations and needs surveys, record meetings and votes, publish decisions with feedback' },
  'consultation.record': { roles: FIELD_WRITE, reach: 'area', doc: '走访中代录群众意见与问卷答复 enter residents’ opinions and survey answers given on visits' },
  // — service centre —
  'service.manage': { roles: ['admin'], reach: 'platform', doc: '管理便民服务事项清单 define the catalogue of services' },
  'service.read': {
    roles: ['registrar', 'stationed_cadre', 'dispatcher', 'handler', 'unit_head', 'leader', 'supervisor', 'admin'],
    reach: 'area',
    doc: '查看辖区便民服务办件（代办员只见本村）read the service applications of the area (a village proxy: their villages)',
  },
  'service.apply': { roles: ['registrar', 'stationed_cadre', 'dispatcher'], reach: 'area', doc: '窗口受理、代办便民服务申请 take service applications at a window or as a village proxy' },
  'service.decide': {
    roles: ['dispatcher', 'handler', 'unit_head', 'leader'],
    reach: 'area',
    doc: '便民服务审核、补正、审批、集体评议、异议答复 decide service applications of the area, hold committee meetings, answer objections',
  },
} as const satisfies Record<string, AccessRule>;

/** The name of one ability of `ACCESS_RULES`. */
export type Ability = keyof typeof ACCESS_RULES;

/** Who may take a case action, judged on a case the actor can see (the state machine judges *when*). */
export interface CaseActionRule {
  /** Roles held in a unit whose area contains the case. */
  overArea: readonly Role[];
  /** Roles held in the unit now handling the case. */
  inCurrentUnit: readonly Role[];
  /** The first-contact owner (首问负责人) may too. */
  firstContact?: boolean;
}

const UNIT_WORKERS: readonly Role[] = ['handler', 'unit_head'];

/** Every staff action on a case, and the reveal of its requester, by who may take it. */
export const CASE_ACTION_RULES: Record<CaseAction | 'reveal_requester', CaseActionRule> = {
  dispatch: { overArea: ['dispatcher'], inCurrentUnit: [] },
  accept: { overArea: [], inCurrentUnit: UNIT_WORKERS },
  return: { overArea: [], inCurrentUnit: UNIT_WORKERS },
  add_co_unit: { overArea: [], inCurrentUnit: UNIT_WORKERS },
  request_extension: { overArea: [], inCurrentUnit: UNIT_WORKERS },
  approve_extension: { overArea: ['supervisor'], inCurrentUnit: ['unit_head'] },
  reject_extension: { overArea: ['supervisor'], inCurrentUnit: ['unit_head'] },
  reply: { overArea: [], inCurrentUnit: UNIT_WORKERS },
  // The resident evaluates through the signed link, never through a staff session.
  evaluate: { overArea: [], inCurrentUnit: [] },
  callback: { overArea: ['registrar', 'dispatcher', 'supervisor'], inCurrentUnit: [], firstContact: true },
  close: { overArea: ['dispatcher', 'supervisor'], inCurrentUnit: [] },
  reopen: { overArea: ['supervisor'], inCurrentUnit: [] },
  resolve_on_spot: { overArea: ['registrar', 'dispatcher'], inCurrentUnit: [] },
  not_accept: { overArea: ['dispatcher'], inCurrentUnit: [] },
  merge: { overArea: ['dispatcher'], inCurrentUnit: [] },
  assign_leader: { overArea: ['dispatcher', 'supervisor', 'leader'], inCurrentUnit: ['unit_head'] },
  request_review: { overArea: ['registrar', 'dispatcher'], inCurrentUnit: [] },
  request_rereview: { overArea: ['registrar', 'dispatcher'], inCurrentUnit: [] },
  complete_review: { overArea: ['supervisor', 'leader'], inCurrentUnit: UNIT_WORKERS },
  complete_rereview: { overArea: ['supervisor', 'leader'], inCurrentUnit: UNIT_WORKERS },
  reveal_requester: { overArea: ['registrar', 'dispatcher', 'supervisor', 'leader'], inCurrentUnit: UNIT_WORKERS, firstContact: true },
};

/** A [lo, hi) range of area codes: a code is inside when lo <= code < hi. */
export type AreaRange = [string, string];

/** The range that holds every area code (digit strings sort below 'a'). */
const EVERYWHERE: AreaRange = ['0', 'a'];

/** The grants of `grants` that carry `ability`. */
export function grantsWith(grants: readonly Grant[], ability: Ability): Grant[] {
  const roles: readonly Role[] = ACCESS_RULES[ability].roles;
  return grants.filter((g) => roles.includes(g.role));
}

/** The area ranges in which the grants carry `ability` (empty: nowhere). */
export function rangesOf(grants: readonly Grant[], ability: Ability): AreaRange[] {
  const holding = grantsWith(grants, ability);
  if (holding.length === 0) return [];
  if (ACCESS_RULES[ability].reach === 'platform') return [EVERYWHERE];
  return [...new Set(holding.map((g) => g.areaCode))].map(subtreeRange);
}

/** True when `code` lies in one of `ranges`. */
export const isInRanges = (ranges: readonly AreaRange[], code: string): boolean => ranges.some(([lo, hi]) => code >= lo && code < hi);

/**
 * Whether the grants carry `ability` — anywhere, or over `areaCode` when it is given
 * (a platform-wide ability reaches every area).
 */
export function holds(grants: readonly Grant[], ability: Ability, areaCode?: string): boolean {
  const holding = grantsWith(grants, ability);
  if (areaCode === undefined || ACCESS_RULES[ability].reach === 'platform') return holding.length > 0;
  return holding.some((g) => isInSubtree(areaCode, g.areaCode));
}

/** The area codes at which the grants carry `ability`: the roots of what it reaches. */
export const reachOf = (grants: readonly Grant[], ability: Ability): string[] => [...new Set(grantsWith(grants, ability).map((g) => g.areaCode))];

/** What a case rule is judged on. */
export interface CaseSubject {
  areaCode: string;
  currentUnitId: string | null;
  firstContactUserId: string | null;
}

/** Whether `userId` with `grants` may take `action` on a case they can see, judging by role only. */
export function mayActOnCase(userId: string, grants: readonly Grant[], action: CaseAction | 'reveal_requester', c: CaseSubject): boolean {
  const rule = CASE_ACTION_RULES[action];
  if (rule.firstContact && c.firstContactUserId === userId) return true;
  if (c.currentUnitId !== null && grants.some((g) => rule.inCurrentUnit.includes(g.role) && g.unitId === c.currentUnitId)) return true;
  return grants.some((g) => rule.overArea.includes(g.role) && isInSubtree(c.areaCode, g.areaCode));
}

/** Roles that may take `action` in some unit: the console offers an action's page only to them. */
export function rolesFor(action: CaseAction | 'reveal_requester'): Role[] {
  const rule = CASE_ACTION_RULES[action];
  return [...new Set([...rule.overArea, ...rule.inCurrentUnit])];
}

// — supervision —
/**
 * Who answers for a unit on 督办 and 批示 (signs for an order, responds, acknowledges and reports
 * back on an instruction): the unit's workers, as for accepting its cases.
 */
export const UNIT_ANSWER_ROLES: readonly Role[] = CASE_ACTION_RULES.accept.inCurrentUnit;

/** Whether the grants let their holder answer for `unitId` (sign, respond, acknowledge, report back). */
export const mayAnswerForUnit = (grants: readonly Grant[], unitId: string): boolean => grants.some((g) => g.unitId === unitId && UNIT_ANSWER_ROLES.includes(g.role));

// — duty, leave and attendance —
/**
 * Who heads a unit for 排班, 调班, 请假审批 and 考勤更正: its 单位负责人, or a 领导 held in the unit
 * (the county centre's leaders head the centre).
 */
export const UNIT_HEAD_ROLES: readonly Role[] = ['unit_head', 'leader'];

/** Whether the grants head `unitId` (approve leave and swaps, correct attendance, reassign cases). */
export const headsUnit = (grants: readonly Grant[], unitId: string): boolean => grants.some((g) => g.unitId === unitId && UNIT_HEAD_ROLES.includes(g.role));

/** Whether the grants may build the roster of a unit: its head, or `duty.manage` over its area. */
export const mayManageRoster = (grants: readonly Grant[], unit: { id: string; areaCode: string }): boolean => headsUnit(grants, unit.id) || holds(grants, 'duty.manage', unit.areaCode);

/** Whether the grants may read a unit's attendance sheet: its head, or `attendance.read` over its area. */
export const mayReadAttendance = (grants: readonly Grant[], unit: { id: string; areaCode: string }): boolean => headsUnit(grants, unit.id) || holds(grants, 'attendance.read', unit.areaCode);

// — evaluation and awards —
/**
 * 领导评议: whether the grants score `member` as a leader — leaders over the member's area, a unit
 * head only the members of their own unit (a department's area is the whole county).
 */
export const scoresAsLeader = (grants: readonly Grant[], member: { unitId: string; unitArea: string }): boolean =>
  grantsWith(grants, 'evaluation.lead').some((g) => (g.role === 'unit_head' ? g.unitId === member.unitId : isInSubtree(member.unitArea, g.areaCode)));

/** An award decided "by a leader" is decided by a leader who may decide awards over its area. */
export const decidesAwardAsLeader = (grants: readonly Grant[], areaCode: string): boolean => grants.some((g) => g.role === 'leader') && holds(grants, 'award.decide', areaCode);

// — consultations —
/**
 * A consultation or survey over `areaCode` is reached by those who hold the ability over it, and
 * by those who hold it inside it: a village cadre records their households' opinions on their
 * township's consultation.
 */
export const reachesArea = (grants: readonly Grant[], ability: Ability, areaCode: string): boolean =>
  holds(grants, ability, areaCode) || grantsWith(grants, ability).some((g) => isInSubtree(g.areaCode, areaCode));
