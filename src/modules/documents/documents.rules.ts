import type { Role } from '../org/org.rules.ts';

/**
 * Information items (政府信息) from draft to publication: vocabulary, the workflow's
 * transition table, and the guards each move must pass. Pure: the service loads the facts,
 * asks these functions, and refuses with their Chinese reasons.
 */

/** ATTR-1: the official document kinds. */
export const DOC_KINDS = {
  order: '命令（令）', decision: '决定', announcement: '通告', notice: '通知', bulletin: '通报', report: '报告',
  request: '请示', reply: '批复', opinion: '意见', letter: '函', minutes: '纪要',
} as const;
export type DocKind = keyof typeof DOC_KINDS;

/** PUB-2: catalog categories. */
export const CATEGORIES = {
  overview: '概况信息', policy: '政策法规', interpretation: '政策解读', plans: '规划总结', services: '政务服务事项', work: '工作动态',
  finance: '财政财务', enforcement: '行政执法', emergency: '应急预案', response: '回应关切', other: '其他',
} as const;
export type Category = keyof typeof CATEGORIES;

/** ATTR-2: exactly one disclosure attribute per item. */
export const ATTRIBUTES = { proactive: '主动公开', on_application: '依申请公开', not_disclosed: '不予公开' } as const;
export type Attribute = keyof typeof ATTRIBUTES;

/** SEC-5: the review body's opinion. */
export const CONCLUSIONS = { proactive: '主动公开', on_application: '依申请公开', exempt: '免予公开', refer: '需报审' } as const;
export type Conclusion = keyof typeof CONCLUSIONS;

/** INT-1: policy documents must be interpreted (and submitted with an interpretation plan, INT-3). */
export const POLICY_LEVELS = { none: '非政策性文件', normative: '规范性文件', important: '重要政策文件' } as const;
export type PolicyLevel = keyof typeof POLICY_LEVELS;

/** PUB-5: publication channels. */
export const CHANNELS = {
  platform: '政府信息公开平台', credit: '信用平台', website: '门户网站', media: '新闻媒体和发布会', reading_points: '档案馆、图书馆等查阅点',
  service_hall: '服务大厅、公告栏和电子屏', hotline: '12333热线', app_wechat: '移动客户端和微信公众号',
} as const;
export type Channel = keyof typeof CHANNELS;

export const VALIDITIES = { valid: '有效', expired: '失效', repealed: '废止' } as const;
export type Validity = keyof typeof VALIDITIES;

/** INT-4, INT-7: what the interpretation plan must state. */
export type InterpretationPlan = { outline: string; form: string; channel: string; time: string };

export const STATES = {
  draft: '拟稿', office_check: '公开属性核查', dept_review: '科室初审', secrecy_review: '保密审查',
  referred: '报保密部门审定', leader_approval: '领导审批', approved: '已审批', published: '已发布',
} as const;
export type State = keyof typeof STATES;

export type Action =
  | 'submit' | 'return' | 'pass_check' | 'dept_opinion' | 'secrecy_opinion' | 'refer_answer'
  | 'approve' | 'publish' | 'convert_to_proactive' | 'revise';

export const ACTION_LABELS: Record<Action, string> = {
  submit: '提交', return: '退回修改', pass_check: '核查通过', dept_opinion: '提出初审意见', secrecy_opinion: '出具保密审查意见',
  refer_answer: '登记保密部门答复', approve: '审批同意', publish: '发布', convert_to_proactive: '转为主动公开', revise: '修订',
};

/**
 * The workflow (DESIGN.md: every workflow is an explicit state machine). `secrecy_opinion`
 * leads to `referred` when the opinion is 需报审 (SEC-8), else to leader approval.
 */
export const TRANSITIONS: readonly { from: State; action: Action; roles: readonly Role[]; to: State }[] = [
  { from: 'draft', action: 'submit', roles: ['drafter'], to: 'office_check' },
  { from: 'office_check', action: 'return', roles: ['office'], to: 'draft' },
  { from: 'office_check', action: 'pass_check', roles: ['office'], to: 'dept_review' },
  { from: 'dept_review', action: 'return', roles: ['dept_head'], to: 'draft' },
  { from: 'dept_review', action: 'dept_opinion', roles: ['dept_head'], to: 'secrecy_review' },
  { from: 'secrecy_review', action: 'return', roles: ['secrecy_reviewer'], to: 'draft' },
  { from: 'secrecy_review', action: 'secrecy_opinion', roles: ['secrecy_reviewer'], to: 'leader_approval' },
  { from: 'referred', action: 'refer_answer', roles: ['office'], to: 'secrecy_review' },
  { from: 'leader_approval', action: 'return', roles: ['leader'], to: 'draft' },
  { from: 'leader_approval', action: 'approve', roles: ['leader'], to: 'approved' },
  { from: 'approved', action: 'publish', roles: ['office'], to: 'published' },
  { from: 'approved', action: 'convert_to_proactive', roles: ['office'], to: 'office_check' },
  { from: 'published', action: 'revise', roles: ['drafter', 'office'], to: 'draft' },
];

export const transitionFor = (from: State, action: Action) => TRANSITIONS.find((t) => t.from === from && t.action === action);

/** The facts about an item that the guards read. */
export type ItemFacts = {
  state: State;
  kind: 'document' | 'other';
  docKind: DocKind | null;
  attribute: Attribute | null;
  attributeReason: string;
  /** ATTR-6: parts of a proactive item the drafter marked as not for the public. */
  nonPublicParts: string;
  policyLevel: PolicyLevel;
  interpretationPlan: InterpretationPlan | null;
  leadingGroupReview: string;
  major: boolean;
  collectiveDecision: string;
  conclusion: Conclusion | null;
  /** Open findings other than secrecy marks. */
  openFindings: number;
  /** Secrecy marks not recorded as "not a mark" (SEC-6): settled by no other means. */
  secrecyMarks: number;
  consultations: ConsultationFacts[];
  channels: Channel[];
  /** COORD-1: the other agencies whose written confirmation (or the city office's decision) is outstanding, each with why. */
  pendingCoordination: string[];
};

export type ConsultationFacts = {
  id: string;
  kind: 'joint' | 'third_party' | 'referral';
  party: string;
  answer: 'consent' | 'refuse' | 'answered' | null;
  /** The working-day term has run out (LAW-34: silence of a co-maker counts as consent). */
  expired: boolean;
  overrideReason: string;
};

export type Problem = { code: string; message: string };
const problem = (code: string, message: string): Problem => ({ code, message });

const isPolicy = (f: Pick<ItemFacts, 'policyLevel'>) => f.policyLevel !== 'none';
const blank = (s: string | null | undefined) => !s || !s.trim();

/** What stands in the way of submitting a draft (ATTR-2, ATTR-3, ATTR-6, ATTR-8, INT-3, INT-4). */
export function submitProblems(f: ItemFacts): Problem[] {
  const out: Problem[] = [];
  if (f.kind === 'document' && !f.docKind) out.push(problem('DOC_KIND_REQUIRED', '公文须选择文种'));
  if (!f.attribute) out.push(problem('ATTR_REQUIRED', '须确定公开属性'));
  if (f.attribute && f.attribute !== 'proactive' && blank(f.attributeReason)) {
    out.push(problem('ATTR_REASON_REQUIRED', '依申请公开或不予公开须说明理由'));
  }
  if (f.attribute === 'proactive' && !blank(f.nonPublicParts)) {
    out.push(problem('ATTR_PROACTIVE_MIXED', '主动公开的文件不得含有依申请公开或不予公开的内容，请拆分或调整属性'));
  }
  if (isPolicy(f)) {
    const plan = f.interpretationPlan;
    if (!plan || blank(plan.outline) || blank(plan.form) || blank(plan.channel) || blank(plan.time)) {
      out.push(problem('INTERPRETATION_PLAN_REQUIRED', '政策性文件须同时报送解读方案，写明解读提纲、形式、渠道和时间'));
    }
  }
  return out;
}

/** The office's check (ATTR-4), and the leading group's review of a policy document kept non-public (ATTR-8). */
export function passCheckProblems(f: ItemFacts): Problem[] {
  const out = submitProblems(f);
  if (isPolicy(f) && f.attribute !== 'proactive' && blank(f.leadingGroupReview)) {
    out.push(problem('LEADING_GROUP_REVIEW_REQUIRED', '拟不公开的政策性文件须经领导小组审核，请登记审核意见'));
  }
  return out;
}

/**
 * Before the review body's opinion: co-makers consented or stayed silent past their term
 * (SEC-7, LAW-34), and no third party's refusal stands unless a public interest overrides
 * it (PUB-4, LAW-32); every consultation has been answered or has run out.
 */
export function opinionProblems(f: ItemFacts, conclusion: Conclusion): Problem[] {
  const out: Problem[] = [];
  for (const c of f.consultations) {
    if (c.kind === 'referral') continue;
    if (c.answer === null && !c.expired) {
      out.push(problem('CONSULTATION_PENDING', `尚在等待“${c.party}”的意见（《中华人民共和国政府信息公开条例》${c.kind === 'joint' ? '第三十四条' : '第三十二条'}）`));
    }
    if (c.kind === 'joint' && c.answer === 'refuse' && conclusion === 'proactive') {
      out.push(problem('JOINT_CONSENT_REFUSED', `联合制作单位“${c.party}”不同意公开`));
    }
    if (c.kind === 'third_party' && c.answer === 'refuse' && conclusion === 'proactive' && blank(c.overrideReason)) {
      out.push(problem('THIRD_PARTY_REFUSED', `第三方“${c.party}”不同意公开；如认为不公开会对公共利益造成重大影响，须登记理由并书面告知第三方（《中华人民共和国政府信息公开条例》第三十二条）`));
    }
  }
  return out;
}

export type FindingStatus = 'open' | 'removed' | 'accepted' | 'not_a_mark';

/**
 * How a finding may be settled (SEC-2, SEC-6). Personal data is removed, or kept with the
 * reason why that is lawful. A secrecy mark is a hard block: no reason lets a marked document
 * be published, and removing the mark would publish the secret without it; the secrecy
 * reviewer can only record, with a reason, that the words are not a mark (quoted in a text
 * about secrecy rules, for instance).
 */
export function resolutionProblems(kind: string, status: Exclude<FindingStatus, 'open'>, reason: string): Problem[] {
  if (kind === 'secrecy_mark' && status !== 'not_a_mark') {
    return [problem('SECRECY_MARK_BLOCKS', '标有密级或保密标识的信息不得公开，不能删除标识或说明理由后保留；如经核实并非密级标识（例如引用在保密制度的条文中），请登记“不是密级标识”及其依据')];
  }
  if (kind !== 'secrecy_mark' && status === 'not_a_mark') return [problem('NOT_A_SECRECY_FINDING', '只有密级标识可以登记为“不是密级标识”')];
  if (status !== 'removed' && blank(reason)) {
    return [problem('REASON_REQUIRED', status === 'accepted' ? '保留敏感信息须说明理由' : '须说明为何不是密级标识')];
  }
  return [];
}

/**
 * What the re-scan of a public copy may still contain (SEC-2, SEC-6, SEC-10): only text a
 * reviewer kept with a reason, or words recorded as not being a secrecy mark. Anything else
 * found in a file about to be published stops its publication.
 */
export function unsettledInPublicCopy<F extends { kind: string; text: string }>(found: F[], settled: Array<{ kind: string; text: string; status: FindingStatus }>): F[] {
  const allowed = new Set(settled.filter((s) => (s.kind === 'secrecy_mark' ? s.status === 'not_a_mark' : s.status === 'accepted')).map((s) => `${s.kind}|${s.text}`));
  return found.filter((f) => !allowed.has(`${f.kind}|${f.text}`));
}

/** Before the leader's approval: findings settled (SEC-2, SEC-6), a major item decided collectively (SEC-4). */
export function approveProblems(f: ItemFacts): Problem[] {
  const out: Problem[] = [];
  if (!f.conclusion || f.conclusion === 'refer') out.push(problem('SECRECY_OPINION_REQUIRED', '尚无保密审查结论'));
  if (f.secrecyMarks > 0 && f.conclusion !== 'exempt') {
    out.push(problem('SECRECY_MARKED', `内容含有 ${f.secrecyMarks} 处密级或保密标识，不得公开：只能作出免予公开的结论，或由保密审查人员核实并非密级标识`));
  }
  if (f.openFindings > 0) {
    out.push(problem('FINDINGS_OPEN', `敏感信息检查还有 ${f.openFindings} 处未处理：须删除或说明理由后接受`));
  }
  if (f.major && blank(f.collectiveDecision)) {
    out.push(problem('COLLECTIVE_DECISION_REQUIRED', '重大事项须经局务会或党组会研究，请登记会议决定'));
  }
  return out;
}

/** Publication: only what the review concluded proactive, through at least one channel (PUB-5, PUB-6). */
export function publishProblems(f: ItemFacts): Problem[] {
  const out: Problem[] = [];
  if (finalAttribute(f.conclusion) !== 'proactive') out.push(problem('NOT_PROACTIVE', '审查结论不是主动公开，不能发布'));
  if (f.channels.length === 0) out.push(problem('CHANNEL_REQUIRED', '请至少选择一个发布渠道'));
  if (f.secrecyMarks > 0) out.push(problem('SECRECY_MARKED', `内容含有 ${f.secrecyMarks} 处密级或保密标识，不得发布`));
  if (f.pendingCoordination.length > 0) {
    out.push(problem('COORDINATION_PENDING', `涉及其他机关的信息须经其书面确认后发布，尚未办结：${f.pendingCoordination.join('、')}`));
  }
  return out;
}

/** The attribute the review settled on; 免予公开 is 不予公开. */
export function finalAttribute(conclusion: Conclusion | null): Attribute | null {
  if (conclusion === null || conclusion === 'refer') return null;
  return conclusion === 'exempt' ? 'not_disclosed' : conclusion;
}

/** ATTR-5: the mark printed in the colophon (版记). */
export const colophonMark = (attribute: Attribute): string => `（此件${ATTRIBUTES[attribute]}）`;

/** ATTR-7: paper copies for reading points; policy documents go with ten. */
export const requiredPaperCopies = (policyLevel: PolicyLevel): number => (policyLevel === 'none' ? 1 : 10);

/**
 * 索引号 in the agency's configured format, e.g. `{orgCode}/{year}-{seq:5}` → `RSJ/2026-00012`.
 * The sequence is per agency and year and never reused (the service keeps it in a table).
 */
export function formatIndexNumber(format: string, v: { orgCode: string; year: number; seq: number }): string {
  return format
    .replaceAll('{orgCode}', v.orgCode)
    .replaceAll('{year}', String(v.year))
    .replace(/\{seq(?::(\d))?\}/g, (_m, width: string | undefined) => String(v.seq).padStart(Number(width ?? 1), '0'));
}

/** Who is who for this item: the table's drafter and dept_head mean the item's own. */
export type Relation = { isDrafter: boolean; isDeptHeadOfUnit: boolean };

/**
 * The role in which a holder of `roles` may make a move, or null. A drafter acts on their own
 * draft (any drafter of the agency may start a revision); a department head on items of
 * their own department.
 */
export function actingRoleFor(t: { action: Action; roles: readonly Role[] }, roles: ReadonlySet<Role>, who: Relation): Role | null {
  return t.roles.find((r) => roles.has(r) && (r !== 'drafter' || who.isDrafter || t.action === 'revise') && (r !== 'dept_head' || who.isDeptHeadOfUnit)) ?? null;
}

/**
 * What may be done to an item's attachments, by whom, when: the drafter adds and removes them
 * while drafting; once approved, the office may replace a file that cannot be cleaned with a
 * cleaned copy, or withdraw it, so that an item never stops at a file (SEC-10).
 */
/** Steps that record a change to an approved item's files (SEC-13); the state stays. */
export const FILE_STEP_LABELS = { replace_attachment: '替换附件', withdraw_attachment: '撤下附件' } as const;
export const ATTACHMENT_ACTIONS = { add: '添加附件', remove: '删除附件', replace: '替换为处理后的文件', withdraw: '撤下附件' } as const;
export type AttachmentAction = keyof typeof ATTACHMENT_ACTIONS;
const ATTACHMENT_RULES: readonly { state: State; action: AttachmentAction; role: Role }[] = [
  { state: 'draft', action: 'add', role: 'drafter' },
  { state: 'draft', action: 'remove', role: 'drafter' },
  { state: 'approved', action: 'replace', role: 'office' },
  { state: 'approved', action: 'withdraw', role: 'office' },
];

/** The attachment actions a holder of `roles` may take now; the drafter's only on their own draft. */
export function attachmentActions(state: State, roles: ReadonlySet<Role>, who: Relation): AttachmentAction[] {
  return ATTACHMENT_RULES.filter((r) => r.state === state && roles.has(r.role) && (r.role !== 'drafter' || who.isDrafter)).map((r) => r.action);
}

/**
 * The actions a holder of `roles` may take on an item in `state` right now; the console
 * shows these and nothing else (it never re-implements the table).
 */
export function availableActions(state: State, roles: ReadonlySet<Role>, who: Relation & { attribute: Attribute | null }): Action[] {
  const fits = (action: Action) =>
    action === 'publish' ? who.attribute === 'proactive' : action === 'convert_to_proactive' ? who.attribute !== 'proactive' : true;
  return TRANSITIONS.filter((t) => t.from === state && fits(t.action) && actingRoleFor(t, roles, who) !== null).map((t) => t.action);
}
