import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { AppError } from '../core/errors.ts';
import { clientErrorBody } from './errors.ts';

/**
 * HTTP-level hardening found missing by the probe of issue 9 (等保2.0 三级 安全计算环境):
 * answers carrying personal data are never cached, request bodies nest only so deep, query
 * strings (which citizens fill with names and ID numbers) never reach the log, and errors the
 * framework raises before a route runs answer in the project's Chinese error body.
 */

/** JSON nested deeper than this is refused before it is parsed: no form of ours nests past 10. */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text, counted without parsing it (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/** A URL as the log may keep it: the path, and each query parameter's name with its value masked. */
export function maskedUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url.slice(q + 1).split('&').filter(Boolean).map((pair) => `${pair.split('=')[0]}=***`);
  return `${url.slice(0, q)}?${names.join('&')}`;
}

/** The logger's view of a request: no query values, no headers (cookies, tokens). */
export const logSerializers = {
  req: (req: FastifyRequest) => ({ method: req.method, url: maskedUrl(req.url), remoteAddress: req.ip }),
};

const FRAMEWORK_STATUS: Record<string, number> = { FST_ERR_BAD_URL: 400, FST_ERR_MAX_PARAM_LENGTH: 414 };

/** Fastify's errors raised before routing (bad percent-encoding, an over-long path part). */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (err, _req, reply) => {
  const status = FRAMEWORK_STATUS[(err as { code?: string }).code ?? ''] ?? 400;
  void (reply as FastifyReply).status(status).header('cache-control', 'no-store').send(clientErrorBody(status, (err as { code?: string }).code));
};

/** Errors Node's HTTP parser raises before Fastify sees the request (431 headers too large, 414, 400). */
export const clientErrorHandler: NonNullable<FastifyServerOptions['clientErrorHandler']> = (err, socket) => {
  const code = (err as NodeJS.ErrnoException).code;
  const status = code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'HPE_URI_TOO_LONG' ? 414 : 400;
  if (!socket.writable) return socket.destroy();
  const body = JSON.stringify(clientErrorBody(status));
  socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 414 ? 'URI Too Long' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`);
};

export function installHardening(app: FastifyInstance): void {
  // A NUL character is never part of a real address or form value, and PostgreSQL refuses it in text: 400, not a 500.
  app.addHook('onRequest', async (req) => {
    if (/%00/i.test(req.url)) throw new AppError('BAD_URL', 400, '请求地址格式不正确');
  });
  // 等保 剩余信息保护: no browser or proxy keeps an API answer (applicants' data, /auth/me).
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (jsonDepth(body as string) > MAX_JSON_DEPTH) return done(new AppError('BODY_TOO_DEEP', 400, `请求内容嵌套层级过深（不超过 ${MAX_JSON_DEPTH} 层）`), undefined);
    if ((body as string).includes('\\u0000')) return done(new AppError('BODY_INVALID', 400, '请求内容含有不允许的空字符'), undefined);
    return parseJson(req, body as string, done);
  });
}
