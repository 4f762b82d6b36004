import { describe, expect, it } from 'vitest';
import { auditMac, blindIndex, isSealed, keyIdOf, newKeyring, open, parseKeyring, rotated, seal, suiteAvailable, SUITES } from './field-crypto.ts';

const now = new Date('2026-11-23T02:00:00Z');

describe('issue 9: field encryption (等保 数据保密性)', () => {
  it("Node's own crypto has the 国密 suite (SM4-CTR, SM3)", () => {
    expect(suiteAvailable('sm4-ctr-hmac-sm3')).toBe(true);
  });

  for (const suite of SUITES) {
    describe(suite, () => {
      const ring = newKeyring(suite, now);
      it('seals to a value that names its key and hides the text, and opens back', () => {
        const sealed = seal(ring, '11010519491231002X');
        expect(isSealed(sealed)).toBe(true);
        expect(keyIdOf(sealed)).toBe(ring.current);
        expect(sealed).not.toContain('1101051949');
        expect(open(ring, sealed)).toBe('11010519491231002X');
        expect(open(ring, seal(ring, '示例市解放路99号'))).toBe('示例市解放路99号');
      });
      it('the same value seals differently each time (no equality leaks)', () => {
        expect(seal(ring, '13912345678')).not.toBe(seal(ring, '13912345678'));
      });
      it('a value altered in the database is refused, not read as garbage', () => {
        const sealed = seal(ring, '13912345678');
        const flipped = sealed.slice(0, -3) + (sealed.at(-3) === 'A' ? 'B' : 'A') + sealed.slice(-2);
        expect(() => open(ring, flipped)).toThrow();
      });
      it('another key ring cannot open it', () => {
        expect(() => open(newKeyring(suite, now), seal(ring, 'x'.repeat(20)))).toThrow();
      });
    });
  }

  it('after rotation new values use the new key and old values still open; the key file round-trips', () => {
    const ring = newKeyring('aes-256-gcm', now);
    const old = seal(ring, '13912345678');
    const next = rotated(ring, 'sm4-ctr-hmac-sm3', now);
    expect(next.current).not.toBe(ring.current);
    expect(keyIdOf(seal(next, '13912345678'))).toBe(next.current);
    expect(open(next, old)).toBe('13912345678');
    expect(open(parseKeyring(JSON.stringify(next)), old)).toBe('13912345678');
  });

  it('the blind index is the same for the same value, keyed, and kept across rotation', () => {
    const ring = newKeyring('aes-256-gcm', now);
    const idx = blindIndex(ring, 'applications.id_number', '11010519491231002X');
    expect(blindIndex(rotated(ring, 'aes-256-gcm', now), 'applications.id_number', '11010519491231002X')).toBe(idx);
    expect(blindIndex(newKeyring('aes-256-gcm', now), 'applications.id_number', '11010519491231002X')).not.toBe(idx);
    expect(auditMac(ring, 'a')).toHaveLength(64);
    expect(auditMac(newKeyring('sm4-ctr-hmac-sm3', now), 'a')).toHaveLength(64);
  });

  it('a damaged key file is refused', () => {
    const ring = newKeyring('aes-256-gcm', now);
    expect(() => parseKeyring(JSON.stringify({ ...ring, keys: [{ ...ring.keys[0], key: 'AAAA' }] }))).toThrow(/damaged/);
    expect(() => parseKeyring('{}')).toThrow();
  });
});
