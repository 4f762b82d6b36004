import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** True when the request's If-None-Match names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => bare(t) === bare(etag));
}

/**
 * Sends a public page or feed with its validators: an ETag that hashes the body, and
 * Last-Modified from the latest publication among what is shown. A client that already holds
 * this body (If-None-Match) gets 304 and no body. Every portal view of published items uses it.
 * The body is encoded as UTF-8 once, here: hashed, measured, written and kept in the page cache
 * as those bytes (as a string each of them encoded it again).
 */
export function sendConditional(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: { body: string | Buffer; type: string; lastModified?: string | null | undefined },
): FastifyReply {
  const bytes = typeof opts.body === 'string' ? Buffer.from(opts.body) : opts.body;
  const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;
  reply.header('ETag', etag).header('Cache-Control', 'public, no-cache');
  const lm = opts.lastModified ? new Date(opts.lastModified) : null;
  if (lm && !Number.isNaN(lm.getTime())) reply.header('Last-Modified', lm.toUTCString());
  if (matchesEtag(req.headers['if-none-match'], etag)) return reply.status(304).send();
  return reply.type(opts.type).send(bytes);
}

/** The latest of some ISO moments (they compare as text). */
export const latest = (moments: readonly (string | null | undefined)[]): string | null =>
  moments.reduce<string | null>((max, m) => (m && (!max || m > max) ? m : max), null);
