import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ISSUER = '政务公开管理平台';

const totpFor = (secret: string, label: string) =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/**
 * Accepts the current code and one 30-second step either side, for clocks a little apart,
 * but only a step later than `lastStep`, the last one used (issue 9: a code counts once).
 * Returns the code's step, or null.
 */
export function totpStep(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret, '').validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 30_000) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

export const totpCode = (secret: string, now: Date): string => totpFor(secret, '').generate({ timestamp: now.getTime() });

export async function totpEnrolment(secret: string, username: string) {
  const otpauthUrl = totpFor(secret, username).toString();
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl) };
}
