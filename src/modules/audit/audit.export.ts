import { chinaDateTimeOf } from '../../core/clock.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { EXPORT_LIMIT, workbookOf } from '../../http/workbook.ts';
import { ROLES, type Role } from '../org/org.rules.ts';
import { listAudit, type AuditEventView, type AuditFilter } from './audit.listing.ts';

const CHUNK = 5_000;
const change = (value: unknown) => (value == null ? '' : JSON.stringify(value));

/** The filtered audit log as an Excel workbook for the auditor, times in Beijing time. */
export async function auditWorkbook(db: Db, filter: AuditFilter): Promise<Buffer> {
  const first = await listAudit(db, filter, { page: 1, pageSize: CHUNK });
  if (first.total > EXPORT_LIMIT) {
    throw badRequest('EXPORT_TOO_LARGE', `符合条件的记录有 ${first.total} 条，超过一次导出的上限 ${EXPORT_LIMIT} 条，请缩小时间范围或筛选条件`);
  }
  const events: AuditEventView[] = [...first.items];
  for (let page = 2; events.length < first.total; page++) events.push(...(await listAudit(db, filter, { page, pageSize: CHUNK })).items);
  const agencies = new Map((await db.selectFrom('agencies').select(['id', 'name']).execute()).map((a) => [a.id, a.name]));
  return workbookOf('审计日志', [
    { header: '时间（北京时间）', key: 'at', width: 18 }, { header: '操作人', key: 'actor', width: 12 }, { header: '角色', key: 'role', width: 14 },
    { header: '机构', key: 'agency', width: 24 }, { header: '操作', key: 'action', width: 20 }, { header: '对象类型', key: 'entityType', width: 12 },
    { header: '对象', key: 'entity', width: 40 }, { header: 'IP 地址', key: 'ip', width: 40 }, { header: '变更前', key: 'before', width: 40 },
    { header: '变更后', key: 'after', width: 40 }, { header: '记录编号', key: 'id', width: 38 },
  ], events.map((e) => ({
    at: chinaDateTimeOf(e.at), actor: e.actorName ?? '系统', role: e.actorRole ? (ROLES[e.actorRole as Role]?.label ?? '') : '',
    agency: e.agencyId ? (agencies.get(e.agencyId) ?? '') : '', action: e.actionLabel, entityType: e.entityLabel, entity: e.entityName ?? '',
    ip: e.ip ?? '', before: change(e.before), after: change(e.after), id: e.id,
  })));
}
