import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/modules/org/org.rules.ts';
import { DEMO_CITY } from '../../src/seed/demo.ts';
import { agencyId, call, signIn, userId, type Session, withDemoCity } from '../support/app.ts';
import { fillPath, openApiOperations, type Operation } from '../support/openapi.ts';
import { applyOnPortal } from '../support/portal.ts';
import { draftItem } from '../support/publish.ts';

/**
 * Issue 9 ("Done when"): the role × operation access matrix, generated from the OpenAPI
 * description. Every /api/v1 operation is called anonymously and as every role of the demo city
 * (the city's 三员 in SZF, each agency role in RSJ), on RSJ's own objects and on YBJ's, with an
 * empty body. The expected outcome comes from the access each operation declares
 * (src/http/access.ts, published as the operation's `security`): a caller outside it, or an
 * RSJ role acting on a YBJ object, never gets a 2xx, nor does anyone for a random id; nobody gets a 5xx.
 */

type Objects = { agency: string; item: string; application: string; unit: string; user: string };
type Caller = { name: string; agency: string | null; roles: Role[]; session: Session | null };

/** Path parameters naming an object the test created; every other parameter gets a random UUID. */
const OBJECT_OF: Record<string, keyof Objects> = { agencies: 'agency', items: 'item', applications: 'application', units: 'unit', users: 'user' };

function objectParameter(path: string, name: string): keyof Objects | undefined {
  if (name === 'agencyId') return 'agency';
  if (name !== 'id') return undefined;
  const segments = path.split('/');
  return OBJECT_OF[segments[segments.indexOf('{id}') - 1]!];
}

const parameters = (op: Operation) => [...op.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => name!);
const namesObject = (op: Operation) => parameters(op).some((name) => objectParameter(op.path, name));
/** A parameter filled with a random UUID names nothing: the answer is 404 (or 400), never 2xx. */
const namesNothing = (op: Operation) => parameters(op).some((name) => !objectParameter(op.path, name));

/** An agency's item (RSJ-style draft), online application, unit and user, made through the API and the portal. */
async function agencyObjects(t: ReturnType<ReturnType<typeof withDemoCity>>, code: 'RSJ' | 'YBJ', sysadmin: Session): Promise<Objects> {
  const agency = await agencyId(t, code);
  const prefix = code.toLowerCase();
  const item = await draftItem(t, { drafter: await signIn(t, `${prefix}.drafter`) }, {});
  const { code: trackingCode } = await applyOnPortal(t, code);
  const application = (await t.conn.db.selectFrom('applications').select('id').where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow()).id;
  const unit = await call(t, sysadmin, 'POST', `/agencies/${agency}/units`, { name: '矩阵测试科', kind: 'department' });
  expect(unit.statusCode, unit.body).toBe(201);
  const user = await call(t, sysadmin, 'POST', '/users', { username: `${prefix}.matrix`, name: '矩阵测试', agencyId: agency, password: 'Kaifang#Matrix2026' });
  expect(user.statusCode, user.body).toBe(201);
  expect(await userId(t, `${prefix}.matrix`)).toBe(user.json().id);
  return { agency, item, application, unit: unit.json().id, user: user.json().id };
}

describe('issue 9: the role × operation access matrix from the OpenAPI description', () => {
  const city = withDemoCity();

  it('gives no caller a 2xx outside its declared access or across agencies, and nobody a 5xx', { timeout: 120_000 }, async () => {
    const t = city();
    const sysadmin = await signIn(t, 'sysadmin');
    const objects = { RSJ: await agencyObjects(t, 'RSJ', sysadmin), YBJ: await agencyObjects(t, 'YBJ', sysadmin) };

    // One caller per role: the city's administrators and its government office in SZF (their grants reach the whole city) and each role of RSJ.
    const callers: Caller[] = [{ name: 'anonymous', agency: null, roles: [], session: null }];
    for (const agency of DEMO_CITY.filter((a) => a.code !== 'YBJ')) {
      for (const user of agency.units.flatMap((u) => u.users)) {
        if (callers.some((c) => c.agency === agency.code && c.roles.join() === user.roles.join())) continue;
        callers.push({ name: user.username, agency: agency.code, roles: user.roles, session: await signIn(t, user.username) });
      }
    }
    expect(callers.map((c) => c.roles).flat().sort()).toEqual(['auditor', 'dept_head', 'drafter', 'leader', 'office', 'office', 'opinion_lead', 'secrecy_reviewer', 'security_admin', 'sys_admin']);

    // Signing out ends the callers' sessions: it comes last.
    const ops = (await openApiOperations(t.app))
      .filter((op) => op.path.startsWith('/api/v1/'))
      .sort((a, b) => Number(a.path === '/api/v1/auth/logout') - Number(b.path === '/api/v1/auth/logout'));
    expect(ops.every((op) => op.security)).toBe(true);

    const unexpected: string[] = [];
    const granted = new Set<string>();
    let checked = 0;
    for (const op of ops) {
      const declared = op.security!;
      const roles = declared[0]?.session ?? [];
      for (const caller of callers) {
        // RSJ staff act on RSJ's objects and on YBJ's; the city's administrators and the anonymous on YBJ's.
        const scopes: Array<'own' | 'other'> = caller.agency === 'RSJ' ? ['own', 'other'] : ['own'];
        for (const scope of scopes) {
          const target = objects[caller.agency === 'RSJ' && scope === 'own' ? 'RSJ' : 'YBJ'];
          const url = fillPath(op.path.slice('/api/v1'.length), (name) => {
            const kind = objectParameter(op.path, name);
            return kind ? target[kind] : randomUUID();
          });
          const res = await call(t, caller.session, op.method as 'GET', url, op.method === 'GET' ? undefined : {});
          checked++;
          const mayCall = declared.length === 0 || (caller.session !== null && (roles.length === 0 || roles.some((r) => caller.roles.includes(r as Role))));
          const crossAgency = scope === 'other' && namesObject(op);
          const line = `${op.method} ${op.path} as ${caller.name} (${scope}) → ${res.statusCode} ${res.body.slice(0, 160)}`;
          if (res.statusCode >= 200 && res.statusCode < 300) granted.add(`${op.method} ${op.path} as ${caller.name} (${scope})`);
          if (res.statusCode >= 500) unexpected.push(line);
          else if (res.statusCode < 300 && res.statusCode >= 200 && (!mayCall || crossAgency || namesNothing(op))) unexpected.push(line);
        }
      }
      t.clock.advance(1);
    }
    console.log(`access matrix: ${ops.length} operations × ${callers.length} callers (RSJ roles on own and other agency) = ${checked} requests`);
    expect(unexpected).toEqual([]);
    // The matrix is not vacuous: the same requests with the right role on the caller's own objects are answered.
    expect([...granted]).toEqual(expect.arrayContaining([
      'GET /api/v1/items/{id} as rsj.drafter (own)', 'GET /api/v1/applications/{id} as rsj.office (own)',
      'GET /api/v1/agencies/{agencyId}/application-settings as rsj.office (own)', 'GET /api/v1/users/{id} as sysadmin (own)', 'GET /api/v1/audit as auditor (own)',
    ]));
  });
});
