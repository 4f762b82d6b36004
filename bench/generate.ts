/**
 * Builds the benchmark's city in an EMPTY database: the schema by the project's own
 * migrations, then fifty agencies with their units and staff, and N published items loaded by
 * `gongkai import`'s own code (importRows, catalog.import.ts: the checks, the items, their
 * versions, the catalog and the search index through the one writer publication uses),
 * streamed in rounds of CITY_ROUND items, one import per agency per round. As a bulk load
 * into an empty database may, the secondary indexes are dropped for the load and built once
 * at the end (an import into a live portal keeps them).
 *
 *   npx tsx bench/generate.ts --dialect sqlite --items 20000 --data-dir tmp/bench-city
 *   npx tsx bench/generate.ts --dialect postgres --items 20000 --database-url postgres://… --schema bench_x
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { connect, sqliteFileIn, type Connection } from '../src/db/connect.ts';
import type { Dialect } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { CLI_ACTOR } from '../src/modules/audit/audit.service.ts';
import { importRows, type RawRow } from '../src/modules/catalog/catalog.import.ts';
import { CREATED_AT, INDEX_FORMAT, makeAgencies, makeItems, PASSWORD_PLACEHOLDER, type CityAgency, type CityItem } from './city.ts';
import { newKeyring, type Keyring } from '../src/core/field-crypto.ts';


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
  /** The key ring the server will be given (the city holds no personal data: it seals what little there is and keys the audit chain); default a new one. */
  keyring?: Keyring;
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
export const DATASET_VERSION = 4;

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

/** Items per round: read from the generator, grouped by agency and imported, so memory holds one round. */
const CITY_ROUND = 50_000;

/** Indexes that are neither keys nor unique constraints, on the tables the import fills: dropped for the load. */
async function dropSecondaryIndexes(conn: Connection): Promise<string[]> {
  const found = conn.dialect === 'postgres'
    ? await sql<{ name: string; def: string }>`select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
        where i.indrelid in ('items'::regclass, 'item_versions'::regclass, 'catalog_entries'::regclass)
          and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`.execute(conn.db)
    : await sql<{ name: string; def: string }>`select name, sql as def from sqlite_master
        where type = 'index' and sql is not null and tbl_name in ('items', 'item_versions', 'catalog_entries')`.execute(conn.db);
  for (const ix of found.rows) await sql`drop index ${sql.id(ix.name)}`.execute(conn.db);
  return found.rows.map((ix) => ix.def);
}

async function loadByImport(conn: Connection, items: Iterable<CityItem>, progress: Progress, log: (s: string) => void) {
  const definitions = await dropSecondaryIndexes(conn);
  const clock = () => new Date();
  const t0 = performance.now();
  let done = 0;
  let round: CityItem[] = [];
  const importRound = async () => {
    const byAgency = new Map<CityAgency, CityItem[]>();
    for (const it of round) {
      const own = byAgency.get(it.agency);
      if (own) own.push(it);
      else byAgency.set(it.agency, [it]);
    }
    for (const [agency, own] of byAgency) {
      const unitName = new Map(agency.units.map((u) => [u.id, u.name]));
      const rows: RawRow[] = own.map((it, i) => ({
        line: i + 1, indexNumber: it.indexNumber, title: it.title, docNumber: it.docNumber, category: it.category, unitName: unitName.get(it.unitId)!,
        dateMade: it.dateMade, publishedAt: it.publishedAt, validity: it.validity, body: it.body,
      }));
      const r = await importRows(conn.db, clock, { format: 'city', rows: rows.reverse(), problems: [] }, { agencyCode: agency.code, userId: agency.user.id, actor: CLI_ACTOR });
      if (r.problems.length) throw new Error(`generate: the import refused ${agency.code}: ${JSON.stringify(r.problems.slice(0, 3))}`);
      for (let k = 0; k < own.length; k++) progress.tick(++done);
    }
    round = [];
  };
  for (const it of items) {
    round.push(it);
    if (round.length === CITY_ROUND) await importRound();
  }
  await importRound();
  const load = (performance.now() - t0) / 1000;

  const t1 = performance.now();
  if (conn.dialect === 'postgres') {
    // The GIN index sorts its entries in this memory: at 100,000 items 24.5 s with 512 MB against 30.1 s with the default 64 MB, more at 1,000,000.
    await conn.db.transaction().execute(async (tx) => {
      await sql`set local maintenance_work_mem = '512MB'`.execute(tx);
      for (const def of definitions) await sql.raw(def).execute(tx);
    });
  } else {
    for (const def of definitions) await sql.raw(def).execute(conn.db);
  }
  const index = (performance.now() - t1) / 1000;
  log(`${conn.dialect}: ${definitions.length} indexes re-created in ${index.toFixed(1)} s`);

  // What autovacuum would do after a bulk load, done now so that every run plans the same way.
  const t2 = performance.now();
  if (conn.dialect === 'postgres') for (const t of ['items', 'item_versions', 'catalog_entries', 'agencies', 'units', 'users', 'index_sequences']) await sql`vacuum (analyze) ${sql.id(t)}`.execute(conn.db);
  else await sql`pragma wal_checkpoint(TRUNCATE)`.execute(conn.db);
  return { load, index, finish: (performance.now() - t2) / 1000 };
}

async function isEmpty(conn: Connection): Promise<boolean> {
  const found = conn.dialect === 'postgres'
    ? await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = ${conn.schema ?? 'public'}`.execute(conn.db)
    : await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(conn.db);
  return Number(found.rows[0]?.n ?? 0) === 0;
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const count = options.items ?? 1_000_000;
  const agencyCount = options.agencies ?? 50;
  const seed = options.seed ?? DEFAULT_SEED;
  const log = options.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const started = performance.now();
  const keyring = options.keyring ?? newKeyring('aes-256-gcm', new Date());

  let conn: Connection;
  if (options.dialect === 'postgres') {
    if (!options.databaseUrl) throw new Error('generate: databaseUrl is required for PostgreSQL');
    const schema = options.pgSchema ?? 'public';
    const admin = connect({ keyring, databaseUrl: options.databaseUrl });
    await sql`create schema if not exists ${sql.id(schema)}`.execute(admin.db);
    await admin.close();
    conn = connect({ keyring, databaseUrl: options.databaseUrl, pgSchema: schema });
  } else {
    if (!options.dataDir) throw new Error('generate: dataDir is required for SQLite');
    conn = connect({ keyring, sqliteFile: sqliteFileIn(resolve(options.dataDir)) });
  }
  const agencies = makeAgencies(seed, agencyCount);
  let phases: GenerateResult['phases'];
  try {
    if (!(await isEmpty(conn))) throw new Error(`generate: the ${options.dialect} database is not empty; the benchmark city is built only into an empty one`);
    await migrateToLatest(conn.db, options.dialect === 'postgres' ? conn.schema : undefined);
    await writeOrganisation(conn, agencies);
    const migrate = (performance.now() - started) / 1000;
    const items = makeItems(seed, agencies, count, new Map());
    const progress = new Progress(`${options.dialect} build`, count, options.progressEvery ?? 100_000, log);
    phases = { migrate, ...(await loadByImport(conn, items, progress, log)) };
  } finally {
    await conn.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const result: GenerateResult = {
    dialect: options.dialect, items: count, agencies: agencyCount, seed, seconds,
    phases, itemsPerSecond: count / seconds,
  };
  log(`${options.dialect} build: ${count.toLocaleString('en')} items in ${seconds.toFixed(1)} s (load ${phases.load.toFixed(1)} s at ${Math.round(count / phases.load)} items/s, index ${phases.index.toFixed(1)} s, finish ${phases.finish.toFixed(1)} s)`);
  if (count < 1_000_000) {
    // Linear in the rows; the index builds grow a little faster (n log n), so this is a lower bound.
    const scale = 1_000_000 / count;
    log(`${options.dialect} build: 1,000,000 items at this rate: ~${((phases.migrate + (phases.load + phases.index + phases.finish) * scale) / 60).toFixed(1)} min`);
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
