import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../core/calendar.ts';
import { officialCalendarData } from '../../core/calendar.official.ts';
import { computeDeadline, explainDeadline } from '../../core/deadline.ts';
import { summarise } from './messages.stats.ts';
import { allowedActions, answerSpec, canRate, citeMessageRule, formProblems, keptTermSentence, termProblem, transitionFor, TRANSFER_RESTARTS_TERM, type Transfer } from './messages.rules.ts';

const cal = buildCalendar({ official: officialCalendarData(), overrides: [], coveredYears: [] });
const due = (receivedAt: string, transfers: Transfer[] = [], workdays = 5) => computeDeadline(cal, answerSpec(workdays, receivedAt, transfers), receivedAt);

describe('OP-6 the message workflow as a (state, action, role) table', () => {
  it('OP-6: the office checks, assigns, refuses and publishes; the assigned unit answers; nobody answers an unchecked message', () => {
    expect(allowedActions('received', ['office'])).toEqual(['check', 'refuse', 'transfer_agency']);
    expect(allowedActions('received', ['unit'])).toEqual([]);
    expect(allowedActions('accepted', ['office'])).toEqual(['refuse', 'assign', 'transfer_agency']);
    expect(allowedActions('assigned', ['unit'])).toEqual(['transfer_unit', 'answer']);
    expect(allowedActions('assigned', ['office'])).toEqual(['transfer_unit', 'transfer_agency']);
    expect(allowedActions('answered', ['office'])).toEqual(['return', 'publish']);
    expect(allowedActions('published', ['office', 'unit'])).toEqual([]);
    expect(allowedActions('refused', ['office', 'unit'])).toEqual([]);
    expect(transitionFor('received', 'answer')).toBeUndefined();
    expect(transitionFor('answered', 'publish')?.to).toBe('published');
    expect(transitionFor('assigned', 'transfer_agency')?.to).toBe('received');
  });

  it('OP-6: the asker rates a published answer once, never before it is public', () => {
    expect(canRate('published', null)).toBe(true);
    expect(canRate('published', 'satisfied')).toBe(false);
    expect(canRate('answered', null)).toBe(false);
  });
});

describe('OP-6 the answer term: 5 working days by default, across the 2025/2026 holidays and make-up days', () => {
  it('OP-6: received Thu 2025-01-23 → Sun 01-26 make-up counts, Spring Festival 01-28..02-04 skipped → due Thu 2025-02-06', () => {
    const view = due('2025-01-23T10:00:00+08:00');
    expect(view.dueDate).toBe('2025-02-06');
    const text = explainDeadline(view, citeMessageRule);
    expect(text[0]).toBe('2025-01-23（星期四）10:00收到留言，以当日为起算日（起算日不计入期限）');
    expect(text).toContain('2025-01-26（星期日）为调休工作日，计入期限');
    expect(text.at(-1)).toBe('依据本机关网民留言办理时限规定，期限为5个工作日，截止于2025-02-06（星期四）24时');
  });

  it('OP-6: received Fri 2025-09-26 → Sun 09-28 make-up counts, National Day 10-01..10-08 skipped → due Fri 2025-10-10', () => {
    expect(due('2025-09-26T16:00:00+08:00').dueDate).toBe('2025-10-10');
  });

  it('OP-6: received Wed 2025-12-31 → New Year 2026-01-01..03 skipped, Sun 01-04 make-up counts → due Thu 2026-01-08', () => {
    expect(due('2025-12-31T09:00:00+08:00').dueDate).toBe('2026-01-08');
  });

  it('OP-6: received Thu 2026-02-12 → Sat 02-14 make-up counts, Spring Festival 02-15..23 skipped → due Thu 2026-02-26', () => {
    const view = due('2026-02-12T09:00:00+08:00');
    expect(view.dueDate).toBe('2026-02-26');
    expect(explainDeadline(view, citeMessageRule)).toContain('2026-02-14（星期六）为调休工作日，计入期限');
  });

  it('OP-6: an agency term of 10 working days from Thu 2026-02-12 → due Wed 2026-03-04 (both make-up Saturdays count)', () => {
    // 02-13 (1), Sat 02-14 (2), 02-24..27 (6), Sat 02-28 (7), 03-02 (8), 03-03 (9), 03-04 (10).
    expect(due('2026-02-12T09:00:00+08:00', [], 10).dueDate).toBe('2026-03-04');
  });

  it('OP-6: the term setting takes 1 to 30 working days', () => {
    expect(termProblem(5)).toBeNull();
    expect(termProblem(0)).toMatch(/1至30个工作日/);
    expect(termProblem(2.5)).toMatch(/1至30个工作日/);
  });
});

describe('OP-6 transfers do not reset the clock silently', () => {
  const unitTransfer: Transfer = { kind: 'unit', at: '2026-02-24T10:00:00+08:00', from: '就业促进科', to: '社会保险科', reason: '属社会保险业务' };
  const agencyTransfer: Transfer = { kind: 'agency', at: '2026-02-24T10:00:00+08:00', from: '示例市人力资源和社会保障局', to: '示例市医疗保障局', reason: '属医疗保障业务' };

  it('OP-6: a transfer between units keeps the term (still due 2026-02-26) and the explanation says so', () => {
    expect(TRANSFER_RESTARTS_TERM.unit).toBe(false);
    expect(due('2026-02-12T09:00:00+08:00', [unitTransfer]).dueDate).toBe('2026-02-26');
    expect(keptTermSentence(unitTransfer, '2026-02-24')).toBe('2026-02-24由就业促进科转交社会保险科办理（属社会保险业务），同一机关内转办不重新计算期限');
  });

  it('OP-6: a transfer to another agency restarts the term there on the day it arrives (Tue 02-24 → Mon 2026-03-02 over make-up Sat 02-28), and says why', () => {
    expect(TRANSFER_RESTARTS_TERM.agency).toBe(true);
    const view = due('2026-02-12T09:00:00+08:00', [agencyTransfer]);
    expect(view.startDate).toBe('2026-02-24');
    expect(view.dueDate).toBe('2026-03-02');
    const text = explainDeadline(view, citeMessageRule);
    expect(text[0]).toMatch(/^2026-02-12（星期四）09:00收到留言/);
    expect(text[1]).toBe('依据本机关网民留言办理时限规定重新计算期限（由示例市人力资源和社会保障局转来（属医疗保障业务），自本机关收到之日起重新计算）：2026-02-24（星期二）10:00收到，以当日为起算日（起算日不计入期限）');
  });
});

describe('OP-6 the public form: required fields and length limits, in Chinese', () => {
  it('OP-6: name and phone are required, the content has a floor and a ceiling, the phone a shape', () => {
    expect(formProblems({ topic: '', content: '太短', name: '', phone: '123' })).toEqual({
      topic: '请填写留言主题', content: '留言内容不少于10字，请把问题写清楚', name: '请填写姓名', phone: '联系电话格式不正确，请填写11位手机号码或带区号的固定电话',
    });
    expect(formProblems({ topic: '失业保险金', content: '失'.repeat(2001), name: '张三', phone: '138 0000 1234' }).content).toBe('留言内容不超过2000字（现有2001字）');
    expect(formProblems({ topic: '失业保险金申领', content: '请问失业保险金在哪里申领？需要哪些材料？', name: '张三', phone: '0310-1234567' })).toEqual({});
  });
});

describe('OP-6 statistics', () => {
  it('OP-6: on time and average working days are counted on the calendar (Spring Festivals 2025 and 2026), satisfaction among the rated', () => {
    const facts = [
      // 5 working days over Spring Festival 2025: on time.
      { agencyId: 'a', answeredAt: '2025-02-06T15:00:00+08:00', refused: false, rating: 'satisfied' as const, spec: answerSpec(5, '2025-01-23T10:00:00+08:00') },
      // 02-13, 02-14, 02-24..02-27: 6 working days, one late.
      { agencyId: 'a', answeredAt: '2026-02-27T09:00:00+08:00', refused: false, rating: 'unsatisfied' as const, spec: answerSpec(5, '2026-02-12T09:00:00+08:00') },
      { agencyId: 'a', answeredAt: null, refused: true, rating: null, spec: answerSpec(5, '2026-02-12T09:00:00+08:00') },
    ];
    expect(summarise(cal, facts)).toEqual({
      received: 3, answered: 2, onTime: 1, refused: 1, averageWorkdays: 5.5, ratings: { satisfied: 1, basic: 0, unsatisfied: 1 }, satisfaction: 50,
    });
    expect(summarise(cal, [])).toMatchObject({ received: 0, averageWorkdays: null, satisfaction: null });
  });
});
