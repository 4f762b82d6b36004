import { describe, expect, it } from 'vitest';
import { chinaDateOf } from './clock.ts';

describe('chinaDateOf: the Beijing date of an instant', () => {
  it('turns at 16:00 UTC, on every day of a leap year and across the year end', () => {
    for (let day = Date.UTC(2028, 0, 1); day < Date.UTC(2029, 0, 2); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      expect(chinaDateOf(new Date(day + 16 * 3_600_000 - 1))).toBe(date);
      expect(chinaDateOf(new Date(day - 8 * 3_600_000).toISOString())).toBe(date);
    }
    expect(chinaDateOf('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
  });

  it('keeps the summer time of 1986–1991 (UTC+9), which the fixed offset since 1992 does not have', () => {
    expect(chinaDateOf('1988-07-01T15:30:00.000Z')).toBe('1988-07-02');
    expect(chinaDateOf('1988-12-01T15:30:00.000Z')).toBe('1988-12-01');
    expect(chinaDateOf('1992-07-01T15:30:00.000Z')).toBe('1992-07-01');
  });
});
