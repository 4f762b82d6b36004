import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { paging, PageQuery } from '../../core/paging.ts';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { ROLE_NAMES } from './org.rules.ts';
import * as org from './org.service.ts';
import { itemsOf, pageOf } from '../../core/paging.ts';
import { Agency, Grant, RoleInfo, Unit, User } from './org.schemas.ts';

const strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const AgencyId = Type.Object({ agencyId: Type.String({ minLength: 1, maxLength: 64 }) });
const Text = (max: number) => Type.String({ maxLength: max });
/** An optional text field where null, like '', means "no value" (what a cleared form field sends). */
const Blankable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Union>>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Phone = Type.String({ maxLength: 30, pattern: '^[0-9+()\\- ]*$' });
const Email = Type.Union([Type.Literal(''), Type.String({ format: 'email', maxLength: 100 })]);
const UnitKind = Type.Union([Type.Literal('department'), Type.Literal('affiliated')]);
const RoleName = Type.Union(ROLE_NAMES.map((r) => Type.Literal(r)));
/** APP-4: an agency may set stricter reply terms than the law's 20 + 20 working days, never looser. */
const Workdays = Type.Optional(Type.Integer({ minimum: 1, maximum: 20 }));
const IndexFormat = Type.String({ minLength: 3, maxLength: 60, pattern: '\\{seq(:[0-9])?\\}' });

export async function orgRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const admins = { roles: ['sys_admin', 'security_admin'] } as const;
  const sysAdmin = { roles: ['sys_admin'] } as const;
  const secAdmin = { roles: ['security_admin'] } as const;

  r.get('/agencies', { config: { access: 'staff' }, schema: { response: { 200: itemsOf(Agency) }, tags: ['org'], summary: '机关列表' } }, async () => ({ items: await org.listAgencies(deps.db) }));

  r.post('/agencies', {
    config: { access: sysAdmin },
    schema: { response: { 201: Agency },
      tags: ['org'], summary: '新建机关（市级系统管理员）',
      body: Type.Object({ code: Type.String({ minLength: 2, maxLength: 30, pattern: '^[A-Za-z0-9-]+$' }), name: Name, parentId: Type.String({ minLength: 1 }), address: Blankable(Text(200)), phone: Blankable(Phone), fax: Blankable(Phone), email: Blankable(Email), indexFormat: Type.Optional(IndexFormat), replyWorkdays: Workdays, extensionWorkdays: Workdays }, strict),
    },
  }, async (req, reply) => reply.status(201).send(await org.createAgency(deps, actorOf(req), req.body)));

  r.patch('/agencies/:id', {
    config: { access: sysAdmin },
    schema: { response: { 200: Agency },
      tags: ['org'], summary: '修改机关信息', params: Id,
      body: Type.Object({ name: Type.Optional(Name), address: Blankable(Text(200)), phone: Blankable(Phone), fax: Blankable(Phone), email: Blankable(Email), indexFormat: Type.Optional(IndexFormat), replyWorkdays: Workdays, extensionWorkdays: Workdays, guideText: Blankable(Text(5000)) }, strict),
    },
  }, async (req) => org.updateAgency(deps, actorOf(req), req.params.id, req.body));

  r.get('/agencies/:agencyId/units', { config: { access: 'staff' }, schema: { response: { 200: itemsOf(Unit) }, tags: ['org'], summary: '机关的部门和局属单位', params: AgencyId } },
    async (req) => ({ items: await org.listUnits(deps, actorOf(req), req.params.agencyId) }));

  r.post('/agencies/:agencyId/units', {
    config: { access: sysAdmin },
    schema: { response: { 201: Unit }, tags: ['org'], summary: '新建部门或局属单位', params: AgencyId, body: Type.Object({ name: Name, kind: UnitKind, parentId: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()])) }, strict) },
  }, async (req, reply) => reply.status(201).send(await org.createUnit(deps, actorOf(req), req.params.agencyId, req.body)));

  r.patch('/units/:id', {
    config: { access: sysAdmin },
    schema: { response: { 200: Unit }, tags: ['org'], summary: '修改部门或单位', params: Id, body: Type.Object({ name: Type.Optional(Name), kind: Type.Optional(UnitKind), parentId: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()])) }, strict) },
  }, async (req) => org.updateUnit(deps, actorOf(req), req.params.id, req.body));

  r.post('/units/:id/dissolve', {
    config: { access: sysAdmin },
    schema: { tags: ['org'], summary: '撤销或合并单位，指定承继单位（ORG-4）', params: Id, body: Type.Object({ successorId: Type.String({ minLength: 1 }) }, strict) },
  }, async (req) => org.dissolveUnit(deps, actorOf(req), req.params.id, req.body.successorId));

  r.put('/units/:id/contact', {
    config: { access: sysAdmin },
    schema: { tags: ['org'], summary: '指定联系人（ORG-2）', params: Id, body: Type.Object({ userId: Type.String({ minLength: 1 }) }, strict) },
  }, async (req) => org.setUnitContact(deps, actorOf(req), req.params.id, req.body.userId));

  r.get('/users', {
    config: { access: admins },
    schema: { response: { 200: pageOf(User) }, tags: ['org'], summary: '用户列表（分页、搜索）', querystring: Type.Object({ agencyId: Type.Optional(Type.String()), q: Type.Optional(Text(50)), ...PageQuery }, strict) },
  }, async (req) => org.listUsers(deps, actorOf(req), req.query, paging(req.query)));

  r.get('/users/:id', { config: { access: 'staff' }, schema: { response: { 200: User }, tags: ['org'], summary: '用户详情', params: Id } }, async (req) => org.getUser(deps, actorOf(req), req.params.id));

  r.post('/users', {
    config: { access: sysAdmin },
    schema: { response: { 201: User },
      tags: ['org'], summary: '新建用户',
      body: Type.Object({ username: Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' }), name: Name, agencyId: Type.String({ minLength: 1 }), unitId: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()])), phone: Blankable(Phone), email: Blankable(Email), password: Type.String({ minLength: 1, maxLength: 256 }) }, strict),
    },
  }, async (req, reply) => reply.status(201).send(await org.createUser(deps, actorOf(req), req.body)));

  r.patch('/users/:id', {
    config: { access: sysAdmin },
    schema: { response: { 200: User },
      tags: ['org'], summary: '修改用户、停用或启用', params: Id,
      body: Type.Object({ name: Type.Optional(Name), unitId: Type.Optional(Type.Union([Type.String({ minLength: 1 }), Type.Null()])), phone: Blankable(Phone), email: Blankable(Email), status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])) }, strict),
    },
  }, async (req) => org.updateUser(deps, actorOf(req), req.params.id, req.body));

  r.post('/users/:id/unlock', { config: { access: secAdmin }, schema: { tags: ['org'], summary: '解锁账号', params: Id } },
    async (req) => org.unlockUser(deps, actorOf(req), req.params.id));

  r.post('/users/:id/reset-password', {
    config: { access: secAdmin },
    schema: { tags: ['org'], summary: '重置密码', params: Id, body: Type.Object({ newPassword: Type.String({ minLength: 1, maxLength: 256 }) }, strict) },
  }, async (req, reply) => {
    await org.resetPassword(deps, actorOf(req), req.params.id, req.body.newPassword);
    return reply.status(204).send();
  });

  r.get('/roles', { config: { access: 'staff' }, schema: { response: { 200: itemsOf(RoleInfo) }, tags: ['org'], summary: '角色目录' } }, async () => ({ items: org.roleCatalog() }));

  r.get('/users/:id/grants', { config: { access: 'staff' }, schema: { response: { 200: itemsOf(Grant) }, tags: ['org'], summary: '用户的角色授权', params: Id } },
    async (req) => ({ items: await org.listGrants(deps, actorOf(req), req.params.id) }));

  r.post('/users/:id/grants', {
    config: { access: secAdmin },
    schema: { response: { 201: Grant }, tags: ['org'], summary: '授予角色（三员分立）', params: Id, body: Type.Object({ agencyId: Type.String({ minLength: 1 }), role: RoleName }, strict) },
  }, async (req, reply) => reply.status(201).send(await org.grantRole(deps, actorOf(req), req.params.id, req.body.agencyId, req.body.role)));

  r.delete('/grants/:id', { config: { access: secAdmin }, schema: { tags: ['org'], summary: '撤销角色', params: Id } }, async (req, reply) => {
    await org.revokeGrant(deps, actorOf(req), req.params.id);
    return reply.status(204).send();
  });
}
