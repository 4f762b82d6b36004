import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../http/deps.ts';
import { matchesEtag } from './conditional.ts';
import { generationWritten, portalGeneration } from './generation.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A public page that is the same for every visitor: kept rendered until the data changes. */
    cachedPage?: boolean;
  }
}

type Entry = { generation: number; body: string | Buffer; headers: Record<string, string> };
/** What an entry holds in memory: a string two bytes a character, a page sent as bytes (sendConditional) its length. */
const sizeOf = (body: string | Buffer) => (typeof body === 'string' ? body.length * 2 : body.length);

/** Rendered pages kept, by total size: the whole catalog never fits, the pages people read do. */
export const PAGE_CACHE_BYTES = 32 * 1024 * 1024;
const KEPT_HEADERS = ['content-type', 'etag', 'last-modified', 'cache-control'] as const;

/**
 * Keeps rendered public pages in memory, least recently used out first. An entry is served
 * while no audited write has happened since it was rendered (auditGeneration): every change
 * of what the portal shows commits with an audit event. The generation is read at most once
 * a second, and again right after any write request this process served (generation.ts,
 * shared with the values every page reads: site, agency, filter choices). Pages built from
 * the request other than its host and URL (forms with tokens, search, application status)
 * do not opt in.
 */
export function registerPageCache(app: FastifyInstance, deps: AppDeps, maxBytes = PAGE_CACHE_BYTES) {
  const entries = new Map<string, Entry>();
  const generations = new WeakMap<FastifyRequest, number>();
  let bytes = 0;
  const keyOf = (req: FastifyRequest) => `${req.host}${req.url}`;
  const drop = (key: string) => {
    const old = entries.get(key);
    if (old) bytes -= sizeOf(old.body);
    entries.delete(key);
  };

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || !req.routeOptions.config.cachedPage) return;
    const generation = await portalGeneration(deps.db);
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
    if (req.method !== 'GET' && req.method !== 'HEAD') generationWritten(deps.db);
    const generation = generations.get(req);
    if (generation === undefined || reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload)) || reply.getHeader('x-page-cache')) return payload;
    const headers: Record<string, string> = {};
    for (const h of KEPT_HEADERS) {
      const v = reply.getHeader(h);
      if (v !== undefined) headers[h] = String(v);
    }
    const key = keyOf(req);
    drop(key);
    entries.set(key, { generation, body: payload, headers });
    bytes += sizeOf(payload);
    for (const [oldest] of entries) {
      if (bytes <= maxBytes) break;
      drop(oldest);
    }
    return payload;
  });
}
