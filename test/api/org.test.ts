import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyId, call, demoApp, signIn, userId, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let admin: Session;
let rsj: string;

beforeAll(async () => {
  t = await demoApp();
  admin = await signIn(t, 'sysadmin');
  rsj = await agencyId(t, 'RSJ');
});
afterAll(() => t.close());

type Unit = { id: string; name: string; status: string; successorId: string | null; contactUserId: string | null; contactName: string | null };
const units = async (s: Session, agency: string) => (await call(t, s, 'GET', `/agencies/${agency}/units`)).json().items as Unit[];

describe('ORG-2 every department and affiliated unit names a contact person', () => {
  it('the demo city has a contact for every unit', async () => {
    for (const code of ['SZF', 'RSJ', 'YBJ']) {
      const list = await units(admin, await agencyId(t, code));
      expect(list.length).toBeGreaterThan(0);
      expect(list.filter((u) => !u.contactName)).toEqual([]);
    }
  });

  it('a new unit starts without a contact until the administrator names one of the agency', async () => {
    const created = await call(t, admin, 'POST', `/agencies/${rsj}/units`, { name: '人才开发科', kind: 'department' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: '人才开发科', status: 'active', contactUserId: null });

    const foreign = await call(t, admin, 'PUT', `/units/${created.json().id}/contact`, { userId: await userId(t, 'ybj.office') });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toMatchObject({ code: 'UNIT_CONTACT_INVALID', message: '联系人必须是本机关的在用账号' });

    const set = await call(t, admin, 'PUT', `/units/${created.json().id}/contact`, { userId: await userId(t, 'rsj.office') });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ contactName: '王公开', contactPhone: '13800000011' });
  });
});

describe('ORG-4 after a reorganisation the successor unit takes over', () => {
  it('dissolving a unit keeps it on record, names the successor and moves its staff there', async () => {
    const list = await units(admin, rsj);
    const old = list.find((u) => u.name === '劳动关系科')!;
    const successor = list.find((u) => u.name === '社会保险科')!;
    const res = await call(t, admin, 'POST', `/units/${old.id}/dissolve`, { successorId: successor.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'dissolved', successorId: successor.id });
    const moved = await call(t, admin, 'GET', `/users/${await userId(t, 'rsj.ld')}`);
    expect(moved.json()).toMatchObject({ unitId: successor.id, unitName: '社会保险科' });
    expect((await units(admin, rsj)).some((u) => u.id === old.id && u.status === 'dissolved')).toBe(true);
  });

  it('refuses a successor in another agency, itself, or an already dissolved unit', async () => {
    const list = await units(admin, rsj);
    const unit = list.find((u) => u.name === '就业促进科')!;
    const dissolved = list.find((u) => u.status === 'dissolved')!;
    const ybjUnit = (await units(admin, await agencyId(t, 'YBJ')))[0]!;
    for (const [successorId, message] of [
      [ybjUnit.id, '承继单位必须属于同一机关'],
      [unit.id, '承继单位不能是被撤销的单位本身'],
      [dissolved.id, '承继单位已被撤销'],
    ] as const) {
      const res = await call(t, admin, 'POST', `/units/${unit.id}/dissolve`, { successorId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({ code: 'UNIT_SUCCESSOR_INVALID', message });
    }
    expect((await units(admin, rsj)).find((u) => u.id === unit.id)!.status).toBe('active');
  });

  it('a dissolved unit can no longer be edited', async () => {
    const dissolved = (await units(admin, rsj)).find((u) => u.status === 'dissolved')!;
    const res = await call(t, admin, 'PATCH', `/units/${dissolved.id}`, { name: '新名称' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('UNIT_DISSOLVED');
  });
});

describe('users: administrators create, search, disable and edit accounts', () => {
  it('creates an account, finds it by name, and every change is in the audit log', async () => {
    const res = await call(t, admin, 'POST', '/users', { username: 'rsj.newbie', name: '新同事', agencyId: rsj, password: 'Xinren#2026a', phone: '0310-1234567' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'rsj.newbie', agencyName: '示例市人力资源和社会保障局', status: 'active', roles: [] });
    expect(res.json()).not.toHaveProperty('password_hash');

    const found = await call(t, admin, 'GET', `/users?q=${encodeURIComponent('新同事')}`);
    expect(found.json()).toMatchObject({ total: 1, page: 1, pageSize: 20 });

    const disabled = await call(t, admin, 'PATCH', `/users/${res.json().id}`, { status: 'disabled' });
    expect(disabled.json().status).toBe('disabled');
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'rsj.newbie', password: 'Xinren#2026a' } });
    // issue 9: the same answer as a wrong password, so nobody learns the account exists.
    expect(login.statusCode).toBe(401);
    expect(login.json().error.code).toBe('AUTH_INVALID');

    const actions = (await t.conn.db.selectFrom('audit_events').select('action').where('entity_id', '=', res.json().id).execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'user.update']));
  });

  it('a cleared optional field (null, as a form sends it) empties the value', async () => {
    const id = await userId(t, 'rsj.sb');
    const res = await call(t, admin, 'PATCH', `/users/${id}`, { phone: null, email: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phone: '', email: '' });
  });

  it('a taken username is a 409 in Chinese, not a 500', async () => {
    const res = await call(t, admin, 'POST', '/users', { username: 'rsj.drafter', name: '重名', agencyId: rsj, password: 'Xinren#2026a' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'USERNAME_TAKEN', message: '用户名 rsj.drafter 已被使用' });
  });

  it('pages through users', async () => {
    const page1 = (await call(t, admin, 'GET', '/users?page=1&pageSize=5')).json();
    const page2 = (await call(t, admin, 'GET', '/users?page=2&pageSize=5')).json();
    expect(page1.items).toHaveLength(5);
    expect(page1.total).toBeGreaterThan(10);
    expect(page2.items.map((u: { id: string }) => u.id)).not.toContain(page1.items[0].id);
  });
});
