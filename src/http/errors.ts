import type { FastifyError, FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import type { Localize } from 'ajv-i18n/localize/types.js';
import { AppError } from '../core/errors.ts';

// The package's typings declare an ES default export that its CommonJS file does not have.
const localizeZh = createRequire(import.meta.url)('ajv-i18n/localize/zh') as Localize;

type ErrorBody = { error: { code: string; message: string; details?: unknown } };

const body = (code: string, message: string, details?: unknown): ErrorBody => ({ error: { code, message, ...(details === undefined ? {} : { details }) } });

/** Framework errors a client can cause, with the code and Chinese message each is shown as. */
const CLIENT_ERRORS: Record<string, [string, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', '不支持的请求内容类型'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['BODY_INVALID', '请求体不能为空'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['BODY_INVALID', '请求体不是有效的 JSON'],
  FST_ERR_CTP_BODY_TOO_LARGE: ['BODY_TOO_LARGE', '请求体过大'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['BODY_INVALID', '请求长度与内容不符'],
  FST_REQ_FILE_TOO_LARGE: ['FILE_TOO_LARGE', '文件超过 20 MB'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: ['MULTIPART_REQUIRED', '请以表单文件方式上传'],
  FST_FILES_LIMIT: ['TOO_MANY_FILES', '一次只能上传一个文件'],
  FST_FIELDS_LIMIT: ['UNEXPECTED_FIELD', '上传请求中只能包含文件'],
};

/** What a client error the framework or Node raises is shown as, by status (the code when it names the cause better). */
const CLIENT_STATUS: Record<number, [string, string]> = {
  400: ['BAD_REQUEST', '请求无效'],
  404: ['NOT_FOUND', '请求的资源不存在'],
  405: ['METHOD_NOT_ALLOWED', '不支持的请求方法'],
  406: ['NOT_ACCEPTABLE', '无法提供所请求的内容格式'],
  408: ['REQUEST_TIMEOUT', '请求超时，请重试'],
  413: ['BODY_TOO_LARGE', '请求体过大'],
  414: ['URL_TOO_LONG', '请求地址过长'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的请求内容类型'],
  431: ['HEADERS_TOO_LARGE', '请求头过大'],
};

export function clientErrorBody(status: number, code?: string): ErrorBody {
  if (code === 'FST_ERR_BAD_URL') return body('BAD_URL', '请求地址格式不正确');
  const [c, m] = CLIENT_STATUS[status] ?? CLIENT_STATUS[400]!;
  return body(c, m);
}

/**
 * Ajv reports a value outside a union of constants once per constant plus once for the union;
 * the user reads one reason listing the allowed values instead.
 */
function collapseUnions(errors: NonNullable<FastifyError['validation']>) {
  const unions = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const allowed = new Map<string, unknown[]>();
  for (const e of errors) {
    if (e.keyword === 'const' && unions.has(e.instancePath)) allowed.set(e.instancePath, [...(allowed.get(e.instancePath) ?? []), (e.params as { allowedValue?: unknown }).allowedValue]);
  }
  return errors
    .filter((e) => !(unions.has(e.instancePath) && (e.keyword === 'const' || e.keyword === 'type')))
    .map((e) => (e.keyword === 'anyOf' && allowed.has(e.instancePath) ? { ...e, message: `应当是以下之一：${allowed.get(e.instancePath)!.join('、')}` } : e));
}

const UNIQUE_VIOLATIONS = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);

/**
 * Every failure leaves as `{ error: { code, message } }`: AppErrors as they are, schema
 * violations as VALIDATION_FAILED with Chinese reasons per field, and anything unexpected as
 * a logged 500 that tells the user nothing internal.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    if (err instanceof AppError) return reply.status(err.status).send(body(err.code, err.message, err.details));
    const fe = err as FastifyError & { code?: string };
    if (fe.validation) {
      localizeZh(fe.validation as Parameters<typeof localizeZh>[0]);
      const details = collapseUnions(fe.validation).map((v) => ({
        field: `${fe.validationContext ?? ''}${v.instancePath}`.replace(/\//g, '.') || String(fe.validationContext ?? ''),
        message: v.keyword === 'additionalProperties' ? `不允许的字段 ${String((v.params as { additionalProperty?: string }).additionalProperty)}` : v.message ?? '',
      }));
      return reply.status(400).send(body('VALIDATION_FAILED', `请求参数不符合要求：${details.map((d) => `${d.field} ${d.message}`).join('；')}`, details));
    }
    const known = fe.code ? CLIENT_ERRORS[fe.code] : undefined;
    if (known) return reply.status(fe.statusCode ?? 400).send(body(known[0], known[1]));
    if (fe.statusCode === 429) return reply.status(429).send(body('RATE_LIMITED', '请求过于频繁，请稍后再试'));
    if (fe.code && UNIQUE_VIOLATIONS.has(fe.code)) return reply.status(409).send(body('DUPLICATE', '记录已存在'));
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send(clientErrorBody(fe.statusCode));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', '服务器内部错误，请稍后重试'));
  });
}
