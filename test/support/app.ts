import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Connection } from '../../src/db/connect.ts';
import { buildApp } from '../../src/http/app.ts';
import { totpCode } from '../../src/modules/auth/totp.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemo } from '../../src/seed/demo.ts';
import { freshDatabase } from './db.ts';

/** A clock the test moves by hand (lockouts, idle timeouts). */
export function testClock(start = '2026-11-23T02:00:00.000Z') {
  let now = new Date(start);
  const clock = () => new Date(now);
  return Object.assign(clock, {
    advance(minutes: number) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
  });
}

export type TestApp = { app: FastifyInstance; conn: Connection; clock: ReturnType<typeof testClock>; close: () => Promise<void> };

/**
 * The whole server over a fresh database holding the demo city; `start` sets the test clock,
 * `dataDir` is where stored files go (tests that upload or issue letters give a folder of their own).
 */
export async function demoApp(start?: string, dataDir = '/nonexistent'): Promise<TestApp> {
  const conn = await freshDatabase();
  const clock = testClock(start);
  const deps = { db: conn.db, dialect: conn.dialect, clock, dataDir, secureCookies: false };
  await seedDemo(deps);
  const app = await buildApp(deps, { logLevel: 'silent' });
  return { app, conn, clock, close: async () => { await app.close(); await conn.close(); } };
}

export type Session = { cookie: string; csrf: string };

const sessionCookie = (res: LightMyRequestResponse) => {
  const c = res.cookies.find((x) => x.name === 'gk_sid');
  if (!c) throw new Error(`no session cookie in ${res.statusCode} ${res.body}`);
  return `gk_sid=${c.value}`;
};

/** Signs in a demo account, passing the second factor for the administrators. */
export async function signIn(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const first = { cookie: sessionCookie(res), csrf: res.json().csrfToken as string };
  if (res.json().status !== 'mfa_required') return first;
  // A TOTP code counts once (issue 9). Tests sign the same administrator in many times at one
  // moment of their hand-moved clock; forgetting the last step used stands for waiting 30 seconds.
  await t.conn.db.updateTable('users').set({ totp_last_step: null }).where('username', '=', username).execute();
  const mfa = await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa', headers: { cookie: first.cookie, 'x-csrf-token': first.csrf }, payload: { code: totpCode(DEMO_TOTP_SECRET, t.clock()) } });
  if (mfa.statusCode !== 200) throw new Error(`mfa ${username}: ${mfa.statusCode} ${mfa.body}`);
  return { cookie: sessionCookie(mfa), csrf: mfa.json().csrfToken };
}

/** A JSON request as the console makes it: session cookie and CSRF header. */
export function call(t: TestApp, s: Session | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

export async function agencyId(t: TestApp, code: string): Promise<string> {
  return (await t.conn.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export async function userId(t: TestApp, username: string): Promise<string> {
  return (await t.conn.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** One demo city per describe block: seeding is the slow part. */
export function withDemoCity(start?: string): () => TestApp {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await demoApp(start);
  });
  afterAll(async () => {
    await t?.close();
  });
  return () => {
    if (!t) throw new Error('demo city not ready');
    return t;
  };
}

/** The refusal a user sees: status, stable code, and (optionally) the Chinese message. */
export function expectError(res: LightMyRequestResponse, status: number, code: string, message?: RegExp) {
  expect(res.statusCode, res.body).toBe(status);
  const { error } = res.json();
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
}

/** The multipart form the console's upload sends (field `file`), written out by hand. */
export function uploadFile(t: Pick<TestApp, 'app'>, s: Session, url: string, filename: string, bytes: Uint8Array): Promise<LightMyRequestResponse> {
  const boundary = `----gongkai${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST', url: `/api/v1${url}`, payload,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}
