import { describe, expect, it } from 'vitest';
import { isValidPrcId } from './prc-id.ts';

describe('PRC ID numbers (GB 11643-1999), used by the SEC-2 privacy check', () => {
  it('accepts numbers with the right MOD 11-2 check character', () => {
    expect(isValidPrcId('130203198506121236')).toBe(true);
    expect(isValidPrcId('510107200002291232')).toBe(true); // born on a leap day
  });
  it('accepts the check character X in either case (the standard’s own example)', () => {
    expect(isValidPrcId('11010519491231002X')).toBe(true);
    expect(isValidPrcId('11010519491231002x')).toBe(true);
  });
  it('refuses a wrong check character, so a random 18-digit number is not an ID', () => {
    expect(isValidPrcId('130203198506121237')).toBe(false);
    expect(isValidPrcId('110101199003071234')).toBe(false);
    expect(isValidPrcId('11010519491231002Y')).toBe(false);
  });
  it('refuses dates that do not exist or lie outside 1900–2099', () => {
    // Each body below carries its own correct check character, so only the date is wrong.
    expect(isValidPrcId('51010720010229123X')).toBe(false); // 2001-02-29
    expect(isValidPrcId('130203198513121234')).toBe(false); // month 13
    expect(isValidPrcId('130203198504311239')).toBe(false); // 04-31
    expect(isValidPrcId('440524188001010014')).toBe(false); // 1880, valid in the standard's example but out of range
  });
  it('refuses region codes that do not start with 1–8, even with a correct check character', () => {
    expect(isValidPrcId('911302198506121231')).toBe(false);
    expect(isValidPrcId('030203198506121232')).toBe(false);
  });
  it('refuses anything that is not exactly 18 characters of the right shape', () => {
    expect(isValidPrcId('')).toBe(false);
    expect(isValidPrcId('13020319850612123')).toBe(false);
    expect(isValidPrcId('1302031985061212360')).toBe(false);
    expect(isValidPrcId(' 130203198506121236')).toBe(false);
    expect(isValidPrcId('13020319850612X236')).toBe(false);
  });
});
