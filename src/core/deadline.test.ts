import { describe, expect, it } from 'vitest';
import { buildCalendar, isoDate, type CalendarOverride } from './calendar.ts';
import { officialCalendarData } from './calendar.official.ts';
import { computeDeadline, explainDeadline, type DeadlineSpec } from './deadline.ts';

const official = officialCalendarData();
const calendar = (overrides: CalendarOverride[] = [], coveredYears: number[] = []) =>
  buildCalendar({ official, overrides, coveredYears });
const cal = calendar();

/** APP-4 / LAW-33: reply to an application within 20 working days of receipt. */
const reply = (startedAt: string, more: Partial<DeadlineSpec> = {}): DeadlineSpec => ({
  rule: 'APP-4',
  term: { unit: 'workdays', n: 20 },
  startedAt,
  ...more,
});

describe('LAW-31 receipt convention: the receipt day given is day 0, never moved', () => {
  it('LAW-31: received Thursday 2025-01-23 at 17:29 → that day is day 0; due Wednesday 02-26 over Spring Festival 2025', () => {
    // 01-24 (1), Sun 01-26 make-up (2), 01-27 (3), holiday 01-28..02-04, 02-05..07 (6),
    // Sat 02-08 make-up (7), 02-10..14 (12), 02-17..21 (17), 02-24..26 (20).
    const view = computeDeadline(cal, reply('2025-01-23T17:29:00+08:00'), '2025-01-24T09:00:00+08:00');
    expect(view.startDate).toBe('2025-01-23');
    expect(view.dueDate).toBe('2025-02-26');
    expect(explainDeadline(view)[0]).toBe('2025-01-23（星期四）17:29收到，以当日为起算日（起算日不计入期限）');
  });

  it('LAW-31: a letter signed for at 18:00 that Thursday was received that day: no hidden shift to Friday, still due 02-26', () => {
    const view = computeDeadline(cal, reply('2025-01-23T18:00:00+08:00'), '2025-01-24T09:00:00+08:00');
    expect(view.startDate).toBe('2025-01-23');
    expect(view.dueDate).toBe('2025-02-26');
    expect(view.dueAt).toBe('2025-02-26T23:59:59.999+08:00');
    expect(explainDeadline(view)[0]).toBe('2025-01-23（星期四）18:00收到，以当日为起算日（起算日不计入期限）');
  });

  it('LAW-31: an instant given in UTC is judged by Beijing time (2025-01-22T23:30Z = 01-23 07:30, before 08:00)', () => {
    const view = computeDeadline(cal, reply('2025-01-22T23:30:00Z'), '2025-01-24T09:00:00+08:00');
    expect(view.startDate).toBe('2025-01-23');
  });

  it('LAW-31: a confirmation on make-up Saturday 2026-02-14 is said as such and that day is day 0', () => {
    const view = computeDeadline(cal, reply('2026-02-14T10:00:00+08:00', { startedAs: '确认收到' }), '2026-02-14T11:00:00+08:00');
    expect(view.startDate).toBe('2026-02-14');
    // 02-24..27 (4), Sat 02-28 (5), 03-02..06 (10), 03-09..13 (15), 03-16..20 (20).
    expect(view.dueDate).toBe('2026-03-20');
    expect(explainDeadline(view)[0]).toBe('2026-02-14（星期六）10:00确认收到，以当日为起算日（起算日不计入期限）');
  });

  it('LAW-31: confirmed Monday 2026-03-09 → due Tuesday 04-07 after Qingming', () => {
    // 03-10..13 (4), 03-16..20 (9), 03-23..27 (14), 03-30..04-03 (19), Qingming 04-04..06, 04-07 (20).
    const view = computeDeadline(cal, reply('2026-03-09T09:15:00+08:00'), '2026-03-09T09:20:00+08:00');
    expect(view.startDate).toBe('2026-03-09');
    expect(view.dueDate).toBe('2026-04-07');
    expect(explainDeadline(view)).toContain('2026-04-06（星期一）清明假期，不计入期限');
  });

  it('APP-4: people read the law\'s article, never the rule id; an agency names its own stricter rule', () => {
    const view = computeDeadline(cal, reply('2026-03-09T09:15:00+08:00'), '2026-03-09T09:20:00+08:00');
    const text = explainDeadline(view);
    expect(text.at(-1)).toBe('依据《中华人民共和国政府信息公开条例》第三十三条，期限为20个工作日，截止于2026-04-07（星期二）24时');
    expect(text.join('')).not.toMatch(/[A-Z]+-\d/);
    const own = explainDeadline(view, (rule) => (rule === 'APP-4' ? '《示例局政府信息公开工作制度》' : rule));
    expect(own.at(-1)).toMatch(/^依据《示例局政府信息公开工作制度》，/);
  });
});

describe('APP-4 / LAW-33 reply over Spring Festival 2026', () => {
  // Received Monday 2026-02-09 10:00. 02-10..13 (4), Sat 02-14 make-up (5), holiday 02-15..23,
  // 02-24..27 (9), Sat 02-28 make-up (10), 03-02..06 (15), 03-09..13 (20) → Friday 03-13.
  const spec = reply('2026-02-09T10:00:00+08:00');

  it('APP-4/LAW-33: 20 working days over Spring Festival 2026 are due Friday 2026-03-13 at the end of the day', () => {
    const view = computeDeadline(cal, spec, '2026-02-10T09:00:00+08:00');
    expect(view).toMatchObject({
      rule: 'APP-4',
      startDate: '2026-02-09',
      dueDate: '2026-03-13',
      dueAt: '2026-03-13T23:59:59.999+08:00',
      state: 'running',
      light: 'green',
      remainingWorkdays: 19,
      provisional: false,
      provisionalYears: [],
    });
  });

  it('APP-4: the explanation names the rule, the make-up Saturdays and each skipped festival day', () => {
    const text = explainDeadline(computeDeadline(cal, spec, '2026-02-10T09:00:00+08:00'));
    expect(text[0]).toBe('2026-02-09（星期一）10:00收到，以当日为起算日（起算日不计入期限）');
    expect(text).toContain('2026-02-14（星期六）为调休工作日，计入期限');
    expect(text).toContain('2026-02-28（星期六）为调休工作日，计入期限');
    expect(text).toContain('2026-02-16（星期一）春节假期，不计入期限');
    expect(text).toContain('2026-03-07（星期六）休息日，不计入期限');
    expect(text.filter((s) => s.includes('春节假期'))).toHaveLength(9);
    expect(text.at(-1)).toBe('依据《中华人民共和国政府信息公开条例》第三十三条，期限为20个工作日，截止于2026-03-13（星期五）24时');
  });

  it('APP-4/LAW-33: the seed figure of 15 working days is due Friday 2026-03-06', () => {
    const view = computeDeadline(cal, { ...spec, term: { unit: 'workdays', n: 15 } }, '2026-02-10T09:00:00+08:00');
    expect(view.dueDate).toBe('2026-03-06');
  });

  it('LAW-33: an extension of 20 working days moves the due date over Qingming to Monday 2026-04-13', () => {
    // From 03-13: 03-16..20 (5), 03-23..27 (10), 03-30..04-03 (15), Qingming 04-04..06,
    // 04-07..10 (19), 04-13 (20).
    const extended = reply(spec.startedAt, {
      extension: { n: 20, approvedAt: '2026-03-10T10:00:00+08:00', approvedBy: '办公室主任王某', rule: 'LAW-33' },
    });
    const view = computeDeadline(cal, extended, '2026-03-11T09:00:00+08:00');
    expect(view.dueDate).toBe('2026-04-13');
    expect(view.light).toBe('green');
    expect(explainDeadline(view)).toContain(
      '经办公室主任王某批准，依据《中华人民共和国政府信息公开条例》第三十三条第二款延长20个工作日，截止日期由2026-03-13（星期五）延至2026-04-13（星期一）',
    );
  });

  it('LAW-33: an extension refuses n ≤ 0 and terms not counted in working days', () => {
    const ext = (n: number) => ({ n, approvedAt: '2026-03-10T10:00:00+08:00', approvedBy: '王某', rule: 'LAW-33' });
    expect(() => computeDeadline(cal, reply(spec.startedAt, { extension: ext(0) }), '2026-03-11T09:00:00+08:00')).toThrow(RangeError);
    expect(() => computeDeadline(cal, reply(spec.startedAt, { extension: ext(-5) }), '2026-03-11T09:00:00+08:00')).toThrow(RangeError);
    const hours: DeadlineSpec = { rule: 'OP-5', term: { unit: 'hours', n: 48 }, startedAt: spec.startedAt, extension: ext(1) };
    expect(() => computeDeadline(cal, hours, '2026-03-11T09:00:00+08:00')).toThrow(RangeError);
  });
});

describe('traffic light (warnWorkdays = 3)', () => {
  // Due Friday 2026-03-13 as above.
  const spec = reply('2026-02-09T10:00:00+08:00');
  const at = (now: string, more: Partial<DeadlineSpec> = {}) => computeDeadline(cal, { ...spec, ...more }, now);

  it('APP-4: green on Monday 03-09 with 4 working days left', () => {
    expect(at('2026-03-09T09:00:00+08:00')).toMatchObject({ light: 'green', remainingWorkdays: 4, state: 'running' });
  });

  it('APP-4: yellow on Tuesday 03-10 with exactly 3 working days left', () => {
    expect(at('2026-03-10T09:00:00+08:00')).toMatchObject({ light: 'yellow', remainingWorkdays: 3, state: 'running' });
  });

  it('APP-4: green again with a smaller warning window', () => {
    expect(computeDeadline(cal, spec, '2026-03-10T09:00:00+08:00', { warnWorkdays: 2 }).light).toBe('green');
  });

  it('APP-4: still running and yellow at 23:59 on the due day', () => {
    expect(at('2026-03-13T23:59:00+08:00')).toMatchObject({ light: 'yellow', remainingWorkdays: 0, state: 'running' });
  });

  it('APP-4: red and overdue one second after the due day ends', () => {
    expect(at('2026-03-14T00:00:00+08:00')).toMatchObject({ light: 'red', state: 'overdue' });
  });

  it('APP-4: met in time is green, whatever time it is now', () => {
    const view = at('2026-06-01T09:00:00+08:00', { metAt: '2026-03-12T16:00:00+08:00' });
    expect(view).toMatchObject({ state: 'met', metLate: false, light: 'green', remainingWorkdays: 1 });
  });

  it('APP-4: met after the due day is red with metLate', () => {
    const view = at('2026-03-20T09:00:00+08:00', { metAt: '2026-03-16T10:00:00+08:00' });
    expect(view).toMatchObject({ state: 'met', metLate: true, light: 'red' });
  });
});

describe('LAW-30 restart after a correction', () => {
  it('LAW-30: the corrected application received 2025-03-12 at 18:30 restarts the term from that Wednesday, no shift; due Thursday 04-10', () => {
    // 03-13, 03-14 (2), 03-17..21 (7), 03-24..28 (12), 03-31..04-03 (16), Qingming 2025 is 04-04..06, 04-07..10 (20).
    const spec = reply('2025-03-03T09:00:00+08:00', {
      restarts: [{ at: '2025-03-12T18:30:00+08:00', rule: 'LAW-30', reason: '申请人补正申请内容' }],
      // Clock stopped before the correction: no longer relevant once the term restarts.
      pauses: [{ from: '2025-03-05T10:00:00+08:00', to: '2025-03-07T10:00:00+08:00', rule: 'LAW-32', reason: '征求第三方意见' }],
    });
    const view = computeDeadline(cal, spec, '2025-03-13T09:00:00+08:00');
    expect(view.startDate).toBe('2025-03-12');
    expect(view.dueDate).toBe('2025-04-10');
    const text = explainDeadline(view);
    expect(text[1]).toBe(
      '依据《中华人民共和国政府信息公开条例》第三十条重新计算期限（申请人补正申请内容）：2025-03-12（星期三）18:30收到，以当日为起算日（起算日不计入期限）',
    );
    expect(text.some((s) => s.includes('暂停计时'))).toBe(false);
  });

  it('LAW-30: of several restarts the last one counts, in whatever order they are stored', () => {
    const spec = reply('2025-03-03T09:00:00+08:00', {
      restarts: [
        { at: '2025-03-20T10:00:00+08:00', rule: 'LAW-30', reason: '第二次补正' },
        { at: '2025-03-12T10:00:00+08:00', rule: 'LAW-30', reason: '第一次补正' },
      ],
    });
    expect(computeDeadline(cal, spec, '2025-03-21T09:00:00+08:00').startDate).toBe('2025-03-20');
  });

  it('LAW-30: a restart before the receipt is refused', () => {
    const spec = reply('2025-03-03T09:00:00+08:00', { restarts: [{ at: '2025-03-01T10:00:00+08:00', rule: 'LAW-30', reason: '补正' }] });
    expect(() => computeDeadline(cal, spec, '2025-03-04T09:00:00+08:00')).toThrow(RangeError);
  });
});

describe('pauses (LAW-32/33)', () => {
  it('LAW-32: a third-party consultation spanning Mid-Autumn and National Day 2026 stops the clock; due Tuesday 11-03', () => {
    // Received Monday 09-14. Paused Friday 09-18: used 09-15..18 = 4. Resumed Monday 10-12,
    // 16 left: 10-13..16 (4), 10-19..23 (9), 10-26..30 (14), 11-02, 11-03 (16).
    // Without the pause it would be due Friday 10-16.
    const spec = reply('2026-09-14T09:00:00+08:00', {
      pauses: [{ from: '2026-09-18T10:00:00+08:00', to: '2026-10-12T09:00:00+08:00', rule: 'LAW-32', reason: '征求第三方意见' }],
    });
    expect(computeDeadline(cal, reply(spec.startedAt), '2026-09-15T09:00:00+08:00').dueDate).toBe('2026-10-16');
    const view = computeDeadline(cal, spec, '2026-10-12T10:00:00+08:00');
    expect(view).toMatchObject({ dueDate: '2026-11-03', state: 'running', remainingWorkdays: 16, light: 'green' });
    const text = explainDeadline(view);
    expect(text).toContain(
      '2026-09-18（星期五）起暂停计时（征求第三方意见，依据《中华人民共和国政府信息公开条例》第三十二条不计入期限），此前已用4个工作日；2026-10-12（星期一）恢复计时（恢复当日不计入期限）',
    );
    // Holidays inside the pause are not listed as skipped: the clock was stopped anyway.
    expect(text.some((s) => s.includes('国庆节假期'))).toBe(false);
    expect(text).not.toContain('2026-09-20（星期日）为调休工作日，计入期限');
  });

  it('LAW-33: two pauses accumulate; due Tuesday 2025-04-08 after Qingming', () => {
    // Received Monday 03-03. Pause 1 from Wed 03-05 (used 03-04, 03-05 = 2) to Mon 03-10.
    // Pause 2 from Thu 03-13 (used 03-11..13 = 3, total 5) to Mon 03-17. 15 left:
    // 03-18..21 (4), 03-24..28 (9), 03-31..04-03 (13), Qingming 04-04..06, 04-07, 04-08 (15).
    const spec = reply('2025-03-03T09:00:00+08:00', {
      pauses: [
        { from: '2025-03-13T15:00:00+08:00', to: '2025-03-17T09:00:00+08:00', rule: 'LAW-34', reason: '征求其他机关意见' },
        { from: '2025-03-05T10:00:00+08:00', to: '2025-03-10T10:00:00+08:00', rule: 'LAW-32', reason: '征求第三方意见' },
      ],
    });
    const view = computeDeadline(cal, spec, '2025-03-18T09:00:00+08:00');
    expect(view.dueDate).toBe('2025-04-08');
    const text = explainDeadline(view);
    expect(text).toContain(
      '2025-03-13（星期四）起暂停计时（征求其他机关意见，依据《中华人民共和国政府信息公开条例》第三十四条不计入期限），此前已用5个工作日；2025-03-17（星期一）恢复计时（恢复当日不计入期限）',
    );
    expect(text).toContain('2025-04-04（星期五）清明假期，不计入期限');
  });

  it('LAW-32: an open pause shows state paused and a due date as if resumed today; never overdue', () => {
    // Received Monday 2025-03-03, paused Wednesday 03-05 (2 used). Today Thursday 03-20:
    // 18 left from 03-20: 03-21 (1), 03-24..28 (6), 03-31..04-03 (10), 04-07..11 (15), 04-14..16 (18).
    const spec = reply('2025-03-03T09:00:00+08:00', {
      pauses: [{ from: '2025-03-05T10:00:00+08:00', rule: 'LAW-32', reason: '征求第三方意见' }],
    });
    const view = computeDeadline(cal, spec, '2025-03-20T10:00:00+08:00');
    expect(view).toMatchObject({ state: 'paused', dueDate: '2025-04-16', remainingWorkdays: 18, light: 'green' });
    expect(explainDeadline(view)).toContain(
      '2025-03-05（星期三）起暂停计时（征求第三方意见，依据《中华人民共和国政府信息公开条例》第三十二条不计入期限），此前已用2个工作日；尚未恢复，按2025-03-20（星期四）恢复计时估算截止日期',
    );
    const muchLater = computeDeadline(cal, spec, '2025-09-01T10:00:00+08:00');
    expect(muchLater.state).toBe('paused');
    expect(muchLater.light).toBe('green');
  });

  it('LAW-33: the day the clock stops counts; a paused term with 3 days left shows yellow', () => {
    // Received Monday 2026-03-02: 03-03..06 (4), 03-09..13 (9), 03-16..20 (14), 03-23..27 (19).
    // Paused Friday 03-27, which counts → 1 left; resumed (as if) Monday 03-30 → due Tuesday 03-31.
    const spec = reply('2026-03-02T09:00:00+08:00', {
      pauses: [{ from: '2026-03-27T16:00:00+08:00', rule: 'LAW-32', reason: '征求第三方意见' }],
    });
    expect(computeDeadline(cal, spec, '2026-03-30T10:00:00+08:00')).toMatchObject({
      state: 'paused',
      dueDate: '2026-03-31',
      remainingWorkdays: 1,
      light: 'yellow',
    });
  });

  it('LAW-32: a pause begun after the term ran out does not stop the clock', () => {
    const spec = reply('2026-02-09T10:00:00+08:00', {
      pauses: [{ from: '2026-03-16T10:00:00+08:00', rule: 'LAW-32', reason: '征求第三方意见' }],
    });
    const view = computeDeadline(cal, spec, '2026-03-17T10:00:00+08:00');
    expect(view).toMatchObject({ state: 'overdue', light: 'red', dueDate: '2026-03-13' });
    expect(explainDeadline(view)).toContain('2026-03-16（星期一）起暂停计时（征求第三方意见，依据《中华人民共和国政府信息公开条例》第三十二条不计入期限）时期限已届满，不停止计时');
  });

  it('LAW-32: overlapping pauses and a pause ending before it starts are refused', () => {
    const p = (from: string, to?: string) => ({ from, ...(to ? { to } : {}), rule: 'LAW-32', reason: '征求第三方意见' });
    const at = (pauses: NonNullable<DeadlineSpec['pauses']>) =>
      computeDeadline(cal, reply('2025-03-03T09:00:00+08:00', { pauses }), '2025-03-20T10:00:00+08:00');
    expect(() => at([p('2025-03-05T10:00:00+08:00', '2025-03-10T10:00:00+08:00'), p('2025-03-07T10:00:00+08:00', '2025-03-12T10:00:00+08:00')])).toThrow(RangeError);
    expect(() => at([p('2025-03-05T10:00:00+08:00'), p('2025-03-07T10:00:00+08:00', '2025-03-12T10:00:00+08:00')])).toThrow(RangeError);
    expect(() => at([p('2025-03-10T10:00:00+08:00', '2025-03-05T10:00:00+08:00')])).toThrow(RangeError);
  });
});

describe('years without official data', () => {
  // Received Monday 2026-12-14. 12-15..18 (4), 12-21..25 (9), 12-28..31 (13), and by the weekend
  // rule alone Friday 2027-01-01 (14), 01-04..08 (19), 01-11 (20).
  const spec = reply('2026-12-14T10:00:00+08:00');
  const now = '2026-12-15T09:00:00+08:00';

  it('APP-4: a deadline running from December 2026 into 2027 is provisional while 2027 is not covered', () => {
    const view = computeDeadline(cal, spec, now);
    expect(view).toMatchObject({ dueDate: '2027-01-11', provisional: true, provisionalYears: [2027] });
    expect(explainDeadline(view).at(-1)).toBe('2027年的节假日安排尚未公布，截止日期暂按周末规则计算，公布后可能变化');
  });

  it('APP-4: it stops being provisional once an admin has completed 2027', () => {
    const view = computeDeadline(calendar([], [2027]), spec, now);
    expect(view).toMatchObject({ dueDate: '2027-01-11', provisional: false, provisionalYears: [] });
    expect(explainDeadline(view).some((s) => s.includes('尚未公布'))).toBe(false);
  });

  it('APP-4: with New Year 2027 entered as a holiday the due date moves to Tuesday 2027-01-12', () => {
    const completed = calendar([{ date: isoDate('2027-01-01'), kind: 'holiday', name: '元旦' }], [2027]);
    const view = computeDeadline(completed, spec, now);
    expect(view).toMatchObject({ dueDate: '2027-01-12', provisional: false });
    expect(explainDeadline(view)).toContain('2027-01-01（星期五）元旦假期（管理员调整），不计入期限');
  });
});

describe('edited days', () => {
  it('APP-4: an admin cancelling make-up Saturday 2026-02-14 moves the Spring Festival due date to Monday 03-16', () => {
    const edited = calendar([{ date: isoDate('2026-02-14'), kind: 'normal' }]);
    const view = computeDeadline(edited, reply('2026-02-09T10:00:00+08:00'), '2026-02-10T09:00:00+08:00');
    expect(view.dueDate).toBe('2026-03-16');
    expect(explainDeadline(view)).toContain('2026-02-14（星期六）休息日（管理员调整），不计入期限');
  });

  it('APP-4: an admin turning Saturday 2026-03-07 into a working day brings the due date forward to Thursday 03-12', () => {
    const edited = calendar([{ date: isoDate('2026-03-07'), kind: 'workday' }]);
    const view = computeDeadline(edited, reply('2026-02-09T10:00:00+08:00'), '2026-02-10T09:00:00+08:00');
    expect(view.dueDate).toBe('2026-03-12');
    expect(explainDeadline(view)).toContain('2026-03-07（星期六）为调休工作日（管理员调整），计入期限');
  });
});

describe('OP-5 and other clock-time terms', () => {
  const major = (startedAt: string, n: number): DeadlineSpec => ({ rule: 'OP-5', term: { unit: 'hours', n }, startedAt });

  it('OP-5: a major case at 23:30 must be reported by 00:30 the next day', () => {
    // 15:30Z is 23:30 in Beijing.
    const view = computeDeadline(cal, major('2026-03-02T15:30:00Z', 1), '2026-03-02T23:40:00+08:00');
    expect(view).toMatchObject({
      startDate: '2026-03-02',
      dueDate: '2026-03-03',
      dueAt: '2026-03-03T00:30:00.000+08:00',
      state: 'running',
      light: 'green',
      remainingWorkdays: null,
      provisional: false,
    });
    expect(explainDeadline(view)).toEqual([
      '2026-03-02（星期一）23:30起计时',
      '依据本机关有关规定，期限为1小时，截止于2026-03-03（星期二）00:30',
    ]);
  });

  it('OP-5: yellow with less than a quarter of the hour left, green at exactly a quarter, red after', () => {
    const spec = major('2026-03-02T23:30:00+08:00', 1);
    expect(computeDeadline(cal, spec, '2026-03-03T00:15:00+08:00').light).toBe('green');
    expect(computeDeadline(cal, spec, '2026-03-03T00:16:00+08:00').light).toBe('yellow');
    expect(computeDeadline(cal, spec, '2026-03-03T00:30:01+08:00')).toMatchObject({ state: 'overdue', light: 'red' });
  });

  it('OP-5: 48 hours run through weekends and holidays: Saturday 2026-02-14 22:00 → Monday 02-16 22:00', () => {
    const spec: DeadlineSpec = { rule: 'OP-6', term: { unit: 'hours', n: 48 }, startedAt: '2026-02-14T22:00:00+08:00' };
    const view = computeDeadline(cal, spec, '2026-02-16T10:00:00+08:00');
    expect(view).toMatchObject({ dueDate: '2026-02-16', dueAt: '2026-02-16T22:00:00.000+08:00', light: 'green' });
    expect(computeDeadline(cal, spec, '2026-02-16T10:01:00+08:00').light).toBe('yellow');
    expect(computeDeadline(cal, { ...spec, metAt: '2026-02-16T21:00:00+08:00' }, '2026-02-17T10:00:00+08:00')).toMatchObject({
      state: 'met',
      metLate: false,
      light: 'green',
    });
  });

  it('FIVE-1: a draft published Saturday 2026-03-07 is open 30 calendar days, to Monday 04-06, Qingming included', () => {
    const spec: DeadlineSpec = { rule: 'FIVE-1', term: { unit: 'calendarDays', n: 30 }, startedAt: '2026-03-07T10:00:00+08:00' };
    const view = computeDeadline(cal, spec, '2026-03-08T10:00:00+08:00');
    expect(view).toMatchObject({ startDate: '2026-03-07', dueDate: '2026-04-06', state: 'running', provisional: false });
    expect(explainDeadline(view).at(-1)).toBe('依据本机关有关规定，期限为30日，截止于2026-04-06（星期一）24时');
  });

  it('OP-5: clock-time terms cannot be paused', () => {
    const spec = { ...major('2026-03-02T23:30:00+08:00', 1), pauses: [{ from: '2026-03-02T23:40:00+08:00', rule: 'OP-5', reason: '核实' }] };
    expect(() => computeDeadline(cal, spec, '2026-03-02T23:45:00+08:00')).toThrow(RangeError);
  });
});

describe('invalid input', () => {
  const now = '2026-03-02T10:00:00+08:00';

  it.each([
    ['an instant without offset', reply('2026-03-02T10:00:00')],
    ['an unreadable instant', reply('soon+08:00')],
    ['a negative term', { ...reply(now), term: { unit: 'workdays', n: -20 } } as DeadlineSpec],
    ['a zero term', { ...reply(now), term: { unit: 'hours', n: 0 } } as DeadlineSpec],
    ['a fractional term', { ...reply(now), term: { unit: 'workdays', n: 1.5 } } as DeadlineSpec],
  ])('rejects %s with a RangeError', (_, spec) => {
    expect(() => computeDeadline(cal, spec, now)).toThrow(RangeError);
  });

  it('rejects a bad now, office-hours end or warning window with a RangeError', () => {
    expect(() => computeDeadline(cal, reply(now), 'yesterday')).toThrow(RangeError);
    expect(() => computeDeadline(cal, reply(now), now, { warnWorkdays: -1 })).toThrow(RangeError);
  });
});
