import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { isoNow, type Clock } from '../core/clock.ts';
import type { Db } from '../db/database.ts';

/**
 * A self-hosted challenge for the public forms (no third-party service): a small sum in
 * words a person reads and a screen reader speaks, signed by the server so it cannot be
 * forged, valid for two hours, and refused when answered faster than a person types. Its
 * nonce doubles as the form's one-time submission token. The token never carries the sum or
 * its terms, only a keyed hash of the answer with the nonce (issue 9): reading the token
 * tells a robot nothing, and it cannot test guesses without the server's key.
 */
const MIN_SECONDS = 3;
const MAX_SECONDS = 2 * 3600;
const KEY = 'portal.challenge_key';

export type Challenge = { question: string; token: string };
export type Verdict = { ok: true; nonce: string } | { ok: false; reason: string };

const sign = (key: string, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

/** The signing key lives in the database, so every server process and restart agrees on it. */
export async function challengeKey(db: Db, clock: Clock): Promise<string> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', KEY).executeTakeFirst();
  if (row) return JSON.parse(row.value_json) as string;
  const key = randomBytes(32).toString('hex');
  await db.insertInto('settings').values({ key: KEY, value_json: JSON.stringify(key), updated_by: null, updated_at: isoNow(clock) }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return JSON.parse((await db.selectFrom('settings').select('value_json').where('key', '=', KEY).executeTakeFirstOrThrow()).value_json) as string;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function issueChallenge(key: string, now: Date): Challenge {
  const a = randomInt(1, 10);
  const b = randomInt(1, 10);
  const n = randomBytes(12).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ t: now.getTime(), n, h: sign(key, `${n}:${a + b}`) })).toString('base64url');
  return { question: `${DIGITS[a]}加${DIGITS[b]}等于多少？（请填阿拉伯数字）`, token: `${payload}.${sign(key, payload)}` };
}

export function verifyChallenge(key: string, token: string, answer: string, now: Date): Verdict {
  const [payload, mac] = token.split('.');
  if (!payload || !mac) return { ok: false, reason: '验证信息缺失，请刷新页面后重新提交' };
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: '验证信息无效，请刷新页面后重新提交' };
  const { t, n, h } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { t: number; n: string; h: string };
  const age = (now.getTime() - t) / 1000;
  if (age > MAX_SECONDS) return { ok: false, reason: '页面停留时间过长，验证已过期，请重新计算下面的题目' };
  if (age < MIN_SECONDS) return { ok: false, reason: '提交过快，请稍候再提交' };
  if (!/^\d{1,2}$/.test(answer.trim()) || sign(key, `${n}:${Number(answer.trim())}`) !== h) return { ok: false, reason: '验证题答案不正确' };
  return { ok: true, nonce: n };
}
