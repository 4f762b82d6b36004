import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../core/calendar.ts';
import { officialCalendarData } from '../../core/calendar.official.ts';
import { isRole } from '../org/org.rules.ts';
import {
  autoConfirmationMoment,
  needsConfirmation,
  ACTION_LABELS,
  APPLICANT_KINDS,
  CHANNELS,
  EXCESSIVE_PER_MONTH,
  OPEN_STATES,
  OUTCOME_KEYS,
  OUTCOMES,
  RECEIPT_RULE,
  REPEAT_SIMILARITY,
  REPLY_TYPES,
  REVIEW_KINDS,
  REVIEWERS,
  STATES,
  TRANSITIONS,
  feeByCount,
  feeByPages,
  isOrganisation,
  maskIdNumber,
  maskName,
  maskPhone,
  missingReviews,
  replyTypeOf,
  similarity,
  table3,
  transitionFor,
  type Action,
  type ApplicantKind,
  type Mover,
  type Outcome,
  type ReplyType,
  type ReviewKind,
  type State,
  type Table3Row,
} from './applications.rules.ts';

// ---------------------------------------------------------------------------------------
// LAW-49/50 table 3: the outcome rows, exactly as the national format (国办公开办函〔2021〕30号)
// lists them, in order, grouped 1/1/8/3/5/3.
// ---------------------------------------------------------------------------------------

/** [key, group, a phrase the row's label must carry (RULES.md wording), LAW-36 reply]. */
const TABLE3_ROWS: readonly [Outcome, string, RegExp, ReplyType][] = [
  ['granted', '予以公开', /^予以公开$/, 'provided'],
  ['partial', '部分公开', /^部分公开/, 'partial'],
  ['refused_state_secret', '不予公开', /国家秘密/, 'not_disclosed'],
  ['refused_law', '不予公开', /其他法律行政法规禁止公开/, 'not_disclosed'],
  ['refused_safety', '不予公开', /危及.三安全一稳定./, 'not_disclosed'],
  ['refused_third_party', '不予公开', /保护第三方合法权益/, 'not_disclosed'],
  ['refused_internal', '不予公开', /三类内部事务信息/, 'not_disclosed'],
  ['refused_process', '不予公开', /四类过程性信息/, 'not_disclosed'],
  ['refused_enforcement', '不予公开', /行政执法案卷/, 'not_disclosed'],
  // 行政查询事项 (工商、不动产登记资料等): LAW-36 "governed by a special law".
  ['refused_query', '不予公开', /行政查询事项/, 'special_law'],
  ['unable_not_held', '无法提供', /本机关不掌握/, 'not_held'],
  ['unable_create', '无法提供', /没有现成信息需要另行制作/, 'not_exist'],
  ['unable_unclear', '无法提供', /补正后申请内容仍不明确/, 'not_exist'],
  ['unprocessed_petition', '不予处理', /信访举报投诉类/, 'not_processed'],
  ['unprocessed_repeat', '不予处理', /重复申请/, 'repeat'],
  ['unprocessed_publication', '不予处理', /要求提供公开出版物/, 'not_processed'],
  ['unprocessed_excessive', '不予处理', /无正当理由大量反复申请/, 'not_processed'],
  ['unprocessed_confirm', '不予处理', /要求(行政机关)?确认或重新出具已获取信息/, 'not_processed'],
  ['other_no_correction', '其他处理', /逾期不补正/, 'closed'],
  ['other_no_fee', '其他处理', /逾期未(按收费通知要求)?缴纳?费/, 'closed'],
  ['other', '其他处理', /^其他$/, 'closed'],
];

describe('LAW-49/50 OUTCOMES: table 3 outcome rows', () => {
  it('has exactly the 21 rows of table 3, in the national order', () => {
    expect(OUTCOME_KEYS).toEqual(TABLE3_ROWS.map(([k]) => k));
    expect(OUTCOME_KEYS).toHaveLength(21);
    expect(Object.keys(OUTCOMES)).toEqual(OUTCOME_KEYS);
  });

  it('groups them 予以公开 1 / 部分公开 1 / 不予公开 8 / 无法提供 3 / 不予处理 5 / 其他处理 3', () => {
    const counts = new Map<string, number>();
    for (const k of OUTCOME_KEYS) counts.set(OUTCOMES[k].group, (counts.get(OUTCOMES[k].group) ?? 0) + 1);
    expect([...counts]).toEqual([
      ['予以公开', 1],
      ['部分公开', 1],
      ['不予公开', 8],
      ['无法提供', 3],
      ['不予处理', 5],
      ['其他处理', 3],
    ]);
  });

  it('keeps each group contiguous (the rows of a group follow one another)', () => {
    const groups = OUTCOME_KEYS.map((k) => OUTCOMES[k].group);
    const seen = new Set<string>();
    groups.forEach((g, i) => {
      if (i > 0 && groups[i - 1] !== g) expect(seen.has(g)).toBe(false);
      seen.add(g);
    });
  });

  it.each(TABLE3_ROWS)('%s is in group %s with the national label', (key, group, label) => {
    expect(OUTCOMES[key].group).toBe(group);
    expect(OUTCOMES[key].label).toMatch(label);
  });

  it('labels are unique', () => {
    const labels = OUTCOME_KEYS.map((k) => OUTCOMES[k].label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('部分公开 says that a partly disclosed application is counted only there', () => {
    expect(OUTCOMES.partial.label).toContain('只计这一情形');
  });

  it.each(TABLE3_ROWS)('LAW-36: %s is answered with a reply type (%s → %s)', (key, _group, _label, reply) => {
    expect(OUTCOMES[key].reply).toBe(reply);
    expect(Object.keys(REPLY_TYPES)).toContain(OUTCOMES[key].reply);
  });

  it('every 不予公开 reason except 行政查询事项 is a LAW-36 "not disclosed (with the reason)"', () => {
    const refused = OUTCOME_KEYS.filter((k) => OUTCOMES[k].group === '不予公开' && k !== 'refused_query');
    expect(refused).toHaveLength(7);
    for (const k of refused) expect(OUTCOMES[k].reply).toBe('not_disclosed');
  });

  it('every 其他处理 row ends the case (终止处理: LAW-30 逾期不补正, LAW-42 逾期未缴费)', () => {
    for (const k of OUTCOME_KEYS.filter((o) => OUTCOMES[o].group === '其他处理')) expect(OUTCOMES[k].reply).toBe('closed');
  });
});

describe('LAW-36 / LAW-37 REPLY_TYPES and replyTypeOf', () => {
  it('offers the seven LAW-36 replies, LAW-37 partial disclosure, not processed and closed', () => {
    expect(Object.keys(REPLY_TYPES).sort()).toEqual(
      ['already_public', 'provided', 'not_disclosed', 'not_exist', 'not_held', 'repeat', 'special_law', 'partial', 'not_processed', 'closed'].sort(),
    );
  });

  it('LAW-36 already public: 予以公开 of information already published is answered by saying where', () => {
    expect(replyTypeOf('granted', true)).toBe('already_public');
    expect(REPLY_TYPES.already_public).toContain('获取方式和途径');
  });

  it('予以公开 of information not yet public is 予以提供', () => {
    expect(replyTypeOf('granted', false)).toBe('provided');
  });

  it.each(OUTCOME_KEYS.filter((k) => k !== 'granted'))('%s keeps its own reply type whether or not the information is already public', (k) => {
    expect(replyTypeOf(k, false)).toBe(OUTCOMES[k].reply);
    expect(replyTypeOf(k, true)).toBe(OUTCOMES[k].reply);
  });

  it('every reply type but already_public is the reply of at least one outcome row', () => {
    const used = new Set<ReplyType>(OUTCOME_KEYS.map((k) => OUTCOMES[k].reply));
    expect(Object.keys(REPLY_TYPES).filter((r) => !used.has(r as ReplyType))).toEqual(['already_public']);
  });
});

// ---------------------------------------------------------------------------------------
// LAW-49/50 table 3 columns
// ---------------------------------------------------------------------------------------

describe('LAW-49/50 APPLICANT_KINDS: table 3 columns', () => {
  it('are 自然人 and the five 法人或其他组织 subtypes, in the national order', () => {
    expect(Object.entries(APPLICANT_KINDS)).toEqual([
      ['natural', '自然人'],
      ['commercial', '商业企业'],
      ['research', '科研机构'],
      ['public_welfare', '社会公益组织'],
      ['legal_services', '法律服务机构'],
      ['other_org', '其他'],
    ]);
  });

  it('isOrganisation: 自然人 is not an organisation', () => {
    expect(isOrganisation('natural')).toBe(false);
  });

  it.each(['commercial', 'research', 'public_welfare', 'legal_services', 'other_org'] as ApplicantKind[])('isOrganisation: %s is 法人或其他组织', (k) => {
    expect(isOrganisation(k)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------
// APP-1, LAW-31: channels and receipt day
// ---------------------------------------------------------------------------------------

describe('APP-1 / LAW-31 / APP-5 channels and receipt day', () => {
  it('APP-1: letter, fax, in person, e-mail and online are all accepted, plus APP-5 transfers', () => {
    expect(Object.keys(CHANNELS).sort()).toEqual(['email', 'fax', 'letter_ordinary', 'letter_registered', 'online', 'transfer', 'visit'].sort());
  });

  it('every channel states its receipt rule', () => {
    expect(Object.keys(RECEIPT_RULE).sort()).toEqual(Object.keys(CHANNELS).sort());
  });

  it.each([
    ['visit', '提交之日'],
    ['letter_registered', '签收之日'],
    ['letter_ordinary', '与申请人确认之日'],
    ['email', '双方确认之日'],
    ['online', '双方确认之日'],
    ['fax', '双方确认之日'],
    ['transfer', '转交之日'],
  ] as const)('LAW-31: %s → %s', (channel, phrase) => {
    expect(RECEIPT_RULE[channel]).toContain(phrase);
  });
});

// ---------------------------------------------------------------------------------------
// The workflow's transition table (DESIGN: explicit state machine)
// ---------------------------------------------------------------------------------------

const ALL_STATES = Object.keys(STATES) as State[];
const ALL_ACTIONS = Object.keys(ACTION_LABELS) as Action[];
const OPEN: State[] = ['unconfirmed', 'received', 'handling', 'awaiting_reasons', 'awaiting_correction', 'awaiting_fee', 'reviewing'];
const CLOSED: State[] = ['replied', 'closed', 'withdrawn'];

/** The whole table, written out: [from, action, movers, to]. */
const EXPECTED: readonly [State, Action, Mover[], State][] = [
  ['unconfirmed', 'confirm_receipt', ['office'], 'received'], // LAW-31 both sides confirm on a working day
  ['awaiting_fee', 'fee_notice_received', ['office'], 'awaiting_fee'], // LAW-42 the 20 working days start
  ['received', 'ask_reasons', ['office'], 'awaiting_reasons'], // LAW-35
  ['handling', 'ask_reasons', ['office'], 'awaiting_reasons'], // LAW-35
  ['awaiting_reasons', 'record_reasons', ['office'], 'awaiting_reasons'], // LAW-35
  ['awaiting_reasons', 'reasons_unreasonable', ['office'], 'handling'], // LAW-35 → 不予处理 reply
  ['awaiting_reasons', 'reasons_reasonable', ['office'], 'handling'], // LAW-35 longer term
  ['unconfirmed', 'withdraw', ['applicant'], 'withdrawn'],
  ['awaiting_reasons', 'withdraw', ['applicant'], 'withdrawn'],
  ['received', 'assign', ['office'], 'handling'], // ORG-1 the office hands it to the department
  ['handling', 'assign', ['office'], 'handling'], // a case corrected before assignment, or re-assigned (ORG-4)
  ['received', 'request_correction', ['office'], 'awaiting_correction'], // LAW-30
  ['handling', 'request_correction', ['office'], 'awaiting_correction'], // LAW-30
  ['awaiting_correction', 'correct', ['applicant', 'office'], 'handling'], // LAW-30 term restarts
  ['awaiting_correction', 'close_no_correction', ['office'], 'closed'], // LAW-30 abandoned
  ['handling', 'notify_fee', ['office'], 'awaiting_fee'], // LAW-42
  ['awaiting_fee', 'fee_paid', ['office'], 'handling'], // LAW-42
  ['awaiting_fee', 'close_no_fee', ['office'], 'closed'], // LAW-42 abandoned
  ['handling', 'draft_reply', ['drafter', 'office'], 'reviewing'], // ORG-3
  ['reviewing', 'return_reply', ['office', 'leader'], 'handling'],
  ['reviewing', 'approve_reply', ['leader'], 'replied'], // PUB-6 the leader signs off
  ['received', 'withdraw', ['applicant'], 'withdrawn'],
  ['handling', 'withdraw', ['applicant'], 'withdrawn'],
  ['awaiting_correction', 'withdraw', ['applicant'], 'withdrawn'],
  ['awaiting_fee', 'withdraw', ['applicant'], 'withdrawn'],
  ['reviewing', 'withdraw', ['applicant'], 'withdrawn'],
];

const PAIRS = ALL_STATES.flatMap((s) => ALL_ACTIONS.map((a) => [s, a] as const));

describe('applications workflow: transition table', () => {
  it('knows ten states, seven of them open (LAW-31 待确认, LAW-35 待说明理由)', () => {
    expect(ALL_STATES).toHaveLength(10);
    expect([...OPEN_STATES]).toEqual(OPEN);
    expect(ALL_STATES.filter((s) => !OPEN_STATES.includes(s))).toEqual(CLOSED);
  });

  it('knows seventeen actions, each with a Chinese label', () => {
    expect(ALL_ACTIONS.sort()).toEqual(
      ['assign', 'request_correction', 'correct', 'close_no_correction', 'notify_fee', 'fee_paid', 'close_no_fee', 'draft_reply', 'return_reply', 'approve_reply', 'withdraw',
        'confirm_receipt', 'fee_notice_received', 'ask_reasons', 'record_reasons', 'reasons_unreasonable', 'reasons_reasonable'].sort(),
    );
    for (const a of ALL_ACTIONS) expect(ACTION_LABELS[a]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('holds exactly the listed transitions, no more, no fewer', () => {
    const norm = (t: { from: State; action: Action; by: readonly Mover[]; to: State }) => `${t.from}|${t.action}|${[...t.by].sort().join(',')}|${t.to}`;
    expect(TRANSITIONS.map(norm).sort()).toEqual(EXPECTED.map(([from, action, by, to]) => norm({ from, action, by, to })).sort());
  });

  it('has at most one transition per (state, action)', () => {
    const keys = TRANSITIONS.map((t) => `${t.from}|${t.action}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(PAIRS)('transitionFor(%s, %s) is the listed one or none', (from, action) => {
    const want = EXPECTED.find(([f, a]) => f === from && a === action);
    const got = transitionFor(from, action);
    if (!want) {
      expect(got).toBeUndefined();
      return;
    }
    expect(got).toBeDefined();
    expect(got!.to).toBe(want[3]);
    expect([...got!.by].sort()).toEqual([...want[2]].sort());
  });

  it('every mover is a known role or the applicant', () => {
    for (const t of TRANSITIONS) for (const m of t.by) expect(m === 'applicant' || isRole(m)).toBe(true);
  });

  it('every transition uses a labelled action and a known state', () => {
    for (const t of TRANSITIONS) {
      expect(ALL_ACTIONS).toContain(t.action);
      expect(ALL_STATES).toContain(t.from);
      expect(ALL_STATES).toContain(t.to);
    }
  });

  it('every action is used by at least one transition', () => {
    expect(new Set(TRANSITIONS.map((t) => t.action))).toEqual(new Set(ALL_ACTIONS));
  });

  it.each(OPEN)('withdraw: the applicant may withdraw from open state %s', (s) => {
    expect(transitionFor(s, 'withdraw')).toMatchObject({ to: 'withdrawn', by: ['applicant'] });
  });

  it.each(CLOSED)('withdraw: no withdrawal from closed state %s', (s) => {
    expect(transitionFor(s, 'withdraw')).toBeUndefined();
  });

  it.each(CLOSED)('closed state %s is terminal: no action leaves it', (s) => {
    expect(TRANSITIONS.filter((t) => t.from === s)).toEqual([]);
  });

  it.each(OPEN)('open state %s can be left (no dead end)', (s) => {
    expect(TRANSITIONS.some((t) => t.from === s)).toBe(true);
  });

  it('every state is reachable from unconfirmed, and every open state can reach replied', () => {
    const reach = (start: State) => {
      const seen = new Set<State>([start]);
      const queue: State[] = [start];
      while (queue.length) {
        const s = queue.shift()!;
        for (const t of TRANSITIONS) if (t.from === s && !seen.has(t.to)) (seen.add(t.to), queue.push(t.to));
      }
      return seen;
    };
    expect(reach('unconfirmed')).toEqual(new Set(ALL_STATES));
    for (const s of OPEN) expect(reach(s).has('replied')).toBe(true);
  });

  it('the applicant can only correct and withdraw', () => {
    const byApplicant = new Set(TRANSITIONS.filter((t) => t.by.includes('applicant')).map((t) => t.action));
    expect(byApplicant).toEqual(new Set(['correct', 'withdraw']));
  });

  it('only the applicant withdraws', () => {
    for (const t of TRANSITIONS.filter((x) => x.action === 'withdraw')) expect(t.by).toEqual(['applicant']);
  });

  it('PUB-6: only the leader signs a reply; drafter and office cannot', () => {
    expect(transitionFor('reviewing', 'approve_reply')?.by).toEqual(['leader']);
  });

  it('no transition reaches replied except approve_reply from reviewing (APP-6 review before reply)', () => {
    expect(TRANSITIONS.filter((t) => t.to === 'replied').map((t) => `${t.from}|${t.action}`)).toEqual(['reviewing|approve_reply']);
  });

  it('LAW-30 / LAW-42: the abandonment closes go to closed, the matching 其他处理 rows end the case', () => {
    expect(transitionFor('awaiting_correction', 'close_no_correction')?.to).toBe('closed');
    expect(transitionFor('awaiting_fee', 'close_no_fee')?.to).toBe('closed');
    expect(OUTCOMES.other_no_correction.reply).toBe('closed');
    expect(OUTCOMES.other_no_fee.reply).toBe('closed');
  });

  it('LAW-30: a correction is only asked before the reply is drafted', () => {
    const from = TRANSITIONS.filter((t) => t.action === 'request_correction').map((t) => t.from).sort();
    expect(from).toEqual(['handling', 'received']);
  });

  it('LAW-42: a fee notice is only sent while handling', () => {
    expect(TRANSITIONS.filter((t) => t.action === 'notify_fee').map((t) => t.from)).toEqual(['handling']);
  });
});

// ---------------------------------------------------------------------------------------
// APP-6 reviews
// ---------------------------------------------------------------------------------------

describe('APP-6 missingReviews', () => {
  const ALL: ReviewKind[] = ['confidentiality', 'legality', 'opinion_risk'];

  it('the three reviews are 保密审查, 合法性审查, 舆情风险评估', () => {
    expect(REVIEW_KINDS).toEqual({ confidentiality: '保密审查', legality: '合法性审查', opinion_risk: '舆情风险评估' });
  });

  it('with none done, all three are missing, in order', () => {
    expect(missingReviews([])).toEqual(ALL);
  });

  it('with all done, none is missing', () => {
    expect(missingReviews(ALL)).toEqual([]);
    expect(missingReviews(['opinion_risk', 'confidentiality', 'legality'])).toEqual([]);
  });

  it.each(ALL)('with only %s done, the other two are missing', (done) => {
    expect(missingReviews([done])).toEqual(ALL.filter((k) => k !== done));
  });

  it.each(ALL)('with all but %s done, exactly that one is missing', (missing) => {
    expect(missingReviews(ALL.filter((k) => k !== missing))).toEqual([missing]);
  });

  it('a review recorded twice still counts once', () => {
    expect(missingReviews(['legality', 'legality'])).toEqual(['confidentiality', 'opinion_risk']);
  });

  it('each review has a reviewer role: 保密审查 by the confidentiality reviewer (SEC-4/5)', () => {
    expect(REVIEWERS).toEqual({ confidentiality: 'secrecy_reviewer', legality: 'office', opinion_risk: 'opinion_lead' });
    for (const r of Object.values(REVIEWERS)) expect(isRole(r)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------
// LAW-42 fees (国办函〔2020〕109号)
// ---------------------------------------------------------------------------------------

describe('LAW-42 feeByCount: per applicant per natural month', () => {
  it.each([
    [1, 0],
    [5, 0],
    [10, 0], // ≤10 free
    [11, 100],
    [20, 100],
    [30, 100], // 11–30 ¥100 each
    [31, 200],
    [35, 200],
    [40, 200], // 31–40 ¥200
    [41, 300],
    [50, 300], // 41–50 ¥300
    [51, 400],
    [60, 400],
    [61, 500],
    [100, 800],
  ])('the %ith application this month costs ¥%i', (n, fee) => {
    expect(feeByCount(n)).toBe(fee);
  });

  it('no fee for a first application (0 or 1)', () => {
    expect(feeByCount(0)).toBe(0);
    expect(feeByCount(1)).toBe(0);
  });

  it('never decreases as the count rises, and rises by ¥100 at each tier step', () => {
    for (let n = 1; n < 200; n++) {
      const step = feeByCount(n + 1) - feeByCount(n);
      expect(step === 0 || step === 100).toBe(true);
      if (n >= 30) expect(step).toBe(n % 10 === 0 ? 100 : 0);
    }
  });

  it('LAW-35: the excessive threshold is where the free tier ends', () => {
    expect(EXCESSIVE_PER_MONTH).toBe(10);
    expect(feeByCount(EXCESSIVE_PER_MONTH)).toBe(0);
    expect(feeByCount(EXCESSIVE_PER_MONTH + 1)).toBeGreaterThan(0);
  });
});

describe('LAW-42 feeByPages: per application, stepped per page', () => {
  it.each([
    [0, 0],
    [1, 0],
    [30, 0], // ≤30 free
    [31, 10], // 1 page at ¥10
    [50, 200], // 20 × 10
    [100, 700], // 70 × 10
    [101, 720], // 700 + 1 × 20
    [200, 2700], // 700 + 100 × 20
    [201, 2740], // 2700 + 1 × 40
    [250, 4700], // 70 × 10 + 100 × 20 + 50 × 40
    [1000, 34700], // 2700 + 800 × 40
  ])('LAW-42: %i pages cost ¥%i', (pages, fee) => {
    expect(feeByPages(pages)).toBe(fee);
  });

  it('never decreases as pages rise', () => {
    for (let p = 0; p < 400; p++) expect(feeByPages(p + 1)).toBeGreaterThanOrEqual(feeByPages(p));
  });
});

// ---------------------------------------------------------------------------------------
// 不予处理: 重复申请 — similarity
// ---------------------------------------------------------------------------------------

describe('重复申请 similarity / REPEAT_SIMILARITY', () => {
  it('threshold is 0.6', () => {
    expect(REPEAT_SIMILARITY).toBe(0.6);
  });

  it.each([
    ['请公开本局2023年度行政处罚决定书全文', '申请公开本局2023年度行政处罚决定书全文。'],
    ['请求公开2023年度本市城镇职工基本养老保险基金收支情况', '申请公开：2023年度本市城镇职工基本养老保险基金的收支情况。'],
  ])('a reworded repeat scores ≥ 0.6: %s / %s', (a, b) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(REPEAT_SIMILARITY);
  });

  it.each([
    ['请公开2023年度本市城镇职工基本养老保险基金收支情况', '请公开2023年本市失业保险稳岗返还资金发放名单'],
    ['申请公开本局2024年工伤认定决定书', '请公开某公司劳动保障监察案件处理结果'],
    ['请公开本局2023年部门预算', '请提供人才引进补贴的申领条件和办理流程'],
  ])('different requests score < 0.6: %s / %s', (a, b) => {
    expect(similarity(a, b)).toBeLessThan(REPEAT_SIMILARITY);
  });

  it('identical text scores 1', () => {
    expect(similarity('请公开本局2023年部门预算', '请公开本局2023年部门预算')).toBe(1);
  });

  it('is symmetric and lies in [0, 1]', () => {
    const texts = ['请公开本局2023年部门预算', '申请公开本局2023年部门决算。', '人才引进补贴名单', ''];
    for (const a of texts)
      for (const b of texts) {
        const s = similarity(a, b);
        expect(s).toBe(similarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }
  });

  it('empty strings score 0', () => {
    expect(similarity('', '')).toBe(0);
    expect(similarity('', '请公开本局2023年部门预算')).toBe(0);
    expect(similarity('请公开本局2023年部门预算', '')).toBe(0);
  });

  it('a single character has no bigram and scores 0', () => {
    expect(similarity('税', '税')).toBe(0);
  });

  it('punctuation and whitespace are ignored', () => {
    const plain = '请公开本局2023年部门预算';
    expect(similarity('请公开，本局2023年部门预算。', plain)).toBe(1);
    expect(similarity('请公开《本局2023年部门预算》！', plain)).toBe(1);
    expect(similarity('请公开“本局2023年部门预算”？', plain)).toBe(1);
    expect(similarity('请公开：本局（2023年）部门预算；', plain)).toBe(1);
    expect(similarity('请公开、本局 2023年 部门预算', plain)).toBe(1);
    expect(similarity('请公开,本局(2023年)部门预算.!?;:"\'', plain)).toBe(1);
  });

  it('text made only of punctuation scores 0', () => {
    expect(similarity('，。！？', '，。！？')).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------
// Masking of applicants' personal data (DESIGN.md)
// ---------------------------------------------------------------------------------------

describe('masking personal data', () => {
  describe('maskIdNumber', () => {
    it('an 18-digit ID keeps the first 4 and last 4, hiding the birth date', () => {
      const masked = maskIdNumber('110105199003071234');
      expect(masked).toBe('1101**********1234');
      expect(masked).not.toContain('19900307');
    });

    it('a trailing X check digit is kept as one of the last 4', () => {
      expect(maskIdNumber('11010519900307123X')).toBe('1101**********123X');
    });

    it('a 15-digit (old) ID keeps 4 + 4', () => {
      expect(maskIdNumber('110105900307123')).toBe('1101*******7123');
    });

    it('keeps the length', () => {
      for (const id of ['110105199003071234', 'E12345678', '123456789', '12']) expect(maskIdNumber(id)).toHaveLength(id.length);
    });

    it('9 characters: one is hidden', () => {
      expect(maskIdNumber('E12345678')).toBe('E123*5678');
    });

    it.each(['12345678', '1234', '1', ''])('short input %j is hidden entirely', (id) => {
      expect(maskIdNumber(id)).toBe('*'.repeat(id.length));
    });
  });

  describe('maskPhone', () => {
    it('a mobile number keeps the first 3 and last 4', () => {
      expect(maskPhone('13812345678')).toBe('138****5678');
    });

    it('a landline with area code keeps the first 3 and last 4', () => {
      expect(maskPhone('031512345678')).toBe('031*****5678');
    });

    it.each(['123456', '12345', '1', ''])('short input %j is hidden entirely', (p) => {
      expect(maskPhone(p)).toBe('*'.repeat(p.length));
    });
    it('a 7-digit local number is not shown in full', () => {
      const masked = maskPhone('8123456');
      expect(masked).not.toBe('8123456');
      expect(masked).toContain('*');
    });
  });

  describe('maskName', () => {
    it('张三 → 张*', () => {
      expect(maskName('张三')).toBe('张*');
    });

    it('keeps only the first character of a longer name', () => {
      expect(maskName('欧阳娜娜')).toBe('欧***');
      expect(maskName('李小明')).toBe('李**');
    });

    it('a one-character name is hidden entirely', () => {
      expect(maskName('张')).toBe('*');
    });

    it('an empty name gives a single star', () => {
      expect(maskName('')).toBe('*');
    });
    it('a surname outside the BMP is kept whole: 𠮷三 → 𠮷*', () => {
      expect(maskName('𠮷三')).toBe('𠮷*');
    });
  });
});

// ---------------------------------------------------------------------------------------
// LAW-49/50 table 3
// ---------------------------------------------------------------------------------------

type App = { kind: ApplicantKind; receivedAt: string; finishedAt: string | null; outcome: Outcome | null };
const KINDS = Object.keys(APPLICANT_KINDS) as ApplicantKind[];
const ROWS: Table3Row[] = ['new', 'carried_in', ...OUTCOME_KEYS, 'results_total', 'carried_out'];
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

/** A row of table 3: the given kinds' counts, everything else 0, with the total. */
function row(counts: Partial<Record<ApplicantKind, number>>): Record<ApplicantKind | 'total', number> {
  const r = Object.fromEntries(KINDS.map((k) => [k, counts[k] ?? 0])) as Record<ApplicantKind, number>;
  return { ...r, total: KINDS.reduce((s, k) => s + r[k], 0) };
}
const ZERO = row({});
const app = (kind: ApplicantKind, receivedAt: string, finishedAt: string | null, outcome: Outcome | null): App => ({ kind, receivedAt, finishedAt, outcome });

describe('LAW-49/50 table3', () => {
  it('has the rows 新收, 上年结转, the 21 outcomes, 办理结果总计, 结转下年, each with the six kinds and 总计', () => {
    const t = table3([], YEAR);
    expect(Object.keys(t.rows)).toEqual(ROWS);
    for (const r of ROWS) expect(Object.keys(t.rows[r]).sort()).toEqual([...KINDS, 'total'].sort());
  });

  it('an empty year is all zeros and the check holds 0 = 0', () => {
    const t = table3([], YEAR);
    for (const r of ROWS) expect(t.rows[r]).toEqual(ZERO);
    expect(t.check).toEqual({ ok: true, left: 0, right: 0 });
  });

  it('新收: received in the period and finished in it counts as new and under its outcome', () => {
    const t = table3([app('research', '2025-03-01', '2025-03-20', 'refused_internal')], YEAR);
    expect(t.rows.new).toEqual(row({ research: 1 }));
    expect(t.rows.carried_in).toEqual(ZERO);
    expect(t.rows.refused_internal).toEqual(row({ research: 1 }));
    expect(t.rows.results_total).toEqual(row({ research: 1 }));
    expect(t.rows.carried_out).toEqual(ZERO);
  });

  it('received on the first and the last day of the period is 新收', () => {
    const t = table3([app('natural', '2025-01-01', null, null), app('commercial', '2025-12-31', null, null)], YEAR);
    expect(t.rows.new).toEqual(row({ natural: 1, commercial: 1 }));
    expect(t.rows.carried_in).toEqual(ZERO);
  });

  it('上年结转: received before the period and still open at its start', () => {
    const t = table3([app('natural', '2024-12-20', '2025-01-10', 'granted'), app('legal_services', '2024-12-31', null, null)], YEAR);
    expect(t.rows.carried_in).toEqual(row({ natural: 1, legal_services: 1 }));
    expect(t.rows.new).toEqual(ZERO);
    expect(t.rows.granted).toEqual(row({ natural: 1 }));
    expect(t.rows.carried_out).toEqual(row({ legal_services: 1 }));
  });

  it('finished on the first day of the period still counts (carried in, then finished)', () => {
    const t = table3([app('natural', '2024-12-15', '2025-01-01', 'partial')], YEAR);
    expect(t.rows.carried_in).toEqual(row({ natural: 1 }));
    expect(t.rows.partial).toEqual(row({ natural: 1 }));
  });

  it('finished on the last day of the period counts as a result, not as 结转下年', () => {
    const t = table3([app('other_org', '2025-12-01', '2025-12-31', 'unable_not_held')], YEAR);
    expect(t.rows.unable_not_held).toEqual(row({ other_org: 1 }));
    expect(t.rows.carried_out).toEqual(ZERO);
  });

  it('finished before the period is ignored entirely', () => {
    const t = table3([app('natural', '2024-11-02', '2024-12-31', 'granted'), app('commercial', '2024-06-01', '2024-06-20', 'other')], YEAR);
    for (const r of ROWS) expect(t.rows[r]).toEqual(ZERO);
    expect(t.check).toEqual({ ok: true, left: 0, right: 0 });
  });

  it('received after the period is ignored entirely, finished or not', () => {
    const t = table3([app('natural', '2026-01-01', null, null), app('research', '2026-01-05', '2026-01-20', 'granted')], YEAR);
    for (const r of ROWS) expect(t.rows[r]).toEqual(ZERO);
  });

  it('结转下年: still open at the end of the period (not finished, or finished after it)', () => {
    const t = table3([app('natural', '2025-12-20', null, null), app('public_welfare', '2025-12-22', '2026-01-15', 'refused_third_party')], YEAR);
    expect(t.rows.new).toEqual(row({ natural: 1, public_welfare: 1 }));
    expect(t.rows.carried_out).toEqual(row({ natural: 1, public_welfare: 1 }));
    // The outcome it got next year is not counted this year.
    expect(t.rows.refused_third_party).toEqual(ZERO);
    expect(t.rows.results_total).toEqual(ZERO);
  });

  it('received before and still open after the period is both 上年结转 and 结转下年', () => {
    const t = table3([app('commercial', '2024-12-30', '2026-02-01', 'granted')], YEAR);
    expect(t.rows.carried_in).toEqual(row({ commercial: 1 }));
    expect(t.rows.carried_out).toEqual(row({ commercial: 1 }));
    expect(t.rows.results_total).toEqual(ZERO);
  });

  it.each(OUTCOME_KEYS)('outcome %s is counted in its own row and in 办理结果总计', (o) => {
    const t = table3([app('legal_services', '2025-05-01', '2025-05-20', o)], YEAR);
    for (const k of OUTCOME_KEYS) expect(t.rows[k]).toEqual(k === o ? row({ legal_services: 1 }) : ZERO);
    expect(t.rows.results_total).toEqual(row({ legal_services: 1 }));
  });

  it.each(KINDS)('applicant kind %s is counted in its own column and in 总计', (kind) => {
    const t = table3([app(kind, '2025-05-01', '2025-05-20', 'granted')], YEAR);
    expect(t.rows.new).toEqual(row({ [kind]: 1 }));
    expect(t.rows.granted).toEqual(row({ [kind]: 1 }));
  });

  it('works for a period shorter than a year (a quarter)', () => {
    const q2 = { from: '2025-04-01', to: '2025-06-30' };
    const t = table3(
      [app('natural', '2025-03-20', '2025-04-10', 'granted'), app('natural', '2025-05-01', '2025-07-02', 'granted'), app('natural', '2025-02-01', '2025-03-01', 'granted')],
      q2,
    );
    expect(t.rows.carried_in.total).toBe(1);
    expect(t.rows.new.total).toBe(1);
    expect(t.rows.granted.total).toBe(1);
    expect(t.rows.carried_out.total).toBe(1);
    expect(t.check).toEqual({ ok: true, left: 2, right: 2 });
  });

  describe('a realistic year (2025), written out by hand', () => {
    const apps: App[] = [
      app('natural', '2024-11-20', '2024-12-10', 'granted'), // A01 finished before: ignored
      app('natural', '2024-12-20', '2025-01-15', 'granted'), // A02 上年结转 → 予以公开
      app('commercial', '2024-12-28', '2025-01-20', 'partial'), // A03 上年结转 → 部分公开
      app('natural', '2024-12-30', '2026-01-08', 'refused_third_party'), // A04 上年结转 → 结转下年
      app('natural', '2025-01-06', '2025-01-24', 'granted'), // A05
      app('natural', '2025-02-10', '2025-03-05', 'unable_not_held'), // A06
      app('legal_services', '2025-03-03', '2025-03-28', 'refused_enforcement'), // A07
      app('research', '2025-04-15', '2025-05-09', 'granted'), // A08
      app('natural', '2025-05-20', '2025-06-10', 'unprocessed_petition'), // A09
      app('natural', '2025-06-02', '2025-06-03', 'unprocessed_repeat'), // A10
      app('public_welfare', '2025-07-07', '2025-08-01', 'refused_process'), // A11
      app('commercial', '2025-08-18', '2025-09-30', 'other_no_fee'), // A12
      app('other_org', '2025-09-01', '2025-10-20', 'other_no_correction'), // A13
      app('legal_services', '2025-10-10', '2025-10-30', 'unable_create'), // A14
      app('natural', '2025-11-03', '2025-11-28', 'partial'), // A15
      app('natural', '2025-12-15', null, null), // A16 新收 → 结转下年
      app('commercial', '2025-12-29', '2026-01-10', 'granted'), // A17 新收 → 结转下年
      app('natural', '2026-01-04', null, null), // A18 received after: ignored
    ];
    const t = table3(apps, YEAR);

    it('新收 = 13 (自然人 6, 商业企业 2, 科研机构 1, 社会公益组织 1, 法律服务机构 2, 其他 1)', () => {
      expect(t.rows.new).toEqual({ natural: 6, commercial: 2, research: 1, public_welfare: 1, legal_services: 2, other_org: 1, total: 13 });
    });

    it('上年结转 = 3 (自然人 2, 商业企业 1)', () => {
      expect(t.rows.carried_in).toEqual({ natural: 2, commercial: 1, research: 0, public_welfare: 0, legal_services: 0, other_org: 0, total: 3 });
    });

    it('outcome rows', () => {
      const want: Partial<Record<Outcome, Record<ApplicantKind | 'total', number>>> = {
        granted: row({ natural: 2, research: 1 }),
        partial: row({ natural: 1, commercial: 1 }),
        refused_enforcement: row({ legal_services: 1 }),
        refused_process: row({ public_welfare: 1 }),
        unable_not_held: row({ natural: 1 }),
        unable_create: row({ legal_services: 1 }),
        unprocessed_petition: row({ natural: 1 }),
        unprocessed_repeat: row({ natural: 1 }),
        other_no_correction: row({ other_org: 1 }),
        other_no_fee: row({ commercial: 1 }),
      };
      for (const o of OUTCOME_KEYS) expect(t.rows[o], o).toEqual(want[o] ?? ZERO);
      expect(t.rows.granted.total).toBe(3);
      expect(t.rows.partial.total).toBe(2);
    });

    it('办理结果总计 = 13 (自然人 6, 商业企业 2, 科研机构 1, 社会公益组织 1, 法律服务机构 2, 其他 1)', () => {
      expect(t.rows.results_total).toEqual({ natural: 6, commercial: 2, research: 1, public_welfare: 1, legal_services: 2, other_org: 1, total: 13 });
    });

    it('结转下年 = 3 (自然人 2, 商业企业 1)', () => {
      expect(t.rows.carried_out).toEqual({ natural: 2, commercial: 1, research: 0, public_welfare: 0, legal_services: 0, other_org: 0, total: 3 });
    });

    it('the check 新收 + 上年结转 = 办理结果总计 + 结转下年 holds: 13 + 3 = 13 + 3', () => {
      expect(t.check).toEqual({ ok: true, left: 16, right: 16 });
    });

    it('the check holds in every column too', () => {
      for (const k of [...KINDS, 'total'] as const) expect(t.rows.new[k] + t.rows.carried_in[k], k).toBe(t.rows.results_total[k] + t.rows.carried_out[k]);
    });

    it('the 总计 column equals the sum of the six kinds in every row', () => {
      for (const r of ROWS) expect(t.rows[r].total, r).toBe(KINDS.reduce((s, k) => s + t.rows[r][k], 0));
    });

    it('办理结果总计 equals the sum of the 21 outcome rows in every column', () => {
      for (const k of [...KINDS, 'total'] as const) expect(t.rows.results_total[k], k).toBe(OUTCOME_KEYS.reduce((s, o) => s + t.rows[o][k], 0));
    });

    it('does not depend on the order of the applications', () => {
      expect(table3([...apps].reverse(), YEAR)).toEqual(t);
    });
  });
  it('an application received during the last day of the period (a moment, not a date) is 新收', () => {
    const t = table3([app('natural', '2025-12-31T02:00:00.000Z', null, null)], YEAR);
    expect(t.rows.new).toEqual(row({ natural: 1 }));
  });

  it('an application finished during the last day of the period (a moment) is a result, not 结转下年', () => {
    const t = table3([app('natural', '2025-12-01T02:00:00.000Z', '2025-12-31T03:00:00.000Z', 'granted')], YEAR);
    expect(t.rows.granted).toEqual(row({ natural: 1 }));
    expect(t.rows.carried_out).toEqual(ZERO);
  });
});

// ---------------------------------------------------------------------------------------
// LAW-31: the receipt day of the confirmed channels
// ---------------------------------------------------------------------------------------

describe('LAW-31 confirmation', () => {
  const cal = buildCalendar({ official: officialCalendarData(), overrides: [], coveredYears: [] });

  it('LAW-31: online, e-mail and fax wait for both sides to confirm; post, visits and transfers do not', () => {
    expect((['online', 'email', 'fax'] as const).every(needsConfirmation)).toBe(true);
    expect((['visit', 'letter_registered', 'letter_ordinary', 'transfer'] as const).some(needsConfirmation)).toBe(false);
  });

  it.each([
    ['a fax on the eve of Labour Day 2026 (Thu 04-30 18:00)', '2026-04-30T18:00:00+08:00', '2026-05-05T16:00:00.000Z'], // Wed 05-06 00:00 Beijing
    ['an e-mail on Friday 2026-02-13 20:00, before make-up Saturday 02-14', '2026-02-13T20:00:00+08:00', '2026-02-13T16:00:00.000Z'],
    ['an online application on Saturday 2026-03-07', '2026-03-07T10:00:00+08:00', '2026-03-08T16:00:00.000Z'], // Mon 03-09
    ['one at 07:30 Beijing on Tuesday 2026-05-12 (23:30 UTC the day before)', '2026-05-11T23:30:00Z', '2026-05-12T16:00:00.000Z'], // Wed 05-13
  ])('LAW-31: automatic confirmation of %s falls at the start of the next working day', (_, arrived, moment) => {
    expect(autoConfirmationMoment(cal, arrived)).toBe(moment);
  });
});
