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
      const details = fe.validation.map((v) => ({
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
      return reply.status(fe.statusCode).send(body('BAD_REQUEST', '请求无效'));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', '服务器内部错误，请稍后重试'));
  });
}
