import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY as policy } from '../settings/security-policy.ts';
import { afterFailure, isLocked, sessionExpired, shouldTouch } from './session.rules.ts';

const at = (iso: string) => new Date(iso);

describe('等保2.0 session limits: idle 30 minutes, absolute 12 hours', () => {
  const s = { created_at: '2026-11-23T00:00:00.000Z', last_seen_at: '2026-11-23T08:00:00.000Z' };
  it('is alive 29 minutes after the last request and over at 30', () => {
    expect(sessionExpired(s, policy, at('2026-11-23T08:29:59Z'))).toBe(false);
    expect(sessionExpired(s, policy, at('2026-11-23T08:30:00Z'))).toBe(true);
  });
  it('ends 12 hours after login however active it is', () => {
    const busy = { created_at: s.created_at, last_seen_at: '2026-11-23T11:59:00.000Z' };
    expect(sessionExpired(busy, policy, at('2026-11-23T11:59:30Z'))).toBe(false);
    expect(sessionExpired(busy, policy, at('2026-11-23T12:00:00Z'))).toBe(true);
  });
  it('records activity at most once a minute', () => {
    expect(shouldTouch(s, at('2026-11-23T08:00:59Z'))).toBe(false);
    expect(shouldTouch(s, at('2026-11-23T08:01:00Z'))).toBe(true);
  });
});

describe('等保2.0 lockout: 15 minutes after 5 failures', () => {
  const now = at('2026-11-23T08:00:00Z');
  it('counts the first four failures without locking', () => {
    let state = { failed_logins: 0, locked_until: null as string | null };
    for (let i = 1; i <= 4; i++) {
      const next = afterFailure(state, policy, now);
      expect(next).toMatchObject({ failed_logins: i, lockedNow: false });
      state = next;
    }
  });
  it('locks at the fifth for exactly 15 minutes, then lets the user try again', () => {
    const next = afterFailure({ failed_logins: 4, locked_until: null }, policy, now);
    expect(next.lockedNow).toBe(true);
    expect(next.locked_until).toBe('2026-11-23T08:15:00.000Z');
    expect(isLocked(next, at('2026-11-23T08:14:59Z'))).toBe(true);
    expect(isLocked(next, at('2026-11-23T08:15:00Z'))).toBe(false);
  });
});
