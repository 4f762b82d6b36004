import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { ClusterRateStore, countsInPrimary } from './cluster-rate-store.ts';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { sql } from 'kysely';
import { applicationRoutes } from '../modules/applications/applications.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { calendarRoutes } from '../modules/calendar/calendar.routes.ts';
import { catalogRoutes } from '../modules/catalog/catalog.routes.ts';
import { coordinationRoutes } from '../modules/coordination/coordination.routes.ts';
import { filingRoutes } from '../modules/catalog/filing.routes.ts';
import { consultationRoutes } from '../modules/consultation/consultation.routes.ts';
import { keyTaskRoutes } from '../modules/keytasks/keytasks.routes.ts';
import { documentRoutes } from '../modules/documents/documents.routes.ts';
import { letterRoutes } from '../modules/letters/letters.routes.ts';
import { listRoutes } from '../modules/lists/lists.routes.ts';
import { messageRoutes } from '../modules/messages/messages.routes.ts';
import { reportRoutes } from '../modules/reports/reports.routes.ts';
import { supervisionRoutes } from '../modules/supervision/supervision.routes.ts';
import { MAX_FILE_BYTES } from '../modules/files/store.ts';
import { notificationRoutes } from '../modules/notifications/notifications.routes.ts';
import { opinionRoutes } from '../modules/opinion/opinion.routes.ts';
import { orgRoutes } from '../modules/org/org.routes.ts';
import { settingsRoutes } from '../modules/settings/settings.routes.ts';
import { todoRoutes } from '../modules/todos/todos.routes.ts';
import { interpretationRoutes } from '../modules/interpretation/interpretation.routes.ts';
import { sendNotFound } from '../portal/agency.ts';
import { portalApplyRoutes } from '../portal/apply.routes.ts';
import { portalConsultationRoutes } from '../portal/consultations.routes.ts';
import { portalKeyTaskRoutes } from '../portal/keytasks.routes.ts';
import { portalItemRoutes } from '../portal/items.routes.ts';
import { portalInterpretationRoutes } from '../portal/interpretation.routes.ts';
import { portalListRoutes } from '../portal/lists.routes.ts';
import { portalMessageRoutes } from '../portal/messages.routes.ts';
import { registerPageCache } from '../portal/page-cache.ts';
import { portalRoutes } from '../portal/portal.routes.ts';
import { portalReportRoutes } from '../portal/reports.routes.ts';
import { portalSearchRoutes } from '../portal/search.routes.ts';
import { installAccessControl } from './access.ts';
import type { AppDeps } from './deps.ts';
import { installErrorHandling } from './errors.ts';
import { clientErrorHandler, frameworkErrors, installHardening, logSerializers } from './hardening.ts';

/** The JSON API's route groups, one line per capability, registered under /api/v1. */
const API_ROUTES = [
  authRoutes,
  orgRoutes,
  auditRoutes,
  calendarRoutes,
  settingsRoutes,
  documentRoutes,
  applicationRoutes,
  todoRoutes,
  catalogRoutes,
  filingRoutes,
  listRoutes,
  letterRoutes,
  messageRoutes,
  coordinationRoutes,
  consultationRoutes,
  keyTaskRoutes,
  notificationRoutes,
  reportRoutes,
  opinionRoutes,
  interpretationRoutes,
  supervisionRoutes,
];

const CONSOLE_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const PORTAL_ASSETS = fileURLToPath(new URL('../portal/assets/', import.meta.url));

/** `trustProxy`: addresses or CIDR ranges of the reverse proxies whose X-Forwarded-For is believed (docs/operations.md). */
export type AppOptions = { logLevel?: string; trustProxy?: string[]; logStream?: { write: (line: string) => void } };

/** Assembles the one process that serves the API, the portal and the console. */
export async function buildApp(deps: AppDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      // Applicants' and staff's secrets never reach the log (DESIGN.md: personal data).
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      ...(options.logStream && { stream: options.logStream }),
      // Query strings (searches, lookups) hold what citizens type, names and ID numbers: logged masked.
      serializers: logSerializers,
    },
    frameworkErrors,
    clientErrorHandler,
    // Only behind a listed proxy does the visitor's address come from X-Forwarded-For (rate limits, audit).
    trustProxy: options.trustProxy?.length ? options.trustProxy : false,
    // Unknown fields are refused, not silently dropped: a typo must not lose what a user typed.
    // (Fastify's compiler already adds ajv-formats: email, date-time…)
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
    bodyLimit: 1024 * 1024,
  });

  installErrorHandling(app);
  installHardening(app);
  // Response schemas describe the payloads (OpenAPI, the console's generated types, and the
  // type-check of every handler's answer); they do not filter it: the body goes out as
  // JSON.stringify writes it, so a field a schema forgot is never silently dropped.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its CSS-in-JS into <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    // Nothing leaves for other sites; our own pages see where a visitor came from (the text-size switch returns there).
    referrerPolicy: { policy: 'same-origin' },
  });
  // Several server processes (--workers) share one count per route and client, kept by the primary.
  await app.register(rateLimit, { global: false, ...(countsInPrimary() ? { store: ClusterRateStore } : {}) });
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 0 } });
  installAccessControl(app, deps);

  await app.register(swagger, {
    openapi: {
      info: { title: 'gongkai 政务公开管理平台 API', version: '0.1.0', description: '会话 Cookie 鉴权；所有修改请求须带 x-csrf-token 请求头。错误格式：{ error: { code, message } }。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gk_sid' } } },
    },
    // Each operation states its declared access (src/http/access.ts): none for `public`, the
    // session otherwise, naming the roles of a `{ roles }` route (test/security/access-matrix.test.ts reads them).
    transform: ({ schema, url, route }) => {
      const access = route.config?.access;
      if (!schema || !access) return { schema, url };
      const security = access === 'public' ? [] : [{ session: typeof access === 'string' ? [] : [...access.roles] }];
      return { schema: { ...schema, security }, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  await app.register(
    async (api) => {
      for (const routes of API_ROUTES) await routes(api, deps);
    },
    { prefix: '/api/v1' },
  );

  await app.register(fastifyStatic, { root: PORTAL_ASSETS, prefix: '/assets/', maxAge: '1h' });
  registerPageCache(app, deps);
  await portalRoutes(app, deps);
  await portalItemRoutes(app, deps);
  await portalInterpretationRoutes(app, deps);
  await portalSearchRoutes(app, deps);
  await portalListRoutes(app, deps);
  await portalKeyTaskRoutes(app, deps);
  await portalReportRoutes(app, deps);
  await app.register(async (scope) => portalApplyRoutes(scope, deps));
  await app.register(async (scope) => portalMessageRoutes(scope, deps));
  await app.register(async (scope) => portalConsultationRoutes(scope, deps));
  await registerConsole(app);

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
    return sendNotFound(deps, reply);
  });
  return app;
}

/** The built console is a single-page app: its hashed assets are cached for good, every other path gets index.html. */
async function registerConsole(app: FastifyInstance) {
  app.get('/admin', { config: { access: 'public' } }, (_req, reply) => reply.redirect('/admin/'));
  if (!existsSync(CONSOLE_DIST)) {
    app.get('/admin/*', { config: { access: 'public' } }, (_req, reply) =>
      reply.status(503).type('text/plain; charset=utf-8').send('管理后台尚未构建：请运行 npm run build:web'));
    return;
  }
  // preCompressed: the build writes .br and .gz copies of the chunks (web/vite.config.ts).
  await app.register(fastifyStatic, { root: CONSOLE_DIST, prefix: '/admin/', decorateReply: false, wildcard: false, immutable: true, maxAge: '365d', index: false, preCompressed: true });
  app.get('/admin/*', { config: { access: 'public' } }, (_req, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', CONSOLE_DIST, { immutable: false, maxAge: 0 }));
}
