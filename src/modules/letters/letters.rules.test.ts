import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { checkNumberPattern, chineseNumeralDate, contactLine, DEFAULT_NUMBER_PATTERN, letterNumber, writtenDate } from './letters.rules.ts';

describe('发文字号 (GB/T 9704-2012 7.2.4)', () => {
  it('fills the agency’s pattern with the year and the number, without leading zeros or 第', () => {
    expect(letterNumber('示人社公开〔{年}〕{号}号', 2026, 1)).toBe('示人社公开〔2026〕1号');
    expect(letterNumber('示人社公开〔{年}〕{号}号', 2027, 125)).toBe('示人社公开〔2027〕125号');
    expect(letterNumber(DEFAULT_NUMBER_PATTERN, 2026, 3)).toBe('〔2026〕3号');
  });

  it('refuses a pattern without the year in 〔〕 or the number, with 第, or with another placeholder', () => {
    for (const bad of ['示人社公开〔2026〕{号}号', '示人社公开〔{年}〕号', '〔{年}〕{号}{号}号', '〔{年}〕{号}号{科室}', '示人社公开[{年}]{号}号', '示人社公开〔{年}〕第{号}号']) {
      expect(() => checkNumberPattern(bad)).toThrow(AppError);
    }
    expect(checkNumberPattern('  示医保公开〔{年}〕{号}号 ')).toBe('示医保公开〔{年}〕{号}号');
  });
});

describe('成文日期', () => {
  it('writes the date in Chinese numerals: the year digit by digit with 〇, month and day as numbers', () => {
    expect(chineseNumeralDate('2026-12-04')).toBe('二〇二六年十二月四日');
    expect(chineseNumeralDate('2027-01-10')).toBe('二〇二七年一月十日');
    expect(chineseNumeralDate('2030-10-20')).toBe('二〇三〇年十月二十日');
    expect(chineseNumeralDate('2026-11-30')).toBe('二〇二六年十一月三十日');
    expect(chineseNumeralDate('2028-02-29')).toBe('二〇二八年二月二十九日');
    expect(chineseNumeralDate('2026-03-31')).toBe('二〇二六年三月三十一日');
    expect(() => chineseNumeralDate('2026-02-30')).toThrow(AppError);
  });

  it('or in Arabic numerals where the agency chose them', () => {
    expect(writtenDate('2026-12-04', 'arabic')).toBe('2026年12月4日');
    expect(writtenDate('2026-12-04', 'chinese')).toBe('二〇二六年十二月四日');
  });
});

describe('contact line (附注)', () => {
  it('names the contact person and phone in parentheses, or whichever is set', () => {
    expect(contactLine('王公开', '0310-1234333')).toBe('（联系人：王公开，联系电话：0310-1234333）');
    expect(contactLine('', '0310-1234333')).toBe('（联系电话：0310-1234333）');
    expect(contactLine(' ', ' ')).toBeNull();
  });
});
