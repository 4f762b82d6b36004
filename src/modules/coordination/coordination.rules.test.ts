import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../core/calendar.ts';
import { officialCalendarData } from '../../core/calendar.official.ts';
import { computeDeadline, explainDeadline } from '../../core/deadline.ts';
import {
  answerProblems, answerTerm, availableActions, blockingRequests, COORD_RULE, decisionProblems, settledWording, stateLabel, transitionFor,
  type RequestFacts, type Side,
} from './coordination.rules.ts';

const cal = buildCalendar({ official: officialCalendarData(), overrides: [], coveredYears: [] });
const due = (startedAt: string, urgent: boolean, now = startedAt) => computeDeadline(cal, { rule: COORD_RULE, term: answerTerm(urgent), startedAt }, now);
const facts = (over: Partial<RequestFacts> = {}): RequestFacts => ({ state: 'awaiting', channel: 'platform', overdue: false, ...over });
const sides = (...s: Side[]) => new Set(s);

describe('COORD-1: the answer is due within 10 working days, the same day when urgent (RULES.md Deadlines)', () => {
  it('COORD-1: sent Tuesday 2025-09-30, the National Day holiday (10-01..08) is skipped and make-up Saturday 10-11 counts: due 2025-10-21', () => {
    const view = due('2025-09-30T10:00:00+08:00', false);
    expect(view.dueDate).toBe('2025-10-21');
    const said = explainDeadline(view);
    expect(said).toContain('2025-10-11（星期六）为调休工作日，计入期限');
    expect(said.at(-1)).toBe('依据《政府信息发布协调制度》，期限为10个工作日，截止于2025-10-21（星期二）24时');
  });

  it('COORD-1: sent Friday 2026-02-13, make-up Saturdays 02-14 and 02-28 count and the Spring Festival (02-15..23) is skipped: due 2026-03-05', () => {
    expect(due('2026-02-13T16:00:00+08:00', false).dueDate).toBe('2026-03-05');
  });

  it('COORD-1: an urgent request is answered the same day, even on a holiday, and is overdue the next morning', () => {
    const view = due('2026-10-02T09:30:00+08:00', true);
    expect(view.dueDate).toBe('2026-10-02');
    expect(Date.parse(view.dueAt)).toBe(Date.parse('2026-10-02T15:59:59.999Z'));
    expect(explainDeadline(view).at(-1)).toBe('依据《政府信息发布协调制度》，须当日办理，截止于2026-10-02（星期五）24时');
    expect(due('2026-10-02T09:30:00+08:00', true, '2026-10-03T08:00:00+08:00').state).toBe('overdue');
  });
});

describe('COORD-1: the request is an explicit state machine', () => {
  it('COORD-1: through the platform only the answering office answers; by letter the requesting office enters the answer', () => {
    expect(availableActions(facts(), sides('answering'))).toEqual(['agree', 'agree_with_changes', 'disagree']);
    expect(availableActions(facts(), sides('requesting'))).toEqual(['withdraw']);
    expect(availableActions(facts({ channel: 'letter' }), sides('requesting'))).toEqual(['agree', 'agree_with_changes', 'disagree', 'withdraw']);
    expect(availableActions(facts({ channel: 'letter' }), sides('answering'))).toEqual([]);
  });

  it('COORD-1: a proposed wording is adopted (agreed) or refused, which goes to the city office like a disagreement', () => {
    expect(transitionFor(facts(), 'agree_with_changes')?.to).toBe('changes_proposed');
    expect(availableActions(facts({ state: 'changes_proposed' }), sides('requesting'))).toEqual(['adopt_changes', 'reject_changes']);
    expect(transitionFor(facts({ state: 'changes_proposed' }), 'adopt_changes')?.to).toBe('agreed');
    expect(transitionFor(facts({ state: 'changes_proposed' }), 'reject_changes')?.to).toBe('referred');
    expect(transitionFor(facts(), 'disagree')?.to).toBe('referred');
  });

  it('COORD-1: the city office decides a referred request, or one left unanswered past its term, and nothing else', () => {
    expect(availableActions(facts({ state: 'referred' }), sides('city'))).toEqual(['decide']);
    expect(availableActions(facts(), sides('city'))).toEqual([]);
    expect(availableActions(facts({ overdue: true }), sides('city'))).toEqual(['decide']);
    expect(availableActions(facts({ state: 'agreed' }), sides('requesting', 'answering', 'city'))).toEqual([]);
    expect(stateLabel(facts({ overdue: true }))).toBe('逾期未答复，待市级协调');
  });

  it('COORD-1: an answer with changes proposes a different wording; a disagreement and a decision give reasons', () => {
    const ours = { ourWording: '由医保部门负责报销', proposedWording: '', opinion: '' };
    expect(answerProblems('agree', ours)).toEqual([]);
    expect(answerProblems('agree_with_changes', ours)[0]?.code).toBe('WORDING_REQUIRED');
    expect(answerProblems('agree_with_changes', { ...ours, proposedWording: ' 由医保部门负责报销 ' })[0]?.code).toBe('WORDING_UNCHANGED');
    expect(answerProblems('disagree', ours)[0]?.message).toBe('不同意的，请写明理由');
    expect(decisionProblems('as_proposed', '同意', false)[0]?.code).toBe('NO_PROPOSAL');
    expect(decisionProblems('as_drafted', ' ', false)[0]?.code).toBe('OPINION_REQUIRED');
  });
});

describe('COORD-1: publication waits until every request is agreed or decided', () => {
  const r = (over: Partial<Parameters<typeof blockingRequests>[0][number]>) => ({ answeringAgencyName: '示例市医疗保障局', state: 'awaiting' as const, decision: null, overdue: false, ...over });
  it('COORD-1: pending, proposed, referred and withheld requests block; agreed, withdrawn and decided-to-publish ones do not', () => {
    expect(blockingRequests([r({}), r({ state: 'changes_proposed' }), r({ state: 'referred' }), r({ overdue: true }), r({ state: 'decided', decision: 'withhold' })])).toEqual([
      '示例市医疗保障局（待答复）', '示例市医疗保障局（同意但提出修改意见）', '示例市医疗保障局（提请市政务公开主管部门协调）',
      '示例市医疗保障局（逾期未答复，待市政务公开主管部门协调）', '示例市医疗保障局（市政务公开主管部门决定暂不发布）',
    ]);
    expect(blockingRequests([r({ state: 'agreed' }), r({ state: 'withdrawn' }), r({ state: 'decided', decision: 'as_drafted' })])).toEqual([]);
  });

  it('COORD-1: the same content is worded the same: an adopted or decided proposal is the wording to publish', () => {
    const base = { ourWording: '甲', proposedWording: '乙', decision: null };
    expect(settledWording({ ...base, state: 'agreed' })).toBe('乙');
    expect(settledWording({ ...base, state: 'agreed', proposedWording: null })).toBe('甲');
    expect(settledWording({ ...base, state: 'decided', decision: 'as_drafted' })).toBe('甲');
    expect(settledWording({ ...base, state: 'decided', decision: 'as_proposed' })).toBe('乙');
  });
});
