import { createCipheriv, createDecipheriv, createHmac, getCiphers, getHashes, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Field encryption for personal data and secrets (DESIGN.md: encrypted at rest with a key
 * that lives outside the database; 等保2.0 三级 数据保密性). Pure: keys in, strings out.
 *
 * Two suites: AES-256-GCM (default) and the 国密 suite for sites whose 密评 asks for it,
 * SM4-CTR encrypted then authenticated with HMAC-SM3 (encrypt-then-MAC). Every value carries
 * the id of the key that sealed it, `gk1:<keyId>:<base64url>`, so keys rotate: old values
 * stay readable until `gongkai keys rotate` re-seals them under the current key.
 *
 * Besides the data keys a keyring holds two MAC keys that never rotate with them: the blind
 * index key (a keyed hash of a value, to find rows by value without storing it) and the
 * audit key (the audit chain's links and checkpoints, so they cannot be recomputed by
 * someone who can only write the database).
 */
export type Suite = 'aes-256-gcm' | 'sm4-ctr-hmac-sm3';
export const SUITES: readonly Suite[] = ['aes-256-gcm', 'sm4-ctr-hmac-sm3'];

export type DataKey = { id: string; suite: Suite; key: string; createdAt: string };
export type Keyring = {
  format: 'gongkai-keys-1';
  /** The id of the key new values are sealed with. */
  current: string;
  keys: DataKey[];
  /** The MAC of the blind indexes and the audit chain: HMAC-SHA-256, or HMAC-SM3 under the 国密 suite. Fixed at creation. */
  mac: 'sha256' | 'sm3';
  indexKey: string;
  auditKey: string;
};

const PREFIX = 'gk1';
const ENVELOPE = /^gk1:(k[0-9a-f]{8}):([A-Za-z0-9_-]{20,})$/;
const KEY_BYTES: Record<Suite, number> = { 'aes-256-gcm': 32, 'sm4-ctr-hmac-sm3': 48 };

/** The 国密 suite needs an OpenSSL with SM4 and SM3 (Node's own build has both). */
export function suiteAvailable(suite: Suite): boolean {
  return suite === 'aes-256-gcm' || (getCiphers().includes('sm4-ctr') && getHashes().includes('sm3'));
}

const b64 = (n: number) => randomBytes(n).toString('base64');
const bytes = (s: string) => Buffer.from(s, 'base64');

/** Key ids are random, so a key made elsewhere (a new install, another site) never passes for the one a value names. */
function dataKey(suite: Suite, now: Date): DataKey {
  if (!suiteAvailable(suite)) throw new Error(`this Node.js build lacks ${suite}`);
  return { id: `k${randomBytes(4).toString('hex')}`, suite, key: b64(KEY_BYTES[suite]), createdAt: now.toISOString() };
}

export function newKeyring(suite: Suite, now: Date): Keyring {
  const first = dataKey(suite, now);
  return { format: 'gongkai-keys-1', current: first.id, keys: [first], mac: suite === 'aes-256-gcm' ? 'sha256' : 'sm3', indexKey: b64(32), auditKey: b64(32) };
}

/** A new current data key (old ones stay to read what they sealed). */
export function rotated(ring: Keyring, suite: Suite, now: Date): Keyring {
  const next = dataKey(suite, now);
  return { ...ring, current: next.id, keys: [...ring.keys, next] };
}

/** A fingerprint of the audit key, to tell whether a backup's chain was keyed with the key at hand. */
export const auditKeyId = (ring: Keyring) => auditMac(ring, 'audit-key-id').slice(0, 16);

export function parseKeyring(text: string): Keyring {
  const ring = JSON.parse(text) as Keyring;
  if (ring.format !== 'gongkai-keys-1' || !ring.keys?.some((k) => k.id === ring.current) || !ring.indexKey || !ring.auditKey) throw new Error('not a gongkai key file');
  for (const k of ring.keys) {
    if (!SUITES.includes(k.suite) || bytes(k.key).length !== KEY_BYTES[k.suite]) throw new Error(`key ${k.id} is damaged`);
  }
  return ring;
}

export const isSealed = (v: unknown): v is string => typeof v === 'string' && ENVELOPE.test(v);

export function seal(ring: Keyring, plain: string): string {
  const k = ring.keys.find((x) => x.id === ring.current)!;
  const header = `${PREFIX}:${k.id}:`;
  const key = bytes(k.key);
  if (k.suite === 'aes-256-gcm') {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(header));
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return header + Buffer.concat([iv, ct, c.getAuthTag()]).toString('base64url');
  }
  const iv = randomBytes(16);
  const c = createCipheriv('sm4-ctr', key.subarray(0, 16), iv);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  const tag = createHmac('sm3', key.subarray(16)).update(header).update(iv).update(ct).digest();
  return header + Buffer.concat([iv, ct, tag]).toString('base64url');
}

/** Opens a sealed value; a value altered in the database, or sealed by a key not in the ring, is an error, never garbage. */
export function open(ring: Keyring, sealed: string): string {
  const m = ENVELOPE.exec(sealed);
  if (!m) throw new Error('not a sealed value');
  const k = ring.keys.find((x) => x.id === m[1]);
  if (!k) throw new Error(`value sealed with key ${m[1]}, which this key file lacks`);
  const header = `${PREFIX}:${k.id}:`;
  const raw = Buffer.from(m[2]!, 'base64url');
  const key = bytes(k.key);
  if (k.suite === 'aes-256-gcm') {
    const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12)).setAAD(Buffer.from(header));
    d.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString('utf8');
  }
  const iv = raw.subarray(0, 16);
  const ct = raw.subarray(16, raw.length - 32);
  const tag = createHmac('sm3', key.subarray(16)).update(header).update(iv).update(ct).digest();
  if (!timingSafeEqual(tag, raw.subarray(raw.length - 32))) throw new Error('sealed value fails its authentication');
  const d = createDecipheriv('sm4-ctr', key.subarray(0, 16), iv);
  return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
}

/** The key id a sealed value names. */
export const keyIdOf = (sealed: string): string | null => ENVELOPE.exec(sealed)?.[1] ?? null;

/** A keyed hash of a value: equal values give equal indexes, and nobody without the key can test a guess. */
export function blindIndex(ring: Keyring, purpose: string, value: string): string {
  return createHmac(ring.mac, bytes(ring.indexKey)).update(`${purpose}\n${value}`).digest('hex');
}

/** The audit chain's keyed MAC (HMAC-SHA-256 or HMAC-SM3). */
export function auditMac(ring: Keyring, ...parts: string[]): string {
  const h = createHmac(ring.mac, bytes(ring.auditKey));
  for (const p of parts) h.update(p).update('\n');
  return h.digest('hex');
}
