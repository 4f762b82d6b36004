/**
 * The State Council's holiday arrangements (国务院办公厅关于部分节假日安排的通知) as shipped by
 * `chinese-days`. Its values read "Spring Festival,春节,4" (English, Chinese, days off);
 * the console and the applicant's status page show the Chinese name.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { OfficialData } from './calendar.ts';

export { officialYears } from './calendar.ts';

const chineseNames = (entries: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(entries).map(([date, value]) => [date, value.split(',')[1] ?? value]));

export function officialCalendarData(): OfficialData {
  return { holidays: chineseNames(data.holidays), workdays: chineseNames(data.workdays) };
}
