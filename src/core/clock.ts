import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** The current moment, injected so that tests can move time (lockouts, idle timeouts, deadlines). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const isoNow = (clock: Clock): string => clock().toISOString();

/** Everything a person sees, downloads or receives is in Beijing time: the one zone of the rules. */
export const CHINA_ZONE = 'Asia/Shanghai';

const inChina = (instant: string | Date, pattern: string): string => format(new TZDate(new Date(instant), CHINA_ZONE), pattern);

/** Beijing has kept UTC+8 without summer time since 1992 (it last had summer time in 1991). */
const FIXED_OFFSET = { from: Date.UTC(1992, 0, 1), to: Date.UTC(9999, 0, 1), ms: 8 * 3_600_000 };

/**
 * The date a Date holds in its UTC fields ('YYYY-MM-DD'): a calendar date kept as UTC midnight
 * (calendar.ts), or an instant already moved by Beijing's offset. Read from the fields, never
 * cut from an ISO string, so no one mistakes it for the UTC date of a moment.
 */
export const utcFieldsDate = (d: Date): string =>
  `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;

/**
 * The Beijing-time date ('YYYY-MM-DD') of an instant: the day a clerk would write on a form.
 * Since 1992 it is the date of the instant moved by the fixed offset, without the zone
 * database: a catalog page writes forty of these, and the zone lookup was a tenth of its time.
 */
export const chinaDateOf = (instant: string | Date): string => {
  const moved = movedToChina(instant);
  return moved ? utcFieldsDate(moved) : inChina(instant, 'yyyy-MM-dd');
};

/** The instant moved by Beijing's fixed offset, read through its UTC fields; null before 1992 (summer time: ask the zone database). */
const movedToChina = (instant: string | Date): Date | null => {
  const ms = new Date(instant).getTime();
  return ms >= FIXED_OFFSET.from && ms < FIXED_OFFSET.to ? new Date(ms + FIXED_OFFSET.ms) : null;
};

/** The Beijing-time date and minute ('YYYY-MM-DD HH:mm') of an instant, for lists and exports. */
export const chinaDateTimeOf = (instant: string | Date): string => inChina(instant, 'yyyy-MM-dd HH:mm');

/** An instant as RFC 3339 with Beijing's offset ('2026-12-05T05:06:00+08:00'), for feeds and open data. */
export const chinaMomentOf = (instant: string | Date): string => inChina(instant, "yyyy-MM-dd'T'HH:mm:ssXXX");

/** The Beijing-time date written the Chinese way ('2026年12月4日'), for letters and pages (every item page: by the fixed offset since 1992, as chinaDateOf). */
export const chinaLongDateOf = (instant: string | Date): string => {
  const moved = movedToChina(instant);
  return moved ? `${moved.getUTCFullYear()}年${moved.getUTCMonth() + 1}月${moved.getUTCDate()}日` : inChina(instant, 'yyyy年M月d日');
};

export const chinaToday = (clock: Clock): string => chinaDateOf(clock());
