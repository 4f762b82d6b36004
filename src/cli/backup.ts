import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { objectStoreInUse } from '../modules/files/store.ts';
import { dirname, join, relative, sep } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Database, Db, Dialect } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { isEmpty } from '../seed/demo.ts';
import { auditKeyId, keyIdOf } from '../core/field-crypto.ts';
import { keyringOf } from '../db/sealed-columns.ts';
import { verifyAudit } from '../modules/audit/audit.service.ts';
import { rebuildCatalog } from '../modules/catalog/catalog.entries.ts';

type TableName = keyof Database;

/**
 * Tables in restore order (a row's references come before it). Sessions are left out: a
 * restored system starts with everyone signed out. A test checks that every table the
 * migrations create is either listed here or deliberately left out.
 */
export const BACKUP_TABLES: readonly TableName[] = [
  'agencies', 'users', 'units', 'role_grants', 'calendar_days', 'calendar_years', 'settings', 'audit_heads', 'audit_events',
  'items', 'item_steps', 'item_consultations', 'item_attachments', 'item_findings', 'item_redactions', 'item_versions',
  'index_sequences', 'item_rechecks', 'deadlines',
  'applications', 'application_steps', 'application_reviews', 'application_consultations', 'application_files', 'application_appeals', 'application_sequences', 'application_settings',
  'negative_list_entries', 'service_items', 'powers',
  'catalog_filings', 'letter_templates', 'letter_sequences',
  'reminder_stages', 'notifications', 'deliveries', 'notification_preferences', 'reminder_settings', 'channel_settings', 'duty_shifts',
  'citizen_messages', 'citizen_message_steps', 'message_settings',
  'coordination_requests',
  'consultations', 'consultation_comments', 'consultation_settings', 'key_tasks', 'key_task_progress', 'policy_evaluations',
  'annual_reports', 'report_entries', 'monthly_reports', 'report_settings',
  'opinion_cases', 'opinion_steps', 'opinion_responses', 'opinion_sightings', 'opinion_feeds', 'opinion_settings',
  'sup_templates', 'sup_assessments', 'sup_self_checks', 'sup_findings',
  'interpretations', 'interpretation_links', 'interpretation_settings',
];
/**
 * Sessions end with the process they served; the catalog is derived from the published versions
 * and rebuilt on restore; the job queue and its schedules are the running server's: a restored
 * system schedules its sweeps anew, and the reminder stages kept tell it what was already sent.
 * A monitoring webhook's nonces matter only inside its five-minute replay window.
 */
export const NOT_BACKED_UP: readonly TableName[] = ['sessions', 'catalog_entries', 'catalog_facets', 'jobs', 'job_schedules', 'opinion_webhook_nonces'];

/** Tables a migration fills with built-in rows (the national assessment templates): the backup's copy replaces them. */
const SEEDED_BY_MIGRATIONS: readonly TableName[] = ['sup_templates'];

/** Rows that reference rows of the same table (agency tree, unit tree and successors) go parents first. */
const SELF_REFERENCES: Partial<Record<TableName, string[]>> = { agencies: ['parent_id'], units: ['parent_id', 'successor_id'] };

function parentsFirst(rows: Record<string, unknown>[], refs: string[]): Record<string, unknown>[] {
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const done = new Set<string>();
  const out: Record<string, unknown>[] = [];
  const visit = (r: Record<string, unknown>, path: Set<string>) => {
    const id = r.id as string;
    if (done.has(id) || path.has(id)) return;
    path.add(id);
    for (const ref of refs) {
      const target = byId.get(r[ref] as string);
      if (target) visit(target, path);
    }
    done.add(id);
    out.push(r);
  };
  for (const r of rows) visit(r, new Set());
  return out;
}

/** `keyIds`: the field keys the backup's sealed values need; the key file is backed up apart from the data (docs/operations.md). */
export type Manifest = { format: 'gongkai-backup-1'; createdAt: string; dialect: Dialect; migrations: string[]; keyIds: string[]; auditKeyId: string; tables: Record<string, { rows: number; sha256: string }> };

/** The key ids named by sealed values among the rows. */
function sealedKeyIds(rows: Record<string, unknown>[], into: Set<string>) {
  for (const r of rows) for (const v of Object.values(r)) if (typeof v === 'string' && v.startsWith('gk1:')) into.add(keyIdOf(v) ?? '');
}

/**
 * The stored files go into the backup's `files` folder in the data folder's layout
 * (ab/cd/<sha256>) whichever store holds them, so a backup of one store restores into the
 * other: from the data folder, or from the object store's `files/` keys.
 */
async function copyStoredFilesOut(dataDir: string, outDir: string): Promise<void> {
  const objects = objectStoreInUse();
  if (!objects) {
    const files = join(dataDir, 'files');
    if (existsSync(files)) cpSync(files, join(outDir, 'files'), { recursive: true });
    return;
  }
  for await (const key of objects.keys('files/')) {
    const bytes = await objects.get(key);
    if (!bytes) continue;
    mkdirSync(dirname(join(outDir, key)), { recursive: true });
    writeFileSync(join(outDir, key), bytes);
  }
}

async function copyStoredFilesIn(fromDir: string, dataDir: string): Promise<void> {
  const files = join(fromDir, 'files');
  if (!existsSync(files)) return;
  const objects = objectStoreInUse();
  if (!objects) {
    cpSync(files, join(dataDir, 'files'), { recursive: true });
    return;
  }
  for (const entry of readdirSync(files, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.tmp')) continue;
    const path = join(entry.parentPath, entry.name);
    await objects.put(`files/${relative(files, path).split(sep).join('/')}`, readFileSync(path));
  }
}

/**
 * A consistent copy while the server runs: every table is read inside one transaction (a WAL
 * snapshot on SQLite, REPEATABLE READ on PostgreSQL), then the content-addressed stored files
 * are copied (a file added meanwhile is merely extra). The copy restores onto either database.
 */
export async function backup(db: Db, dialect: Dialect, dataDir: string, outDir: string): Promise<Manifest> {
  mkdirSync(join(outDir, 'tables'), { recursive: true });
  const keyIds = new Set<string>();
  const read = async (tx: Transaction<Database>) => {
    const tables: Manifest['tables'] = {};
    for (const table of BACKUP_TABLES) {
      // Read as stored: personal data stays sealed in the backup (not opened by the connection's key ring).
      const rows = await (tx.withoutPlugins() as unknown as Kysely<Record<string, Record<string, unknown>>>).selectFrom(table).selectAll().execute();
      sealedKeyIds(rows, keyIds);
      const text = rows.map((r) => JSON.stringify(r)).join('\n');
      writeFileSync(join(outDir, 'tables', `${table}.jsonl`), text);
      tables[table] = { rows: rows.length, sha256: createHash('sha256').update(text).digest('hex') };
    }
    const migrations = (await (tx as unknown as Kysely<{ kysely_migration: { name: string } }>).selectFrom('kysely_migration').select('name').orderBy('name').execute()).map((m) => m.name);
    return { tables, migrations };
  };
  const trx = dialect === 'postgres' ? db.transaction().setIsolationLevel('repeatable read') : db.transaction();
  const { tables, migrations } = await trx.execute(read);
  await copyStoredFilesOut(dataDir, outDir);
  const manifest: Manifest = { format: 'gongkai-backup-1', createdAt: new Date().toISOString(), dialect, migrations, keyIds: [...keyIds].sort(), auditKeyId: auditKeyId(keyringOf(db)), tables };
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Restores into an empty database only: a restore never overwrites data that exists. */
export async function restore(db: Db, dataDir: string, fromDir: string): Promise<{ rows: number; auditOk: boolean }> {
  const manifest = JSON.parse(readFileSync(join(fromDir, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format !== 'gongkai-backup-1') throw new Error(`not a gongkai backup: ${fromDir}`);
  await migrateToLatest(db);
  if (!(await isEmpty(db))) throw new Error('the target database is not empty; restore only into a new, empty database');
  const batches: [TableName, Record<string, unknown>[]][] = BACKUP_TABLES.map((table) => {
    const text = readFileSync(join(fromDir, 'tables', `${table}.jsonl`), 'utf8');
    const expected = manifest.tables[table];
    if (!expected || createHash('sha256').update(text).digest('hex') !== expected.sha256) throw new Error(`backup file of ${table} is damaged (checksum mismatch)`);
    const rows = text ? text.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) : [];
    const refs = SELF_REFERENCES[table];
    return [table, refs ? parentsFirst(rows, refs) : rows];
  });
  const needed = new Set<string>();
  for (const [, rows] of batches) sealedKeyIds(rows, needed);
  const ring = keyringOf(db);
  const held = new Set(ring.keys.map((k) => k.id));
  const missing = [...needed].filter((id) => !held.has(id));
  if (missing.length || manifest.auditKeyId !== auditKeyId(ring)) throw new Error(`the backup was made with another key file (it needs key(s) ${[...needed].join(', ') || 'none'} and its audit key): put the key file from the key backup in place (GONGKAI_KEY_FILE) and restore again`);
  let count = 0;
  await db.transaction().execute(async (tx) => {
    // Written as stored: sealed values are already sealed.
    const loose = tx.withoutPlugins() as unknown as Kysely<Record<string, Record<string, unknown>>>;
    for (const table of SEEDED_BY_MIGRATIONS) await loose.deleteFrom(table).execute();
    for (const [table, rows] of batches) {
      for (let i = 0; i < rows.length; i += 200) await loose.insertInto(table).values(rows.slice(i, i + 200)).execute();
      count += rows.length;
    }
    await rebuildCatalog(tx);
  });
  await copyStoredFilesIn(fromDir, dataDir);
  return { rows: count, auditOk: (await verifyAudit(db)).ok };
}
