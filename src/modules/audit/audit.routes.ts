import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { chinaToday } from '../../core/clock.ts';
import { forbidden } from '../../core/errors.ts';
import { paging, PageQuery } from '../../core/paging.ts';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { sendDownload, XLSX } from '../../http/download.ts';
import { reach } from '../auth/actor.ts';
import { cityAgencyId } from '../org/city.ts';
import { auditWorkbook } from './audit.export.ts';
import { AUDIT_KINDS } from './audit.labels.ts';
import { listAudit, type AuditFilter } from './audit.listing.ts';
import { currentCheckpoint, lastCheckpoint, verifyAudit } from './audit.service.ts';
import { itemsOf, pageOf } from '../../core/paging.ts';
import { AuditCheckpoint, AuditEvent, AuditKind, AuditVerification } from './audit.schemas.ts';

const auditors = { roles: ['auditor'] } as const;

const AuditQuery = {
  agencyId: Type.Optional(Type.String()),
  actorId: Type.Optional(Type.String()),
  actor: Type.Optional(Type.String({ maxLength: 50 })),
  action: Type.Optional(Type.String({ maxLength: 60 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
};
const AuditQuerySchema = Type.Object(AuditQuery, { additionalProperties: false });

/** The filter within the agencies the auditor's grant reaches. */
function auditFilter(req: FastifyRequest, query: Static<typeof AuditQuerySchema>): AuditFilter {
  const visible = reach(actorOf(req), ['auditor']);
  if (query.agencyId && !visible.has(query.agencyId)) throw forbidden('您无权查看该机关的审计日志');
  return { ...query, agencyIds: query.agencyId ? [query.agencyId] : [...visible] };
}

export async function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/audit', {
    config: { access: auditors },
    schema: { response: { 200: pageOf(AuditEvent) },
      tags: ['audit'], summary: '审计日志（按时间倒序，分页、筛选）',
      querystring: Type.Object({ ...AuditQuery, ...PageQuery }, { additionalProperties: false }),
    },
  }, async (req) => listAudit(deps.db, auditFilter(req, req.query), paging(req.query)));

  r.get('/audit.xlsx', {
    config: { access: auditors },
    schema: { tags: ['audit'], summary: '导出审计日志（Excel，北京时间）', querystring: AuditQuerySchema },
  }, async (req, reply) =>
    sendDownload(reply, { name: `审计日志-${chinaToday(deps.clock)}.xlsx`, mime: XLSX, bytes: await auditWorkbook(deps.db, auditFilter(req, req.query)) }, 'no-store'));

  r.get('/audit/kinds', {
    config: { access: auditors },
    schema: { response: { 200: itemsOf(AuditKind) }, tags: ['audit'], summary: '审计事件的种类及中文名称' },
  }, async () => ({ items: AUDIT_KINDS }));

  const checkpointFile = deps.auditCheckpointFile;
  r.get('/audit/verify', {
    config: { access: auditors },
    schema: { response: { 200: AuditVerification }, tags: ['audit'], summary: '校验审计日志密钥哈希链（本人可查看的机关），对照最近一次签名检查点，列出其后尚未确认的记录' },
  }, async (req) => {
    const actor = actorOf(req);
    // The `system` chain (sign-in attempts of unknown names) belongs to the city-level auditors.
    const visible = [...reach(actor, ['auditor'])];
    return verifyAudit(deps.db, visible.includes(await cityAgencyId(deps.db)) ? [...visible, 'system'] : visible, checkpointFile ? lastCheckpoint(checkpointFile) : null);
  });

  // 等保 安全审计: the signed heads of every chain now, for the auditor to record outside the system.
  r.get('/audit/checkpoint', { config: { access: auditors }, schema: { response: { 200: Type.Object({ current: AuditCheckpoint, lastExported: Type.Union([AuditCheckpoint, Type.Null()]) }) }, tags: ['audit'], summary: '当前各审计链末端的签名检查点（供审计员抄录留存）' } }, async () => ({
    current: await currentCheckpoint(deps.db, deps.clock),
    lastExported: checkpointFile ? lastCheckpoint(checkpointFile) : null,
  }));
}
