import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** The current moment, injected so that tests can move time (lockouts, idle timeouts, deadlines). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const isoNow = (clock: Clock): string => clock().toISOString();

/** Everything a person sees, downloads or receives is in Beijing time: the one zone of the rules. */
export const CHINA_ZONE = 'Asia/Shanghai';

const inChina = (instant: string | Date, pattern: string): string => format(new TZDate(new Date(instant), CHINA_ZONE), pattern);

/** The Beijing-time date ('YYYY-MM-DD') of an instant: the day a clerk would write on a form. */
export const chinaDateOf = (instant: string | Date): string => inChina(instant, 'yyyy-MM-dd');

/** The Beijing-time date and minute ('YYYY-MM-DD HH:mm') of an instant, for lists and exports. */
export const chinaDateTimeOf = (instant: string | Date): string => inChina(instant, 'yyyy-MM-dd HH:mm');

/** An instant as RFC 3339 with Beijing's offset ('2026-12-05T05:06:00+08:00'), for feeds and open data. */
export const chinaMomentOf = (instant: string | Date): string => inChina(instant, "yyyy-MM-dd'T'HH:mm:ssXXX");

/** The Beijing-time date written the Chinese way ('2026年12月4日'), for letters and pages. */
export const chinaLongDateOf = (instant: string | Date): string => inChina(instant, 'yyyy年M月d日');

export const chinaToday = (clock: Clock): string => chinaDateOf(clock());
