import { describe, expect, it } from 'vitest';
import { buildCalendar, isoDate, shiftDate } from './calendar.ts';
import { officialCalendarData } from './calendar.official.ts';
import {
  addCalendarDays,
  addWorkdays,
  countWorkdays,
  isWorkday,
  nextWorkday,
  nonWorkingDaysBetween,
  yearsTouched,
} from './workdays.ts';

const cal = buildCalendar({ official: officialCalendarData(), overrides: [], coveredYears: [] });
const d = isoDate;

describe('nextWorkday', () => {
  it('Spring Festival 2025: after Monday 01-27 the next working day is Wednesday 02-05', () => {
    expect(nextWorkday(cal, d('2025-01-27'))).toBe('2025-02-05');
  });

  it('Spring Festival 2025: after Friday 01-24 comes make-up Sunday 01-26, not Monday', () => {
    expect(isWorkday(cal, d('2025-01-25'))).toBe(false);
    expect(nextWorkday(cal, d('2025-01-24'))).toBe('2025-01-26');
  });

  it('is strictly after the given day, even when that day is working', () => {
    expect(nextWorkday(cal, d('2026-03-02'))).toBe('2026-03-03');
    expect(nextWorkday(cal, d('2026-03-06'))).toBe('2026-03-09');
  });
});

describe('addWorkdays (the start day is never counted)', () => {
  it('n = 0 returns the date itself, even a holiday', () => {
    expect(addWorkdays(cal, d('2026-02-16'), 0)).toBe('2026-02-16');
  });

  it('National Day 2026: 1 working day after Wednesday 09-30 is Thursday 10-08; 3 is make-up Saturday 10-10', () => {
    expect(addWorkdays(cal, d('2026-09-30'), 1)).toBe('2026-10-08');
    expect(addWorkdays(cal, d('2026-09-30'), 3)).toBe('2026-10-10');
  });

  it('LAW-33: 20 working days from Monday 2026-02-09 over Spring Festival 2026 end on Friday 03-13', () => {
    // 02-10..13 (4), Sat 02-14 (5), holiday 02-15..23, 02-24..27 (9), Sat 02-28 (10),
    // 03-02..06 (15), 03-09..13 (20).
    expect(addWorkdays(cal, d('2026-02-09'), 20)).toBe('2026-03-13');
  });

  it('LAW-33: 20 working days from Sunday 2025-09-28 (make-up day) over National Day 2025 end on Friday 10-31', () => {
    // 09-29, 09-30 (2), holiday 10-01..08, 10-09, 10-10, Sat 10-11 (5), 10-13..17 (10),
    // 10-20..24 (15), 10-27..31 (20).
    expect(addWorkdays(cal, d('2025-09-28'), 20)).toBe('2025-10-31');
  });

  it.each([-1, 1.5, Number.NaN])('rejects n = %s with a RangeError', (n) => {
    expect(() => addWorkdays(cal, d('2026-03-02'), n)).toThrow(RangeError);
  });
});

describe('countWorkdays (from < d ≤ to)', () => {
  it('Spring Festival 2026: from Friday 02-13 to Tuesday 02-24 only Saturday 02-14 and 02-24 count', () => {
    expect(countWorkdays(cal, d('2026-02-13'), d('2026-02-24'))).toBe(2);
  });

  it('is 0 when to is not after from', () => {
    expect(countWorkdays(cal, d('2026-03-02'), d('2026-03-02'))).toBe(0);
    expect(countWorkdays(cal, d('2026-03-09'), d('2026-03-02'))).toBe(0);
  });

  it('is the inverse of addWorkdays for every start date of 2024-12..2027-01 and many n', () => {
    const checked: string[] = [];
    for (let from = d('2024-12-01'); from <= '2027-01-31'; from = shiftDate(from, 1)) {
      for (const n of [0, 1, 2, 3, 7, 15, 20, 40]) {
        const due = addWorkdays(cal, from, n);
        expect(countWorkdays(cal, from, due), `${from} + ${n}`).toBe(n);
        if (n > 0) expect(isWorkday(cal, due), `${from} + ${n} lands on ${due}`).toBe(true);
      }
      checked.push(from);
    }
    expect(checked).toHaveLength(792);
  });
});

describe('nonWorkingDaysBetween', () => {
  it('National Day 2026: lists the Mid-Autumn and National Day holidays with their names, not make-up Sunday 09-20', () => {
    const days = nonWorkingDaysBetween(cal, d('2026-09-18'), d('2026-10-09'));
    expect(days.map((x) => `${x.date} ${x.kind.reason} ${x.kind.name ?? ''}`.trim())).toEqual([
      '2026-09-19 weekend',
      '2026-09-25 holiday 中秋',
      '2026-09-26 holiday 中秋',
      '2026-09-27 holiday 中秋',
      '2026-10-01 holiday 国庆节',
      '2026-10-02 holiday 国庆节',
      '2026-10-03 holiday 国庆节',
      '2026-10-04 holiday 国庆节',
      '2026-10-05 holiday 国庆节',
      '2026-10-06 holiday 国庆节',
      '2026-10-07 holiday 国庆节',
    ]);
  });
});

describe('yearsTouched and addCalendarDays', () => {
  it('lists every year of a span, in either order', () => {
    expect(yearsTouched(d('2026-12-14'), d('2027-01-11'))).toEqual([2026, 2027]);
    expect(yearsTouched(d('2027-01-11'), d('2025-06-01'))).toEqual([2025, 2026, 2027]);
    expect(yearsTouched(d('2026-03-02'), d('2026-03-13'))).toEqual([2026]);
  });

  it('FIVE-1: a draft published 2026-03-02 stays open 30 days, to 2026-04-01, holidays included', () => {
    expect(addCalendarDays(d('2026-03-02'), 30)).toBe('2026-04-01');
    expect(addCalendarDays(d('2028-02-28'), 1)).toBe('2028-02-29');
    expect(addCalendarDays(d('2026-12-31'), 1)).toBe('2027-01-01');
  });

  it('rejects a negative number of days with a RangeError', () => {
    expect(() => addCalendarDays(d('2026-03-02'), -1)).toThrow(RangeError);
  });
});
