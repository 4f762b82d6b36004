import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { forbidden } from '../../core/errors.ts';
import { paging, PageQuery } from '../../core/paging.ts';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { reach } from '../auth/actor.ts';
import { cityAgencyId } from '../org/org.service.ts';
import { currentCheckpoint, lastCheckpoint, listAudit, verifyAudit } from './audit.service.ts';

const auditors = { roles: ['auditor'] } as const;

export async function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/audit', {
    config: { access: auditors },
    schema: {
      tags: ['audit'], summary: '审计日志（分页、筛选）',
      querystring: Type.Object({
        agencyId: Type.Optional(Type.String()), actorId: Type.Optional(Type.String()), action: Type.Optional(Type.String({ maxLength: 60 })),
        from: Type.Optional(Type.String({ format: 'date-time' })), to: Type.Optional(Type.String({ format: 'date-time' })), ...PageQuery,
      }, { additionalProperties: false }),
    },
  }, async (req) => {
    const visible = reach(actorOf(req), ['auditor']);
    if (req.query.agencyId && !visible.has(req.query.agencyId)) throw forbidden('您无权查看该机关的审计日志');
    const agencyIds = req.query.agencyId ? [req.query.agencyId] : [...visible];
    return listAudit(deps.db, { ...req.query, agencyIds }, paging(req.query));
  });

  const checkpointFile = deps.auditCheckpointFile;
  r.get('/audit/verify', {
    config: { access: auditors },
    schema: { tags: ['audit'], summary: '校验审计日志密钥哈希链（本人可查看的机关），对照最近一次签名检查点，列出其后尚未确认的记录' },
  }, async (req) => {
    const actor = actorOf(req);
    // The `system` chain (sign-in attempts of unknown names) belongs to the city-level auditors.
    const visible = [...reach(actor, ['auditor'])];
    return verifyAudit(deps.db, visible.includes(await cityAgencyId(deps.db)) ? [...visible, 'system'] : visible, checkpointFile ? lastCheckpoint(checkpointFile) : null);
  });

  // 等保 安全审计: the signed heads of every chain now, for the auditor to record outside the system.
  r.get('/audit/checkpoint', { config: { access: auditors }, schema: { tags: ['audit'], summary: '当前各审计链末端的签名检查点（供审计员抄录留存）' } }, async () => ({
    current: await currentCheckpoint(deps.db, deps.clock),
    lastExported: checkpointFile ? lastCheckpoint(checkpointFile) : null,
  }));
}
