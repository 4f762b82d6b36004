import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/deps.ts';
import { auditGeneration } from '../modules/audit/audit.service.ts';
import { matchesEtag } from './conditional.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public page that is the same for every visitor: kept rendered until the data changes. */
    cachedPage?: boolean;
  }
}

type Entry = { generation: number; body: string; headers: Record<string, string> };

/** Rendered pages kept, by total size: the whole catalog never fits, the pages people read do. */
export const PAGE_CACHE_BYTES = 32 * 1024 * 1024;
/**
 * How long a read of the audit generation is trusted. Writes through this process mark it
 * stale at once (any non-GET request), so its own pages are never stale; a write by another
 * process (a second server on the same PostgreSQL, the CLI) shows within this time.
 */
export const GENERATION_TRUST_MS = 1000;
const KEPT_HEADERS = ['content-type', 'etag', 'last-modified', 'cache-control'] as const;

/**
 * Keeps rendered public pages in memory, least recently used out first. An entry is served
 * while no audited write has happened since it was rendered (auditGeneration): every change
 * of what the portal shows commits with an audit event. The generation is read at most once
 * a second, and again right after any write request this process served. Pages built from
 * the request other than its host and URL (forms with tokens, search, application status)
 * do not opt in.
 */
export function registerPageCache(app: FastifyInstance, deps: AppDeps, maxBytes = PAGE_CACHE_BYTES) {
  const entries = new Map<string, Entry>();
  const generations = new WeakMap<FastifyRequest, number>();
  let bytes = 0;
  let known: { generation: number; readAt: number } | null = null;
  const currentGeneration = async () => {
    const now = Date.now();
    if (!known || now - known.readAt >= GENERATION_TRUST_MS) known = { generation: await auditGeneration(deps.db), readAt: now };
    return known.generation;
  };
  const keyOf = (req: FastifyRequest) => `${req.host}${req.url}`;
  const drop = (key: string) => {
    const old = entries.get(key);
    if (old) bytes -= old.body.length * 2;
    entries.delete(key);
  };

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || !req.routeOptions.config.cachedPage) return;
    const generation = await currentGeneration();
    generations.set(req, generation);
    const key = keyOf(req);
    const hit = entries.get(key);
    if (!hit) return;
    if (hit.generation !== generation) return drop(key);
    entries.delete(key);
    entries.set(key, hit);
    reply.headers(hit.headers).header('x-page-cache', 'hit');
    if (hit.headers.etag && matchesEtag(req.headers['if-none-match'], hit.headers.etag)) return reply.status(304).send();
    return reply.send(hit.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    // A request that may have written (its transaction has committed by now, and its client has
    // not yet seen the answer): the next page read asks the database again.
    if (req.method !== 'GET' && req.method !== 'HEAD') known = null;
    const generation = generations.get(req);
    if (generation === undefined || reply.statusCode !== 200 || typeof payload !== 'string' || reply.getHeader('x-page-cache')) return payload;
    const headers: Record<string, string> = {};
    for (const h of KEPT_HEADERS) {
      const v = reply.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    const key = keyOf(req);
    drop(key);
    entries.set(key, { generation, body: payload, headers });
    bytes += payload.length * 2;
    for (const [oldest] of entries) {
      if (bytes <= maxBytes) break;
      drop(oldest);
    }
    return payload;
  });
}
