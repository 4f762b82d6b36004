import { offsetOf, type Page, type Paging } from '../../core/paging.ts';
import type { Db } from '../../db/database.ts';
import { periodLabel } from '../catalog/filing.rules.ts';
import { actionLabel, entityLabel } from './audit.labels.ts';

/** The auditor's view of the log: filtered, newest first, in Chinese with the objects' names. */

export type AuditFilter = {
  agencyIds: string[] | 'all';
  actorId?: string | undefined;
  /** part of the acting person's name, as recorded in the event */
  actor?: string | undefined;
  /** one kind (`item.publish`), or every kind of a group when it ends with a dot (`auth.`) */
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

export type AuditEventView = {
  id: string;
  seq: number;
  chain: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  agencyId: string | null;
  action: string;
  /** the kind of event in Chinese (登录系统, 发布) */
  actionLabel: string;
  entityType: string;
  /** the kind of object in Chinese (用户, 信息) */
  entityLabel: string;
  entityId: string | null;
  /** the object's name as it is now (a user's name, an item's title, an application's number) */
  entityName: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
};

function filtered(db: Db, filter: AuditFilter) {
  let q = db.selectFrom('audit_events');
  if (filter.agencyIds !== 'all') q = q.where('agency_id', 'in', filter.agencyIds.length ? filter.agencyIds : ['-']);
  if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
  if (filter.actor?.trim()) q = q.where('actor_name', 'like', `%${filter.actor.trim()}%`);
  if (filter.action) q = filter.action.endsWith('.') ? q.where('action', 'like', `${filter.action}%`) : q.where('action', '=', filter.action);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<=', filter.to);
  return q;
}

type Row = { entity_type: string; entity_id: string | null; after_json: string | null };

/** Reads the current names of the objects a page of events is about, one query per kind. */
async function namesOf(db: Db, rows: readonly Row[]): Promise<(row: Row) => string | null> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.entity_type === type && r.entity_id).map((r) => r.entity_id!))];
  const lookups: Record<string, (wanted: string[]) => Promise<{ id: string; name: string }[]>> = {
    user: (w) => db.selectFrom('users').select(['id', 'name']).where('id', 'in', w).execute(),
    agency: (w) => db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', w).execute(),
    unit: (w) => db.selectFrom('units').select(['id', 'name']).where('id', 'in', w).execute(),
    item: (w) => db.selectFrom('items').select(['id', 'title as name']).where('id', 'in', w).execute(),
    application: (w) => db.selectFrom('applications').select(['id', 'reg_number as name']).where('id', 'in', w).execute(),
    negative_list_entry: (w) => db.selectFrom('negative_list_entries').select(['id', 'matter as name']).where('id', 'in', w).execute(),
    service_item: (w) => db.selectFrom('service_items').select(['id', 'name']).where('id', 'in', w).execute(),
    power: (w) => db.selectFrom('powers').select(['id', 'name']).where('id', 'in', w).execute(),
    catalog_filing: async (w) =>
      (await db.selectFrom('catalog_filings').select(['id', 'period']).where('id', 'in', w).execute()).map((f) => ({ id: f.id, name: periodLabel(f.period) })),
  };
  const names = new Map<string, string>();
  for (const [type, lookup] of Object.entries(lookups)) {
    const wanted = ids(type);
    if (wanted.length) for (const { id, name } of await lookup(wanted)) names.set(`${type}:${id}`, name);
  }
  return (row) => {
    if (row.entity_type === 'calendar_day') return row.entity_id;
    if (row.entity_type === 'calendar_year') return row.entity_id && `${row.entity_id}年`;
    if (row.entity_type === 'settings') return '安全策略';
    if (row.entity_id) return names.get(`${row.entity_type}:${row.entity_id}`) ?? null;
    // A failed sign-in of an unknown name records only the name typed.
    const typed = row.after_json ? (JSON.parse(row.after_json) as { username?: unknown }).username : undefined;
    return typeof typed === 'string' ? typed : null;
  };
}

export async function listAudit(db: Db, filter: AuditFilter, page: Paging): Promise<Page<AuditEventView>> {
  const q = filtered(db, filter);
  const [{ total }] = (await q.select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
  // Newest first by the moment of the event; the chains' own numbering plays no part.
  const rows = await q.selectAll().orderBy('at', 'desc').orderBy('seq', 'desc').limit(page.pageSize).offset(offsetOf(page)).execute();
  const nameOf = await namesOf(db, rows);
  return {
    ...page,
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      chain: r.chain,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorRole: r.actor_role,
      agencyId: r.agency_id,
      action: r.action,
      actionLabel: actionLabel(r.action, r.entity_type),
      entityType: r.entity_type,
      entityLabel: entityLabel(r.entity_type),
      entityId: r.entity_id,
      entityName: nameOf(r),
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
      ip: r.ip,
    })),
  };
}
