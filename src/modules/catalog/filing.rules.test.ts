/**
 * CAT-2, catalog filing (目录备案): quarters, their Beijing-time bounds, which quarters an agency
 * must file by a given day, and the refusals of a filing that is early, late-duplicated or not due.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { checkFileable, checkReportedOn, duePeriods, parsePeriod, periodDates, periodInstants, periodLabel, periodOfDate, unfiledPeriods } from './filing.rules.ts';

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, status: err.status, message: err.message };
    throw err;
  }
  return null;
};

describe('CAT-2: filing periods are calendar quarters', () => {
  it('reads 2026Q3 and names it 2026年第三季度; refuses anything else', () => {
    expect(parsePeriod('2026Q3')).toEqual({ year: 2026, quarter: 3 });
    expect(['2026Q1', '2026Q2', '2026Q3', '2026Q4'].map(periodLabel)).toEqual(['2026年第一季度', '2026年第二季度', '2026年第三季度', '2026年第四季度']);
    for (const bad of ['2026Q0', '2026Q5', '2026-Q3', '26Q3', '2026q3', '']) {
      expect(refusal(() => parsePeriod(bad))).toMatchObject({ code: 'PERIOD_INVALID', status: 400 });
    }
  });

  it('places each day in its quarter', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-06-30', '2026-07-01', '2026-09-30', '2026-10-01', '2026-12-31'].map(periodOfDate))
      .toEqual(['2026Q1', '2026Q1', '2026Q2', '2026Q2', '2026Q3', '2026Q3', '2026Q4', '2026Q4']);
  });

  it('gives first and last day, including leap February and the year end', () => {
    expect(periodDates('2028Q1')).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(periodDates('2026Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodDates('2026Q3')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodDates('2026Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('bounds a quarter at midnight Beijing time: 2026Q4 runs from 30 Sep 16:00 UTC to 31 Dec 16:00 UTC', () => {
    expect(periodInstants('2026Q4')).toEqual({ start: '2026-09-30T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z' });
    expect(periodInstants('2027Q1').start).toBe(periodInstants('2026Q4').end);
  });
});

describe('CAT-2: which quarters an agency must file (未备案)', () => {
  it('nothing before the first publication, and nothing while the first quarter is still running', () => {
    expect(duePeriods(null, '2027-05-01')).toEqual([]);
    expect(duePeriods('2026-11-23', '2026-12-31')).toEqual([]);
  });

  it('every ended quarter from the quarter of the first publication, oldest first, across the year end', () => {
    expect(duePeriods('2026-08-15', '2027-01-01')).toEqual(['2026Q3', '2026Q4']);
    expect(duePeriods('2026-08-15', '2027-04-01')).toEqual(['2026Q3', '2026Q4', '2027Q1']);
  });

  it('the filed quarters drop out; the rest keep their order, gaps included', () => {
    expect(unfiledPeriods('2026-02-01', '2027-01-10', ['2026Q2', '2026Q4'])).toEqual(['2026Q1', '2026Q3']);
    expect(unfiledPeriods('2026-02-01', '2027-01-10', ['2026Q1', '2026Q2', '2026Q3', '2026Q4'])).toEqual([]);
  });
});

describe('CAT-2: refusals of a filing', () => {
  const facts = { firstPublishedOn: '2026-05-20', today: '2027-01-05', filed: ['2026Q3'] };

  it('files an ended, unfiled quarter since the first publication, even one without entries', () => {
    expect(refusal(() => checkFileable('2026Q2', facts))).toBeNull();
    expect(refusal(() => checkFileable('2026Q4', facts))).toBeNull();
  });

  it('a quarter that has not ended cannot be filed yet (the current one and later ones)', () => {
    expect(refusal(() => checkFileable('2027Q1', facts))).toEqual({ code: 'PERIOD_NOT_ENDED', status: 409, message: '2027年第一季度尚未结束（至 2027-03-31），季度结束后才能备案' });
    expect(refusal(() => checkFileable('2028Q2', facts))).toMatchObject({ code: 'PERIOD_NOT_ENDED' });
    expect(refusal(() => checkFileable('2026Q4', { ...facts, today: '2026-12-31' }))).toMatchObject({ code: 'PERIOD_NOT_ENDED' });
  });

  it('a quarter already filed cannot be filed twice', () => {
    expect(refusal(() => checkFileable('2026Q3', facts))).toEqual({ code: 'FILING_EXISTS', status: 409, message: '2026年第三季度的公开目录已经备案，不能重复备案' });
  });

  it('a quarter before the first publication is not due', () => {
    expect(refusal(() => checkFileable('2026Q1', facts))).toMatchObject({ code: 'PERIOD_NOT_DUE', status: 400 });
    expect(refusal(() => checkFileable('2026Q3', { ...facts, firstPublishedOn: null, filed: [] }))).toMatchObject({ code: 'PERIOD_NOT_DUE' });
  });

  it('the report to the leading group is dated today or earlier', () => {
    expect(refusal(() => checkReportedOn(null, '2027-01-05'))).toBeNull();
    expect(refusal(() => checkReportedOn('2027-01-05', '2027-01-05'))).toBeNull();
    expect(refusal(() => checkReportedOn('2027-01-06', '2027-01-05'))).toMatchObject({ code: 'REPORTED_ON_FUTURE', status: 400 });
  });
});
