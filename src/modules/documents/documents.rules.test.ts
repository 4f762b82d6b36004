/**
 * The pure rules of the documents workflow, named after the rule ids of RULES.md: the
 * transition table and who may move an item, and the guards the service asks before each move
 * (ATTR-*, INT-3/4, SEC-3/4/5/7/8, LAW-32/34, PUB-3/5/6, CAT-1).
 */
import { describe, expect, it } from 'vitest';
import { ROLE_NAMES, type Role } from '../org/org.rules.ts';
import {
  ACTION_LABELS, ATTRIBUTES, CATEGORIES, CHANNELS, CONCLUSIONS, DOC_KINDS, POLICY_LEVELS, STATES, TRANSITIONS,
  actingRoleFor, approveProblems, attachmentActions, availableActions, resolutionProblems, unsettledInPublicCopy, colophonMark, finalAttribute, formatIndexNumber, opinionProblems, passCheckProblems,
  publishProblems, requiredPaperCopies, submitProblems, transitionFor,
  type Action, type Attribute, type ConsultationFacts, type ItemFacts, type State,
} from './documents.rules.ts';

const ALL_STATES = Object.keys(STATES) as State[];
const ALL_ACTIONS = Object.keys(ACTION_LABELS) as Action[];
const ALL_ATTRIBUTES: Array<Attribute | null> = ['proactive', 'on_application', 'not_disclosed', null];

const PLAN = { outline: '政策背景、主要内容、适用范围', form: '图文解读', channel: '门户网站', time: '与文件同步发布' };

/** A proactive 通知 that passes every guard; each test changes only what it is about. */
const facts = (over: Partial<ItemFacts> = {}): ItemFacts => ({
  state: 'draft', kind: 'document', docKind: 'notice', attribute: 'proactive', attributeReason: '', nonPublicParts: '',
  policyLevel: 'none', interpretationPlan: null, leadingGroupReview: '', major: false, collectiveDecision: '',
  conclusion: 'proactive', openFindings: 0, secrecyMarks: 0, consultations: [], channels: ['platform'], pendingCoordination: [], ...over,
});

const consultation = (over: Partial<ConsultationFacts>): ConsultationFacts => ({
  id: 'c1', kind: 'joint', party: '市财政局', answer: null, expired: false, overrideReason: '', ...over,
});

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

// ---------------------------------------------------------------------------------------------

describe('vocabulary (ATTR-1, ATTR-2, PUB-2, PUB-5, SEC-5, INT-1)', () => {
  it('ATTR-1: the eleven official document kinds, in Chinese', () => {
    expect(Object.values(DOC_KINDS)).toEqual(['命令（令）', '决定', '通告', '通知', '通报', '报告', '请示', '批复', '意见', '函', '纪要']);
  });

  it('ATTR-2: exactly three attributes; SEC-5: four review opinions including 需报审', () => {
    expect(ATTRIBUTES).toEqual({ proactive: '主动公开', on_application: '依申请公开', not_disclosed: '不予公开' });
    expect(CONCLUSIONS).toEqual({ proactive: '主动公开', on_application: '依申请公开', exempt: '免予公开', refer: '需报审' });
  });

  it('PUB-2: the nine catalog categories, the INT-1 政策解读 column and 回应关切 (OP-4); PUB-5: eight channels; INT-1: three policy levels', () => {
    expect(Object.values(CATEGORIES)).toEqual(['概况信息', '政策法规', '政策解读', '规划总结', '政务服务事项', '工作动态', '财政财务', '行政执法', '应急预案', '回应关切', '其他']);
    expect(Object.keys(CHANNELS)).toHaveLength(8);
    expect(CHANNELS.platform).toBe('政府信息公开平台');
    expect(Object.keys(POLICY_LEVELS)).toEqual(['none', 'normative', 'important']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('the transition table (SEC-4, SEC-5, ATTR-4, PUB-6)', () => {
  // Written out by hand from the workflow of RULES.md, not copied from the table under test.
  const EXPECTED: Array<[State, Action, State, Role[]]> = [
    ['draft', 'submit', 'office_check', ['drafter']],
    ['office_check', 'return', 'draft', ['office']],
    ['office_check', 'pass_check', 'dept_review', ['office']],
    ['dept_review', 'return', 'draft', ['dept_head']],
    ['dept_review', 'dept_opinion', 'secrecy_review', ['dept_head']],
    ['secrecy_review', 'return', 'draft', ['secrecy_reviewer']],
    ['secrecy_review', 'secrecy_opinion', 'leader_approval', ['secrecy_reviewer']],
    ['referred', 'refer_answer', 'secrecy_review', ['office']],
    ['leader_approval', 'return', 'draft', ['leader']],
    ['leader_approval', 'approve', 'approved', ['leader']],
    ['approved', 'publish', 'published', ['office']],
    ['approved', 'convert_to_proactive', 'office_check', ['office']],
    ['published', 'revise', 'draft', ['drafter', 'office']],
  ];

  it.each(EXPECTED)('%s --%s--> %s', (from, action, to, roles) => {
    const t = transitionFor(from, action);
    expect(t).toBeDefined();
    expect(t!.to).toBe(to);
    expect([...t!.roles]).toEqual(roles);
  });

  it('has exactly these thirteen moves, each (state, action) once', () => {
    expect(TRANSITIONS).toHaveLength(EXPECTED.length);
    expect(new Set(TRANSITIONS.map((t) => `${t.from}|${t.action}`)).size).toBe(TRANSITIONS.length);
  });

  it(`every other (state, action) pair of the ${ALL_STATES.length}×${ALL_ACTIONS.length} grid has no transition`, () => {
    const allowed = new Set(EXPECTED.map(([from, action]) => `${from}|${action}`));
    let refused = 0;
    for (const state of ALL_STATES) {
      for (const action of ALL_ACTIONS) {
        if (allowed.has(`${state}|${action}`)) continue;
        expect(transitionFor(state, action), `${state} × ${action}`).toBeUndefined();
        refused++;
      }
    }
    expect(refused).toBe(ALL_STATES.length * ALL_ACTIONS.length - EXPECTED.length);
  });

  it('SEC-4: nothing reaches publication without passing the leader; only a revision leaves published', () => {
    expect(TRANSITIONS.filter((t) => t.to === 'approved').map((t) => t.from)).toEqual(['leader_approval']);
    expect(TRANSITIONS.filter((t) => t.to === 'published').map((t) => t.from)).toEqual(['approved']);
    expect(TRANSITIONS.filter((t) => t.from === 'published').map((t) => t.action)).toEqual(['revise']);
  });

  it('ATTR-4: every reviewing step can return the item to its drafter', () => {
    expect(TRANSITIONS.filter((t) => t.action === 'return').map((t) => t.from).sort()).toEqual(['dept_review', 'leader_approval', 'office_check', 'secrecy_review']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('who may act: availableActions and actingRoleFor (谁制作谁公开, SEC-4, SEC-12)', () => {
  type Who = { isDrafter: boolean; isDeptHeadOfUnit: boolean; attribute: Attribute | null };

  /** The expected actions of one role, written per state from the rules. */
  function expected(role: Role, state: State, who: Who): Action[] {
    switch (role) {
      case 'drafter':
        if (state === 'draft') return who.isDrafter ? ['submit'] : [];
        return state === 'published' ? ['revise'] : []; // any drafter of the agency may start a revision
      case 'office':
        if (state === 'office_check') return ['return', 'pass_check'];
        if (state === 'referred') return ['refer_answer'];
        if (state === 'approved') return who.attribute === 'proactive' ? ['publish'] : ['convert_to_proactive'];
        return state === 'published' ? ['revise'] : [];
      case 'dept_head':
        return state === 'dept_review' && who.isDeptHeadOfUnit ? ['return', 'dept_opinion'] : [];
      case 'secrecy_reviewer':
        return state === 'secrecy_review' ? ['return', 'secrecy_opinion'] : [];
      case 'leader':
        return state === 'leader_approval' ? ['return', 'approve'] : [];
      default:
        return []; // opinion_lead and the three administrators never move an item
    }
  }

  const relations: Who[] = [];
  for (const isDrafter of [true, false]) for (const isDeptHeadOfUnit of [true, false]) for (const attribute of ALL_ATTRIBUTES) relations.push({ isDrafter, isDeptHeadOfUnit, attribute });

  it.each(ROLE_NAMES)('role %s: the actions in every state, for every relation to the item and every attribute', (role) => {
    let checked = 0;
    let nonEmpty = 0;
    for (const state of ALL_STATES) {
      for (const who of relations) {
        const got = availableActions(state, new Set([role]), who);
        expect(got, `${role} in ${state} ${JSON.stringify(who)}`).toEqual(expected(role, state, who));
        checked++;
        if (got.length) nonEmpty++;
      }
    }
    expect(checked).toBe(ALL_STATES.length * relations.length);
    if (['drafter', 'office', 'dept_head', 'secrecy_reviewer', 'leader'].includes(role)) expect(nonEmpty).toBeGreaterThan(0);
    else expect(nonEmpty).toBe(0);
  });

  it('a drafter acts only on their own draft; any drafter of the agency may start a revision', () => {
    const drafter = new Set<Role>(['drafter']);
    expect(availableActions('draft', drafter, { isDrafter: true, isDeptHeadOfUnit: false, attribute: null })).toEqual(['submit']);
    expect(availableActions('draft', drafter, { isDrafter: false, isDeptHeadOfUnit: true, attribute: 'proactive' })).toEqual([]);
    const submit = transitionFor('draft', 'submit')!;
    expect(actingRoleFor(submit, drafter, { isDrafter: true, isDeptHeadOfUnit: false })).toBe('drafter');
    expect(actingRoleFor(submit, drafter, { isDrafter: false, isDeptHeadOfUnit: false })).toBeNull();
    expect(actingRoleFor(transitionFor('published', 'revise')!, drafter, { isDrafter: false, isDeptHeadOfUnit: false })).toBe('drafter');
  });

  it('a department head acts only on items of their own unit (SEC-4: the providing unit reviews)', () => {
    const head = new Set<Role>(['dept_head']);
    const t = transitionFor('dept_review', 'dept_opinion')!;
    expect(actingRoleFor(t, head, { isDrafter: false, isDeptHeadOfUnit: true })).toBe('dept_head');
    expect(actingRoleFor(t, head, { isDrafter: false, isDeptHeadOfUnit: false })).toBeNull();
    expect(availableActions('dept_review', head, { isDrafter: false, isDeptHeadOfUnit: false, attribute: 'proactive' })).toEqual([]);
  });

  it('PUB-6: publish is offered only for a proactive item; SEC-12: convert_to_proactive only for a non-proactive one', () => {
    const office = new Set<Role>(['office']);
    const base = { isDrafter: false, isDeptHeadOfUnit: false };
    expect(availableActions('approved', office, { ...base, attribute: 'proactive' })).toEqual(['publish']);
    expect(availableActions('approved', office, { ...base, attribute: 'on_application' })).toEqual(['convert_to_proactive']);
    expect(availableActions('approved', office, { ...base, attribute: 'not_disclosed' })).toEqual(['convert_to_proactive']);
  });

  it('a holder of several roles gets the union, each action once, in table order', () => {
    const roles = new Set<Role>(['drafter', 'office', 'dept_head']);
    expect(availableActions('published', roles, { isDrafter: true, isDeptHeadOfUnit: true, attribute: 'proactive' })).toEqual(['revise']);
    expect(actingRoleFor(transitionFor('published', 'revise')!, roles, { isDrafter: true, isDeptHeadOfUnit: true })).toBe('drafter');
    expect(availableActions('dept_review', roles, { isDrafter: true, isDeptHeadOfUnit: true, attribute: 'proactive' })).toEqual(['return', 'dept_opinion']);
    expect(availableActions('draft', roles, { isDrafter: true, isDeptHeadOfUnit: true, attribute: 'proactive' })).toEqual(['submit']);
    // The office's return in office_check is taken in the office role, not by the drafter who also holds it.
    expect(actingRoleFor(transitionFor('office_check', 'return')!, roles, { isDrafter: true, isDeptHeadOfUnit: true })).toBe('office');
  });

  it('no role at all: nothing anywhere', () => {
    for (const state of ALL_STATES) expect(availableActions(state, new Set(), { isDrafter: true, isDeptHeadOfUnit: true, attribute: 'proactive' })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('submitProblems: the attribute at source (ATTR-1, ATTR-2, ATTR-3, ATTR-6, INT-3, INT-4)', () => {
  it('a complete proactive 通知 may be submitted', () => {
    expect(submitProblems(facts())).toEqual([]);
  });

  it('ATTR-1: a document needs its kind (文种); an item that is not a document does not', () => {
    expect(submitProblems(facts({ docKind: null }))).toEqual([{ code: 'DOC_KIND_REQUIRED', message: '公文须选择文种' }]);
    expect(submitProblems(facts({ kind: 'other', docKind: null }))).toEqual([]);
  });

  it('ATTR-2: an item without an attribute is refused (and no ATTR-3 reason is asked for)', () => {
    expect(submitProblems(facts({ attribute: null }))).toEqual([{ code: 'ATTR_REQUIRED', message: '须确定公开属性' }]);
  });

  it.each(['on_application', 'not_disclosed'] as const)('ATTR-3: %s without a reason is refused; blanks are no reason', (attribute) => {
    for (const attributeReason of ['', '   ', '\n\t']) {
      expect(submitProblems(facts({ attribute, attributeReason }))).toEqual([{ code: 'ATTR_REASON_REQUIRED', message: '依申请公开或不予公开须说明理由' }]);
    }
    expect(submitProblems(facts({ attribute, attributeReason: '涉及个人隐私' }))).toEqual([]);
  });

  it('ATTR-3: a proactive item needs no reason', () => {
    expect(submitProblems(facts({ attribute: 'proactive', attributeReason: '' }))).toEqual([]);
  });

  it('ATTR-6: a proactive item must not carry non-public parts; a non-public item may', () => {
    const [p] = submitProblems(facts({ nonPublicParts: '附件2 名单' }));
    expect(p).toEqual({ code: 'ATTR_PROACTIVE_MIXED', message: expect.stringContaining('主动公开的文件不得含有依申请公开或不予公开的内容') });
    expect(submitProblems(facts({ nonPublicParts: '  ' }))).toEqual([]);
    expect(submitProblems(facts({ attribute: 'not_disclosed', attributeReason: '内部事务', nonPublicParts: '附件2' }))).toEqual([]);
  });

  it.each(['normative', 'important'] as const)('INT-3: a %s policy document without an interpretation plan is not accepted', (policyLevel) => {
    const [p, ...rest] = submitProblems(facts({ policyLevel, interpretationPlan: null }));
    expect(rest).toEqual([]);
    expect(p!.code).toBe('INTERPRETATION_PLAN_REQUIRED');
    expect(p!.message).toBe('政策性文件须同时报送解读方案，写明解读提纲、形式、渠道和时间');
    expect(submitProblems(facts({ policyLevel, interpretationPlan: PLAN }))).toEqual([]);
  });

  it.each(['outline', 'form', 'channel', 'time'] as const)('INT-4: a plan with a blank %s is incomplete', (field) => {
    for (const blank of ['', '  ']) {
      expect(codes(submitProblems(facts({ policyLevel: 'normative', interpretationPlan: { ...PLAN, [field]: blank } })))).toEqual(['INTERPRETATION_PLAN_REQUIRED']);
    }
  });

  it('INT-1: a document that is not a policy document needs no plan', () => {
    expect(submitProblems(facts({ policyLevel: 'none', interpretationPlan: null }))).toEqual([]);
  });

  it('reports every problem at once, in the order of the form', () => {
    expect(codes(submitProblems(facts({ docKind: null, attribute: 'on_application', attributeReason: '', policyLevel: 'important' })))).toEqual([
      'DOC_KIND_REQUIRED', 'ATTR_REASON_REQUIRED', 'INTERPRETATION_PLAN_REQUIRED',
    ]);
    expect(codes(submitProblems(facts({ docKind: null, attribute: 'proactive', nonPublicParts: '名单', policyLevel: 'normative' })))).toEqual([
      'DOC_KIND_REQUIRED', 'ATTR_PROACTIVE_MIXED', 'INTERPRETATION_PLAN_REQUIRED',
    ]);
  });
});

describe('passCheckProblems: the office check (ATTR-4) and the leading group (ATTR-8)', () => {
  it('ATTR-4: the office finds what the drafter should have fixed', () => {
    expect(codes(passCheckProblems(facts({ attribute: null })))).toEqual(['ATTR_REQUIRED']);
    expect(codes(passCheckProblems(facts({ attribute: 'not_disclosed', attributeReason: '' })))).toEqual(['ATTR_REASON_REQUIRED']);
  });

  it.each(['on_application', 'not_disclosed'] as const)('ATTR-8: a policy document proposed %s needs the leading group\'s review', (attribute) => {
    const f = facts({ attribute, attributeReason: '过程性信息', policyLevel: 'normative', interpretationPlan: PLAN });
    expect(passCheckProblems(f)).toEqual([{ code: 'LEADING_GROUP_REVIEW_REQUIRED', message: '拟不公开的政策性文件须经领导小组审核，请登记审核意见' }]);
    expect(codes(passCheckProblems({ ...f, leadingGroupReview: '  ' }))).toEqual(['LEADING_GROUP_REVIEW_REQUIRED']);
    expect(passCheckProblems({ ...f, leadingGroupReview: '领导小组2026年第3次会议同意' })).toEqual([]);
  });

  it('ATTR-8: not for a proactive policy document, nor for a non-policy document kept non-public', () => {
    expect(passCheckProblems(facts({ policyLevel: 'important', interpretationPlan: PLAN }))).toEqual([]);
    expect(passCheckProblems(facts({ attribute: 'not_disclosed', attributeReason: '内部事务' }))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('opinionProblems: consultations before the review opinion (SEC-7, SEC-8, LAW-32, LAW-34, PUB-4)', () => {
  const withC = (...cs: ConsultationFacts[]) => facts({ state: 'secrecy_review', conclusion: null, consultations: cs });

  it('no consultations: every conclusion is open', () => {
    for (const c of Object.keys(CONCLUSIONS) as (keyof typeof CONCLUSIONS)[]) expect(opinionProblems(withC(), c)).toEqual([]);
  });

  it('SEC-7, LAW-34: a co-maker still within its term blocks every opinion, naming it', () => {
    for (const conclusion of ['proactive', 'on_application', 'exempt'] as const) {
      expect(opinionProblems(withC(consultation({ party: '市财政局' })), conclusion)).toEqual([
        { code: 'CONSULTATION_PENDING', message: '尚在等待“市财政局”的意见（《中华人民共和国政府信息公开条例》第三十四条）' },
      ]);
    }
  });

  it('LAW-32: a third party still within its term blocks too, citing LAW-32', () => {
    expect(opinionProblems(withC(consultation({ kind: 'third_party', party: '某人力资源公司' })), 'proactive')).toEqual([
      { code: 'CONSULTATION_PENDING', message: '尚在等待“某人力资源公司”的意见（《中华人民共和国政府信息公开条例》第三十二条）' },
    ]);
  });

  it('LAW-34: a co-maker silent past its 15 working days has consented', () => {
    expect(opinionProblems(withC(consultation({ expired: true })), 'proactive')).toEqual([]);
  });

  it('LAW-32: after a third party\'s term the agency decides', () => {
    expect(opinionProblems(withC(consultation({ kind: 'third_party', expired: true })), 'proactive')).toEqual([]);
  });

  it('SEC-7: a co-maker\'s refusal blocks a proactive opinion but not a non-public one', () => {
    const refused = consultation({ answer: 'refuse' });
    expect(opinionProblems(withC(refused), 'proactive')).toEqual([{ code: 'JOINT_CONSENT_REFUSED', message: '联合制作单位“市财政局”不同意公开' }]);
    expect(opinionProblems(withC(refused), 'on_application')).toEqual([]);
    expect(opinionProblems(withC(refused), 'exempt')).toEqual([]);
    expect(opinionProblems(withC(consultation({ answer: 'consent' })), 'proactive')).toEqual([]);
  });

  it('LAW-32, PUB-4: a third party\'s refusal blocks a proactive opinion unless a public-interest reason overrides it', () => {
    const refused = consultation({ kind: 'third_party', party: '某企业', answer: 'refuse' });
    const [p, ...rest] = opinionProblems(withC(refused), 'proactive');
    expect(rest).toEqual([]);
    expect(p!.code).toBe('THIRD_PARTY_REFUSED');
    expect(p!.message).toContain('第三方“某企业”不同意公开');
    expect(p!.message).toContain('《中华人民共和国政府信息公开条例》第三十二条');
    expect(codes(opinionProblems(withC({ ...refused, overrideReason: '   ' }), 'proactive'))).toEqual(['THIRD_PARTY_REFUSED']);
    expect(opinionProblems(withC({ ...refused, overrideReason: '涉及众多职工社保权益，公共利益重大' }), 'proactive')).toEqual([]);
    expect(opinionProblems(withC(refused), 'on_application')).toEqual([]);
  });

  it('SEC-8: the referral to the secrecy authority is not a consultation that blocks the opinion', () => {
    expect(opinionProblems(withC(consultation({ kind: 'referral', party: '保密行政管理部门' })), 'proactive')).toEqual([]);
    expect(opinionProblems(withC(consultation({ kind: 'referral', answer: 'refuse' })), 'proactive')).toEqual([]);
  });

  it('reports every consultation in the way', () => {
    const got = opinionProblems(withC(
      consultation({ party: '市财政局' }),
      consultation({ party: '市医疗保障局', answer: 'refuse' }),
      consultation({ kind: 'third_party', party: '某企业', answer: 'refuse' }),
      consultation({ party: '市税务局', answer: 'consent' }),
    ), 'proactive');
    expect(codes(got)).toEqual(['CONSULTATION_PENDING', 'JOINT_CONSENT_REFUSED', 'THIRD_PARTY_REFUSED']);
  });
});

describe('approveProblems: before the leader signs (SEC-2, SEC-3, SEC-4, SEC-5, SEC-6)', () => {
  const ready = facts({ state: 'leader_approval' });

  it('a reviewed item without open findings may be approved', () => {
    expect(approveProblems(ready)).toEqual([]);
  });

  it('SEC-5: no review conclusion, or only 需报审, is no conclusion', () => {
    for (const conclusion of [null, 'refer'] as const) {
      expect(approveProblems({ ...ready, conclusion })).toEqual([{ code: 'SECRECY_OPINION_REQUIRED', message: '尚无保密审查结论' }]);
    }
    for (const conclusion of ['proactive', 'on_application', 'exempt'] as const) expect(approveProblems({ ...ready, conclusion })).toEqual([]);
  });

  it('SEC-2, SEC-6: open findings of the sensitive-content check block approval, counted', () => {
    expect(approveProblems({ ...ready, openFindings: 2 })).toEqual([
      { code: 'FINDINGS_OPEN', message: '敏感信息检查还有 2 处未处理：须删除或说明理由后接受' },
    ]);
  });

  it('SEC-3, SEC-4: a major item needs the collective decision', () => {
    expect(approveProblems({ ...ready, major: true })).toEqual([
      { code: 'COLLECTIVE_DECISION_REQUIRED', message: '重大事项须经局务会或党组会研究，请登记会议决定' },
    ]);
    expect(codes(approveProblems({ ...ready, major: true, collectiveDecision: ' ' }))).toEqual(['COLLECTIVE_DECISION_REQUIRED']);
    expect(approveProblems({ ...ready, major: true, collectiveDecision: '2026年第12次局务会研究同意' })).toEqual([]);
    expect(approveProblems({ ...ready, major: false, collectiveDecision: '' })).toEqual([]);
  });

  it('all three at once', () => {
    expect(codes(approveProblems({ ...ready, conclusion: null, openFindings: 1, major: true }))).toEqual([
      'SECRECY_OPINION_REQUIRED', 'FINDINGS_OPEN', 'COLLECTIVE_DECISION_REQUIRED',
    ]);
  });
});

describe('publishProblems (PUB-5, PUB-6)', () => {
  it('a proactive conclusion with a channel may be published', () => {
    expect(publishProblems(facts({ conclusion: 'proactive', channels: ['platform', 'website'] }))).toEqual([]);
  });

  it('PUB-6: only what the review concluded proactive is published, whatever the drafter proposed', () => {
    for (const conclusion of [null, 'refer', 'on_application', 'exempt'] as const) {
      expect(publishProblems(facts({ attribute: 'proactive', conclusion }))).toEqual([{ code: 'NOT_PROACTIVE', message: '审查结论不是主动公开，不能发布' }]);
    }
  });

  it('PUB-5: at least one channel', () => {
    expect(publishProblems(facts({ channels: [] }))).toEqual([{ code: 'CHANNEL_REQUIRED', message: '请至少选择一个发布渠道' }]);
    expect(codes(publishProblems(facts({ conclusion: 'exempt', channels: [] })))).toEqual(['NOT_PROACTIVE', 'CHANNEL_REQUIRED']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('what the review settles and what gets printed (SEC-5, ATTR-5, ATTR-7, CAT-1)', () => {
  it('SEC-5: finalAttribute — 免予公开 is 不予公开; 需报审 and no opinion settle nothing', () => {
    expect(finalAttribute('proactive')).toBe('proactive');
    expect(finalAttribute('on_application')).toBe('on_application');
    expect(finalAttribute('exempt')).toBe('not_disclosed');
    expect(finalAttribute('refer')).toBeNull();
    expect(finalAttribute(null)).toBeNull();
  });

  it('ATTR-5: the colophon mark of each attribute', () => {
    expect(colophonMark('proactive')).toBe('（此件主动公开）');
    expect(colophonMark('on_application')).toBe('（此件依申请公开）');
    expect(colophonMark('not_disclosed')).toBe('（此件不予公开）');
  });

  it('ATTR-7: one paper copy for the reading points, ten for a policy document', () => {
    expect(requiredPaperCopies('none')).toBe(1);
    expect(requiredPaperCopies('normative')).toBe(10);
    expect(requiredPaperCopies('important')).toBe(10);
  });

  it('CAT-1: the index number in the default format {orgCode}/{year}-{seq:5}', () => {
    expect(formatIndexNumber('{orgCode}/{year}-{seq:5}', { orgCode: 'RSJ', year: 2026, seq: 12 })).toBe('RSJ/2026-00012');
    expect(formatIndexNumber('{orgCode}/{year}-{seq:5}', { orgCode: 'YBJ', year: 2027, seq: 1 })).toBe('YBJ/2027-00001');
  });

  it('CAT-1: other formats — widths, no width, a sequence longer than its width, repeated and literal parts', () => {
    expect(formatIndexNumber('{orgCode}-{year}-{seq:3}', { orgCode: 'RSJ', year: 2026, seq: 7 })).toBe('RSJ-2026-007');
    expect(formatIndexNumber('{year}{seq}', { orgCode: 'RSJ', year: 2026, seq: 42 })).toBe('202642');
    expect(formatIndexNumber('{orgCode}/{year}-{seq:5}', { orgCode: 'RSJ', year: 2026, seq: 123456 })).toBe('RSJ/2026-123456');
    expect(formatIndexNumber('11130200MB0{orgCode}/{orgCode}-{year}-{seq:4}', { orgCode: 'R', year: 2026, seq: 5 })).toBe('11130200MB0R/R-2026-0005');
    expect(formatIndexNumber('固定前缀', { orgCode: 'RSJ', year: 2026, seq: 5 })).toBe('固定前缀');
  });
});

describe('published files: secrecy marks, settlements the re-scan relies on, no dead end (SEC-2, SEC-6, SEC-10)', () => {
  it('SEC-6: a secrecy mark is never accepted with a reason nor removed; only recorded as not a mark, with a reason', () => {
    expect(resolutionProblems('secrecy_mark', 'accepted', '已解密').map((p) => p.code)).toEqual(['SECRECY_MARK_BLOCKS']);
    expect(resolutionProblems('secrecy_mark', 'removed', '').map((p) => p.code)).toEqual(['SECRECY_MARK_BLOCKS']);
    expect(resolutionProblems('secrecy_mark', 'not_a_mark', ' ').map((p) => p.code)).toEqual(['REASON_REQUIRED']);
    expect(resolutionProblems('secrecy_mark', 'not_a_mark', '引用保密制度条文')).toEqual([]);
    expect(resolutionProblems('mobile', 'not_a_mark', '理由').map((p) => p.code)).toEqual(['NOT_A_SECRECY_FINDING']);
    expect(resolutionProblems('mobile', 'accepted', '').map((p) => p.code)).toEqual(['REASON_REQUIRED']);
    expect(resolutionProblems('mobile', 'removed', '')).toEqual([]);
  });

  it('SEC-6: a marked item is approved only as 免予公开, and never published', () => {
    expect(approveProblems(facts({ secrecyMarks: 1 })).map((p) => p.code)).toEqual(['SECRECY_MARKED']);
    expect(approveProblems(facts({ secrecyMarks: 1, conclusion: 'on_application' })).map((p) => p.code)).toEqual(['SECRECY_MARKED']);
    expect(approveProblems(facts({ secrecyMarks: 1, conclusion: 'exempt' }))).toEqual([]);
    expect(publishProblems(facts({ secrecyMarks: 1 })).map((p) => p.code)).toEqual(['SECRECY_MARKED']);
  });

  it('SEC-2, SEC-10: the re-scan of a public copy lets through only what was kept with a reason or found not to be a mark', () => {
    const found = [
      { kind: 'landline', text: '0315-2826012' }, { kind: 'mobile', text: '13803158866' },
      { kind: 'secrecy_mark', text: '机密★1年' }, { kind: 'secrecy_mark', text: '内部资料' },
    ];
    const settled = [
      { kind: 'landline', text: '0315-2826012', status: 'accepted' as const },
      { kind: 'mobile', text: '13803158866', status: 'removed' as const },
      { kind: 'secrecy_mark', text: '机密★1年', status: 'accepted' as const },
      { kind: 'secrecy_mark', text: '内部资料', status: 'not_a_mark' as const },
    ];
    expect(unsettledInPublicCopy(found, settled).map((f) => f.text)).toEqual(['13803158866', '机密★1年']);
  });

  it('no dead end: in every state some role has something to do, and an approved item\'s files can be replaced or withdrawn by the office', () => {
    const everyone = new Set<Role>(ROLE_NAMES);
    const who = { isDrafter: true, isDeptHeadOfUnit: true };
    for (const state of ALL_STATES) {
      for (const attribute of ALL_ATTRIBUTES) {
        const moves = [...availableActions(state, everyone, { ...who, attribute }), ...attachmentActions(state, everyone, who)];
        expect(moves.length, `${state}/${attribute}`).toBeGreaterThan(0);
      }
    }
    expect(attachmentActions('approved', new Set<Role>(['office']), who)).toEqual(['replace', 'withdraw']);
    expect(attachmentActions('approved', new Set<Role>(['drafter', 'leader']), who)).toEqual([]);
    expect(attachmentActions('draft', new Set<Role>(['drafter']), { ...who, isDrafter: false })).toEqual([]);
  });
});

describe('publishProblems: release coordination (COORD-1)', () => {
  it('COORD-1: an item concerning other agencies waits for each one’s written confirmation or the city office’s decision, and says which', () => {
    expect(publishProblems(facts({ pendingCoordination: ['示例市医疗保障局（待答复）'] }))).toEqual([
      { code: 'COORDINATION_PENDING', message: '涉及其他机关的信息须经其书面确认后发布，尚未办结：示例市医疗保障局（待答复）' },
    ]);
  });
});
