import { ACTION_LABELS as APPLICATION_ACTIONS, REVIEW_KINDS } from '../applications/applications.rules.ts';
import { ACTION_LABELS as COORDINATION_ACTIONS } from '../coordination/coordination.rules.ts';
import { ACTION_LABELS as ITEM_ACTIONS } from '../documents/documents.rules.ts';
import { ACTION_LABELS as MESSAGE_ACTIONS } from '../messages/messages.rules.ts';
import { ACTION_LABELS as OPINION_ACTIONS } from '../opinion/opinion.rules.ts';

/**
 * The audit log's vocabulary: a Chinese name for every kind of event and every kind of
 * object, kept here beside the codes the services write, and served to the console (issue 8:
 * the auditor reads 登录系统, not `auth.login`).
 */

/** What an event is about, by `entity_type`. */
export const ENTITY_LABELS: Record<string, string> = {
  user: '用户',
  agency: '机构',
  unit: '部门',
  item: '信息',
  application: '依申请公开',
  catalog_filing: '目录备案',
  calendar_day: '工作日历',
  calendar_year: '工作日历年度',
  settings: '系统设置',
  negative_list_entry: '负面清单事项',
  service_item: '公共服务事项',
  power: '行政职权',
  letter_template: '文书模板',
  citizen_message: '网民留言',
  coordination_request: '发布协调',
  consultation: '意见征集',
  key_task: '重点工作',
  policy_evaluation: '政策评估',
  duty_shift: '领导值班',
  annual_report: '年度报告',
  monthly_report: '月度报告',
  opinion_case: '舆情',
  opinion_settings: '舆情设置',
  opinion_feed: '舆情订阅源',
  interpretation: '政策解读',
  self_check: '每周自查',
  assessment_template: '考评模板',
  assessment: '考评',
};

const prefixed = (prefix: string, labels: Record<string, string>) =>
  Object.fromEntries(Object.entries(labels).map(([key, label]) => [`${prefix}.${key}`, label]));

const LIST_VERBS = { create: '新增', update: '修改', delete: '删除' } as const;
const listActions = (entity: string) =>
  Object.fromEntries(Object.entries(LIST_VERBS).map(([verb, label]) => [`${entity}.${verb}`, `${label}${ENTITY_LABELS[entity]}`]));

/** Every kind of event, by `action`. The order is the order of the console's kind filter. */
export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录系统',
  'auth.login.failed': '登录失败',
  'auth.lockout': '账号锁定',
  'auth.logout': '退出登录',
  'auth.mfa.enabled': '启用双因素认证',
  'auth.mfa.verified': '通过双因素认证',
  'auth.password.changed': '修改本人密码',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.unlock': '解锁账号',
  'user.password.reset': '重置密码',
  'grant.add': '授予角色',
  'grant.remove': '撤销角色',
  'agency.create': '新建机构',
  'agency.update': '修改机构',
  'unit.create': '新建部门',
  'unit.update': '修改部门',
  'unit.dissolve': '撤销部门',
  'unit.contact.set': '指定联系人',
  'settings.security.update': '修改安全策略',
  'calendar.day.set': '调整工作日历',
  'calendar.year.cover': '确认全年工作日历',
  'item.create': '新建信息',
  'item.update': '修改信息',
  ...prefixed('item', ITEM_ACTIONS),
  'item.attachment.add': '上传附件',
  'item.attachment.remove': '删除附件',
  'item.attachment.replace': '替换附件',
  'item.attachment.withdraw': '撤下附件',
  'item.finding.removed': '删除敏感内容',
  'item.finding.accepted': '保留敏感内容并说明理由',
  'item.redaction.add': '标记删除内容',
  'item.redaction.remove': '取消删除标记',
  'item.consultation.joint': '征求联合制作单位意见',
  'item.consultation.third_party': '征求第三方意见',
  'item.consultation.answer': '登记征求意见结果',
  'item.referral.extend': '登记报审延期',
  'item.collective_decision': '登记会议决定',
  'item.recheck': '年度复核',
  'item.validity': '变更有效性',
  'interpretation.create': '新建政策解读',
  'interpretation.update': '修改政策解读',
  'interpretation.reissue': '再解读',
  'interpretation.settings': '设置解读发布期限',
  'item.paper_copies': '登记纸质报送',
  'catalog.filing.create': '目录备案',
  'catalog.import': '导入公开目录',
  ...listActions('negative_list_entry'),
  ...listActions('service_item'),
  ...listActions('power'),
  'application.register': '登记申请',
  'application.view_personal_data': '查看申请人个人信息',
  'application.split': '拆分申请',
  'application.auto_confirm': '自动确认收到申请',
  'application.settings.update': '修改依申请公开设置',
  ...prefixed('application', APPLICATION_ACTIONS),
  ...Object.fromEntries(Object.entries(REVIEW_KINDS).map(([kind, label]) => [`application.review.${kind}`, `登记${label}意见`])),
  'application.extend': '延期答复',
  'application.consult': '征求意见',
  'application.consult_answer': '登记征求意见结果',
  'application.file.provided': '上传提供的信息',
  'application.deliver': '登记送达',
  'application.appeal': '登记复议诉讼',
  'application.appeal_result': '登记复议诉讼结果',
  'letter_template.update': '修改文书模板',
  'citizen_message.submit': '收到网民留言',
  'citizen_message.rate': '网民评价答复',
  'citizen_message.settings.update': '修改网民留言答复期限',
  'self_check.open': '开始每周自查',
  'self_check.finding': '登记自查问题',
  'self_check.resolve': '整改或说明自查问题',
  'self_check.complete': '完成每周自查',
  'assessment_template.save': '保存考评模板',
  'assessment.create': '开始考评',
  'assessment.score': '考评打分',
  'assessment.sign': '签署考评',
  ...prefixed('citizen_message', MESSAGE_ACTIONS),
  'settings.site.update': '修改门户网站信息',
  'coordination.send': '发送协调确认请求',
  ...prefixed('coordination', COORDINATION_ACTIONS),
  'consultation.settings.update': '设置意见采纳情况公布期限',
  'consultation.create': '新建征求意见',
  'consultation.update': '修改征求意见',
  'consultation.delete': '删除征求意见',
  'consultation.open': '发布征求意见',
  'consultation.comment.mark': '登记意见采纳情况',
  'consultation.feedback.publish': '公布意见采纳情况',
  'key_task.create': '新增重点工作',
  'key_task.update': '修改重点工作',
  'key_task.delete': '删除重点工作',
  'key_task.progress': '登记重点工作进展',
  'policy_evaluation.create': '登记重大政策实施评估',
  'policy_evaluation.report': '关联政策实施评估报告',
  'settings.reminders.update': '修改期限提醒设置',
  'settings.mail.update': '修改邮件服务器设置',
  'settings.mail.test': '发送测试邮件',
  'settings.sms.update': '修改短信网关设置',
  'user.notification_channels': '设置本人通知方式',
  'duty.create': '安排领导值班',
  'duty.delete': '删除值班安排',
  'annual_report.create': '起草年度报告',
  'annual_report.update': '修改年度报告',
  'annual_report.submit': '提交年度报告审核',
  'annual_report.pass': '年度报告审核通过',
  'annual_report.return': '退回年度报告',
  'annual_report.approve': '批准发布年度报告',
  'annual_report.correct': '更正年度报告',
  'annual_report.entry': '录入年报数据',
  'annual_report.entry_delete': '删除年报数据',
  'annual_report.settings': '修改年报报送期限',
  'monthly_report.submit': '报送月度报告',
  'opinion_case.register': '登记舆情',
  ...prefixed('opinion_case', OPINION_ACTIONS),
  'opinion_case.merge': '合并重复舆情',
  'opinion_settings.update': '修改舆情设置',
  'opinion_feed.create': '新增舆情订阅源',
  'opinion_feed.delete': '删除舆情订阅源',
};

/** The group of an action in the kind filter: its object's name (`item.publish` → 信息). */
const groupOf = (action: string): string => {
  const head = action.split('.')[0]!;
  if (head === 'auth') return '登录与认证';
  if (head === 'grant') return ENTITY_LABELS.user!;
  if (head === 'catalog') return ENTITY_LABELS.catalog_filing!;
  if (head === 'coordination') return ENTITY_LABELS.coordination_request!;
  if (head === 'calendar') return '工作日历';
  if (head === 'duty') return ENTITY_LABELS.duty_shift!;
  return ENTITY_LABELS[head] ?? '其他';
};

/** An event kind the vocabulary does not know yet still reads in Chinese, by its object. */
export const actionLabel = (action: string, entityType: string): string =>
  ACTION_LABELS[action] ?? `${ENTITY_LABELS[entityType] ?? '其他'}操作`;

export const entityLabel = (entityType: string): string => ENTITY_LABELS[entityType] ?? '其他';

export type AuditKind = { value: string; label: string; group: string };

/** The kinds as the console's filter lists them, grouped by object. */
export const AUDIT_KINDS: AuditKind[] = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label, group: groupOf(value) }));
