/**
 * Server messages (errors, notifications) in both languages. zh-CN is the default; en-US must
 * have every key (a test checks that).
 */

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const zhCN = {
  'error.validation': '输入有误',
  'error.validation.detail': '请检查以下字段：{fields}',
  'error.unauthenticated': '请先登录',
  'error.forbidden': '无权执行此操作',
  'error.out_of_scope': '该记录不在您的管辖范围内',
  'error.not_found': '记录不存在',
  'error.conflict': '操作与当前状态冲突',
  'error.illegal_transition': '当前状态“{state}”下不能执行“{action}”',
  'error.stale': '记录已被他人修改，请刷新后重试',
  'error.invalid_credentials': '用户名或密码错误',
  'error.rate_limited': '操作过于频繁，请稍后再试',
  'error.csrf': '页面已过期，请刷新后重试（CSRF 校验失败）',
  'error.internal': '系统繁忙，请稍后再试',
  'error.unprocessable': '无法处理该请求',
  'error.invalid_token': '评价链接无效或已过期',
  'error.file_too_large': '文件过大（上限 {max} MB）',
  'error.file_type': '不支持的文件类型：{type}',
  'error.unknown_reference': '引用的{what}不存在',
  'error.window_closed': '已超过可申请期限（{deadline}）',
  'error.extension_exceeds': '延期天数超过上限（{max} 天）',
  'error.extension_pending': '已有待审批的延期申请',
  'error.extension_used': '本件已延期过，不能再次延期',
  'error.merge_self': '不能合并到自身',
  'error.merge_target': '目标诉求件已办结或已合并，不能合并',
  'error.on_spot_kind': '只有咨询、求助、建议、表扬类诉求可以当场办结',
  'error.review_petition_only': '只有信访事项可以申请复查、复核',
  'error.final': '该信访事项已复核终结，同一事实和理由不再受理',
  'error.evaluate_window': '尚未超过群众评价期限，不能未评价办结',
  'error.unit_inactive': '承办单位已停用',
  'error.not_reopenable': '重办次数已用完，请转督办处理',
  'issue.invalid_id_number': '身份证号码格式或校验位不正确',
  'issue.phone_required': '非匿名诉求须留联系电话',
  'issue.petition_class_only_for_petition': '只有信访件才有信访类别',
  'issue.invalid_area': '区划代码不存在',
  'issue.invalid_category': '诉求分类不存在',
  'sms.registered': '【连心】您反映的事项已登记，编号{code}。可凭编号和手机尾号查询办理进度。',
  'sms.replied': '【连心】您反映的事项（{code}）已答复：{reply} 请评价：{link}',
  'sms.not_accepted': '【连心】您反映的事项（{code}）不予受理，理由：{reason}',
  'sms.extended': '【连心】您反映的事项（{code}）办理期限延长{days}天，理由：{reason}',
  'sms.closed': '【连心】您反映的事项（{code}）已办结，感谢您的支持。',
  'notice.step': '诉求件{code}：{action}',
  'notice.risk': '诉求件{code}含极端风险词（{words}），请立即关注',
  'notice.escalated': '诉求件{code}已超期（{stage}），升级至{level}',
  'notice.due_soon': '诉求件{code}即将到期（{stage}）',
  'issue.password_weak': '密码至少8位，且须同时包含字母和数字',
  'issue.invalid_date': '日期无效，应为 YYYY-MM-DD',
  'issue.area_level_mismatch': '区划级别与区划代码不符',
  'issue.area_parent_level': '上级区划须为高一级的区划（省→市→县→乡镇/街道→村/社区→网格）',
  'issue.area_parent_code': '区划代码不在上级区划的代码范围内',
  'issue.category_cycle': '不能把分类移到它自己或它的下级分类之下',
  'error.self_lockout': '不能停用自己的账号或撤销自己的管理员角色',
  'error.time_limit_fallback': '该环节须保留一条不带任何条件的默认时限规则',
  'issue.clock_change_required': '请给出 set（跳到某一时刻）或 advanceMs（拨动毫秒数）',
  'issue.weights_sum': '响应率、解决率、满意率三项权重之和须为1（允许误差0.001）',
  'error.metrics_range': '统计区间无效：开始须早于结束，且跨度不超过10年',
  'metrics.total': '合计',
  'notice.alert': '预警（{kind}）：{title}，涉及{count}件诉求，请关注',
  'error.alert_closed': '该预警已处理（已转任务或已忽略），不能再操作',
} as const;

export type MessageKey = keyof typeof zhCN;

const enUS: Record<MessageKey, string> = {
  'error.validation': 'Invalid input',
  'error.validation.detail': 'Please check these fields: {fields}',
  'error.unauthenticated': 'Please sign in first',
  'error.forbidden': 'You may not do this',
  'error.out_of_scope': 'This record is outside your area of responsibility',
  'error.not_found': 'Not found',
  'error.conflict': 'This conflicts with the current state',
  'error.illegal_transition': '“{action}” is not possible while the case is “{state}”',
  'error.stale': 'Someone else changed this record; reload and try again',
  'error.invalid_credentials': 'Wrong user name or password',
  'error.rate_limited': 'Too many attempts; please wait and try again',
  'error.csrf': 'The page has expired; reload and try again (CSRF check failed)',
  'error.internal': 'The system is busy; please try again later',
  'error.unprocessable': 'The request cannot be processed',
  'error.invalid_token': 'The evaluation link is invalid or has expired',
  'error.file_too_large': 'File too large (limit {max} MB)',
  'error.file_type': 'File type not allowed: {type}',
  'error.unknown_reference': 'The referenced {what} does not exist',
  'error.window_closed': 'The period for this request has ended ({deadline})',
  'error.extension_exceeds': 'Extension longer than allowed ({max} days)',
  'error.extension_pending': 'An extension request is already pending',
  'error.extension_used': 'This case has been extended already',
  'error.merge_self': 'A case cannot be merged into itself',
  'error.merge_target': 'The target case is closed or merged',
  'error.on_spot_kind': 'Only inquiries, requests for help, suggestions and praise can be resolved on the spot',
  'error.review_petition_only': 'Only petitions can be reviewed',
  'error.final': 'This petition has been re-reviewed and is final',
  'error.evaluate_window': 'The resident may still evaluate; the case cannot be closed unevaluated yet',
  'error.unit_inactive': 'The unit is inactive',
  'error.not_reopenable': 'The case has been reopened before; refer it to a supervisor',
  'issue.invalid_id_number': 'ID number format or check digit is wrong',
  'issue.phone_required': 'A phone number is required unless the request is anonymous',
  'issue.petition_class_only_for_petition': 'Only petitions have a petition class',
  'issue.invalid_area': 'Unknown area code',
  'issue.invalid_category': 'Unknown category',
  'sms.registered': '[Lianxin] Your request is registered as {code}. Track it with the code and your phone’s last four digits.',
  'sms.replied': '[Lianxin] Your request {code} has been answered: {reply} Please rate it: {link}',
  'sms.not_accepted': '[Lianxin] Your request {code} was not accepted. Reason: {reason}',
  'sms.extended': '[Lianxin] The time limit of your request {code} was extended by {days} days. Reason: {reason}',
  'sms.closed': '[Lianxin] Your request {code} is closed. Thank you.',
  'notice.step': 'Case {code}: {action}',
  'notice.risk': 'Case {code} contains extreme-risk words ({words}); act now',
  'notice.escalated': 'Case {code} is overdue ({stage}); escalated to {level}',
  'notice.due_soon': 'Case {code} is due soon ({stage})',
  'issue.password_weak': 'At least 8 characters, with both letters and digits',
  'issue.invalid_date': 'Not a valid date; use YYYY-MM-DD',
  'issue.area_level_mismatch': 'The level does not match the division code',
  'issue.area_parent_level': 'The parent must be the area one level up (province → city → county → township → village → grid)',
  'issue.area_parent_code': 'The division code is outside its parent’s code range',
  'issue.category_cycle': 'A category cannot move under itself or one of its sub-categories',
  'error.self_lockout': 'You cannot deactivate your own account or remove your own admin role',
  'error.time_limit_fallback': 'This stage must keep one default rule without conditions',
  'issue.clock_change_required': 'Give set (jump to an instant) or advanceMs (move by milliseconds)',
  'issue.weights_sum': 'The response, resolution and satisfaction weights must add up to 1 (within 0.001)',
  'error.metrics_range': 'Invalid period: the start must come before the end, and the span must not exceed 10 years',
  'metrics.total': 'Total',
  'notice.alert': 'Alert ({kind}): {title}, {count} cases; please look into it',
  'error.alert_closed': 'This alert has already been handled (task created or dismissed)',
};

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Fills `{name}` placeholders of a message in the given language. */
export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = MESSAGES[locale][key] ?? MESSAGES[DEFAULT_LOCALE][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks zh-CN or en-US from an Accept-Language header; zh-CN unless English is preferred. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : DEFAULT_LOCALE;
}
