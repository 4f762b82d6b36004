import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_LABELS } from '../../src/modules/audit/audit.labels.ts';
import { verifyAudit } from '../../src/modules/audit/audit.service.ts';
import { agencyId, call, demoApp, signIn, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let auditor: Session;
let admin: Session;

beforeAll(async () => {
  t = await demoApp();
  auditor = await signIn(t, 'auditor');
  admin = await signIn(t, 'sysadmin');
});
afterAll(() => t.close());

describe('SUP-6 every change leaves a record of who did what, which the auditor can browse', () => {
  it('a change shows with actor, role, agency and before/after', async () => {
    const rsj = await agencyId(t, 'RSJ');
    await call(t, admin, 'PATCH', `/agencies/${rsj}`, { phone: '0310-7654321' });
    const res = await call(t, auditor, 'GET', `/audit?action=agency.update&agencyId=${rsj}`);
    expect(res.statusCode).toBe(200);
    const [event] = res.json().items;
    expect(event).toMatchObject({ actorName: '周系统', actorRole: 'sys_admin', agencyId: rsj, action: 'agency.update' });
    expect(event.before.phone).toBe('0310-1234333');
    expect(event.after.phone).toBe('0310-7654321');
  });

  it('events read in Chinese with the object\'s name, not codes and ids', async () => {
    const rsj = await agencyId(t, 'RSJ');
    const res = await call(t, auditor, 'GET', `/audit?action=agency.update&agencyId=${rsj}`);
    expect(res.json().items[0]).toMatchObject({ actionLabel: '修改机构', entityLabel: '机构', entityName: '示例市人力资源和社会保障局' });
    const logins = (await call(t, auditor, 'GET', '/audit?action=auth.login')).json().items;
    expect(logins[0]).toMatchObject({ actionLabel: '登录系统', entityLabel: '用户', entityName: logins[0].actorName });
    const listed = (await call(t, auditor, 'GET', '/audit?action=negative_list_entry.create&pageSize=1')).json().items;
    expect(listed[0]).toMatchObject({ actionLabel: '新增负面清单事项', entityLabel: '负面清单事项', entityName: expect.stringMatching(/^[\u4e00-\u9fff]/) });
    const users = (await call(t, auditor, 'GET', '/audit?action=user.create&pageSize=200')).json().items;
    expect(users.map((e: { entityName: string }) => e.entityName)).toContain('郑审计');
  });

  it('every kind of event the demo city wrote has a Chinese name in the served vocabulary', async () => {
    const kinds = (await call(t, auditor, 'GET', '/audit/kinds')).json().items as { value: string; label: string; group: string }[];
    const served = new Map(kinds.map((k) => [k.value, k]));
    const written = await t.conn.db.selectFrom('audit_events').select('action').distinct().execute();
    expect(written.length).toBeGreaterThan(5);
    for (const { action } of written) expect(served.get(action)?.label, action).toBe(ACTION_LABELS[action]);
    for (const k of kinds) expect(`${k.label}${k.group}`).toMatch(/^[\u4e00-\u9fff（）、]+$/);
  });

  it('filters by the acting person\'s name and by kind', async () => {
    const res = (await call(t, auditor, 'GET', '/audit?actor=周系统&pageSize=200')).json();
    expect(res.total).toBeGreaterThan(0);
    expect(new Set(res.items.map((e: { actorName: string }) => e.actorName))).toEqual(new Set(['周系统']));
    const updates = (await call(t, auditor, 'GET', '/audit?action=agency.update&pageSize=200')).json().items;
    expect(new Set(updates.map((e: { action: string }) => e.action))).toEqual(new Set(['agency.update']));
  });

  it('exports the filtered log to Excel for the auditor, in Beijing time', async () => {
    const rsj = await agencyId(t, 'RSJ');
    t.clock.advance(15 * 60 + 30); // 2026-11-23 17:30 UTC: already 2026-11-24 01:30 in Beijing
    [admin, auditor] = [await signIn(t, 'sysadmin'), await signIn(t, 'auditor')];
    await call(t, admin, 'PATCH', `/agencies/${rsj}`, { phone: '0310-7650000' });
    const res = await call(t, auditor, 'GET', `/audit.xlsx?action=agency.update&agencyId=${rsj}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('审计日志'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '时间（北京时间）', '操作人', '角色', '机构', '操作', '对象类型', '对象', 'IP 地址', '变更前', '变更后', '记录编号']);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 8)).toEqual(['2026-11-24 01:30', '周系统', '系统管理员', '示例市人力资源和社会保障局', '修改机构', '机构', '示例市人力资源和社会保障局']);
    expect(sheet.rowCount).toBe(3);
  });

  it('authentication events are recorded', async () => {
    const res = await call(t, auditor, 'GET', '/audit?action=auth.&pageSize=200');
    const actions = new Set(res.json().items.map((e: { action: string }) => e.action));
    expect(actions).toEqual(new Set(['auth.login', 'auth.mfa.verified', 'auth.mfa.enabled']));
  });

  it('filters by time and pages newest first', async () => {
    const all = (await call(t, auditor, 'GET', '/audit?pageSize=200')).json();
    expect(all.total).toBeGreaterThan(50);
    const ats = all.items.map((e: { at: string }) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const none = (await call(t, auditor, 'GET', '/audit?to=2000-01-01T00:00:00Z')).json();
    expect(none).toMatchObject({ total: 0, items: [] });
  });

  it('never stores a password hash or TOTP secret in an event', async () => {
    const rows = await t.conn.db.selectFrom('audit_events').select(['before_json', 'after_json']).execute();
    const text = JSON.stringify(rows);
    expect(text).not.toContain('$argon2id$');
    expect(text).not.toContain('GONGKAI2DEMO3TOTP4SECRET');
  });
});

describe('the audit log is append-only and hash-chained: tampering shows', () => {
  it('the demo history verifies', async () => {
    const res = await call(t, auditor, 'GET', '/audit/verify');
    expect(res.json()).toMatchObject({ ok: true, firstBroken: null });
    expect(res.json().checked).toBeGreaterThan(50);
  });

  it('the database itself refuses to update or delete an event', async () => {
    await expect(sql`update audit_events set action = 'x'`.execute(t.conn.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(t.conn.db)).rejects.toThrow(/append-only/);
  });

  it('an event edited behind the triggers is reported as the first broken link', async () => {
    const victim = await t.conn.db.selectFrom('audit_events').select(['id', 'chain', 'seq']).where('action', '=', 'unit.create').orderBy('seq').executeTakeFirstOrThrow();
    const disable = t.conn.dialect === 'postgres'
      ? sql`alter table audit_events disable trigger audit_events_no_rewrite`
      : sql`drop trigger audit_events_no_update`;
    await disable.execute(t.conn.db);
    await sql`update audit_events set after_json = '{"name":"篡改"}' where id = ${victim.id}`.execute(t.conn.db);
    const result = await verifyAudit(t.conn.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toEqual({ chain: victim.chain, seq: victim.seq, id: victim.id, reason: 'hash' });
  });
});
