/**
 * PRC resident identity numbers (公民身份号码, GB 11643-1999): six-digit region code, eight-digit
 * birth date, three-digit sequence, and an ISO 7064 MOD 11-2 check character (0–9 or X).
 * Standalone and pure: the sensitive-content scanner uses it so that a random 18-digit number
 * is not reported as an ID, and applicant registration uses it to check what people type.
 */

/** Weight of position i is 2^(17-i) mod 11 (GB 11643-1999 §7.2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character indexed by the weighted sum mod 11. */
const CHECK_CHARS = '10X98765432';

const SHAPE = /^[1-8]\d{16}[\dX]$/i;

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC keeps local DST out of it.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * True for an 18-character number whose region code starts with 1–8, whose birth date is a
 * real calendar date between 1900-01-01 and 2099-12-31, and whose check character is right
 * (X in either case). Deliberately not compared with today, so the answer never changes.
 */
export function isValidPrcId(s: string): boolean {
  if (!SHAPE.test(s)) return false;
  const year = Number(s.slice(6, 10));
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  if (!isRealDate(year, month, day)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11] === s[17]!.toUpperCase();
}
