import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { CHINA_ZONE, chinaDateOf, chinaLongDateOf } from '../src/core/clock.ts';

/**
 * The dates every portal page writes are computed from Beijing's fixed offset since 1992, not
 * from the zone database; they must be the dates the zone database gives, on either side of
 * midnight in Beijing, in its summer-time years and at the edge of 1992.
 */
describe('Beijing dates', () => {
  const zoned = (ms: number, pattern: string) => format(new TZDate(new Date(ms), CHINA_ZONE), pattern);
  const instants: number[] = [];
  for (let ms = Date.UTC(1986, 0, 1); ms < Date.UTC(2040, 0, 1); ms += 7 * 86_400_000 + 3_541_000) instants.push(ms);
  for (const edge of [Date.UTC(1991, 11, 31, 15, 59, 59), Date.UTC(1991, 11, 31, 16), Date.UTC(1992, 0, 1), Date.UTC(1991, 6, 1, 15, 30), Date.UTC(2026, 11, 4, 16)]) instants.push(edge - 1, edge, edge + 1);

  it('chinaDateOf and chinaLongDateOf agree with the zone database at every sampled instant', () => {
    for (const ms of instants) {
      expect(chinaDateOf(new Date(ms)), new Date(ms).toISOString()).toBe(zoned(ms, 'yyyy-MM-dd'));
      expect(chinaLongDateOf(new Date(ms).toISOString()), new Date(ms).toISOString()).toBe(zoned(ms, 'yyyy年M月d日'));
    }
  });

  it('a calendar date as typed (成文日期) is written as that day', () => {
    expect(chinaLongDateOf('2026-01-05')).toBe('2026年1月5日');
    expect(chinaLongDateOf('1990-07-31')).toBe('1990年7月31日');
    expect(chinaDateOf('2026-12-31')).toBe('2026-12-31');
  });
});
