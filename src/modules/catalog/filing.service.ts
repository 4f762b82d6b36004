import ExcelJS from 'exceljs';
import { chinaDateOf, chinaToday, type Clock } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { offsetOf, type Paging } from '../../core/paging.ts';
import type { Db, Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import { CATEGORIES, type Category } from '../documents/documents.rules.ts';
import { filesRoot } from '../documents/documents.publication.ts';
import type { PublishedSnapshot } from '../documents/documents.tables.ts';
import { readStoredFile, storeFile } from '../files/store.ts';
import type { Role } from '../org/org.rules.ts';
import { checkFileable, checkReportedOn, parsePeriod, periodDates, periodInstants, periodLabel, unfiledPeriods } from './filing.rules.ts';
import type { CatalogFilingTable } from './filing.tables.ts';

type Deps = { db: Db; clock: Clock; dataDir: string };

/** The office files (ORG-1); the leaders it reports to read the filings too. */
const FILING_ROLES: readonly Role[] = ['office'];
const READER_ROLES: readonly Role[] = ['office', 'leader'];

/** The agency's versions published in the quarter, one per item: its last in the quarter. */
function entriesIn(tx: Tx, agencyId: string, period: string) {
  const { start, end } = periodInstants(period);
  return publishedVersions(tx, agencyId)
    .where('iv.published_at', '>=', start)
    .where('iv.published_at', '<', end)
    .where((eb) =>
      eb('iv.version', '=', eb.selectFrom('item_versions as later').select((e) => e.fn.max('later.version').as('v'))
        .whereRef('later.item_id', '=', 'iv.item_id').where('later.published_at', '>=', start).where('later.published_at', '<', end)),
    );
}

/**
 * The agency's published versions of items still proactive: a version is published only after
 * a 主动公开 conclusion, and an item since decided non-public (a revision that concluded 不予公开)
 * is left out, as secret items are never filed (CAT-2). A revision in progress has no decision
 * yet, so it stays.
 */
function publishedVersions(tx: Tx, agencyId: string) {
  return tx
    .selectFrom('item_versions as iv')
    .innerJoin('items', 'items.id', 'iv.item_id')
    .where('items.agency_id', '=', agencyId)
    .where((eb) => eb.or([eb('items.attribute', '=', 'proactive'), eb('items.attribute', 'is', null)]));
}

/** One catalog entry as filed: the published snapshot's fields (CAT-1), never the working copy. */
const presentEntry = (r: { item_id: string; published_at: string; snapshot_json: string }) => {
  const s = JSON.parse(r.snapshot_json) as PublishedSnapshot;
  return {
    itemId: r.item_id, version: s.version, indexNumber: s.indexNumber, title: s.title, category: s.category as Category,
    docNumber: s.docNumber, dateMade: s.dateMade, publishedOn: chinaDateOf(r.published_at),
  };
};
export type FilingEntry = ReturnType<typeof presentEntry>;

const orderedEntries = (tx: Tx, agencyId: string, period: string) =>
  entriesIn(tx, agencyId, period).select(['iv.item_id', 'iv.published_at', 'iv.snapshot_json']).orderBy('items.index_number').orderBy('iv.item_id');

async function entryPage(tx: Tx, agencyId: string, period: string, page: Paging) {
  const [{ total }] = (await entriesIn(tx, agencyId, period).select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
  const rows = await orderedEntries(tx, agencyId, period).limit(page.pageSize).offset(offsetOf(page)).execute();
  return { ...page, total: Number(total), items: rows.map(presentEntry) };
}

async function firstPublishedOn(tx: Tx, agencyId: string): Promise<string | null> {
  const { first } = await publishedVersions(tx, agencyId).select((eb) => eb.fn.min('iv.published_at').as('first')).executeTakeFirstOrThrow();
  return first ? chinaDateOf(first) : null;
}

const periodView = (period: string) => ({ period, label: periodLabel(period), ...periodDates(period) });

const presentFiling = (r: CatalogFilingTable) => ({
  id: r.id, agencyId: r.agency_id, period: r.period, label: periodLabel(r.period), entryCount: r.entry_count, sha256: r.sha256, size: r.size,
  filedById: r.filed_by, filedByName: r.filed_by_name, filedAt: r.filed_at, reportedOn: r.reported_on, reportNote: r.report_note,
});
export type FilingView = ReturnType<typeof presentFiling>;

async function agencyOf(tx: Tx, agencyId: string) {
  const agency = await tx.selectFrom('agencies').select(['id', 'name']).where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw notFound('机关');
  return agency;
}

/** The agency's filings, newest quarter first, and the quarters still to file (未备案), oldest first. */
export async function listFilings(deps: Deps, actor: Actor, agencyId: string) {
  requireRoleIn(actor, READER_ROLES, agencyId);
  const agency = await agencyOf(deps.db, agencyId);
  const rows = await deps.db.selectFrom('catalog_filings').selectAll().where('agency_id', '=', agencyId).orderBy('period', 'desc').execute();
  const unfiled = unfiledPeriods(await firstPublishedOn(deps.db, agencyId), chinaToday(deps.clock), rows.map((r) => r.period));
  return { agencyId, agencyName: agency.name, unfiled: unfiled.map(periodView), items: rows.map(presentFiling) };
}

/** What a filing of `period` would list, page by page; a quarter still running shows its entries so far. */
export async function previewPeriod(deps: Deps, actor: Actor, agencyId: string, period: string, page: Paging) {
  requireRoleIn(actor, READER_ROLES, agencyId);
  parsePeriod(period);
  return { ...periodView(period), ...(await entryPage(deps.db, agencyId, period, page)) };
}

/** The list as the office files it and reports it to the leading group. */
async function filingWorkbook(agencyName: string, period: string, entries: FilingEntry[], filedAt: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  // Fixed workbook dates keep the file a record of the filing moment, not of when it was built.
  book.created = filedAt;
  book.modified = filedAt;
  const sheet = book.addWorksheet('目录备案');
  sheet.columns = [
    { key: 'seq', width: 6 }, { key: 'indexNumber', width: 20 }, { key: 'title', width: 48 }, { key: 'category', width: 12 },
    { key: 'docNumber', width: 22 }, { key: 'dateMade', width: 12 }, { key: 'publishedOn', width: 12 },
  ];
  sheet.mergeCells('A1:G1');
  sheet.getCell('A1').value = `${agencyName}政府信息主动公开目录备案表（${periodLabel(period)}，共 ${entries.length} 条）`;
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow(['序号', '索引号', '标题', '主题分类', '发文字号', '成文日期', '发布日期']).font = { bold: true };
  entries.forEach((e, i) => sheet.addRow([i + 1, e.indexNumber, e.title, CATEGORIES[e.category], e.docNumber, e.dateMade, e.publishedOn]));
  return Buffer.from(await book.xlsx.writeBuffer());
}

export type FilingInput = { period: string; reportedOn?: string | null | undefined; reportNote?: string | null | undefined };

/**
 * 目录备案 (CAT-2): lists the quarter's proactive entries, stores the Excel file in the
 * content-addressed store (its SHA-256 keeps the filed list exact whatever changes later) and
 * records the filing and its audit event together.
 */
export async function createFiling(deps: Deps, actor: Actor, agencyId: string, input: FilingInput): Promise<FilingView> {
  const today = chinaToday(deps.clock);
  const reportedOn = input.reportedOn ?? null;
  checkReportedOn(reportedOn, today);
  return deps.db.transaction().execute(async (tx) => {
    const role = requireRoleIn(actor, FILING_ROLES, agencyId);
    const agency = await agencyOf(tx, agencyId);
    const filed = await tx.selectFrom('catalog_filings').select('period').where('agency_id', '=', agencyId).execute();
    checkFileable(input.period, { firstPublishedOn: await firstPublishedOn(tx, agencyId), today, filed: filed.map((f) => f.period) });
    const items = (await orderedEntries(tx, agencyId, input.period).execute()).map(presentEntry);
    const now = deps.clock();
    const { sha256, size } = await storeFile(filesRoot(deps.dataDir), await filingWorkbook(agency.name, input.period, items, now));
    const row: CatalogFilingTable = {
      id: newId(), agency_id: agencyId, period: input.period, entry_count: items.length, sha256, size,
      filed_by: actor.userId, filed_by_name: actor.name, filed_at: now.toISOString(), reported_on: reportedOn, report_note: input.reportNote?.trim() ?? '',
    };
    await tx.insertInto('catalog_filings').values(row).execute();
    await appendAudit(tx, deps.clock, {
      actor: auditActor(actor, role), agencyId, action: 'catalog.filing.create', entityType: 'catalog_filing', entityId: row.id,
      after: { period: row.period, entryCount: row.entry_count, sha256, reportedOn, reportNote: row.report_note }, ip: actor.ip,
    });
    return presentFiling(row);
  });
}

/** The Excel file exactly as it was filed. */
export async function filingFile(deps: Deps, actor: Actor, id: string) {
  const row = await deps.db.selectFrom('catalog_filings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('备案记录');
  requireRoleIn(actor, READER_ROLES, row.agency_id);
  const agency = await agencyOf(deps.db, row.agency_id);
  return { name: `${agency.name}目录备案-${periodLabel(row.period)}.xlsx`, bytes: await readStoredFile(filesRoot(deps.dataDir), row.sha256) };
}
