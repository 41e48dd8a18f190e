import type { CaseAction, CaseState, DutyEvent, HardCaseEvent, SupervisionEvent } from './case-machine.js';
import type { InstructionState, SupervisionLevel, SupervisionState } from './contracts/supervision.js';
import { type Locale, type MessageKey, translate } from './messages.js';
import type { VisitDelivery, VisitKind } from './contracts/field-work.js';
import type { NoticeKind } from './contracts/notifications.js';
import type { CaseFlag, CaseKind, Channel, EvaluationResult, PetitionClass, Role, Urgency } from './vocabulary.js';
import type { MaterialState, ObjectionState, ServiceAction, ServiceChannel, ServiceLevel, ServiceState } from './contracts/service-centre.js'; // — service centre —

/** People-facing names of the vocabulary codes, in both languages. */
type Labels<K extends string> = Record<K, [zh: string, en: string]>;

const STATE_LABELS: Labels<CaseState> = {
  registered: ['已登记', 'Registered'],
  assigned: ['已交办', 'Assigned'],
  handling: ['办理中', 'Handling'],
  replied: ['已答复', 'Replied'],
  evaluated: ['已评价', 'Evaluated'],
  reopened: ['重办', 'Reopened'],
  closed: ['已办结', 'Closed'],
  not_accepted: ['不予受理', 'Not accepted'],
  merged: ['已合并', 'Merged'],
  reviewing: ['复查中', 'Under review'],
  rereviewing: ['复核中', 'Under re-review'],
  final: ['已终结', 'Final'],
};

const ACTION_LABELS: Labels<CaseAction | 'register' | 'escalate' | 'flag' | 'notify_due' | SupervisionEvent | HardCaseEvent | /* — duty — */ DutyEvent> = {
  register: ['登记', 'Register'],
  dispatch: ['交办', 'Dispatch'],
  accept: ['签收', 'Accept'],
  return: ['退单', 'Return'],
  add_co_unit: ['增加协办单位', 'Add co-handling unit'],
  request_extension: ['申请延期', 'Request extension'],
  approve_extension: ['批准延期', 'Approve extension'],
  reject_extension: ['驳回延期', 'Reject extension'],
  reply: ['答复', 'Reply'],
  evaluate: ['群众评价', 'Resident evaluation'],
  callback: ['电话回访', 'Call-back'],
  close: ['办结', 'Close'],
  reopen: ['重办', 'Reopen'],
  resolve_on_spot: ['当场办结', 'Resolve on the spot'],
  not_accept: ['不予受理', 'Not accept'],
  merge: ['合并', 'Merge'],
  assign_leader: ['领导包案', 'Assign leader'],
  request_review: ['申请复查', 'Request review'],
  complete_review: ['复查办结', 'Complete review'],
  request_rereview: ['申请复核', 'Request re-review'],
  complete_rereview: ['复核终结', 'Complete re-review'],
  escalate: ['超期升级', 'Escalate'],
  flag: ['标记', 'Flag'],
  notify_due: ['临期提醒', 'Due-soon reminder'],
  // — supervision —
  supervise: ['督办', 'Supervision order'],
  supervision_sign: ['签收督办', 'Order signed for'],
  supervision_respond: ['督办回复', 'Order responded to'],
  supervision_accept: ['督办回复通过', 'Order response accepted'],
  supervision_return: ['督办回复退回', 'Order response sent back'],
  supervision_overdue: ['督办逾期未回复', 'Order response overdue'],
  urge: ['催办', 'Urge'],
  instruct: ['领导批示', 'Leader instruction'],
  instruction_ack: ['批示收悉', 'Instruction acknowledged'],
  instruction_report: ['批示回复', 'Instruction reported back'],
  // — hard-cases —
  hard_case_decision: ['积案会审决定', 'Joint review decision'],
  task_force_formed: ['成立专案组', 'Task force formed'],
  task_force_update: ['专案组调整', 'Task force updated'],
  task_force_report: ['专案组进展', 'Task force progress'],
  // — end hard-cases —
  // — duty, leave and attendance —
  duty_claim: ['值班人员接管', 'Taken by the person on duty'],
  leave_reassign: ['请假转办', 'Handed over (handler on leave)'],
};

const KIND_LABELS: Labels<CaseKind> = {
  inquiry: ['咨询', 'Inquiry'],
  help: ['求助', 'Request for help'],
  complaint: ['投诉', 'Complaint'],
  report: ['举报', 'Report'],
  suggestion: ['建议', 'Suggestion'],
  praise: ['表扬', 'Praise'],
  petition: ['信访', 'Petition'],
};

const CHANNEL_LABELS: Labels<Channel> = {
  visit: ['来访', 'Walk-in'],
  phone: ['来电', 'Phone'],
  letter: ['来信', 'Letter'],
  online: ['网上', 'Online'],
  field: ['走访发现', 'Field visit'],
  joint_office: ['联合办公日', 'Joint office day'],
  leader_reception: ['领导接访', 'Leader reception'],
  transfer: ['上级转办', 'Transferred'],
  proactive: ['主动治理', 'Proactive task'],
};

const URGENCY_LABELS: Labels<Urgency> = {
  normal: ['一般', 'Normal'],
  urgent: ['紧急', 'Urgent'],
  critical: ['特急', 'Critical'],
};

const ROLE_LABELS: Labels<Role> = {
  registrar: ['接待登记员', 'Registrar'],
  dispatcher: ['派单员', 'Dispatcher'],
  handler: ['承办人', 'Handler'],
  unit_head: ['单位负责人', 'Unit head'],
  leader: ['包案领导', 'Leader'],
  supervisor: ['督办员', 'Supervisor'],
  stationed_cadre: ['驻村干部', 'Stationed cadre'],
  admin: ['管理员', 'Administrator'],
  // — evaluation —
  org_department: ['组织部/考核办', 'Organisation department'],
};

const STAGE_LABELS: Labels<'intake' | 'accept' | 'handle' | 'evaluate' | 'review' | 'rereview'> = {
  intake: ['受理', 'acceptance decision'],
  accept: ['签收', 'acceptance'],
  handle: ['办理', 'handling'],
  evaluate: ['评价', 'evaluation'],
  review: ['复查', 'review'],
  rereview: ['复核', 're-review'],
};

const ESCALATION_LABELS: Labels<'1' | '2'> = {
  '1': ['单位负责人', 'the unit head'],
  '2': ['督办员', 'supervisors'],
};

const ENTITY_LABELS: Labels<
  | 'area' | 'attachment' | 'category' | 'unit' | 'extension' | 'handler' | 'case' | 'leader' | 'user' | 'campaign' | 'reception_session' | 'household' | 'tag' | 'member'
  | 'alert' | 'calendar_day' | 'check_in' | 'job' | 'office_day_schedule' | 'office_day_session' | 'policy' | 'reception_appointment' | 'search_index' | 'setting' | 'stationing_assignment' | 'system' | 'time_limit_rule' | 'visit'
> = {
  area: ['区划', 'area'],
  attachment: ['附件', 'attachment'],
  category: ['分类', 'category'],
  unit: ['单位', 'unit'],
  extension: ['延期申请', 'extension request'],
  handler: ['承办人', 'handler'],
  case: ['诉求件', 'case'],
  leader: ['包案领导', 'leader'],
  user: ['用户', 'user'],
  campaign: ['活动', 'campaign'],
  reception_session: ['接访场次', 'reception session'],
  household: ['户', 'household'],
  tag: ['标签', 'tag'],
  member: ['家庭成员', 'household member'],
  alert: ['预警', 'alert'],
  calendar_day: ['日历日', 'calendar day'],
  check_in: ['签到', 'check-in'],
  job: ['定时任务', 'job'],
  office_day_schedule: ['联合办公日安排', 'office-day schedule'],
  office_day_session: ['联合办公日', 'office day'],
  policy: ['政策', 'policy'],
  reception_appointment: ['接访预约', 'reception appointment'],
  search_index: ['检索索引', 'search index'],
  setting: ['设置', 'setting'],
  stationing_assignment: ['驻村安排', 'stationing assignment'],
  system: ['系统', 'system'],
  time_limit_rule: ['时限规则', 'time-limit rule'],
  visit: ['走访', 'visit'],
};

const VISIT_KIND_LABELS: Labels<VisitKind> = {
  visit: ['走访', 'Visit'],
  revisit: ['回访', 'Follow-up visit'],
  appointment: ['约访', 'Appointment'],
  outreach: ['下访', 'Outreach'],
  case_outreach: ['带案下访', 'Outreach with a case'],
};

const DELIVERY_LABELS: Labels<VisitDelivery> = {
  policy: ['送政策', 'Policy explained'],
  warmth: ['送温暖', 'Care delivered'],
  service: ['送服务', 'Service delivered'],
};

const FLAG_LABELS: Labels<CaseFlag | 'long_standing'> = {
  collective: ['集体', 'Collective'],
  repeat: ['重复', 'Repeat'],
  cross_level: ['越级', 'Cross-level'],
  risk: ['风险', 'Risk'],
  major: ['重大', 'Major'],
  long_standing: ['积案', 'Long-standing'],
};

const PETITION_CLASS_LABELS: Labels<PetitionClass> = {
  proposal: ['建议意见类', 'Proposals and opinions'],
  accusation: ['检举控告类', 'Accusations'],
  appeal: ['申诉求决类', 'Appeals and demands'],
};

const EVALUATION_LABELS: Labels<EvaluationResult> = {
  satisfied: ['满意', 'Satisfied'],
  basically_satisfied: ['基本满意', 'Basically satisfied'],
  dissatisfied: ['不满意', 'Dissatisfied'],
};

const EXTENSION_LABELS: Labels<'pending' | 'approved' | 'rejected' | 'closed'> = {
  pending: ['待审批', 'Pending'],
  approved: ['已批准', 'Approved'],
  rejected: ['已驳回', 'Rejected'],
  closed: ['已关闭', 'Closed'],
};

const ACCOUNTABILITY_LABELS: Labels<'overdue' | 'returned_without_reason' | 'dissatisfied_twice' | 'supervision_overdue'> = {
  overdue: ['超期', 'Overdue'],
  returned_without_reason: ['无理由退单', 'Returned without a valid reason'],
  dissatisfied_twice: ['两次不满意', 'Dissatisfied twice'],
  supervision_overdue: ['督办逾期未回复', 'Supervision order not answered in time'],
};

// — supervision —
const SUPERVISION_LEVEL_LABELS: Labels<SupervisionLevel> = {
  general: ['一般督办', 'General'],
  key: ['重点督办', 'Key'],
  listed: ['挂牌督办', 'Listed'],
};
const SUPERVISION_STATE_LABELS: Labels<SupervisionState> = {
  issued: ['待签收', 'Awaiting signature'],
  signed: ['已签收', 'Signed for'],
  responded: ['已回复', 'Responded'],
  returned: ['已退回', 'Sent back'],
  accepted: ['已通过', 'Accepted'],
};
const INSTRUCTION_STATE_LABELS: Labels<InstructionState> = {
  issued: ['待收悉', 'Awaiting acknowledgement'],
  acknowledged: ['已收悉', 'Acknowledged'],
  reported: ['已回复', 'Reported back'],
};

/** Audit-log actions that are not case actions (those are named by ACTION_LABELS). */
const AUDIT_ACTION_LABELS: Record<string, [string, string]> = {
  create: ['新建', 'Create'],
  update: ['修改', 'Update'],
  delete: ['删除', 'Delete'],
  archive: ['注销', 'Archive'],
  login: ['登录', 'Sign in'],
  login_failed: ['登录失败', 'Failed sign-in'],
  lock: ['锁定账号', 'Lock account'],
  unlock: ['解除锁定', 'Unlock account'],
  reveal_personal_data: ['查看个人信息', 'Reveal personal data'],
  export_personal_data: ['导出个人信息', 'Export personal data'],
  export: ['导出', 'Export'],
  import: ['导入', 'Import'],
  download_attachment: ['下载附件', 'Download attachment'],
  generate_document: ['生成文书', 'Generate document'],
  print_contact_cards: ['打印联系卡', 'Print contact cards'],
  run_job: ['执行任务', 'Run job'],
  reindex: ['重建索引', 'Rebuild index'],
  update_setting: ['修改设置', 'Change setting'],
  seed_demo: ['写入演示数据', 'Seed demo data'],
  deny: ['拒绝访问', 'Access denied'],
  forged: ['伪造凭证', 'Forged token'],
  add_member: ['添加成员', 'Add member'],
  update_member: ['修改成员', 'Update member'],
  remove_member: ['移除成员', 'Remove member'],
  add_help: ['登记帮扶', 'Record help'],
  check_in: ['签到', 'Check in'],
  attendance: ['登记出席', 'Record attendance'],
  attendance_removed: ['撤销出席', 'Withdraw attendance'],
  appointment: ['预约接访', 'Book reception'],
  appointment_status: ['预约状态变更', 'Appointment status'],
  assign_targets: ['分配走访户', 'Assign households'],
  add_targets: ['添加走访户', 'Add households'],
  alert_task: ['预警转任务', 'Alert to task'],
  suggest_keywords_set: ['设置分类关键词', 'Set category keywords'],
  suggest_keywords_reset: ['恢复内置关键词', 'Reset category keywords'],
  problem_to_case: ['问题转诉求', 'Problem to case'],
  link_case: ['关联诉求', 'Link case'],
  generate: ['生成', 'Generate'],
  // — evaluation —
  evaluation_open: ['开启考核', 'Open an evaluation cycle'],
  evaluation_close: ['结束考核', 'Close an evaluation cycle'],
  award_kind_create: ['设立奖项类别', 'Define an award kind'],
  award_open: ['发起评选', 'Open an award'],
  award_decide: ['评选决定', 'Decide an award'],
  award_publish: ['公布评选结果', 'Publish an award'],
  mentoring_pair: ['师徒结对', 'Pair a mentor'],
  mentoring_close: ['结业评价', 'Close a mentoring pair'],
};

// — notices —
const NOTICE_KIND_LABELS: Labels<NoticeKind> = {
  step: ['办理进展', 'Case steps'],
  risk: ['风险提示', 'Risk words'],
  escalation: ['超期升级', 'Escalations'],
  due_soon: ['即将到期', 'Due soon'],
  alert: ['预警', 'Alerts'],
  account: ['账号安全', 'Account'],
  supervision: ['督办', 'Supervision'],
  urge: ['催办', 'Urges'],
  instruction: ['领导批示', 'Instructions'],
  hard_case: ['积案会审', 'Hard cases'],
  bulletin: ['通报', 'Bulletins'],
  duty: ['值班请假', 'Duty and leave'], // — duty —
  service: ['便民服务', 'Service centre'], // — service centre —
  other: ['其他', 'Other'],
};

/** Kinds of alert, as the alert notice names them (`notice.alert`'s `kind`). */
const ALERT_KIND_LABELS: Labels<'hotspot' | 'repeat_requester' | 'risk_words'> = {
  hotspot: ['热点聚集', 'Hotspot'],
  repeat_requester: ['重复来访', 'Repeat requester'],
  risk_words: ['风险词', 'Risk words'],
};

// — accountability and bulletins —
const ACCOUNTABILITY_SOURCE_LABELS: Labels<'overdue' | 'returned_without_reason' | 'dissatisfied_twice' | 'supervision_overdue' | 'manual'> = {
  ...ACCOUNTABILITY_LABELS,
  supervision_overdue: ['督办逾期未复', 'Supervision order unanswered'],
  manual: ['手工登记', 'Recorded by hand'],
};
const ACCOUNTABILITY_STATE_LABELS: Labels<'proposed' | 'appealed' | 'confirmed' | 'withdrawn'> = {
  proposed: ['待确认', 'Proposed'],
  appealed: ['已申诉', 'Appealed'],
  confirmed: ['已确认', 'Confirmed'],
  withdrawn: ['已撤销', 'Withdrawn'],
};
const BULLETIN_KIND_LABELS: Labels<'weekly' | 'monthly'> = { weekly: ['周通报', 'Weekly'], monthly: ['月通报', 'Monthly'] };
const BULLETIN_STATE_LABELS: Labels<'draft' | 'published'> = { draft: ['草稿', 'Draft'], published: ['已发布', 'Published'] };

// — duty, leave and attendance —
const DUTY_SHIFT_LABELS: Labels<'day' | 'night'> = { day: ['白班', 'Day shift'], night: ['夜班', 'Night shift'] };
const LEAVE_KIND_LABELS: Labels<'sick' | 'personal' | 'annual' | 'other'> = { sick: ['病假', 'Sick leave'], personal: ['事假', 'Personal leave'], annual: ['年休假', 'Annual leave'], other: ['其他假', 'Other leave'] };
const LEAVE_STATE_LABELS: Labels<'pending' | 'approved' | 'rejected' | 'cancelled'> = { pending: ['待审批', 'Pending'], approved: ['已批准', 'Approved'], rejected: ['未批准', 'Refused'], cancelled: ['已撤回', 'Withdrawn'] };
const DECISION_LABELS: Labels<'approved' | 'rejected'> = { approved: ['已批准', 'approved'], rejected: ['未批准', 'refused'] };
const ATTENDANCE_MARK_LABELS: Labels<'present' | 'absent' | 'leave' | 'trip' | 'rest' | 'future'> = {
  present: ['出勤', 'Present'],
  absent: ['缺勤', 'Absent'],
  leave: ['请假', 'On leave'],
  trip: ['出差', 'On a trip'],
  rest: ['休息', 'Day off'],
  future: ['—', '—'],
};
// — evaluation —
const EVAL_GRADE_LABELS: Labels<'excellent' | 'competent' | 'basically_competent' | 'incompetent'> = {
  excellent: ['优秀', 'Excellent'],
  competent: ['称职', 'Competent'],
  basically_competent: ['基本称职', 'Basically competent'],
  incompetent: ['不称职', 'Incompetent'],
};
const EVAL_SOURCE_LABELS: Labels<'leader' | 'organisation' | 'peer' | 'public'> = {
  leader: ['领导评议', 'Leaders'],
  organisation: ['组织督评', 'Organisation'],
  peer: ['干部互评', 'Colleagues'],
  public: ['群众测评', 'Residents'],
};
const EVAL_ITEM_LABELS: Labels<'de' | 'neng' | 'qin' | 'ji' | 'lian'> = {
  de: ['德', 'Integrity'],
  neng: ['能', 'Ability'],
  qin: ['勤', 'Diligence'],
  ji: ['绩', 'Results'],
  lian: ['廉', 'Honesty'],
};
const EVAL_PERIOD_LABELS: Labels<'annual' | 'half_year' | 'quarterly'> = { annual: ['年度', 'Annual'], half_year: ['半年', 'Half-year'], quarterly: ['季度', 'Quarterly'] };
const UNIT_KIND_LABELS: Labels<'department' | 'township' | 'village' | 'center' | 'other' | 'all'> = {
  department: ['县直部门', 'Departments'],
  township: ['乡镇街道', 'Townships'],
  village: ['村（社区）', 'Villages'],
  center: ['中心', 'Centres'],
  other: ['其他', 'Other'],
  all: ['全体', 'Everyone'],
};
const AWARD_STATE_LABELS: Labels<'open' | 'decided' | 'published'> = { open: ['评选中', 'Open'], decided: ['已决定', 'Decided'], published: ['已公布', 'Published'] };
const MENTOR_RECORD_LABELS: Labels<'visit' | 'case' | 'study' | 'other'> = { visit: ['共同走访', 'Shared visit'], case: ['共同办件', 'Case handled together'], study: ['学习', 'Study'], other: ['其他', 'Other'] };
const REVIEW_RATING_LABELS: Labels<'excellent' | 'good' | 'pass' | 'fail'> = { excellent: ['优秀', 'Excellent'], good: ['良好', 'Good'], pass: ['合格', 'Pass'], fail: ['不合格', 'Fail'] };
// — end evaluation —
// — projects —
const DISCLOSURE_KIND_LABELS: Labels<'policy' | 'method' | 'standard' | 'list' | 'minutes' | 'notice'> = {
  policy: ['政策', 'Policy'],
  method: ['办法', 'Method'],
  standard: ['补偿标准', 'Compensation standard'],
  list: ['名单', 'List'],
  minutes: ['会议纪要', 'Meeting minutes'],
  notice: ['公告', 'Notice'],
};
const SELECTION_STATE_LABELS: Labels<'waiting' | 'called' | 'chosen' | 'absent'> = {
  waiting: ['待选', 'Waiting'],
  called: ['已叫号', 'Called'],
  chosen: ['已选定', 'Chosen'],
  absent: ['过号', 'Absent'],
};
// — service centre —
const SERVICE_LEVEL_LABELS: Labels<ServiceLevel> = {
  village: ['村代办点', 'Village proxy point'],
  community: ['社区便民窗口', 'Community window'],
  township: ['乡镇便民服务中心', 'Township centre'],
  county: ['县级部门', 'County department'],
};
const SERVICE_STATE_LABELS: Labels<ServiceState> = {
  submitted: ['已提交', 'Submitted'],
  received: ['已受理', 'Received'],
  materials_requested: ['待补正', 'Materials requested'],
  supplemented: ['已补正', 'Supplemented'],
  reviewing: ['审核中', 'Under review'],
  committee: ['待集体评议', 'Before the committee'],
  publicity: ['公示中', 'Public notice'],
  approved: ['已批准', 'Approved'],
  refused: ['不予批准', 'Refused'],
  delivered: ['已送达', 'Result delivered'],
  evaluated: ['已评价', 'Evaluated'],
};
const SERVICE_ACTION_LABELS: Labels<ServiceAction | 'submit' | 'vote_passed' | 'vote_failed' | 'objection' | 'objection_upheld' | 'objection_rejected' | 'publicity_closed' | 'evaluate' | 'overdue' | 'due_soon'> = {
  submit: ['提交申请', 'Submitted'],
  receive: ['受理', 'Receive'],
  request_materials: ['一次性告知补正', 'Request materials'],
  supplement: ['补齐材料', 'Supplement'],
  review: ['审核', 'Review'],
  to_committee: ['提交集体评议', 'To the committee'],
  approve: ['批准', 'Approve'],
  refuse: ['不予批准', 'Refuse'],
  deliver: ['送达结果', 'Deliver the result'],
  vote_passed: ['评议通过，进入公示', 'Passed by the committee; public notice'],
  vote_failed: ['评议未通过', 'Not passed by the committee'],
  objection: ['收到异议', 'Objection received'],
  objection_upheld: ['异议成立，退回重审', 'Objection upheld; back to review'],
  objection_rejected: ['异议不成立', 'Objection not upheld'],
  publicity_closed: ['公示期满', 'Public notice ended'],
  evaluate: ['群众评价', 'Rated by the resident'],
  overdue: ['超时限预警', 'Past the time limit'],
  due_soon: ['即将到期', 'Due soon'],
};
const SERVICE_CHANNEL_LABELS: Labels<ServiceChannel> = { window: ['窗口受理', 'At a window'], proxy: ['代办员代办', 'Village proxy'], portal: ['网上申请', 'On the portal'] };
const MATERIAL_STATE_LABELS: Labels<MaterialState> = { present: ['已提交', 'Present'], missing: ['缺少', 'Missing'], to_correct: ['需补正', 'To correct'] };
const OBJECTION_STATE_LABELS: Labels<ObjectionState> = { recorded: ['已登记', 'Recorded'], investigating: ['调查中', 'Investigating'], answered: ['已答复', 'Answered'] };

const ALL = {
  state: STATE_LABELS,
  action: ACTION_LABELS,
  kind: KIND_LABELS,
  channel: CHANNEL_LABELS,
  urgency: URGENCY_LABELS,
  role: ROLE_LABELS,
  stage: STAGE_LABELS,
  escalation: ESCALATION_LABELS,
  entity: ENTITY_LABELS,
  visitKind: VISIT_KIND_LABELS,
  delivery: DELIVERY_LABELS,
  flag: FLAG_LABELS,
  petitionClass: PETITION_CLASS_LABELS,
  evaluation: EVALUATION_LABELS,
  extension: EXTENSION_LABELS,
  accountability: ACCOUNTABILITY_LABELS,
  auditAction: AUDIT_ACTION_LABELS,
  // — supervision —
  supervisionLevel: SUPERVISION_LEVEL_LABELS,
  supervisionState: SUPERVISION_STATE_LABELS,
  instructionState: INSTRUCTION_STATE_LABELS,
  noticeKind: NOTICE_KIND_LABELS,
  alertKind: ALERT_KIND_LABELS,
  // — accountability and bulletins —
  accountabilitySource: ACCOUNTABILITY_SOURCE_LABELS,
  accountabilityState: ACCOUNTABILITY_STATE_LABELS,
  bulletinKind: BULLETIN_KIND_LABELS,
  bulletinState: BULLETIN_STATE_LABELS,
  // — duty, leave and attendance —
  dutyShift: DUTY_SHIFT_LABELS,
  leaveKind: LEAVE_KIND_LABELS,
  leaveState: LEAVE_STATE_LABELS,
  attendanceMark: ATTENDANCE_MARK_LABELS,
  decision: DECISION_LABELS,
  // — evaluation —
  evalGrade: EVAL_GRADE_LABELS,
  evalSource: EVAL_SOURCE_LABELS,
  evalItem: EVAL_ITEM_LABELS,
  evalPeriod: EVAL_PERIOD_LABELS,
  unitKind: UNIT_KIND_LABELS,
  awardState: AWARD_STATE_LABELS,
  mentorRecord: MENTOR_RECORD_LABELS,
  reviewRating: REVIEW_RATING_LABELS,
  // — projects —
  disclosureKind: DISCLOSURE_KIND_LABELS,
  selectionState: SELECTION_STATE_LABELS,
  // — service centre —
  serviceLevel: SERVICE_LEVEL_LABELS,
  serviceState: SERVICE_STATE_LABELS,
  serviceAction: SERVICE_ACTION_LABELS,
  serviceChannel: SERVICE_CHANNEL_LABELS,
  materialState: MATERIAL_STATE_LABELS,
  objectionState: OBJECTION_STATE_LABELS,
} as const;

export type LabelGroup = keyof typeof ALL;

/** The label of a code in a group (`label('state', 'handling', 'zh-CN')` → 办理中); the code if unknown. */
export function label(group: LabelGroup, code: string, locale: Locale): string {
  const pair = (ALL[group] as Record<string, [string, string]>)[code];
  if (!pair) return code;
  return locale === 'en-US' ? pair[1] : pair[0];
}

/** Message parameters that hold a vocabulary code, and the label group that names it. */
const CODED_PARAMS: Record<string, LabelGroup> = { action: 'action', state: 'state', stage: 'stage', level: 'escalation', what: 'entity', kind: 'alertKind', /* — supervision — */ supervisionLevel: 'supervisionLevel', orderState: 'supervisionState', instructionState: 'instructionState', /* — duty — */ shift: 'dutyShift', leaveKind: 'leaveKind', leaveState: 'leaveState', decision: 'decision', /* — projects — */ selectionState: 'selectionState' };

/**
 * Renders a stored message in a reader's language: parameters such as `action` or `stage` are
 * kept as codes and named here, so one notice reads right in Chinese and in English.
 */
export function renderMessage(locale: Locale, key: MessageKey, params: Record<string, string | number>): string {
  const named = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, CODED_PARAMS[name] ? label(CODED_PARAMS[name], String(value), locale) : value]),
  );
  return translate(locale, key, named);
}
