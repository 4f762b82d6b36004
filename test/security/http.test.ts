import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { jsonDepth, maskedUrl } from '../../src/http/hardening.ts';
import { call, expectError, signIn, withDemoCity } from '../support/app.ts';

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('issue 9: HTTP answers a probe found wanting', () => {
  const city = withDemoCity();

  it('every API answer, personal data or not, carries Cache-Control: no-store', async () => {
    const t = city();
    const office = await signIn(t, 'rsj.office');
    for (const url of ['/auth/me', '/applications', '/agencies']) expect((await call(t, office, 'GET', url)).headers['cache-control'], url).toBe('no-store');
    expect((await call(t, null, 'GET', '/auth/me')).headers['cache-control']).toBe('no-store');
  });

  it('a 100,000-deep JSON array to the portal status and apply endpoints and to the API is 400 with a Chinese message, not 500', async () => {
    const t = city();
    for (const url of ['/xxgk/status', '/xxgk/RSJ/apply', '/api/v1/auth/login']) {
      const res = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: deep(100_000) });
      expectError(res, 400, 'BODY_TOO_DEEP', /嵌套层级过深/);
    }
    expect(jsonDepth('{"a":"[[[[","b":[1,[2]]}')).toBe(3);
  });

  it("Fastify's own errors answer in the Chinese error body: a bad URL 400, an over-long path 414", async () => {
    const t = city();
    expectError(await t.app.inject({ url: '/api/v1/applications/%zz' }), 400, 'BAD_URL', /请求地址格式不正确/);
    expectError(await t.app.inject({ url: '/xxgk/%E0%A4%A' }), 400, 'BAD_URL');
    expectError(await t.app.inject({ url: `/api/v1/applications/${'a'.repeat(300)}` }), 414, 'URL_TOO_LONG', /请求地址过长/);
    // PostgreSQL refuses NUL in text: found by the fuzz test as a 500 on /xxgk/%00/catalog.
    expectError(await t.app.inject({ url: '/xxgk/%00/catalog' }), 400, 'BAD_URL');
  });

  it('headers too large are refused by Node before Fastify: 431 in the Chinese error body', async () => {
    const t = city();
    const app = await buildApp({ db: t.conn.db, dialect: t.conn.dialect, clock: t.clock, dataDir: '/nonexistent', secureCookies: false }, { logLevel: 'silent' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as AddressInfo;
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request({ port, host: '127.0.0.1', path: '/', headers: { 'x-big': 'a'.repeat(40_000) } }, (r) => {
          let body = '';
          r.on('data', (c) => (body += c));
          r.on('end', () => resolve({ status: r.statusCode!, body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(res.status).toBe(431);
      expect(JSON.parse(res.body)).toEqual({ error: { code: 'HEADERS_TOO_LARGE', message: '请求头过大' } });
    } finally {
      await app.close();
    }
  });

  it('a value outside an enumeration is told once, with the allowed values, not "应当等于常量" per value', async () => {
    const t = city();
    const office = await signIn(t, 'rsj.office');
    const res = await call(t, office, 'POST', '/applications', { applicantKind: 'natural', name: '张三', idType: 'passportx', idNumber: 'E1234567', phone: '13912345678', description: 'x', form: 'electronic', delivery: 'online', channel: 'letter', receivedAt: '2026-11-20T02:00:00.000Z' });
    expect(res.statusCode).toBe(400);
    const message: string = res.json().error.message;
    expect(message).not.toMatch(/应当等于常量/);
    expect(message.match(/idType/g)).toHaveLength(1);
    expect(message).toMatch(/应当是以下之一：prc_id、passport、other、org/);
  });
});

describe('issue 9: query strings are masked in the log', () => {
  it('keeps parameter names, drops values', () => {
    expect(maskedUrl('/search?q=11010519491231002X&page=2')).toBe('/search?q=***&page=***');
    expect(maskedUrl('/xxgk/RSJ/catalog')).toBe('/xxgk/RSJ/catalog');
  });
});

describe('issue 9: the visitor address behind a trusted reverse proxy', () => {
  const city = withDemoCity();
  const failedLoginIp = async (app: Awaited<ReturnType<typeof buildApp>>, t: ReturnType<typeof city>, forwarded: string) => {
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.0.0.5', headers: { 'x-forwarded-for': forwarded }, payload: { username: 'no.such.user', password: 'x' } });
    return (await t.conn.db.selectFrom('audit_events').select('ip').where('action', '=', 'auth.login.failed').orderBy('at', 'desc').orderBy('seq', 'desc').executeTakeFirstOrThrow()).ip;
  };
  it('is taken from X-Forwarded-For only when the request comes from a listed proxy', async () => {
    const t = city();
    const deps = { db: t.conn.db, dialect: t.conn.dialect, clock: t.clock, dataDir: '/nonexistent', secureCookies: false };
    const trusting = await buildApp(deps, { logLevel: 'silent', trustProxy: ['10.0.0.5'] });
    const elsewhere = await buildApp(deps, { logLevel: 'silent', trustProxy: ['10.0.0.9'] });
    const none = await buildApp(deps, { logLevel: 'silent' });
    try {
      expect(await failedLoginIp(trusting, t, '203.0.113.7')).toBe('203.0.113.7');
      expect(await failedLoginIp(elsewhere, t, '203.0.113.8')).toBe('10.0.0.5');
      expect(await failedLoginIp(none, t, '203.0.113.9')).toBe('10.0.0.5');
    } finally {
      await Promise.all([trusting.close(), elsewhere.close(), none.close()]);
    }
  });
});
