import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyId, call, demoApp, signIn, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let admin: Session;
let rsj: string;

beforeAll(async () => {
  t = await demoApp();
  admin = await signIn(t, 'sysadmin');
  rsj = await agencyId(t, 'RSJ');
});
afterAll(() => t.close());

const counts = async () => ({
  users: (await t.conn.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  audit: (await t.conn.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
});

describe('bad input gets a 4xx with a stable code and a Chinese message, never a 500 or a partial write', () => {
  it('an unknown field is refused, not silently dropped', async () => {
    const res = await call(t, admin, 'POST', `/agencies/${rsj}/units`, { name: '测试科', kind: 'department', colour: 'red' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toContain('不允许的字段 colour');
  });

  it('a wrong type or value names the field in Chinese', async () => {
    const res = await call(t, admin, 'POST', `/agencies/${rsj}/units`, { name: '', kind: 'office' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.kind']));
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('malformed JSON is a 400 BODY_INVALID', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/agencies/${rsj}/units`, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' }, payload: '{"name":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: 'BODY_INVALID', message: '请求体不是有效的 JSON' });
  });

  it('bad query parameters and path values are refused', async () => {
    expect((await call(t, admin, 'GET', '/users?pageSize=100000')).json().error.code).toBe('VALIDATION_FAILED');
    expect((await call(t, admin, 'GET', '/calendar/add-workdays?from=2026-13-45&n=3')).json().error).toMatchObject({ code: 'DATE_INVALID' });
    expect((await call(t, admin, 'GET', '/calendar/1850')).statusCode).toBe(400);
  });

  it('a create that fails a rule leaves neither a row nor an audit event behind', async () => {
    const before = await counts();
    const res = await call(t, admin, 'POST', '/users', { username: 'half.written', name: '半条记录', agencyId: rsj, unitId: 'no-such-unit', password: 'Xinren#2026a' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('USER_UNIT_INVALID');
    expect(await counts()).toEqual(before);
  });

  it('an unknown API path is a JSON 404 and an unknown page an HTML 404', async () => {
    const api = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    const pageRes = await t.app.inject({ url: '/no-such-page' });
    expect(pageRes.statusCode).toBe(404);
    expect(pageRes.body).toContain('页面不存在');
  });

  it('an unexpected failure is a 500 that reveals nothing internal', async () => {
    const app = Fastify({ logger: false });
    const { installErrorHandling } = await import('../../src/http/errors.ts');
    installErrorHandling(app);
    app.get('/boom', async () => {
      throw new Error('secret stack detail');
    });
    const res = await app.inject({ url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
    expect(res.json().error).toEqual({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试' });
  });
});

describe('platform', () => {
  it('GET /healthz answers 200 while the database is reachable', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves security headers on every response', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('publishes the OpenAPI description with every API route', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/audit/verify', '/api/v1/calendar/{year}']));
  });

  it('the portal home lists every agency with its contact details (CAT-3)', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="zh-CN">');
    for (const name of ['示例市人力资源和社会保障局', '示例市医疗保障局', '0310-1234333']) expect(res.body).toContain(name);
  });
});

describe('GET /healthz when the database is gone', () => {
  it('answers 503', async () => {
    const other = await demoApp();
    await other.conn.close();
    const res = await other.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(503);
    await other.app.close();
  });
});
