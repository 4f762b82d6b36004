/**
 * What `gongkai import` achieves (issue 17, target ≥ 10,000 items/s): N items of the
 * benchmark city's kind (bench/city.ts: titles, 文号, bodies) written as the portal's CSV
 * export with a 正文 column, imported into a fresh database holding the demo city's agencies
 * through importCatalog — the same writer as publication. The floor is the same run's
 * parse-and-check only (no writes), so the ratio says what writing the catalog costs.
 *
 *   npx tsx bench/import.ts --dialect sqlite --items 20000
 *   npx tsx bench/import.ts --dialect postgres --items 20000 --database-url postgres://postgres@127.0.0.1:5432/test
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { connect, sqliteFileIn, type Connection } from '../src/db/connect.ts';
import type { Dialect } from '../src/db/database.ts';
import { newKeyring } from '../src/core/field-crypto.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { CLI_ACTOR } from '../src/modules/audit/audit.service.ts';
import { importCatalog, readExport } from '../src/modules/catalog/catalog.import.ts';
import { CATEGORIES, VALIDITIES } from '../src/modules/documents/documents.rules.ts';
import { chinaDateOf } from '../src/core/clock.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { DEFAULT_SEED } from './generate.ts';
import { makeAgencies, makeItems } from './city.ts';

const keyring = newKeyring('aes-256-gcm', new Date());
const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The city's items as one catalog CSV (newest first, as the portal exports). */
export function cityCsv(count: number): string {
  const items = [...makeItems(DEFAULT_SEED, makeAgencies(DEFAULT_SEED, 50), count, new Map())];
  const lines = items.reverse().map((it) => [it.indexNumber, it.title, it.docNumber, CATEGORIES[it.category], '', it.dateMade, chinaDateOf(it.publishedAt), VALIDITIES[it.validity], '', it.body].map(quote).join(','));
  return ['索引号,标题,发文字号,主题分类,发布部门,成文日期,发布日期,有效性,网址,正文', ...lines].join('\r\n');
}

export type ImportBench = {
  dialect: Dialect; items: number; seconds: number; itemsPerSecond: number;
  /** The importing process's own CPU time (SQLite's work included; PostgreSQL's server not): what the load of other work does not inflate. */
  cpuSeconds: number;
  /** Of cpuSeconds, the importing thread's own: what is left when node's and pg's helper threads (garbage collection, sockets) are set apart. */
  mainThreadCpuSeconds: number | null;
  /** PostgreSQL on this machine: the CPU time of the database's server processes during the import (null when /proc does not show them). */
  serverCpuSeconds: number | null;
  checkOnlySeconds: number; loadAverage: number[]; rssMb: number };

export async function benchImport(dialect: Dialect, count: number, databaseUrl?: string): Promise<ImportBench> {
  const text = cityCsv(count);
  const loadAverage = os.loadavg();
  const t0 = performance.now();
  readExport({ format: 'csv', text });
  const checkOnlySeconds = (performance.now() - t0) / 1000;
  let conn: Connection;
  let cleanup: () => Promise<void>;
  if (dialect === 'postgres') {
    const schema = `bench_import_${randomBytes(4).toString('hex')}`;
    const admin = connect({ keyring, databaseUrl });
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
    conn = connect({ keyring, databaseUrl, pgSchema: schema });
    cleanup = async () => { await conn.close(); await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db); await admin.close(); };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
    conn = connect({ keyring, sqliteFile: sqliteFileIn(dir) });
    cleanup = async () => { await conn.close(); rmSync(dir, { recursive: true, force: true }); };
  }
  try {
    await migrateToLatest(conn.db, conn.schema);
    const clock = () => new Date();
    await seedDemo({ db: conn.db, clock });
    const user = await conn.db.selectFrom('users').select('id').where('username', '=', 'rsj.drafter').executeTakeFirstOrThrow();
    const server0 = dialect === 'postgres' ? await backendCpu(conn) : null;
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    const main0 = mainThreadTicks();
    const r = await importCatalog(conn.db, clock, { format: 'csv', text }, { agencyCode: 'RSJ', userId: user.id, actor: CLI_ACTOR });
    const seconds = (performance.now() - t1) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const main1 = mainThreadTicks();
    const server1 = dialect === 'postgres' ? await backendCpu(conn) : null;
    let serverCpuSeconds: number | null = null;
    if (server0 && server1) {
      serverCpuSeconds = 0;
      for (const [pid, ticks] of server1) serverCpuSeconds += (ticks - (server0.get(pid) ?? 0)) / CLOCK_TICKS;
    }
    if (r.problems.length) throw new Error(`import refused: ${JSON.stringify(r.problems.slice(0, 3))}`);
    return { dialect, items: r.imported, seconds, itemsPerSecond: r.imported / seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, mainThreadCpuSeconds: main0 === null || main1 === null ? null : (main1 - main0) / CLOCK_TICKS, serverCpuSeconds, checkOnlySeconds, loadAverage, rssMb: Math.round(process.memoryUsage().rss / 1048576) };
  } finally {
    await cleanup();
  }
}

/** Linux's USER_HZ: /proc reports CPU time in these. */
const CLOCK_TICKS = 100;

/** CPU ticks (user and system) so far of the process or thread whose /proc stat file is `path`; null where there is none. */
function ticksIn(path: string): number | null {
  try {
    const fields = readFileSync(path, 'utf8').replace(/^.*\) /, '').split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** This process's main thread (its task id is the process id). */
const mainThreadTicks = () => ticksIn(`/proc/self/task/${process.pid}/stat`);

/** CPU ticks so far of each server process connected to the bench's database, read from /proc; null if the server is not on this machine. */
async function backendCpu(conn: Connection): Promise<Map<number, number> | null> {
  const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(conn.db);
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    const ticks = ticksIn(`/proc/${pid}/stat`);
    if (ticks === null) return null;
    out.set(pid, ticks);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { dialect: { type: 'string', default: 'sqlite' }, items: { type: 'string', default: '20000' }, 'database-url': { type: 'string' } } });
  const r = await benchImport(values.dialect === 'postgres' ? 'postgres' : 'sqlite', Number(values.items), values['database-url'] ?? process.env.DATABASE_URL);
  console.log(JSON.stringify(r));
}
