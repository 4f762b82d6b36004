import { isoNow, type Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { Db } from '../db/database.ts';
import { appendAudit, CLI_ACTOR } from '../modules/audit/audit.service.ts';
import { requiresSecondFactor, type Role } from '../modules/org/org.rules.ts';
import { createUser, grantRole } from '../modules/org/org.service.ts';
import type { SiteSettings } from '../modules/settings/site-settings.ts';
import { seedDemoLists } from './demo-lists.ts';

/** Every demo account's password (README lists it). It meets the 等保 policy like any other. */
export const DEMO_PASSWORD = 'Gongkai@2026';
/** TOTP secret of the three demo administrators, so a demo can be tried with any authenticator app. */
export const DEMO_TOTP_SECRET = 'GONGKAI2DEMO3TOTP4SECRET';

type DemoUser = { username: string; name: string; roles: Role[]; phone: string };
type DemoUnit = { name: string; kind: 'department' | 'affiliated'; users: DemoUser[] };
/** `replyWorkdays`: APP-4's seed figure (15 + 15) as the bureau's stricter internal term. */
type DemoAgency = { code: string; name: string; level: 'city' | 'agency'; address: string; phone: string; email: string; replyWorkdays?: number; units: DemoUnit[] };

const u = (username: string, name: string, roles: Role[], phone: string): DemoUser => ({ username, name, roles, phone });

/** A demo city: the city government office at the root (city-wide administration) and two bureaus. */
export const DEMO_CITY: DemoAgency[] = [
  {
    code: 'SZF', name: '示例市人民政府办公室', level: 'city', address: '示例市人民路1号', phone: '0310-1234000', email: 'zwgk@example.gov.cn',
    units: [
      { name: '政务公开办公室', kind: 'department', users: [u('sysadmin', '周系统', ['sys_admin'], '13800000001'), u('secadmin', '吴安全', ['security_admin'], '13800000002'), u('auditor', '郑审计', ['auditor'], '13800000003'), u('szf.office', '林政务', ['office'], '13800000004')] },
    ],
  },
  {
    code: 'RSJ', name: '示例市人力资源和社会保障局', level: 'agency', address: '示例市建设路18号', phone: '0310-1234333', email: 'rsjgk@example.gov.cn', replyWorkdays: 15,
    units: [
      { name: '办公室', kind: 'department', users: [u('rsj.office', '王公开', ['office'], '13800000011')] },
      { name: '政策法规科', kind: 'department', users: [u('rsj.opinion', '陈政研', ['opinion_lead'], '13800000012'), u('rsj.secrecy', '赵保密', ['secrecy_reviewer'], '13800000013')] },
      { name: '就业促进科', kind: 'department', users: [u('rsj.drafter', '张拟稿', ['drafter'], '13800000014'), u('rsj.head', '李科长', ['dept_head'], '13800000015')] },
      { name: '社会保险科', kind: 'department', users: [u('rsj.sb', '孙社保', ['drafter'], '13800000016')] },
      { name: '劳动关系科', kind: 'department', users: [u('rsj.ld', '钱劳动', ['drafter'], '13800000017')] },
      { name: '局领导', kind: 'department', users: [u('rsj.leader', '刘副局长', ['leader'], '13800000018')] },
      { name: '市社会保险事业服务中心', kind: 'affiliated', users: [u('rsj.sbzx', '冯中心', ['drafter'], '13800000019')] },
      { name: '市劳动人事争议仲裁院', kind: 'affiliated', users: [u('rsj.zc', '何仲裁', ['drafter'], '13800000020')] },
    ],
  },
  {
    code: 'YBJ', name: '示例市医疗保障局', level: 'agency', address: '示例市健康路6号', phone: '0310-1234666', email: 'ybjgk@example.gov.cn',
    units: [
      { name: '办公室', kind: 'department', users: [u('ybj.office', '杨公开', ['office'], '13800000031')] },
      { name: '待遇保障科', kind: 'department', users: [u('ybj.drafter', '朱拟稿', ['drafter'], '13800000032'), u('ybj.leader', '秦副局长', ['leader'], '13800000033')] },
      { name: '市医疗保险服务中心', kind: 'affiliated', users: [u('ybj.center', '许中心', ['drafter'], '13800000034')] },
    ],
  },
];

/** The portal footer's identity for the demo city: made-up record numbers, a stand-in for the 党政机关网站标识. */
const DEMO_SITE: SiteSettings = {
  sponsor: '示例市人民政府办公室', phone: '0310-1234000', email: 'zwgk@example.gov.cn', address: '示例市人民路1号',
  icp: '示ICP备20260001号', psb: '示公网安备13010002000001号', siteCode: '1301000001', conacImage: '/assets/conac-demo.svg', conacLink: 'https://bszs.conac.cn/',
};

export async function isEmpty(db: Db): Promise<boolean> {
  return !(await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst());
}

/** Loads the demo city into an empty database; every account, grant and contact is audited. */
export async function seedDemo(deps: { db: Db; clock: Clock }): Promise<{ users: number }> {
  const { db, clock } = deps;
  const now = isoNow(clock);
  let rootId: string | null = null;
  let users = 0;
  for (const agency of DEMO_CITY) {
    const agencyId = newId();
    await db.transaction().execute(async (tx) => {
      await tx.insertInto('agencies').values({
        id: agencyId, code: agency.code, name: agency.name, parent_id: rootId, level: agency.level, address: agency.address,
        phone: agency.phone, fax: agency.phone, email: agency.email, index_format: '{orgCode}/{year}-{seq:5}',
        reply_workdays: agency.replyWorkdays ?? 20, extension_workdays: agency.replyWorkdays ?? 20, created_at: now, updated_at: now,
      }).execute();
      await appendAudit(tx, clock, { actor: CLI_ACTOR, agencyId, action: 'agency.create', entityType: 'agency', entityId: agencyId, after: { code: agency.code, name: agency.name, demo: true } });
    });
    rootId ??= agencyId;
    for (const unit of agency.units) {
      const unitId = newId();
      await db.transaction().execute(async (tx) => {
        await tx.insertInto('units').values({ id: unitId, agency_id: agencyId, parent_id: null, name: unit.name, kind: unit.kind, status: 'active', successor_id: null, contact_user_id: null, created_at: now, updated_at: now }).execute();
        await appendAudit(tx, clock, { actor: CLI_ACTOR, agencyId, action: 'unit.create', entityType: 'unit', entityId: unitId, after: { name: unit.name, kind: unit.kind } });
      });
      for (const person of unit.users) {
        const user = await createUser(deps, null, { username: person.username, name: person.name, agencyId, unitId, phone: person.phone, email: `${person.username}@example.gov.cn`, password: DEMO_PASSWORD });
        for (const role of person.roles) await grantRole(deps, null, user.id, agencyId, role);
        if (requiresSecondFactor(person.roles)) {
          await db.transaction().execute(async (tx) => {
            await tx.updateTable('users').set({ totp_secret: DEMO_TOTP_SECRET, totp_enabled: 1 }).where('id', '=', user.id).execute();
            await appendAudit(tx, clock, { actor: CLI_ACTOR, agencyId, action: 'auth.mfa.enabled', entityType: 'user', entityId: user.id, after: { demo: true } });
          });
        }
        users += 1;
      }
      // ORG-2: the unit's first person is its contact for disclosure work.
      const contact = await db.selectFrom('users').select('id').where('unit_id', '=', unitId).orderBy('username').executeTakeFirstOrThrow();
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('units').set({ contact_user_id: contact.id }).where('id', '=', unitId).execute();
        await appendAudit(tx, clock, { actor: CLI_ACTOR, agencyId, action: 'unit.contact.set', entityType: 'unit', entityId: unitId, after: { contactUserId: contact.id } });
      });
    }
  }
  await seedDemoLists(deps);
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('settings').values({ key: 'site', value_json: JSON.stringify(DEMO_SITE), updated_by: null, updated_at: now }).execute();
    await appendAudit(tx, clock, { actor: CLI_ACTOR, agencyId: rootId!, action: 'settings.site.update', entityType: 'settings', entityId: 'site', after: DEMO_SITE });
  });
  return { users };
}
