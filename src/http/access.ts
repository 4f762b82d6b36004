import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, forbidden, unauthorized } from '../core/errors.ts';
import type { Actor } from '../modules/auth/actor.ts';
import { loadActor, resumeSession, type Client, type SessionView } from '../modules/auth/auth.service.ts';
import type { Role } from '../modules/org/org.rules.ts';
import type { AppDeps } from './deps.ts';

/**
 * Who may call a route; every API route declares one (checked when routes are registered).
 * - `public`: anyone, no session needed (the portal, login, health);
 * - `login-step`: a session that is still in its second-factor step;
 * - `staff`: any signed-in staff member; finer checks happen in the service per agency;
 * - `{ roles }`: signed-in and holding at least one of these roles in some agency.
 */
export type Access = 'public' | 'login-step' | 'staff' | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: SessionView | null;
    actor: Actor | null;
  }
}

export const SESSION_COOKIE = 'gk_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const clientOf = (req: FastifyRequest): Client => ({ ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') });

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized('AUTH_REQUIRED', '请先登录');
  return req.actor;
}

export function sessionOf(req: FastifyRequest): SessionView {
  if (!req.session) throw unauthorized('AUTH_REQUIRED', '请先登录');
  return req.session;
}

export function installAccessControl(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1') && !route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} does not declare its access`);
    }
  });

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await resumeSession(deps, token) : null;
    if (!session) throw unauthorized('AUTH_REQUIRED', '登录已失效，请重新登录');
    // CSRF: a state-changing request must echo the session's token in a header, which a
    // foreign page cannot read or set (the cookie is SameSite=Strict as a second wall).
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('CSRF_INVALID', 403, '页面已过期，请刷新后重试');
    }
    req.session = session;
    if (access === 'login-step') return;
    if (session.state === 'password_change') throw unauthorized('AUTH_PASSWORD_CHANGE_REQUIRED', '管理员重置了您的密码，请先修改密码');
    if (session.state !== 'active') throw unauthorized('AUTH_MFA_REQUIRED', '请先完成动态验证码验证');
    const actor = await loadActor(deps.db, session.userId, req.ip);
    if (!actor) throw unauthorized('AUTH_REQUIRED', '账号不可用，请重新登录');
    if (access !== 'staff' && !access.roles.some((r) => actor.reach.has(r))) throw forbidden();
    req.actor = actor;
  });
}
