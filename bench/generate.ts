/**
 * Builds the benchmark's city in an EMPTY database: the schema by the project's own
 * migrations, then fifty agencies with their units and staff, and N published items written
 * straight into `items`, `item_versions`, `catalog_entries`, the search index and the facet
 * counts, exactly as publication would have left them (same snapshot shape, same tokens from
 * search.tokens.ts), only in bulk.
 *
 *   npx tsx bench/generate.ts --dialect sqlite --items 20000 --data-dir tmp/bench-city
 *   npx tsx bench/generate.ts --dialect postgres --items 20000 --database-url postgres://… --schema bench_x
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { connect, sqliteFileIn, type Connection } from '../src/db/connect.ts';
import type { Dialect } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { countCatalogFacets } from '../src/db/migrations/0024_catalog_facets.ts';
import { documentTokens, tsVector } from '../src/modules/catalog/search.tokens.ts';
import { CHANNELS_JSON, CREATED_AT, INDEX_FORMAT, makeAgencies, makeItems, PASSWORD_PLACEHOLDER, type CityAgency, type CityItem } from './city.ts';
import { newKeyring } from '../src/core/field-crypto.ts';

/** The benchmark city holds no personal data: a key ring of the run's own seals what little there is. */
const keyring = newKeyring('aes-256-gcm', new Date());

export type GenerateOptions = {
  dialect: Dialect;
  /** How many published items (default 1,000,000). */
  items?: number;
  /** How many agencies below the city office (default 50). */
  agencies?: number;
  /** SQLite: the data folder (the database is gongkai.db in it, as the server expects). */
  dataDir?: string;
  /** PostgreSQL: the connection and the schema to build in (created if missing; must hold no tables). */
  databaseUrl?: string;
  pgSchema?: string;
  seed?: number;
  /** Progress lines to stderr every this many items (default 100,000). */
  progressEvery?: number;
  log?: (line: string) => void;
};

export type GenerateResult = {
  dialect: Dialect; items: number; agencies: number; seed: number;
  /** The whole build, from the empty database to the last index, in seconds. */
  seconds: number;
  /** Writing the rows; creating the indexes dropped for the load; the final steps (ANALYZE, checkpoint). */
  phases: { migrate: number; load: number; index: number; finish: number };
  itemsPerSecond: number;
};

export const DEFAULT_SEED = 20261123;
/** Bump when the generator changes what it writes: a kept data set of an older version is rebuilt. */
export const DATASET_VERSION = 2;

const ITEM_COLUMNS = [
  'id', 'agency_id', 'unit_id', 'drafter_id', 'kind', 'doc_kind', 'doc_number', 'title', 'summary', 'body', 'date_made', 'category', 'attribute',
  'attribute_reason', 'non_public_parts', 'policy_level', 'interpretation_plan_json', 'leading_group_review', 'major', 'collective_decision',
  'conclusion', 'state', 'validity', 'version', 'change_reason', 'changed_on', 'channels_json', 'paper_copies', 'index_number', 'public_body',
  'published_at', 'created_at', 'updated_at',
] as const;
const ENTRY_COLUMNS = [
  'seq', 'item_id', 'agency_id', 'unit_id', 'version', 'index_number', 'title', 'doc_number', 'summary', 'category', 'kind', 'date_made', 'year',
  'validity', 'published_at', 'body_text',
] as const;

/** What an item row holds beyond the generated fields: a proactive item, reviewed, approved and published once. */
function itemValues(it: CityItem): unknown[] {
  // The item was drafted a few days before it was made; created_at is only for the console.
  return [
    it.id, it.agency.id, it.unitId, it.agency.user.id, it.kind, it.docKind, it.docNumber, it.title, '', it.body, it.dateMade, it.category, 'proactive',
    '', '', it.policyLevel, null, '', 0, '', 'proactive', 'published', it.validity, 1, '', it.dateMade, CHANNELS_JSON, it.policyLevel === 'none' ? 1 : 10,
    it.indexNumber, it.body, it.publishedAt, `${it.dateMade}T01:00:00.000Z`, it.publishedAt,
  ];
}

async function isEmpty(conn: Connection): Promise<boolean> {
  const found = conn.dialect === 'postgres'
    ? await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = ${conn.schema ?? 'public'}`.execute(conn.db)
    : await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(conn.db);
  return Number(found.rows[0]?.n ?? 0) === 0;
}

/** Agencies, units and one staff account per agency, through Kysely: a few hundred rows. */
async function writeOrganisation(conn: Connection, agencies: CityAgency[]): Promise<void> {
  const root = agencies[0]!;
  await conn.db.transaction().execute(async (tx) => {
    for (const a of agencies) {
      await tx.insertInto('agencies').values({
        id: a.id, code: a.code, name: a.name, parent_id: a === root ? null : root.id, level: a.level, address: a.address, phone: a.phone, fax: a.phone,
        email: a.email, index_format: INDEX_FORMAT, reply_workdays: 20, extension_workdays: 20, guide_text: '', created_at: CREATED_AT, updated_at: CREATED_AT,
      }).execute();
    }
    for (const a of agencies) {
      for (const u of a.units) {
        await tx.insertInto('units').values({ id: u.id, agency_id: a.id, parent_id: null, name: u.name, kind: u.kind, status: 'active', successor_id: null, contact_user_id: null, created_at: CREATED_AT, updated_at: CREATED_AT }).execute();
      }
      await tx.insertInto('users').values({
        id: a.user.id, agency_id: a.id, unit_id: a.units[0]!.id, username: a.user.username, name: a.user.name, phone: '', email: `${a.user.username}@example.gov.cn`,
        password_hash: PASSWORD_PLACEHOLDER, password_changed_at: CREATED_AT, status: 'disabled', failed_logins: 0, locked_until: null, totp_secret: null,
        totp_enabled: 0, created_at: CREATED_AT, updated_at: CREATED_AT,
      }).execute();
    }
  });
}

class Progress {
  private readonly start = performance.now();
  private lastAt = this.start;
  private lastDone = 0;
  constructor(private readonly label: string, private readonly total: number, private readonly every: number, private readonly log: (s: string) => void) {}
  tick(done: number): void {
    if (done % this.every !== 0 && done !== this.total) return;
    const now = performance.now();
    const rate = ((done - this.lastDone) * 1000) / (now - this.lastAt);
    const avg = (done * 1000) / (now - this.start);
    const eta = (this.total - done) / avg;
    this.log(`${this.label}: ${done.toLocaleString('en')}/${this.total.toLocaleString('en')} items, ${Math.round(rate)} items/s now (${Math.round(rate * 3)} rows/s + index), ${Math.round(avg)} items/s overall, ${Math.round((now - this.start) / 1000)} s so far, ~${Math.round(eta)} s to go`);
    this.lastAt = now;
    this.lastDone = done;
  }
}

/** SQLite: prepared statements on the raw driver, 10,000 items per transaction, no fsync during the load. */
function loadSqlite(file: string, items: Iterable<CityItem>, progress: Progress, indexSequences: Map<string, number>): { load: number; finish: number } {
  const db = new SQLite(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -262144');
    db.pragma('temp_store = MEMORY');
    const insertItem = db.prepare(`insert into items (${ITEM_COLUMNS.join(', ')}) values (${ITEM_COLUMNS.map(() => '?').join(', ')})`);
    const insertVersion = db.prepare('insert into item_versions (id, item_id, version, published_at, snapshot_json) values (?, ?, 1, ?, ?)');
    const insertEntry = db.prepare(`insert into catalog_entries (${ENTRY_COLUMNS.join(', ')}) values (${ENTRY_COLUMNS.map(() => '?').join(', ')})`);
    const insertFts = db.prepare('insert into catalog_fts (rowid, title, body) values (?, ?, ?)');
    const t0 = performance.now();
    let done = 0;
    db.exec('begin');
    for (const it of items) {
      insertItem.run(itemValues(it));
      insertVersion.run(it.versionId, it.id, it.publishedAt, it.snapshotJson);
      insertEntry.run(it.seq, it.id, it.agency.id, it.unitId, 1, it.indexNumber, it.title, it.docNumber, '', it.category, it.catalogKind, it.dateMade, it.year, it.validity, it.publishedAt, it.body);
      const tokens = documentTokens(it.title, it.body);
      insertFts.run(it.seq, tokens.title.join(' '), tokens.body.join(' '));
      done++;
      if (done % 10_000 === 0) {
        db.exec('commit');
        db.exec('begin');
      }
      progress.tick(done);
    }
    const insertSeq = db.prepare('insert into index_sequences (agency_id, year, last) values (?, ?, ?)');
    for (const [key, last] of indexSequences) {
      const [agencyId, year] = key.split('/');
      insertSeq.run(agencyId, Number(year), last);
    }
    db.exec('commit');
    const load = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('synchronous = NORMAL');
    return { load, finish: (performance.now() - t1) / 1000 };
  } finally {
    db.close();
  }
}

const PG_BATCH = 5_000;

/** The columns sent per item, as arrays: one statement fills items, item_versions and catalog_entries from them. */
const PG_ARRAYS = [
  ['id', 'text'], ['version_id', 'text'], ['agency_id', 'text'], ['unit_id', 'text'], ['drafter_id', 'text'], ['kind', 'text'], ['doc_kind', 'text'],
  ['doc_number', 'text'], ['title', 'text'], ['body', 'text'], ['date_made', 'text'], ['category', 'text'], ['policy_level', 'text'], ['validity', 'text'],
  ['index_number', 'text'], ['published_at', 'text'], ['snapshot_json', 'text'], ['seq', 'int8'], ['catalog_kind', 'text'], ['year', 'text'], ['tsv', 'text'],
] as const;

const PG_INSERT = `with u as materialized (
  select * from unnest(${PG_ARRAYS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) as u(${PG_ARRAYS.map(([name]) => name).join(', ')})
), i as (
  insert into items (${ITEM_COLUMNS.join(', ')})
  select id, agency_id, unit_id, drafter_id, kind, doc_kind, doc_number, title, '', body, date_made, category, 'proactive', '', '', policy_level, null, '', 0, '',
    'proactive', 'published', validity, 1, '', date_made, '${CHANNELS_JSON}', case when policy_level = 'none' then 1 else 10 end, index_number, body, published_at,
    date_made || 'T01:00:00.000Z', published_at
  from u
), v as (
  insert into item_versions (id, item_id, version, published_at, snapshot_json) select version_id, id, 1, published_at, snapshot_json from u
)
insert into catalog_entries (${ENTRY_COLUMNS.join(', ')}, search_vector)
select seq, id, agency_id, unit_id, 1, index_number, title, doc_number, '', category, catalog_kind, date_made, year, validity, published_at, body, cast(tsv as tsvector)
from u`;

function pgBatch(batch: CityItem[]): unknown[][] {
  const cols: unknown[][] = PG_ARRAYS.map(() => new Array(batch.length));
  batch.forEach((it, r) => {
    const values = [
      it.id, it.versionId, it.agency.id, it.unitId, it.agency.user.id, it.kind, it.docKind, it.docNumber, it.title, it.body, it.dateMade, it.category,
      it.policyLevel, it.validity, it.indexNumber, it.publishedAt, it.snapshotJson, it.seq, it.catalogKind, it.year, tsVector(documentTokens(it.title, it.body)),
    ];
    values.forEach((v, c) => (cols[c]![r] = v));
  });
  return cols;
}

/** Two statements in flight: the server's work on one batch runs on the second core while the next is made. */
const PG_CLIENTS = 2;

/**
 * PostgreSQL: batches of 5,000 items, each one statement over unnest'ed arrays, on two
 * connections while the next batch is made here. The secondary indexes (the GIN search index
 * and the plain B-trees; not the keys and unique constraints) are dropped for the load and
 * re-created from their own definitions at the end; foreign keys (the data is consistent by
 * construction) are not re-checked row by row.
 */
async function loadPostgres(url: string, schema: string, items: Iterable<CityItem>, progress: Progress, indexSequences: Map<string, number>, log: (s: string) => void) {
  const pool = new pg.Pool({ connectionString: url, max: PG_CLIENTS, options: `-c search_path=${schema}` });
  const clients = await Promise.all(Array.from({ length: PG_CLIENTS }, () => pool.connect()));
  try {
    let triggersOff = true;
    for (const client of clients) {
      await client.query('set synchronous_commit = off');
      await client.query('set session_replication_role = replica').catch(() => (triggersOff = false));
    }
    if (!triggersOff) log('postgres: not allowed to skip foreign-key triggers; loading with them');
    const main = clients[0]!;
    const { rows: secondary } = await main.query<{ name: string; def: string }>(
      `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
       where i.indrelid in ('items'::regclass, 'item_versions'::regclass, 'catalog_entries'::regclass)
         and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    );
    for (const ix of secondary) await main.query(`drop index ${ix.name}`);

    const t0 = performance.now();
    let done = 0;
    const inFlight = new Map<number, Promise<number>>();
    const idle = [...clients.keys()];
    let batch: CityItem[] = [];
    const send = async () => {
      const arrays = pgBatch(batch);
      const n = batch.length;
      batch = [];
      if (idle.length === 0) {
        const free = await Promise.race(inFlight.values());
        inFlight.delete(free);
        idle.push(free);
      }
      const c = idle.pop()!;
      inFlight.set(c, clients[c]!.query(PG_INSERT, arrays).then(() => {
        for (let k = 0; k < n; k++) progress.tick(++done);
        return c;
      }));
    };
    for (const it of items) {
      batch.push(it);
      if (batch.length === PG_BATCH) await send();
    }
    if (batch.length) await send();
    await Promise.all(inFlight.values());
    const seqRows = [...indexSequences].map(([key, last]) => [...key.split('/'), last] as const);
    await main.query(
      'insert into index_sequences (agency_id, year, last) select * from unnest($1::text[], $2::int[], $3::int[])',
      [seqRows.map((r) => r[0]), seqRows.map((r) => Number(r[1])), seqRows.map((r) => r[2])],
    );
    // seq was written explicitly: the bigserial's sequence must continue after it.
    await main.query(`select setval(pg_get_serial_sequence('catalog_entries', 'seq'), (select max(seq) from catalog_entries))`);
    const load = (performance.now() - t0) / 1000;

    const t1 = performance.now();
    await main.query(`set maintenance_work_mem = '1GB'`);
    // The B-trees on one connection while the GIN index builds on the other.
    const gin = secondary.filter((ix) => / using gin /i.test(ix.def));
    const btrees = secondary.filter((ix) => !gin.includes(ix));
    await clients[1]!.query(`set maintenance_work_mem = '256MB'`);
    await Promise.all([
      (async () => { for (const ix of gin) await main.query(ix.def); })(),
      (async () => { for (const ix of btrees) await clients[1]!.query(ix.def); })(),
    ]);
    const index = (performance.now() - t1) / 1000;
    log(`postgres: ${secondary.length} indexes re-created (${gin.length} GIN) in ${index.toFixed(1)} s`);

    // What autovacuum would do after a bulk load, done now so that every run plans the same way.
    const t2 = performance.now();
    for (const t of ['items', 'item_versions', 'catalog_entries', 'agencies', 'units', 'users', 'index_sequences']) await main.query(`vacuum (analyze) ${t}`);
    return { load, index, finish: (performance.now() - t2) / 1000 };
  } finally {
    for (const client of clients) client.release();
    await pool.end();
  }
}

/** The facet counts (PUB-2) of the entries just loaded, counted once as publication would have kept them; seconds taken. */
async function countFacets(conn: Connection): Promise<number> {
  const t0 = performance.now();
  try {
    await conn.db.transaction().execute((tx) => countCatalogFacets(tx));
    if (conn.schema) await sql`analyze catalog_facets`.execute(conn.db);
  } finally {
    await conn.close();
  }
  return (performance.now() - t0) / 1000;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const count = options.items ?? 1_000_000;
  const agencyCount = options.agencies ?? 50;
  const seed = options.seed ?? DEFAULT_SEED;
  const log = options.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const started = performance.now();

  let conn: Connection;
  let sqliteFile = '';
  if (options.dialect === 'postgres') {
    if (!options.databaseUrl) throw new Error('generate: databaseUrl is required for PostgreSQL');
    const schema = options.pgSchema ?? 'public';
    const admin = connect({ keyring, databaseUrl: options.databaseUrl });
    await sql`create schema if not exists ${sql.id(schema)}`.execute(admin.db);
    await admin.close();
    conn = connect({ keyring, databaseUrl: options.databaseUrl, pgSchema: schema });
  } else {
    if (!options.dataDir) throw new Error('generate: dataDir is required for SQLite');
    sqliteFile = sqliteFileIn(resolve(options.dataDir));
    conn = connect({ keyring, sqliteFile });
  }
  const agencies = makeAgencies(seed, agencyCount);
  try {
    if (!(await isEmpty(conn))) throw new Error(`generate: the ${options.dialect} database is not empty; the benchmark city is built only into an empty one`);
    await migrateToLatest(conn.db, options.dialect === 'postgres' ? conn.schema : undefined);
    await writeOrganisation(conn, agencies);
  } finally {
    await conn.close();
  }
  const migrate = (performance.now() - started) / 1000;

  const indexSequences = new Map<string, number>();
  const items = makeItems(seed, agencies, count, indexSequences);
  const progress = new Progress(`${options.dialect} build`, count, options.progressEvery ?? 100_000, log);
  const phases = options.dialect === 'postgres'
    ? await loadPostgres(options.databaseUrl!, conn.schema!, items, progress, indexSequences, log)
    : { ...loadSqlite(sqliteFile, items, progress, indexSequences), index: 0 };
  phases.finish += await countFacets(options.dialect === 'postgres' ? connect({ keyring, databaseUrl: options.databaseUrl!, pgSchema: conn.schema! }) : connect({ keyring, sqliteFile }));
  const seconds = (performance.now() - started) / 1000;
  const result: GenerateResult = {
    dialect: options.dialect, items: count, agencies: agencyCount, seed, seconds,
    phases: { migrate, load: phases.load, index: phases.index, finish: phases.finish }, itemsPerSecond: count / seconds,
  };
  log(`${options.dialect} build: ${count.toLocaleString('en')} items in ${seconds.toFixed(1)} s (load ${phases.load.toFixed(1)} s at ${Math.round(count / phases.load)} items/s, index ${phases.index.toFixed(1)} s, finish ${phases.finish.toFixed(1)} s)`);
  if (count < 1_000_000) {
    // Linear in the rows; the index builds grow a little faster (n log n), so this is a lower bound.
    const scale = 1_000_000 / count;
    log(`${options.dialect} build: 1,000,000 items at this rate: ~${((migrate + (phases.load + phases.index + phases.finish) * scale) / 60).toFixed(1)} min`);
  }
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      dialect: { type: 'string', default: 'sqlite' }, items: { type: 'string', default: '1000000' }, agencies: { type: 'string', default: '50' },
      'data-dir': { type: 'string' }, 'database-url': { type: 'string' }, schema: { type: 'string' }, seed: { type: 'string' },
    },
  });
  const dialect = values.dialect === 'postgres' ? 'postgres' : 'sqlite';
  await generate({
    dialect, items: Number(values.items), agencies: Number(values.agencies), dataDir: values['data-dir'] ?? 'tmp/bench-city',
    databaseUrl: values['database-url'] ?? process.env.DATABASE_URL, pgSchema: values.schema, seed: values.seed ? Number(values.seed) : undefined,
  });
}
