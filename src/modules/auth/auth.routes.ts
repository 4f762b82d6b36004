import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, clientOf, SESSION_COOKIE, sessionOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { listGrants } from '../org/org.service.ts';
import * as auth from './auth.service.ts';
import { Me } from './auth.schemas.ts';

const LoginResult = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('mfa_required'), Type.Literal('mfa_enroll_required'), Type.Literal('password_change_required')]), csrfToken: Type.String(),
  notice: Type.Optional(Type.String({ description: '上次成功登录以来的登录失败或锁定情况，仅在密码正确后告知本人' })),
}, { title: 'LoginResult' });
const Code = Type.Object({ code: Type.String({ minLength: 6, maxLength: 6, pattern: '^[0-9]{6}$' }) }, { additionalProperties: false });
const strict = { additionalProperties: false } as const;
// Brute force is slowed per address here and per account by the lockout rule.

export async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  // Slows password guessing from one address; each account also locks after repeated failures.
  const loginRateLimit = { rateLimit: { max: deps.loginPerMinute ?? 20, timeWindow: '1 minute' } };

  const setCookie = (reply: FastifyReply, issued: auth.Issued) => {
    reply.setCookie(SESSION_COOKIE, issued.token, { path: '/', httpOnly: true, sameSite: 'strict', secure: deps.secureCookies });
    return { status: issued.status, csrfToken: issued.csrfToken, ...(issued.notice && { notice: issued.notice }) };
  };

  r.post('/auth/login', {
    config: { access: 'public', ...loginRateLimit },
    schema: {
      tags: ['auth'], summary: '登录（用户名和密码）',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) }, strict),
      response: { 200: LoginResult },
    },
  }, async (req, reply) => setCookie(reply, await auth.login(deps, req.body, clientOf(req))));

  r.post('/auth/mfa', {
    config: { access: 'login-step', ...loginRateLimit },
    schema: { tags: ['auth'], summary: '登录第二步：动态验证码', body: Code, response: { 200: LoginResult } },
  }, async (req, reply) => setCookie(reply, await auth.verifySecondFactor(deps, sessionOf(req), req.body.code, clientOf(req))));

  r.post('/auth/mfa/setup', {
    config: { access: 'login-step' },
    schema: { tags: ['auth'], summary: '开始绑定动态验证码（TOTP）', response: { 200: Type.Object({ secret: Type.String(), otpauthUrl: Type.String(), qrDataUrl: Type.String() }, { title: 'MfaSetup' }) } },
  }, async (req) => auth.startTotpEnrolment(deps, sessionOf(req)));

  r.post('/auth/mfa/enable', {
    config: { access: 'login-step' },
    schema: { tags: ['auth'], summary: '确认绑定动态验证码', body: Code, response: { 200: LoginResult } },
  }, async (req, reply) => setCookie(reply, await auth.enableTotp(deps, sessionOf(req), req.body.code, clientOf(req))));

  r.post('/auth/logout', {
    config: { access: 'login-step' },
    schema: { tags: ['auth'], summary: '退出登录（服务端注销会话）' },
  }, async (req, reply) => {
    await auth.logout(deps, sessionOf(req), clientOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get('/auth/me', {
    config: { access: 'staff' },
    schema: { response: { 200: Me }, tags: ['auth'], summary: '当前用户、角色和会话' },
  }, async (req) => {
    const actor = actorOf(req);
    const session = sessionOf(req);
    const user = await deps.db
      .selectFrom('users')
      .innerJoin('agencies', 'agencies.id', 'users.agency_id')
      .leftJoin('units', 'units.id', 'users.unit_id')
      .select(['users.id', 'users.username', 'users.name', 'users.agency_id', 'agencies.name as agency_name', 'users.unit_id', 'units.name as unit_name', 'users.phone', 'users.email', 'users.totp_enabled'])
      .where('users.id', '=', actor.userId)
      .executeTakeFirstOrThrow();
    const times = await auth.sessionTimes(deps, session);
    return {
      user: { id: user.id, username: user.username, name: user.name, agencyId: user.agency_id, agencyName: user.agency_name, unitId: user.unit_id, unitName: user.unit_name, phone: user.phone, email: user.email, mfaEnabled: user.totp_enabled === 1 },
      grants: await listGrants(deps, actor, actor.userId),
      csrfToken: session.csrfToken,
      session: { idleExpiresAt: times.idleExpiresAt.toISOString(), absoluteExpiresAt: times.absoluteExpiresAt.toISOString() },
    };
  });

  r.post('/auth/password', {
    // Also the one step of a sign-in with a password an administrator set (the service checks the session's state).
    config: { access: 'login-step' },
    schema: {
      tags: ['auth'], summary: '修改本人密码（管理员重置密码后首次登录须先修改，改后重新登录）',
      body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) }, strict),
    },
  }, async (req, reply) => {
    await auth.changePassword(deps, sessionOf(req), req.body, clientOf(req));
    return reply.status(204).send();
  });
}
