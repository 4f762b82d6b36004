/**
 * Pure rules of letters in 公文 form (GB/T 9704-2012 党政机关公文格式): the 发文字号 an agency's
 * pattern gives, the 成文日期 as written on the letter, and the contact line (附注).
 */
import { isIsoDate } from '../../core/calendar.ts';
import { badRequest } from '../../core/errors.ts';
import { chineseDate } from '../applications/letters.ts';

export type DateStyle = 'chinese' | 'arabic';

export const DATE_STYLES: Record<DateStyle, string> = {
  chinese: '汉字（二〇二六年十二月四日）',
  arabic: '阿拉伯数字（2026年12月4日）',
};

/** The placeholders of a 发文字号 pattern: the year and the sequence number. */
export const YEAR_SLOT = '{年}';
export const NUMBER_SLOT = '{号}';

/** Without a template an agency's letters are numbered 〔2026〕1号; the office adds its 机关代字. */
export const DEFAULT_NUMBER_PATTERN = `〔${YEAR_SLOT}〕${NUMBER_SLOT}号`;

const count = (text: string, part: string) => text.split(part).length - 1;

/** A pattern holds `{年}` (in 〔〕) and `{号}` (without 第) once each, and nothing that looks like another placeholder. */
export function checkNumberPattern(pattern: string): string {
  const p = pattern.trim();
  if (count(p, YEAR_SLOT) !== 1 || count(p, NUMBER_SLOT) !== 1) {
    throw badRequest('LETTER_NUMBER_PATTERN', `发文字号格式须各含一次${YEAR_SLOT}和${NUMBER_SLOT}，例如：示人社公开〔${YEAR_SLOT}〕${NUMBER_SLOT}号`, { field: 'numberPattern' });
  }
  if (/[{}]/.test(p.replace(YEAR_SLOT, '').replace(NUMBER_SLOT, ''))) {
    throw badRequest('LETTER_NUMBER_PATTERN', `发文字号格式只能使用${YEAR_SLOT}和${NUMBER_SLOT}两个占位符`, { field: 'numberPattern' });
  }
  // GB/T 9704-2012 7.2.4: the year in 六角括号, the sequence number without 第.
  if (!p.includes(`〔${YEAR_SLOT}〕`)) throw badRequest('LETTER_NUMBER_PATTERN', `年份应用六角括号“〔〕”括入：〔${YEAR_SLOT}〕`, { field: 'numberPattern' });
  if (p.includes(`第${NUMBER_SLOT}`)) throw badRequest('LETTER_NUMBER_PATTERN', '发文顺序号前不加“第”字', { field: 'numberPattern' });
  return p;
}

/**
 * 发文字号: the pattern with the year (four digits) and the sequence number (no leading zeros,
 * no 第; GB/T 9704-2012 7.2.4), e.g. 示人社公开〔2026〕1号.
 */
export function letterNumber(pattern: string, year: number, n: number): string {
  return checkNumberPattern(pattern).replace(YEAR_SLOT, String(year)).replace(NUMBER_SLOT, String(n));
}

const DIGITS = '〇一二三四五六七八九';

/** 1–31 in Chinese numerals as dates write them: 四, 十, 十二, 二十, 三十一. */
function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return ones === 0 && tens > 0 ? head : `${head}${DIGITS[ones]}`;
}

/** 2026-12-04 → 二〇二六年十二月四日: the year digit by digit with 〇, month and day as numbers. */
export function chineseNumeralDate(date: string): string {
  if (!isIsoDate(date)) throw badRequest('BAD_DATE', `日期格式错误（应为 YYYY-MM-DD）：${date}`);
  const [y, m, d] = date.split('-') as [string, string, string];
  return `${[...y].map((c) => DIGITS[Number(c)]).join('')}年${chineseNumber(Number(m))}月${chineseNumber(Number(d))}日`;
}

export const writtenDate = (date: string, style: DateStyle) => (style === 'chinese' ? chineseNumeralDate(date) : chineseDate(date));

/** 附注 (GB/T 9704-2012 7.3.7): （联系人：王公开，联系电话：0310-1234333）, or null when there is neither. */
export function contactLine(person: string, phone: string): string | null {
  const parts = [person.trim() && `联系人：${person.trim()}`, phone.trim() && `联系电话：${phone.trim()}`].filter(Boolean);
  return parts.length ? `（${parts.join('，')}）` : null;
}
