/**
 * The pure rules of public-opinion cases (OP-1 … OP-5): vocabulary, the transition table, the
 * hour clocks in clock time Asia/Shanghai, the guards, and the normal forms duplicates are
 * found by.
 */
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../core/calendar.ts';
import { officialCalendarData } from '../../core/calendar.official.ts';
import { computeDeadline, explainDeadline, type DeadlineSpec } from '../../core/deadline.ts';
import {
  ACTION_LABELS, CLOCK_RULES, RESPONSE_FORMS, RISK_LEVELS, SOURCES, STATES, TRANSITIONS, assessProblems, availableActions, citeOpinionRule, clocksFor,
  clocksMetBy, feedbackProblems, isMajor, normaliseLink, normaliseText, registerProblems, reportProblems, respondProblems, transitionFor,
  type Action, type Actor, type RiskLevel, type State,
} from './opinion.rules.ts';

const ALL_STATES = Object.keys(STATES) as State[];
const ALL_ACTIONS = Object.keys(ACTION_LABELS) as Action[];
const ALL_LEVELS = Object.keys(RISK_LEVELS) as RiskLevel[];
const cal = buildCalendar({ official: officialCalendarData(), overrides: [], coveredYears: [] });
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('vocabulary (OP-1, OP-2, OP-3, OP-4)', () => {
  it('OP-1: the eight watched sources', () => {
    expect(Object.values(SOURCES)).toEqual(['政府网站', '网络论坛', '微博', '网上信访平台', '热线电话', '新闻跟帖', '报刊', '广播电视']);
  });
  it('OP-2: four risk levels, and only 重大 and 特别重大 are major', () => {
    expect(Object.values(RISK_LEVELS)).toEqual(['一般', '较大', '重大', '特别重大']);
    expect(ALL_LEVELS.filter(isMajor)).toEqual(['major', 'extraordinary']);
  });
  it('OP-3: the six states in order', () => {
    expect(Object.values(STATES)).toEqual(['登记', '研判', '转办', '回应', '反馈', '办结']);
  });
  it('OP-4: four forms of response', () => {
    expect(Object.values(RESPONSE_FORMS)).toEqual(['网上发布', '专家解读', '新闻发布会', '媒体采访']);
  });
});

describe('the workflow (OP-3, OP-4)', () => {
  /** Every (state, action) pair: the whole table, written out, so a change to it is a visible change here. */
  const EXPECTED: Record<State, Partial<Record<Action, [State, Actor[]]>>> = {
    registered: { assess: ['assessed', ['opinion_lead']], report_upward: ['registered', ['opinion_lead']] },
    assessed: { assess: ['assessed', ['opinion_lead']], transfer: ['transferred', ['opinion_lead']], report_upward: ['assessed', ['opinion_lead']] },
    transferred: {
      transfer: ['transferred', ['opinion_lead']], draft_response: ['transferred', ['responsible_unit']], respond: ['responded', ['responsible_unit']],
      response_published: ['responded', ['system']], report_upward: ['transferred', ['opinion_lead']],
    },
    responded: {
      draft_response: ['responded', ['responsible_unit']], respond: ['responded', ['responsible_unit']], response_published: ['responded', ['system']],
      feedback: ['fed_back', ['responsible_unit']], report_upward: ['responded', ['opinion_lead']],
    },
    fed_back: { close: ['closed', ['opinion_lead']], report_upward: ['fed_back', ['opinion_lead']] },
    closed: {},
  };

  for (const state of ALL_STATES) {
    for (const action of ALL_ACTIONS) {
      const expected = EXPECTED[state][action];
      it(`OP-3: ${state} × ${action} → ${expected ? `${expected[0]} by ${expected[1].join('/')}` : 'not allowed'}`, () => {
        const t = transitionFor(state, action);
        if (!expected) expect(t).toBeUndefined();
        else expect(t && { to: t.to, actors: [...t.actors] }).toEqual({ to: expected[0], actors: expected[1] });
      });
    }
  }

  it('OP-3: the opinion lead runs the case; the responsible unit answers and feeds back; nobody acts on a closed case', () => {
    expect(availableActions('registered', new Set(['opinion_lead']))).toEqual(['assess', 'report_upward']);
    expect(availableActions('transferred', new Set(['responsible_unit']))).toEqual(['draft_response', 'respond']);
    expect(availableActions('transferred', new Set(['drafter', 'office']))).toEqual([]);
    expect(availableActions('responded', new Set(['responsible_unit']))).toEqual(['draft_response', 'respond', 'feedback']);
    expect(availableActions('closed', new Set<Actor>(['opinion_lead', 'responsible_unit', 'system']))).toEqual([]);
  });

  it('OP-3: every state but 办结 can be left, and 办结 is reachable from 登记', () => {
    const reachable = new Set<State>(['registered']);
    for (let grown = true; grown; ) {
      grown = false;
      for (const t of TRANSITIONS) if (reachable.has(t.from) && !reachable.has(t.to)) (reachable.add(t.to), (grown = true));
    }
    expect([...reachable].sort()).toEqual([...ALL_STATES].sort());
    for (const s of ALL_STATES.filter((s) => s !== 'closed')) expect(TRANSITIONS.some((t) => t.from === s && t.to !== s)).toBe(true);
  });
});

describe('hour clocks in clock time, Asia/Shanghai (OP-5 and the national terms)', () => {
  const spec = (level: RiskLevel, startedAt: string) => clocksFor(level).map(({ rule, term }): DeadlineSpec => ({ rule, term, startedAt }));
  const due = (level: RiskLevel, startedAt: string) => spec(level, startedAt).map((s) => [s.rule, new Date(computeDeadline(cal, s, startedAt).dueAt).toISOString()]);

  it('OP-5: a major case runs 1, 5 and 24 hours; a 一般 or 较大 case one 48-hour response clock', () => {
    expect(clocksFor('major')).toEqual([
      { rule: 'OP-5', term: { unit: 'hours', n: 1 } }, { rule: 'OPN-5H', term: { unit: 'hours', n: 5 } }, { rule: 'OPN-24H', term: { unit: 'hours', n: 24 } },
    ]);
    expect(clocksFor('extraordinary')).toEqual(clocksFor('major'));
    expect(clocksFor('general')).toEqual([{ rule: 'OPN-48H', term: { unit: 'hours', n: 48 } }]);
    expect(clocksFor('serious')).toEqual(clocksFor('general'));
  });

  it('OP-5: across midnight: happened 23:30 Beijing time → reported by 00:30 the next day, information by 04:30, press conference by 23:30', () => {
    expect(due('major', '2026-12-04T23:30:00+08:00')).toEqual([
      ['OP-5', '2026-12-04T16:30:00.000Z'], ['OPN-5H', '2026-12-04T20:30:00.000Z'], ['OPN-24H', '2026-12-05T15:30:00.000Z'],
    ]);
    const view = computeDeadline(cal, spec('major', '2026-12-04T23:30:00+08:00')[0]!, '2026-12-05T00:10:00+08:00');
    expect(view.dueDate).toBe('2026-12-05');
    expect(explainDeadline(view, citeOpinionRule)).toEqual([
      '2026-12-04（星期五）23:30起计时',
      '依据本机关政务舆情回应工作制度（重大舆情发生后1小时内向上级报告），期限为1小时，截止于2026-12-05（星期六）00:30',
    ]);
  });

  it('OP-5: across a month end and a year end: 2026-12-31 22:15 → 48 hours end 2027-01-02 22:15; 2026-02-28 20:00 + 5 h → 03-01 01:00', () => {
    expect(due('general', '2026-12-31T22:15:00+08:00')).toEqual([['OPN-48H', '2027-01-02T14:15:00.000Z']]);
    expect(due('major', '2026-02-28T20:00:00+08:00')[1]).toEqual(['OPN-5H', '2026-02-28T17:00:00.000Z']);
  });

  it('OP-5: hours do not pause for the National Day week: 2026-10-01 10:00 + 48 h → 10-03 10:00, and the explanation names no holiday', () => {
    const [s] = spec('serious', '2026-10-01T10:00:00+08:00');
    const view = computeDeadline(cal, s!, '2026-10-02T10:00:00+08:00');
    expect(new Date(view.dueAt).toISOString()).toBe('2026-10-03T02:00:00.000Z');
    expect(view.remainingWorkdays).toBeNull();
    expect(explainDeadline(view, citeOpinionRule).join('')).not.toMatch(/假期|休息日/);
  });

  it('OP-5: hours do not pause for Spring Festival 2026: 02-16 (除夕) 21:00 + 24 h → 02-17 21:00', () => {
    expect(due('extraordinary', '2026-02-16T21:00:00+08:00')[2]).toEqual(['OPN-24H', '2026-02-17T13:00:00.000Z']);
  });

  it('OP-5: the light turns yellow in the last quarter of an hour clock and red when it runs out', () => {
    const [s] = spec('major', '2026-12-04T10:00:00+08:00');
    expect(computeDeadline(cal, s!, '2026-12-04T10:30:00+08:00').light).toBe('green');
    expect(computeDeadline(cal, s!, '2026-12-04T10:50:00+08:00').light).toBe('yellow');
    expect(computeDeadline(cal, s!, '2026-12-04T11:01:00+08:00')).toMatchObject({ light: 'red', state: 'overdue' });
  });

  it('OP-4: any response meets the information and response clocks; only a press conference meets the 24-hour one', () => {
    expect(clocksMetBy('online_release')).toEqual([CLOCK_RULES.authoritative, CLOCK_RULES.response]);
    expect(clocksMetBy('media_interview')).toEqual([CLOCK_RULES.authoritative, CLOCK_RULES.response]);
    expect(clocksMetBy('press_conference')).toEqual([CLOCK_RULES.authoritative, CLOCK_RULES.response, CLOCK_RULES.pressConference]);
  });

  it('OP-5: people read the rule by name, never its id', () => {
    for (const rule of Object.values(CLOCK_RULES)) expect(citeOpinionRule(rule)).not.toMatch(/[A-Z]{2,5}-\d/);
    expect(citeOpinionRule('X-1')).toBe('本机关有关规定');
  });
});

describe('guards (OP-2, OP-3, OP-4, OP-5)', () => {
  const now = '2026-12-04T12:00:00+08:00';
  it('OP-3: registration needs a summary; found cannot precede happened; neither may be in the future', () => {
    expect(registerProblems({ summary: '网传', happenedAt: '2026-12-04T09:00:00+08:00', foundAt: '2026-12-04T09:20:00+08:00' }, now)).toEqual([]);
    expect(codes(registerProblems({ summary: ' ', happenedAt: '2026-12-04T09:00:00+08:00', foundAt: '2026-12-04T08:00:00+08:00' }, now))).toEqual(['SUMMARY_REQUIRED', 'FOUND_BEFORE_HAPPENED']);
    expect(codes(registerProblems({ summary: '网传', happenedAt: '2026-12-04T13:00:00+08:00', foundAt: '2026-12-04T13:00:00+08:00' }, now))).toEqual(['TIME_IN_FUTURE']);
  });
  it('OP-2: the assessment states the analysis and the handling plan', () => {
    expect(codes(assessProblems({ analysis: '', handlingPlan: '' }))).toEqual(['ANALYSIS_REQUIRED', 'HANDLING_PLAN_REQUIRED']);
    expect(assessProblems({ analysis: '关注度高', handlingPlan: '当日发布情况说明' })).toEqual([]);
  });
  it('OP-4: releases and interpretations go through the items path; a press conference or interview is recorded with its content', () => {
    expect(codes(respondProblems('online_release', '已发布'))).toEqual(['RESPONSE_THROUGH_ITEM']);
    expect(codes(respondProblems('expert_interpretation', ''))).toEqual(['RESPONSE_THROUGH_ITEM']);
    expect(codes(respondProblems('press_conference', ''))).toEqual(['RESPONSE_DESCRIPTION_REQUIRED']);
    expect(respondProblems('media_interview', '12月4日接受市电视台采访')).toEqual([]);
  });
  it('OP-3, OP-5: feedback says what was done; a report upward names whom it went to', () => {
    expect(codes(feedbackProblems(''))).toEqual(['FEEDBACK_REQUIRED']);
    expect(codes(reportProblems(' '))).toEqual(['REPORT_TO_REQUIRED']);
    expect(reportProblems('市委网信办')).toEqual([]);
  });
});

describe('duplicates by link and by content (OP-1 intake)', () => {
  it('the same text however spaced, punctuated, cased or marked up normalises alike', () => {
    expect(normaliseText('<p>示例市 社保卡 补换，要排队3小时！</p>')).toBe(normaliseText('示例市社保卡补换要排队３小时'));
    expect(normaliseText('Hello,  World')).toBe('helloworld');
    expect(normaliseText('社保卡补换')).not.toBe(normaliseText('社保卡换领'));
  });
  it('a link without its fragment, trailing slash or utm parameters is the same link', () => {
    expect(normaliseLink('https://BBS.example.com/t/1/?utm_source=x#reply')).toBe(normaliseLink('https://bbs.example.com/t/1'));
    expect(normaliseLink('https://bbs.example.com/t/1?id=2')).not.toBe(normaliseLink('https://bbs.example.com/t/1?id=3'));
    expect(normaliseLink(' 12345热线工单 2026-1204 ')).toBe('12345热线工单 2026-1204');
  });
});
