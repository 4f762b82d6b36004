import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** The current moment, injected so that tests can move time (lockouts, idle timeouts, deadlines). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const isoNow = (clock: Clock): string => clock().toISOString();

/** The Beijing-time date ('YYYY-MM-DD') of an instant: the day a clerk would write on a form. */
export const chinaDateOf = (instant: string | Date): string => format(new TZDate(new Date(instant), 'Asia/Shanghai'), 'yyyy-MM-dd');

export const chinaToday = (clock: Clock): string => chinaDateOf(clock());
