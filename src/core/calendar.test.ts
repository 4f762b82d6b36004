import { describe, expect, it } from 'vitest';
import { buildCalendar, isIsoDate, isoDate, officialYears, withWeekday } from './calendar.ts';
import { officialCalendarData } from './calendar.official.ts';

const official = officialCalendarData();
const cal = buildCalendar({ official, overrides: [], coveredYears: [] });
const d = isoDate;

describe('isoDate', () => {
  it('accepts real calendar dates, including 29 February of a leap year', () => {
    expect(isoDate('2026-02-14')).toBe('2026-02-14');
    expect(isoDate('2024-02-29')).toBe('2024-02-29');
    expect(isIsoDate('2026-12-31')).toBe(true);
  });

  it.each(['2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-2-3', '2026-02-14T10:00:00Z', '', '二〇二六年'])(
    'rejects %j with a RangeError',
    (s) => {
      expect(isIsoDate(s)).toBe(false);
      expect(() => isoDate(s)).toThrow(RangeError);
    },
  );

  it('names the weekday in Chinese, as every explanation shows it', () => {
    expect(withWeekday(d('2026-02-14'))).toBe('2026-02-14（星期六）');
    expect(withWeekday(d('2025-09-28'))).toBe('2025-09-28（星期日）');
    expect(withWeekday(d('2026-03-02'))).toBe('2026-03-02（星期一）');
  });
});

describe('official calendar data (chinese-days)', () => {
  it('covers 2004–2026 and nothing later', () => {
    const years = officialYears(official);
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2026);
    expect(years).toHaveLength(23);
    expect(cal.covers(2026)).toBe(true);
    expect(cal.covers(2027)).toBe(false);
  });

  it('keeps the Chinese holiday name of each entry', () => {
    expect(official.holidays['2026-02-16']).toBe('春节');
    expect(official.holidays['2026-01-01']).toBe('元旦');
    expect(official.workdays['2025-10-11']).toBe('国庆节');
  });

  it('Spring Festival 2025: 01-28..02-04 off, Sunday 01-26 and Saturday 02-08 are make-up working days', () => {
    for (const date of ['2025-01-28', '2025-02-01', '2025-02-04']) {
      expect(cal.day(d(date))).toEqual({ working: false, reason: 'holiday', name: '春节', source: 'official' });
    }
    expect(cal.day(d('2025-01-26'))).toEqual({ working: true, reason: 'makeup', name: '春节', source: 'official' });
    expect(cal.day(d('2025-02-08'))).toEqual({ working: true, reason: 'makeup', name: '春节', source: 'official' });
    expect(cal.day(d('2025-02-05')).working).toBe(true);
  });

  it('National Day 2025: 10-01..10-08 off (10-06 is 中秋), Sunday 09-28 and Saturday 10-11 worked', () => {
    expect(cal.day(d('2025-10-01'))).toMatchObject({ working: false, name: '国庆节' });
    expect(cal.day(d('2025-10-06'))).toMatchObject({ working: false, name: '中秋' });
    expect(cal.day(d('2025-10-08'))).toMatchObject({ working: false, name: '国庆节' });
    expect(cal.day(d('2025-09-28'))).toMatchObject({ working: true, reason: 'makeup' });
    expect(cal.day(d('2025-10-11'))).toMatchObject({ working: true, reason: 'makeup' });
  });

  it('Spring Festival 2026: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    expect(cal.day(d('2026-02-15'))).toMatchObject({ working: false, reason: 'holiday', name: '春节' });
    expect(cal.day(d('2026-02-23'))).toMatchObject({ working: false, reason: 'holiday', name: '春节' });
    expect(cal.day(d('2026-02-24'))).toEqual({ working: true, reason: 'weekday', source: 'rule' });
    expect(cal.day(d('2026-02-14'))).toMatchObject({ working: true, reason: 'makeup' });
    expect(cal.day(d('2026-02-28'))).toMatchObject({ working: true, reason: 'makeup' });
  });

  it('National Day 2026: 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked', () => {
    expect(cal.day(d('2026-10-07'))).toMatchObject({ working: false, name: '国庆节' });
    expect(cal.day(d('2026-10-08'))).toMatchObject({ working: true, reason: 'weekday' });
    expect(cal.day(d('2026-09-20'))).toMatchObject({ working: true, reason: 'makeup', name: '国庆节' });
    expect(cal.day(d('2026-10-10'))).toMatchObject({ working: true, reason: 'makeup', name: '国庆节' });
  });

  it('falls back to the weekend rule where there is no data (2027)', () => {
    expect(cal.day(d('2027-01-01'))).toEqual({ working: true, reason: 'weekday', source: 'rule' });
    expect(cal.day(d('2027-01-02'))).toEqual({ working: false, reason: 'weekend', source: 'rule' });
  });
});

describe('edited days and covered years', () => {
  const edited = buildCalendar({
    official,
    overrides: [
      { date: d('2026-02-14'), kind: 'normal' },
      { date: d('2026-02-16'), kind: 'normal' },
      { date: d('2025-10-08'), kind: 'workday' },
      { date: d('2026-03-07'), kind: 'workday', name: '防汛值守' },
      { date: d('2027-01-01'), kind: 'holiday', name: '元旦' },
    ],
    coveredYears: [2027],
  });

  it('an override wins over official data and is marked edited', () => {
    expect(edited.day(d('2026-02-14'))).toEqual({ working: false, reason: 'weekend', source: 'edited' });
    expect(edited.day(d('2026-02-16'))).toEqual({ working: true, reason: 'weekday', source: 'edited' });
    expect(edited.day(d('2025-10-08'))).toEqual({ working: true, reason: 'weekday', source: 'edited' });
  });

  it('a working Saturday set by an admin is a make-up day; a holiday keeps its name', () => {
    expect(edited.day(d('2026-03-07'))).toEqual({ working: true, reason: 'makeup', name: '防汛值守', source: 'edited' });
    expect(edited.day(d('2027-01-01'))).toEqual({ working: false, reason: 'holiday', name: '元旦', source: 'edited' });
  });

  it('days without an override keep the official answer', () => {
    expect(edited.day(d('2026-02-17'))).toMatchObject({ working: false, source: 'official' });
  });

  it('a year an admin completed counts as covered; an override alone does not cover a year', () => {
    expect(edited.covers(2027)).toBe(true);
    const overrideOnly = buildCalendar({ official, overrides: [{ date: d('2028-01-01'), kind: 'holiday' }], coveredYears: [] });
    expect(overrideOnly.covers(2028)).toBe(false);
    expect(overrideOnly.day(d('2028-01-01')).working).toBe(false);
  });
});
