/**
 * Access control as users meet it (foundation issue: "tests prove a user of agency A cannot read
 * or change agency B's data, and that a role cannot call what it may not"): sign-in required,
 * agency isolation of grants (a grant on SZF reaches the whole city, one on RSJ only RSJ), the
 * roles of ORG-5 and the 三员分立 of 等保2.0, and every API route declaring its access.
 */
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { installAccessControl } from '../../src/http/access.ts';
import type { AppDeps } from '../../src/http/deps.ts';
import { DEMO_TOTP_SECRET } from '../../src/seed/demo.ts';
import { agencyId, call, signIn, userId, type Session, type TestApp, expectError, withDemoCity } from '../support/app.ts';

// ---- local helpers ----

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** A request as a test table states it: `:name` in the path and payload strings stands for an id looked up at run time. */
type Req = [method: Method, path: string, payload?: Record<string, unknown>];

/** Ids the tables refer to by name; every one exists, so a refusal is never a mere "not found". */
async function demoIds(t: TestApp) {
  const unit = async (agency: string, name: string) =>
    (await t.conn.db.selectFrom('units').select('id').where('agency_id', '=', await agencyId(t, agency)).where('name', '=', name).executeTakeFirstOrThrow()).id;
  const grantOf = async (username: string) =>
    (await t.conn.db.selectFrom('role_grants').select('id').where('user_id', '=', await userId(t, username)).executeTakeFirstOrThrow()).id;
  return {
    szf: await agencyId(t, 'SZF'),
    rsj: await agencyId(t, 'RSJ'),
    ybj: await agencyId(t, 'YBJ'),
    rsjUnit: await unit('RSJ', '社会保险科'),
    rsjUser: await userId(t, 'rsj.zc'),
    ybjUnit: await unit('YBJ', '待遇保障科'),
    ybjOtherUnit: await unit('YBJ', '办公室'),
    ybjUser: await userId(t, 'ybj.office'),
    ybjGrant: await grantOf('ybj.office'),
  };
}
type Ids = Awaited<ReturnType<typeof demoIds>>;

const fill = (s: string, ids: Ids) => s.replace(/:(\w+)/g, (m, name: string) => (name in ids ? ids[name as keyof Ids] : m));
const fillPayload = (p: Record<string, unknown> | undefined, ids: Ids) =>
  p && Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' ? fill(v, ids) : v]));
const send = (t: TestApp, s: Session | null, ids: Ids, [method, path, payload]: Req) => call(t, s, method, fill(path, ids), fillPayload(payload, ids));

/** Everything a refused request could have changed, row by row. */
async function dataState(t: TestApp) {
  const db = t.conn.db;
  const rows = await Promise.all([
    db.selectFrom('agencies').selectAll().execute(),
    db.selectFrom('units').selectAll().execute(),
    db.selectFrom('users').selectAll().execute(),
    db.selectFrom('role_grants').selectAll().execute(),
    db.selectFrom('calendar_days').selectAll().execute(),
    db.selectFrom('calendar_years').selectAll().execute(),
    db.selectFrom('settings').selectAll().execute(),
  ]);
  return rows.map((table) => table.map((r) => JSON.stringify(r)).sort());
}

/** Sends a request that must be refused, and proves the refusal left every row as it was. */
async function refusedWithoutChange(t: TestApp, request: () => Promise<LightMyRequestResponse>, status: number, code: string, message?: RegExp) {
  const before = await dataState(t);
  expect(before.flat().length).toBeGreaterThan(0);
  const res = await request();
  expectError(res, status, code, message);
  expect(await dataState(t)).toEqual(before);
  return res;
}

const NEW_PASSWORD = 'Kaifang#Test2026';

/** A user created by the city sysadmin and granted `role` on one agency by the city secadmin, signed in with the demo TOTP secret. */
async function agencyAdministrator(t: TestApp, admins: { sys: Session; sec: Session }, username: string, agency: string, role: 'sys_admin' | 'security_admin' | 'auditor') {
  const created = await call(t, admins.sys, 'POST', '/users', { username, name: `${username} 管理员`, agencyId: agency, password: NEW_PASSWORD });
  expect(created.statusCode, created.body).toBe(201);
  const granted = await call(t, admins.sec, 'POST', `/users/${created.json().id}/grants`, { agencyId: agency, role });
  expect(granted.statusCode, granted.body).toBe(201);
  // Enrolment itself is covered in auth.test.ts; here the administrator simply has the demo secret.
  await t.conn.db.updateTable('users').set({ totp_secret: DEMO_TOTP_SECRET, totp_enabled: 1 }).where('id', '=', created.json().id).execute();
  return signIn(t, username, NEW_PASSWORD);
}

// ---- tests ----

describe('sign-in required (等保2.0 身份鉴别): every staff endpoint answers 401 AUTH_REQUIRED without a session', () => {
  const city = withDemoCity();
  let ids: Ids;
  beforeAll(async () => {
    ids = await demoIds(city());
  });

  const STAFF_ENDPOINTS: Req[] = [
    ['GET', '/auth/me'],
    ['POST', '/auth/password', { currentPassword: 'Gongkai@2026', newPassword: NEW_PASSWORD }],
    ['POST', '/auth/logout'],
    ['POST', '/auth/mfa/setup'],
    ['GET', '/agencies'],
    ['POST', '/agencies', { code: 'GAJ', name: '示例市公安局', parentId: ':szf' }],
    ['PATCH', '/agencies/:ybj', { name: '改名' }],
    ['GET', '/agencies/:ybj/units'],
    ['POST', '/agencies/:ybj/units', { name: '新科室', kind: 'department' }],
    ['PATCH', '/units/:ybjUnit', { name: '改名' }],
    ['POST', '/units/:ybjUnit/dissolve', { successorId: ':ybjOtherUnit' }],
    ['PUT', '/units/:ybjUnit/contact', { userId: ':ybjUser' }],
    ['GET', '/users'],
    ['GET', '/users/:ybjUser'],
    ['POST', '/users', { username: 'intruder', name: '冒名', agencyId: ':ybj', password: NEW_PASSWORD }],
    ['PATCH', '/users/:ybjUser', { status: 'disabled' }],
    ['POST', '/users/:ybjUser/unlock'],
    ['POST', '/users/:ybjUser/reset-password', { newPassword: NEW_PASSWORD }],
    ['GET', '/roles'],
    ['GET', '/users/:ybjUser/grants'],
    ['POST', '/users/:ybjUser/grants', { agencyId: ':ybj', role: 'sys_admin' }],
    ['DELETE', '/grants/:ybjGrant'],
    ['GET', '/audit'],
    ['GET', '/audit/verify'],
    ['GET', '/calendar/2026'],
    ['GET', '/calendar/add-workdays?from=2026-09-28&n=5'],
    ['GET', '/calendar/workdays?from=2026-09-28&to=2026-10-09'],
    ['PUT', '/calendar/days/2026-12-31', { kind: 'holiday', name: '假日' }],
    ['POST', '/calendar/2026/cover'],
    ['GET', '/todos'],
    ['GET', '/settings/security'],
    ['PUT', '/settings/security', { passwordMinLength: 8, lockoutThreshold: 10, lockoutMinutes: 1, idleTimeoutMinutes: 120, absoluteTimeoutHours: 24 }],
  ];

  it.each(STAFF_ENDPOINTS)('%s %s without a session → 401 AUTH_REQUIRED, nothing changed', async (...req) => {
    const t = city();
    await refusedWithoutChange(t, () => send(t, null, ids, req), 401, 'AUTH_REQUIRED', /登录/);
  });

  it('a made-up session cookie is no better than none', async () => {
    const t = city();
    const forged = { cookie: 'gk_sid=forged-session-token-000000000000', csrf: 'forged' };
    await refusedWithoutChange(t, () => call(t, forged, 'PATCH', `/users/${ids.ybjUser}`, { status: 'disabled' }), 401, 'AUTH_REQUIRED');
    expectError(await call(t, forged, 'GET', '/auth/me'), 401, 'AUTH_REQUIRED');
  });

  it('the same endpoints answer once signed in (the 401s above are about the session, not a broken route)', async () => {
    const t = city();
    const s = await signIn(t, 'rsj.drafter');
    for (const path of ['/auth/me', '/agencies', '/roles', '/todos', '/calendar/2026']) {
      expect((await call(t, s, 'GET', path)).statusCode, path).toBe(200);
    }
  });
});

describe('agency isolation: a grant on RSJ reaches only RSJ, a grant on SZF the whole city (ORG-1, 等保2.0 访问控制)', () => {
  const city = withDemoCity();
  let ids: Ids;
  let cityAdmin: Session;
  let citySecurity: Session;
  let rsjAdmin: Session;
  let rsjSecurity: Session;
  let rsjAuditor: Session;
  let rsjDrafter: Session;
  beforeAll(async () => {
    const t = city();
    ids = await demoIds(t);
    const admins = { sys: await signIn(t, 'sysadmin'), sec: await signIn(t, 'secadmin') };
    cityAdmin = admins.sys;
    citySecurity = admins.sec;
    rsjAdmin = await agencyAdministrator(t, admins, 'rsj.sysadmin', ids.rsj, 'sys_admin');
    rsjSecurity = await agencyAdministrator(t, admins, 'rsj.secadmin', ids.rsj, 'security_admin');
    rsjAuditor = await agencyAdministrator(t, admins, 'rsj.auditor', ids.rsj, 'auditor');
    rsjDrafter = await signIn(t, 'rsj.drafter');
  });

  it('an RSJ system administrator lists and changes RSJ\'s units and users', async () => {
    const t = city();
    const units = await call(t, rsjAdmin, 'GET', `/agencies/${ids.rsj}/units`);
    expect(units.statusCode).toBe(200);
    expect(units.json().items.map((u: { name: string }) => u.name)).toContain('社会保险科');
    expect(units.json().items.every((u: { agencyId: string }) => u.agencyId === ids.rsj)).toBe(true);

    const renamed = await call(t, rsjAdmin, 'PATCH', `/units/${ids.rsjUnit}`, { name: '社会保险科（医疗生育）' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().name).toBe('社会保险科（医疗生育）');
    const created = await call(t, rsjAdmin, 'POST', `/agencies/${ids.rsj}/units`, { name: '人才开发科', kind: 'department' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().agencyId).toBe(ids.rsj);

    const users = await call(t, rsjAdmin, 'GET', `/users?agencyId=${ids.rsj}&pageSize=200`);
    expect(users.statusCode).toBe(200);
    expect(users.json().items.map((u: { username: string }) => u.username)).toContain('rsj.zc');
    const changed = await call(t, rsjAdmin, 'PATCH', `/users/${ids.rsjUser}`, { phone: '13900000020' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().phone).toBe('13900000020');
  });

  it('the user list of an RSJ system administrator holds RSJ\'s users and no one else', async () => {
    const t = city();
    const res = await call(t, rsjAdmin, 'GET', '/users?pageSize=200');
    expect(res.statusCode).toBe(200);
    const items: { username: string; agencyId: string }[] = res.json().items;
    const rsjUsers = await t.conn.db.selectFrom('users').select('username').where('agency_id', '=', ids.rsj).execute();
    expect(items.map((u) => u.username).sort()).toEqual(rsjUsers.map((u) => u.username).sort());
    expect(items.some((u) => u.username.startsWith('ybj.') || u.username === 'sysadmin')).toBe(false);
  });

  // What an RSJ-only administrator tries in YBJ or city-wide, and how the city-level one succeeds.
  const CROSS_AGENCY: [label: string, req: Req, okStatus: number][] = [
    ['read YBJ\'s units', ['GET', '/agencies/:ybj/units'], 200],
    ['list YBJ\'s users', ['GET', '/users?agencyId=:ybj'], 200],
    ['read a YBJ user', ['GET', '/users/:ybjUser'], 200],
    ['read a YBJ user\'s grants', ['GET', '/users/:ybjUser/grants'], 200],
    ['rename a YBJ unit', ['PATCH', '/units/:ybjUnit', { name: '待遇保障科（改）' }], 200],
    ['name a YBJ unit\'s contact', ['PUT', '/units/:ybjUnit/contact', { userId: ':ybjUser' }], 200],
    ['change a YBJ user', ['PATCH', '/users/:ybjUser', { name: '杨公开（改）', phone: '13900000031' }], 200],
    ['create a unit in YBJ', ['POST', '/agencies/:ybj/units', { name: '医药价格和招标采购科', kind: 'department' }], 201],
    ['create a user in YBJ', ['POST', '/users', { username: 'ybj.price', name: '新科员', agencyId: ':ybj', unitId: ':ybjUnit', password: NEW_PASSWORD }], 201],
    ['change YBJ\'s agency details', ['PATCH', '/agencies/:ybj', { phone: '0310-1234667' }], 200],
    ['create an agency under SZF', ['POST', '/agencies', { code: 'GAJ', name: '示例市公安局', parentId: ':szf' }], 201],
  ];

  it.each(CROSS_AGENCY)('an RSJ system administrator cannot %s: 403 FORBIDDEN, nothing changed', async (_label, req) => {
    const t = city();
    await refusedWithoutChange(t, () => send(t, rsjAdmin, ids, req), 403, 'FORBIDDEN', /该机关/);
  });

  it.each(CROSS_AGENCY)('the city-level system administrator can %s', async (_label, req, okStatus) => {
    const t = city();
    const res = await send(t, cityAdmin, ids, req);
    expect(res.statusCode, res.body).toBe(okStatus);
  });

  it.each<[label: string, req: Req, code: string]>([
    ['move an RSJ user into a YBJ unit', ['PATCH', '/users/:rsjUser', { unitId: ':ybjUnit' }], 'USER_UNIT_INVALID'],
    ['hang an RSJ unit below a YBJ unit', ['PATCH', '/units/:rsjUnit', { parentId: ':ybjUnit' }], 'UNIT_PARENT_INVALID'],
    ['make a YBJ user the contact of an RSJ unit (ORG-2)', ['PUT', '/units/:rsjUnit/contact', { userId: ':ybjUser' }], 'UNIT_CONTACT_INVALID'],
  ])('an RSJ system administrator cannot %s: 400 %s, nothing changed', async (_label, req, code) => {
    const t = city();
    await refusedWithoutChange(t, () => send(t, rsjAdmin, ids, req), 400, code);
  });

  it.each<[label: string, req: Req]>([
    ['grant a role in YBJ', ['POST', '/users/:ybjUser/grants', { agencyId: ':ybj', role: 'leader' }]],
    ['revoke a YBJ grant', ['DELETE', '/grants/:ybjGrant']],
    ['unlock a YBJ user', ['POST', '/users/:ybjUser/unlock']],
    ['reset a YBJ user\'s password', ['POST', '/users/:ybjUser/reset-password', { newPassword: NEW_PASSWORD }]],
  ])('an RSJ security administrator cannot %s: 403 FORBIDDEN, nothing changed', async (_label, req) => {
    const t = city();
    await refusedWithoutChange(t, () => send(t, rsjSecurity, ids, req), 403, 'FORBIDDEN');
  });

  // The policy binds every account of the deployment, like the calendar: city-level only.
  it('an RSJ security administrator cannot change the city-wide security policy (403 FORBIDDEN)', async () => {
    const t = city();
    const policy = (await call(t, citySecurity, 'GET', '/settings/security')).json();
    onTestFinished(async () => {
      await call(t, citySecurity, 'PUT', '/settings/security', policy);
    });
    await refusedWithoutChange(t, () => call(t, rsjSecurity, 'PUT', '/settings/security', { ...policy, lockoutMinutes: 1440 }), 403, 'FORBIDDEN');
  });

  it('an RSJ system administrator cannot add an agency even below RSJ: the agency tree is the city\'s', async () => {
    const t = city();
    await refusedWithoutChange(t, () => call(t, rsjAdmin, 'POST', '/agencies', { code: 'RSJ-X', name: '人社局下属机关', parentId: ids.rsj }), 403, 'FORBIDDEN');
  });

  it('an RSJ security administrator cannot give a YBJ user a role, not even one in RSJ', async () => {
    const t = city();
    await refusedWithoutChange(t, () => call(t, rsjSecurity, 'POST', `/users/${ids.ybjUser}/grants`, { agencyId: ids.rsj, role: 'leader' }), 403, 'FORBIDDEN');
  });

  it('an RSJ auditor verifies only RSJ\'s chain; the city-level auditor verifies every chain', async () => {
    const t = city();
    const cityAuditor = await signIn(t, 'auditor');
    const rsjEvents = (await call(t, cityAuditor, 'GET', `/audit?agencyId=${ids.rsj}&pageSize=1`)).json().total;
    const all = await t.conn.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const own = (await call(t, rsjAuditor, 'GET', '/audit/verify')).json();
    expect(own).toMatchObject({ ok: true, checked: rsjEvents });
    const every = (await call(t, cityAuditor, 'GET', '/audit/verify')).json();
    expect(every).toMatchObject({ ok: true, checked: Number(all.n) });
    expect(every.checked).toBeGreaterThan(own.checked);
  });

  it('an RSJ drafter reads RSJ\'s units but not YBJ\'s', async () => {
    const t = city();
    const own = await call(t, rsjDrafter, 'GET', `/agencies/${ids.rsj}/units`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.length).toBeGreaterThan(0);
    const other = await call(t, rsjDrafter, 'GET', `/agencies/${ids.ybj}/units`);
    expectError(other, 403, 'FORBIDDEN');
    expect(other.body).not.toContain('待遇保障科');
  });
});

describe('roles (ORG-5, 三员分立): a role cannot call what it may not', () => {
  const city = withDemoCity();
  let ids: Ids;
  const sessions: Record<string, Session> = {};
  beforeAll(async () => {
    const t = city();
    ids = await demoIds(t);
    for (const name of ['rsj.drafter', 'sysadmin', 'secadmin', 'auditor']) sessions[name] = await signIn(t, name);
  });

  const createRsjUser: Req = ['POST', '/users', { username: 'rsj.newcomer', name: '新同事', agencyId: ':rsj', password: NEW_PASSWORD }];
  const grantLeader: Req = ['POST', '/users/:rsjUser/grants', { agencyId: ':rsj', role: 'leader' }];
  const editCalendar: Req = ['PUT', '/calendar/days/2026-12-31', { kind: 'holiday', name: '假日' }];

  it.each<[who: string, label: string, req: Req]>([
    ['rsj.drafter', 'create users', createRsjUser],
    ['rsj.drafter', 'grant roles', grantLeader],
    ['rsj.drafter', 'read the audit log', ['GET', '/audit']],
    ['rsj.drafter', 'edit the calendar', editCalendar],
    ['rsj.drafter', 'list users', ['GET', '/users']],
    ['sysadmin', 'grant roles', grantLeader],
    ['sysadmin', 'revoke grants', ['DELETE', '/grants/:ybjGrant']],
    ['sysadmin', 'read the audit log', ['GET', '/audit']],
    ['sysadmin', 'verify the audit log', ['GET', '/audit/verify']],
    ['secadmin', 'create users', createRsjUser],
    ['secadmin', 'change users', ['PATCH', '/users/:rsjUser', { name: '改名' }]],
    ['secadmin', 'edit the calendar', editCalendar],
    ['auditor', 'create users', createRsjUser],
    ['auditor', 'grant roles', grantLeader],
    ['auditor', 'change the security policy', ['PUT', '/settings/security', { passwordMinLength: 12, lockoutThreshold: 5, lockoutMinutes: 15, idleTimeoutMinutes: 30, absoluteTimeoutHours: 12 }]],
  ])('%s cannot %s: 403 FORBIDDEN, nothing changed', async (who, _label, req) => {
    const t = city();
    await refusedWithoutChange(t, () => send(t, sessions[who]!, ids, req), 403, 'FORBIDDEN', /您没有执行此操作的权限/);
  });

  it('the auditor reads the audit log and verifies its hash chain', async () => {
    const t = city();
    const log = await call(t, sessions.auditor!, 'GET', '/audit?pageSize=200');
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().total).toBeGreaterThan(0);
    expect(log.json().items.map((e: { action: string }) => e.action)).toContain('user.create');

    const verify = await call(t, sessions.auditor!, 'GET', '/audit/verify');
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true, firstBroken: null });
    expect(verify.json().checked).toBeGreaterThan(0);
  });

  it('the roles that may do these things can (the refusals above are about the role)', async () => {
    const t = city();
    expect((await send(t, sessions.sysadmin!, ids, createRsjUser)).statusCode).toBe(201);
    expect((await send(t, sessions.sysadmin!, ids, editCalendar)).statusCode).toBe(200);
    expect((await send(t, sessions.secadmin!, ids, grantLeader)).statusCode).toBe(201);
  });
});

describe('三员分立 (等保2.0): system, security and audit administration are held by different people', () => {
  const city = withDemoCity();
  let ids: Ids;
  let secadmin: Session;
  beforeAll(async () => {
    const t = city();
    ids = await demoIds(t);
    secadmin = await signIn(t, 'secadmin');
  });

  const grant = (t: TestApp, username: string, agency: string, role: string) =>
    userId(t, username).then((id) => call(t, secadmin, 'POST', `/users/${id}/grants`, { agencyId: agency, role }));

  it.each([
    ['sysadmin', 'security_admin', /三员分立.*系统管理员.*安全管理员/],
    ['sysadmin', 'auditor', /三员分立.*系统管理员.*安全审计员/],
    ['auditor', 'sys_admin', /三员分立.*安全审计员.*系统管理员/],
  ])('granting %s the role %s → 409 TRIAD_SEPARATION naming both roles, nothing changed', async (username, role, message) => {
    const t = city();
    await refusedWithoutChange(t, () => grant(t, username, ids.szf, role), 409, 'TRIAD_SEPARATION', message);
  });

  it('the separation holds across agencies: an RSJ system administrator cannot become auditor of YBJ', async () => {
    const t = city();
    const first = await grant(t, 'rsj.office', ids.rsj, 'sys_admin');
    expect(first.statusCode, first.body).toBe(201);
    await refusedWithoutChange(t, () => grant(t, 'rsj.office', ids.ybj, 'auditor'), 409, 'TRIAD_SEPARATION', /系统管理员.*安全审计员/);
  });

  it('granting a non-administrator role to a system administrator is fine', async () => {
    const t = city();
    const res = await grant(t, 'sysadmin', ids.rsj, 'leader');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ agencyId: ids.rsj, role: 'leader' });
    const roles = await t.conn.db.selectFrom('role_grants').select('role').where('user_id', '=', await userId(t, 'sysadmin')).execute();
    expect(roles.map((r) => r.role).sort()).toEqual(['leader', 'sys_admin']);
  });

  it('a security administrator cannot grant roles to themselves: 400 GRANT_SELF, nothing changed', async () => {
    const t = city();
    await refusedWithoutChange(t, () => grant(t, 'secadmin', ids.rsj, 'leader'), 400, 'GRANT_SELF', /不能给自己授予角色/);
    await refusedWithoutChange(t, () => grant(t, 'secadmin', ids.szf, 'sys_admin'), 400, 'GRANT_SELF');
  });
});

describe('every API route declares who may call it (src/http/access.ts)', () => {
  // Registration checks never reach the database, so no dependencies are needed.
  const bare = () => {
    const app = Fastify({ logger: false });
    installAccessControl(app, {} as AppDeps);
    return app;
  };

  it('registering a /api/v1 route without config.access throws at registration', async () => {
    const app = bare();
    expect(() => app.get('/api/v1/forgotten', async () => ({ leaked: true }))).toThrow('route GET /api/v1/forgotten does not declare its access');
    await app.close();
  });

  it('the check also catches a route registered inside the /api/v1 prefix', async () => {
    const app = bare();
    await expect(app.register(async (api) => {
      api.post('/forgotten', async () => ({ leaked: true }));
    }, { prefix: '/api/v1' })).rejects.toThrow('route POST /api/v1/forgotten does not declare its access');
    await app.close().catch(() => undefined);
  });

  it('a route that declares its access registers and answers; pages outside /api/v1 need no declaration', async () => {
    const app = bare();
    app.get('/api/v1/declared', { config: { access: 'public' } }, async () => ({ ok: true }));
    app.get('/about', async () => 'portal page');
    expect((await app.inject('/api/v1/declared')).json()).toEqual({ ok: true });
    expect((await app.inject('/about')).body).toBe('portal page');
    await app.close();
  });
});
