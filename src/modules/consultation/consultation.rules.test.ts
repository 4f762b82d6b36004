import { describe, expect, it } from 'vitest';
import { buildCalendar, isoDate } from '../../core/calendar.ts';
import { officialCalendarData } from '../../core/calendar.official.ts';
import { adoptionCounts, allowedActions, commentErrors, earliestClose, feedbackProblems, markProblems, phaseOf, windowDays, windowProblems } from './consultation.rules.ts';

const cal = buildCalendar({ official: officialCalendarData(), overrides: [], coveredYears: [] });
const d = isoDate;
const w = (opensOn: string, closesOn: string, normative = false, shortBasis = '') => windowProblems(cal, { opensOn: d(opensOn), closesOn: d(closesOn), normative, shortBasis });

describe('the comment window (FIVE-1)', () => {
  it('FIVE-1: 30 days, the opening day not counted: opened 2025-12-31, the window may close 2026-01-30 and not a day earlier', () => {
    expect(windowDays(d('2025-12-31'), d('2026-01-30'))).toBe(30);
    expect(w('2025-12-31', '2026-01-30')).toEqual([]);
    expect(w('2025-12-31', '2026-01-29')).toEqual([expect.objectContaining({ code: 'WINDOW_TOO_SHORT', message: expect.stringMatching(/不少于30日（所选期限只有29日）/) })]);
    expect(earliestClose(cal, d('2025-12-31'), false)).toBe('2026-01-30');
  });

  it('FIVE-1: the 30 days are calendar days, holidays included (Spring Festival 2026 inside the window)', () => {
    expect(w('2026-02-01', '2026-03-03')).toEqual([]);
  });

  it('FIVE-1: a normative document needs 7 working days; across National Day 2025 (make-up days 09-28 and 10-11 count) that ends on 10-13', () => {
    expect(earliestClose(cal, d('2025-09-26'), true)).toBe('2025-10-13');
    expect(w('2025-09-26', '2025-10-13', true)).toEqual([]);
    expect(w('2025-09-26', '2025-10-11', true)).toEqual([expect.objectContaining({ code: 'WINDOW_TOO_SHORT', message: expect.stringMatching(/不少于7个工作日（所选期限只有6个工作日）/) })]);
  });

  it('FIVE-1: across Spring Festival 2026 (02-15 to 02-23 off, Saturday 02-14 worked) 7 working days from 02-11 end on 02-27', () => {
    expect(earliestClose(cal, d('2026-02-11'), true)).toBe('2026-02-27');
    expect(w('2026-02-11', '2026-02-26', true)).toHaveLength(1);
    expect(w('2026-02-11', '2026-02-27', true)).toEqual([]);
  });

  it('FIVE-1: a shorter window stands only with its legal basis recorded', () => {
    expect(w('2026-03-02', '2026-03-10', false, '《重大行政决策程序暂行条例》第十五条：因情况紧急等原因需要缩短期限的，应当予以说明')).toEqual([]);
    expect(w('2026-03-02', '2026-03-10', false, '   ')).toHaveLength(1);
  });

  it('FIVE-1: a window closing on or before its opening day is refused', () => {
    expect(w('2026-03-02', '2026-03-02', false, '紧急')).toEqual([expect.objectContaining({ code: 'WINDOW_INVALID' })]);
  });
});

describe('the consultation workflow (FIVE-1)', () => {
  it('FIVE-1: an open consultation reads as closed the day after its last day', () => {
    expect(phaseOf('open', '2026-01-30', '2026-01-30')).toBe('open');
    expect(phaseOf('open', '2026-01-30', '2026-01-31')).toBe('closed');
    expect(phaseOf('feedback_published', '2026-01-30', '2026-03-01')).toBe('feedback_published');
  });

  it('FIVE-1: the office opens and publishes the feedback; the drafter only marks comments, and only after the window', () => {
    expect(allowedActions('draft', ['office'])).toEqual(['open', 'withdraw']);
    expect(allowedActions('draft', ['drafter'])).toEqual([]);
    expect(allowedActions('open', ['office', 'drafter'])).toEqual([]);
    expect(allowedActions('closed', ['drafter'])).toEqual(['mark']);
    expect(allowedActions('closed', ['office'])).toEqual(['mark', 'publish_feedback']);
  });

  it('FIVE-1: every mark carries its reason; the feedback waits for every comment and states the views not adopted', () => {
    expect(markProblems('maybe', 'x')[0]!.code).toBe('ADOPTION_INVALID');
    expect(markProblems('not_adopted', ' ')[0]!.message).toBe('请填写采纳或不采纳的理由');
    expect(markProblems('partly', '已吸收关于过渡期的建议')).toEqual([]);
    expect(feedbackProblems({ comments: 2, unmarked: 1, summary: '' }).map((p) => p.code)).toEqual(['COMMENTS_UNMARKED', 'SUMMARY_REQUIRED']);
    expect(feedbackProblems({ comments: 0, unmarked: 0, summary: '' })).toEqual([]);
    expect(adoptionCounts(['adopted', 'partly', 'not_adopted', 'not_adopted'])).toEqual({ total: 4, adopted: 1, partly: 1, notAdopted: 2 });
  });

  it('FIVE-1: a comment needs a name, a phone number and 5 to 3000 characters of content, each error in Chinese', () => {
    expect(commentErrors({})).toEqual({ name: '请填写姓名', phone: '请填写联系电话', content: '请填写意见内容' });
    expect(commentErrors({ name: '张三', phone: 'abc', content: '好' })).toEqual({ phone: '联系电话格式不正确', content: '意见内容不少于5字' });
    expect(commentErrors({ name: '张三', phone: '13800000000', content: '意'.repeat(3001) }).content).toMatch(/不超过3000字/);
    expect(commentErrors({ name: '张三', phone: '13800000000', content: '建议延长过渡期至两年。' })).toEqual({});
  });
});
