/**
 * `npm run bench`: builds (or reuses) the city-scale data set on each database, starts the
 * real server as a child process, loads it with autocannon from this process, and writes
 * docs/benchmarks.md and tmp/bench-results.json.
 *
 * Settings (environment, or the same as --flags: --items=20000 --dialects=sqlite …):
 *   BENCH_ITEMS        items in the data set (1000000)
 *   BENCH_DIALECTS     sqlite,postgres
 *   BENCH_DURATION     seconds measured per endpoint (10), after a 2 s warm-up
 *   BENCH_CONNECTIONS  concurrent connections (10)
 *   BENCH_REBUILD=1    build the data set even if one of the same size exists
 *   BENCH_PG_URL       PostgreSQL server (postgres://postgres@127.0.0.1:5432/test); schema bench_<items>
 *   BENCH_FLOOR        the trivial route measured as the floor (/robots.txt)
 *   --render-only      rewrite docs/benchmarks.md from tmp/bench-results.json (after editing the template)
 *   --build-only       build (or reuse) the data sets and stop: a city takes minutes to build, and
 *                      building it while the machine is busy does not spoil the measured run that reuses it
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { connect, sqliteFileIn } from '../src/db/connect.ts';
import type { Dialect } from '../src/db/database.ts';
import { prng } from './city.ts';
import { bypassingCache } from './cache-bypass.ts';
import { DATASET_VERSION, DEFAULT_SEED, generate, type GenerateResult } from './generate.ts';
import { benchImport, type ImportBench } from './import.ts';
import { mixSample, searchMix, type SearchClass } from './search-mix.ts';
import { newKeyring, parseKeyring } from '../src/core/field-crypto.ts';
import { hashPassword } from '../src/modules/auth/password-hash.ts';
import { saveKeyring } from '../src/db/keys.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The benchmark's key ring, kept beside its data sets (tmp/bench-keys.json) and given to the
 * server as GONGKAI_KEYS: a production server on PostgreSQL refuses to start without its key
 * (src/db/keys.ts), and a kept data set is read with the ring it was built with.
 */
const KEY_FILE = join(ROOT, 'tmp', 'bench-keys.json');
const keyring = existsSync(KEY_FILE) ? parseKeyring(readFileSync(KEY_FILE, 'utf8')) : newKeyring('aes-256-gcm', new Date());
if (!existsSync(KEY_FILE)) saveKeyring(KEY_FILE, keyring);
const RESULTS_FILE = join(ROOT, 'tmp', 'bench-results.json');
const DOC_FILE = join(ROOT, 'docs', 'benchmarks.md');
const WARMUP_SECONDS = 2;
const ITEM_SAMPLE = 1_000;
const RSS_LIMIT_MB = 500;
const SEARCH_P99_MS = 50;
const MIN_FLOOR_RATIO = 0.5;
const REQUEST_TIMEOUT_SECONDS = 60;
/** SUP-1: the city office's dashboard over every agency answers "well under a second". */
const DASHBOARD_P99_MS = 500;
/** The account the dashboard is measured as: the city's office, whose grant reaches all 50 agencies. */
const BENCH_OFFICE = { username: 'bench.office', password: 'Bench-Dashboard-2026!' };

// ---------------------------------------------------------------- settings

const { values: flags } = parseArgs({
  options: {
    items: { type: 'string' }, dialects: { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' },
    rebuild: { type: 'boolean' }, floor: { type: 'string' }, 'pg-url': { type: 'string' }, 'render-only': { type: 'boolean' }, 'build-only': { type: 'boolean' },
  },
});
const setting = (flag: string | undefined, env: string, fallback: string) => flag ?? process.env[env] ?? fallback;
const positive = (name: string, v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${v}"`);
  return n;
};
const settings = {
  items: positive('BENCH_ITEMS', setting(flags.items, 'BENCH_ITEMS', '1000000')),
  dialects: setting(flags.dialects, 'BENCH_DIALECTS', 'sqlite,postgres').split(',').map((d) => d.trim()).filter(Boolean) as Dialect[],
  duration: positive('BENCH_DURATION', setting(flags.duration, 'BENCH_DURATION', '10')),
  connections: positive('BENCH_CONNECTIONS', setting(flags.connections, 'BENCH_CONNECTIONS', '10')),
  rebuild: flags.rebuild ?? process.env.BENCH_REBUILD === '1',
  floor: setting(flags.floor, 'BENCH_FLOOR', '/robots.txt'),
  pgUrl: setting(flags['pg-url'], 'BENCH_PG_URL', 'postgres://postgres@127.0.0.1:5432/test'),
  agencies: 50,
  seed: DEFAULT_SEED,
};
for (const d of settings.dialects) if (d !== 'sqlite' && d !== 'postgres') throw new Error(`BENCH_DIALECTS: unknown database "${d}"`);

const log = (s: string) => process.stderr.write(`${s}\n`);

// ---------------------------------------------------------------- the data set

/** What a built data set records about itself, so a rerun of the same size reuses it. */
type DatasetMarker = { version: number; items: number; agencies: number; seed: number; builtAt: string; build: GenerateResult };
type Dataset = { marker: DatasetMarker; reused: boolean; env: Record<string, string>; sizeMB: number; pgSchema?: string; dataDir?: string };

const sameSet = (m: DatasetMarker | null) =>
  m !== null && m.version === DATASET_VERSION && m.items === settings.items && m.agencies === settings.agencies && m.seed === settings.seed;

const dirSizeMB = (dir: string) =>
  ['gongkai.db', 'gongkai.db-wal'].reduce((n, f) => n + (existsSync(join(dir, f)) ? statSync(join(dir, f)).size : 0), 0) / 1048576;

async function sqliteDataset(): Promise<Dataset> {
  const dataDir = join(ROOT, 'tmp', 'bench-sqlite', `items-${settings.items}`);
  const markerFile = join(dataDir, 'bench-dataset.json');
  const existing = existsSync(markerFile) ? (JSON.parse(readFileSync(markerFile, 'utf8')) as DatasetMarker) : null;
  const env = { GONGKAI_DATA_DIR: dataDir };
  if (!settings.rebuild && sameSet(existing)) {
    log(`sqlite: reusing the data set in ${dataDir} (built ${existing!.builtAt}; BENCH_REBUILD=1 to build afresh)`);
    return { marker: existing!, reused: true, env, sizeMB: dirSizeMB(dataDir), dataDir };
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const build = await generate({ dialect: 'sqlite', items: settings.items, agencies: settings.agencies, seed: settings.seed, dataDir, keyring });
  const marker: DatasetMarker = { version: DATASET_VERSION, items: settings.items, agencies: settings.agencies, seed: settings.seed, builtAt: new Date().toISOString(), build };
  writeFileSync(markerFile, `${JSON.stringify(marker, null, 2)}\n`);
  return { marker, reused: false, env, sizeMB: dirSizeMB(dataDir), dataDir };
}

/** PostgreSQL: schema bench_<items>, chosen per connection through the URL's search_path (the server reads only DATABASE_URL). */
async function postgresDataset(): Promise<Dataset> {
  const schema = `bench_${settings.items}`;
  const admin = connect({ keyring, databaseUrl: settings.pgUrl });
  let existing: DatasetMarker | null = null;
  try {
    const found = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = ${schema} and table_name = 'bench_dataset'`.execute(admin.db);
    if (found.rows[0]?.n) {
      const row = await sql<{ marker: string }>`select marker from ${sql.table(`${schema}.bench_dataset`)}`.execute(admin.db);
      existing = row.rows[0] ? (JSON.parse(row.rows[0].marker) as DatasetMarker) : null;
    }
    if (!settings.rebuild && sameSet(existing)) {
      log(`postgres: reusing the data set in schema ${schema} (built ${existing!.builtAt}; BENCH_REBUILD=1 to build afresh)`);
    } else {
      existing = null;
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
    }
  } finally {
    await admin.close();
  }
  let marker = existing;
  if (!marker) {
    const build = await generate({ dialect: 'postgres', items: settings.items, agencies: settings.agencies, seed: settings.seed, databaseUrl: settings.pgUrl, pgSchema: schema, keyring });
    marker = { version: DATASET_VERSION, items: settings.items, agencies: settings.agencies, seed: settings.seed, builtAt: new Date().toISOString(), build };
    const conn = connect({ keyring, databaseUrl: settings.pgUrl, pgSchema: schema });
    try {
      await sql`create table bench_dataset (marker text not null)`.execute(conn.db);
      await sql`insert into bench_dataset (marker) values (${JSON.stringify(marker)})`.execute(conn.db);
    } finally {
      await conn.close();
    }
  }
  const conn = connect({ keyring, databaseUrl: settings.pgUrl, pgSchema: schema });
  let sizeMB = 0;
  try {
    const size = await sql<{ bytes: string }>`select sum(pg_total_relation_size(format('%I.%I', table_schema, table_name)))::text as bytes from information_schema.tables where table_schema = ${schema}`.execute(conn.db);
    sizeMB = Number(size.rows[0]?.bytes ?? 0) / 1048576;
  } finally {
    await conn.close();
  }
  const url = new URL(settings.pgUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { marker: existing ?? marker, reused: existing !== null, env: { DATABASE_URL: url.toString(), GONGKAI_DATA_DIR: join(ROOT, 'tmp', 'bench-pg-files') }, sizeMB, pgSchema: schema };
}

/** The pages to load: a deep catalog page of A07 (as its pager links it) and 1,000 item pages drawn uniformly from the whole catalog. */
async function targets(dialect: Dialect, ds: Dataset): Promise<{ catalogPage: number; catalogPath: string; itemPaths: string[] }> {
  const conn = dialect === 'postgres' ? connect({ keyring, databaseUrl: settings.pgUrl, pgSchema: ds.pgSchema! }) : connect({ keyring, sqliteFile: sqliteFileIn(ds.dataDir!) });
  try {
    const rand = prng(settings.seed ^ 0x1f1f1f);
    const seqs = new Set<number>();
    const want = Math.min(ITEM_SAMPLE, settings.items);
    while (seqs.size < want) seqs.add(1 + Math.floor(rand() * settings.items));
    const rows = await conn.db
      .selectFrom('catalog_entries as e')
      .innerJoin('agencies as a', 'a.id', 'e.agency_id')
      .select(['e.item_id', 'a.code', 'e.seq'])
      .where('e.seq', 'in', [...seqs])
      .execute();
    if (rows.length !== want) throw new Error(`expected ${want} sampled items, found ${rows.length}: is the data set complete?`);
    // Shuffled by seq order of drawing, not by the database's order.
    const order = [...seqs];
    const bySeq = new Map(rows.map((r) => [Number(r.seq), `/xxgk/${r.code}/items/${r.item_id}`]));
    const a07 = await conn.db.selectFrom('catalog_entries as e').innerJoin('agencies as a', 'a.id', 'e.agency_id').where('a.code', '=', 'A07').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    // Page 500 (on a smaller city the last but one) as the pager links it from page 499 or 498:
    // with its key, the seq of the last entry of the page before.
    const page = Math.max(1, Math.min(500, Math.ceil(Number(a07.n) / 20) - 1));
    const key = page > 1
      ? await conn.db.selectFrom('catalog_entries as e').innerJoin('agencies as a', 'a.id', 'e.agency_id').where('a.code', '=', 'A07').select('e.seq').orderBy('e.seq', 'desc').offset((page - 1) * 20 - 1).limit(1).executeTakeFirstOrThrow()
      : null;
    return { catalogPage: page, catalogPath: `/xxgk/A07/catalog?page=${page}${key ? `&before=${key.seq}` : ''}`, itemPaths: order.map((s) => bySeq.get(s)!) };
  } finally {
    await conn.close();
  }
}

/**
 * The dashboard (SUP-1) reads the deadlines table: every published item of the data set gets
 * its met publication clock (due 28 days after it was made, met when it was published), in
 * one set-based statement the first time; and the city office gets an account to sign in.
 */
async function prepareDashboard(dialect: Dialect, ds: Dataset): Promise<void> {
  const conn = dialect === 'postgres' ? connect({ keyring, databaseUrl: settings.pgUrl, pgSchema: ds.pgSchema! }) : connect({ keyring, sqliteFile: sqliteFileIn(ds.dataDir!) });
  try {
    if (!(await conn.db.selectFrom('deadlines').select('id').limit(1).executeTakeFirst())) {
      log(`${dialect}: writing one publication clock per item for the dashboard …`);
      const due = dialect === 'postgres' ? sql`to_char(date_made::date + 28, 'YYYY-MM-DD') || 'T15:59:59.999Z'` : sql`date(date_made, '+28 days') || 'T15:59:59.999Z'`;
      await sql`insert into deadlines (id, agency_id, subject_type, subject_id, rule, spec_json, due_at, met_at, created_at)
        select 'pub3-' || id, agency_id, 'item', id, 'PUB-3', '{"rule":"PUB-3","term":{"unit":"workdays","n":20},"startedAt":"' || date_made || 'T01:00:00.000Z"}', ${due}, published_at, created_at
        from items`.execute(conn.db);
    }
    if (!(await conn.db.selectFrom('users').select('id').where('username', '=', BENCH_OFFICE.username).executeTakeFirst())) {
      const city = await conn.db.selectFrom('agencies').select('id').where('level', '=', 'city').executeTakeFirstOrThrow();
      const unit = await conn.db.selectFrom('units').select('id').where('agency_id', '=', city.id).executeTakeFirstOrThrow();
      const now = new Date().toISOString();
      const id = `bench-office-${settings.seed}`;
      await conn.db.insertInto('users').values({
        id, agency_id: city.id, unit_id: unit.id, username: BENCH_OFFICE.username, name: '基准测试公开办', phone: '', email: 'bench.office@example.gov.cn',
        password_hash: await hashPassword(BENCH_OFFICE.password), password_changed_at: now, status: 'active', failed_logins: 0, locked_until: null, totp_secret: null, totp_enabled: 0, created_at: now, updated_at: now,
      }).execute();
      await conn.db.insertInto('role_grants').values({ id: `${id}-office`, user_id: id, agency_id: city.id, role: 'office', created_at: now }).execute();
    }
  } finally {
    await conn.close();
  }
}

/** The city office's session cookie, signed in through the API as the console does. */
async function signInOffice(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BENCH_OFFICE) });
  const body = (await res.json()) as { status?: string };
  if (!res.ok || body.status !== 'ok') throw new Error(`sign-in of ${BENCH_OFFICE.username}: ${res.status} ${JSON.stringify(body)}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

// ---------------------------------------------------------------- the server

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Server = { child: ChildProcess; base: string; logFile: string; stop: () => Promise<void> };
const running = new Set<ChildProcess>();

async function startServer(dialect: Dialect, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const logFile = join(ROOT, 'tmp', `bench-server-${dialect}.log`);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', HOST: '127.0.0.1', GONGKAI_KEYS: JSON.stringify(keyring), ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'gongkai.mjs'), 'serve', '--port', String(port)], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const out = createWriteStream(logFile);
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!done) child.kill('SIGKILL');
      await exited;
    }
    running.delete(child);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the ${dialect} server exited with ${child.exitCode} before it was ready; see ${logFile}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the ${dialect} server did not answer /healthz within 60 s; see ${logFile}`);
    }
    await sleep(200);
  }
  return { child, base, logFile, stop };
}

/**
 * Resident memory of the server, sampled every 200 ms, with the kernel's own high-water mark
 * at the end: of its largest process, since the target is per process and `serve` runs one
 * worker per core under a small primary (its children, read from /proc).
 */
function memoryWatch(pid: number) {
  const processes = () => {
    try {
      return [pid, ...readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)];
    } catch {
      return [pid];
    }
  };
  const readOne = (p: number, field: 'VmRSS' | 'VmHWM') => {
    try {
      const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : 0;
    } catch {
      return 0;
    }
  };
  const read = (field: 'VmRSS' | 'VmHWM') => Math.max(...processes().map((p) => readOne(p, field)));
  const idle = read('VmRSS');
  let peak = idle;
  let peakOfStep = idle;
  const sample = () => {
    const now = read('VmRSS');
    peak = Math.max(peak, now);
    peakOfStep = Math.max(peakOfStep, now);
  };
  const timer = setInterval(sample, 200);
  /** The peak since the previous call: which endpoint's load makes the server grow. */
  const step = () => {
    sample();
    const p = peakOfStep;
    peakOfStep = 0;
    return p;
  };
  return { idle, step, stop: () => { clearInterval(timer); sample(); return { idleMB: idle, peakMB: peak, hwmMB: read('VmHWM') }; } };
}

// ---------------------------------------------------------------- measurements

type Kind = 'floor' | 'home' | 'catalog' | 'item' | 'search' | 'dashboard';
type Measured = {
  name: string; kind: Kind; path: string; reqPerSec: number; p50: number; p99: number; requests: number; non2xx: number; errors: number;
  statusCodes: Record<string, number>; ratio?: number; target?: string; met?: boolean;
  /** The server's largest process's peak resident memory while this endpoint was loaded (absent in older results). */
  rssMB?: number;
};

/** `bust`: every request bypasses the page cache (bench/cache-bypass.ts), so each one is rendered from the database. */
let busted = 0;
async function load(base: string, paths: string[], seconds: number, bust: boolean, headers: Record<string, string>): Promise<autocannon.Result> {
  let next = 0;
  const pathOf = (p: string) => (bust ? bypassingCache(p, ++busted) : p);
  return autocannon({
    url: base,
    connections: settings.connections,
    duration: seconds,
    // A slow search should show as its latency, not as autocannon's default 10 s timeout.
    timeout: REQUEST_TIMEOUT_SECONDS,
    headers,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: pathOf(paths[next++ % paths.length]!) }) }],
  });
}

async function measure(base: string, name: string, kind: Kind, paths: string[], bust = false, headers: Record<string, string> = { accept: 'text/html' }): Promise<Measured> {
  process.stderr.write(`  ${name} … `);
  await load(base, paths, WARMUP_SECONDS, bust, headers);
  const r = await load(base, paths, settings.duration, bust, headers);
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
  const m: Measured = {
    name, kind, path: paths.length === 1 ? paths[0]! : `${paths.length} paths, e.g. ${paths[0]}`, reqPerSec: r.requests.mean, p50: r.latency.p50, p99: r.latency.p99,
    requests: r.requests.total, non2xx: r.non2xx, errors: r.errors, statusCodes,
  };
  log(`${Math.round(m.reqPerSec)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms${m.non2xx || m.errors ? `, ${m.non2xx} non-2xx, ${m.errors} errors ${JSON.stringify(statusCodes)}` : ''}`);
  return m;
}

/** The search mix (bench/search-mix.ts): one row per query class, each cycling through its distinct queries. */
async function searchClasses(dialect: Dialect, ds: Dataset): Promise<SearchClass[]> {
  const conn = dialect === 'postgres' ? connect({ keyring, databaseUrl: settings.pgUrl, pgSchema: ds.pgSchema! }) : connect({ keyring, sqliteFile: sqliteFileIn(ds.dataDir!) });
  try {
    return searchMix(settings.seed, await mixSample(conn.db, settings.seed));
  } finally {
    await conn.close();
  }
}

type DialectResult = {
  dialect: Dialect; date: string; items: number; agencies: number; dataset: { reused: boolean; builtAt: string; build: GenerateResult; sizeMB: number };
  machine: { loadAvgBefore: number[] }; floor: { before: number; after: number; mean: number; path: string };
  endpoints: Measured[]; memory: { idleMB: number; peakMB: number; hwmMB: number; met: boolean }; failures: string[];
  /** `gongkai import` of IMPORT_ITEMS city items into a fresh database (bench/import.ts); absent in results of older runs. */
  import?: ImportBench;
};

/** Items `gongkai import` loads per run: enough for a steady rate, small enough to hold in memory beside the server. */
const IMPORT_ITEMS = 20_000;
const IMPORT_TARGET = 10_000;

async function benchDialect(dialect: Dialect): Promise<DialectResult> {
  log(`\n== ${dialect}: ${settings.items.toLocaleString('en')} items, ${settings.agencies} agencies`);
  const ds = dialect === 'sqlite' ? await sqliteDataset() : await postgresDataset();
  const { catalogPage: page, catalogPath, itemPaths } = await targets(dialect, ds);
  const searches = await searchClasses(dialect, ds);
  await prepareDashboard(dialect, ds);
  const loadAvgBefore = os.loadavg();
  const server = await startServer(dialect, ds.env);
  log(`${dialect}: server pid ${server.child.pid} on ${server.base} (log ${server.logFile}); ${settings.duration} s per endpoint after ${WARMUP_SECONDS} s warm-up, ${settings.connections} connections`);
  const mem = memoryWatch(server.child.pid!);
  const endpoints: Measured[] = [];
  const record = async (m: Promise<Measured>) => endpoints.push({ ...(await m), rssMB: mem.step() });
  let memory;
  try {
    await record(measure(server.base, 'floor (before)', 'floor', [settings.floor]));
    await record(measure(server.base, 'home page /', 'home', ['/']));
    await record(measure(server.base, `catalog list, A07 page ${page}`, 'catalog', [catalogPath]));
    await record(measure(server.base, `catalog list, A07 page ${page}, page cache bypassed`, 'catalog', [catalogPath], true));
    await record(measure(server.base, `item pages (${itemPaths.length} sampled)`, 'item', itemPaths));
    await record(measure(server.base, `item pages (${itemPaths.length} sampled), page cache bypassed`, 'item', itemPaths, true));
    for (const c of searches) await record(measure(server.base, `search: ${c.name} (${c.paths.length} queries)`, 'search', c.paths));
    const cookie = await signInOffice(server.base);
    await record(measure(server.base, `dashboard of the city office (${settings.agencies} agencies)`, 'dashboard', ['/api/v1/supervision/dashboard'], false, { accept: 'application/json', cookie }));
    await record(measure(server.base, 'floor (after)', 'floor', [settings.floor]));
  } finally {
    memory = mem.stop();
    await server.stop();
  }
  const before = endpoints[0]!.reqPerSec;
  const after = endpoints.at(-1)!.reqPerSec;
  const floor = (before + after) / 2;
  const failures: string[] = [];
  for (const e of endpoints) {
    e.ratio = e.reqPerSec / floor;
    if (e.kind === 'catalog' || e.kind === 'item') {
      e.target = `≥ ${MIN_FLOOR_RATIO} × floor`;
      e.met = e.ratio >= MIN_FLOOR_RATIO;
    } else if (e.kind === 'search') {
      e.target = `p99 ≤ ${SEARCH_P99_MS} ms`;
      e.met = answered(e) && e.p99 <= SEARCH_P99_MS;
    } else if (e.kind === 'dashboard') {
      e.target = `p99 ≤ ${DASHBOARD_P99_MS} ms`;
      e.met = answered(e) && e.p99 <= DASHBOARD_P99_MS;
    }
    if (e.non2xx || e.errors) failures.push(`${dialect} ${e.name}: ${e.non2xx} non-2xx responses, ${e.errors} errors, status codes ${JSON.stringify(e.statusCodes)}`);
  }
  const peak = Math.max(memory.peakMB, memory.hwmMB);
  const importCount = Math.min(IMPORT_ITEMS, settings.items);
  log(`${dialect}: gongkai import of ${importCount.toLocaleString('en')} items`);
  const imported = await benchImport(dialect, importCount, settings.pgUrl);
  return {
    import: imported,
    dialect, date: new Date().toISOString(), items: settings.items, agencies: settings.agencies,
    dataset: { reused: ds.reused, builtAt: ds.marker.builtAt, build: ds.marker.build, sizeMB: ds.sizeMB },
    machine: { loadAvgBefore }, floor: { before, after, mean: floor, path: settings.floor },
    endpoints, memory: { ...memory, met: peak < RSS_LIMIT_MB }, failures,
  };
}

// ---------------------------------------------------------------- the report

type Results = {
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; os: string };
  settings: { duration: number; warmup: number; connections: number; itemSample: number };
  dialects: Partial<Record<Dialect, DialectResult>>;
};

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const minutes = (s: number) => (s >= 90 ? `${fmt(s / 60, 1)} min` : `${fmt(s, 1)} s`);

/** A row none of whose requests was answered within the measured seconds has no latency to meet a target with. */
const answered = (e: Measured) => e.requests > 0;

function section(r: DialectResult): string {
  const b = r.dataset.build;
  const rows = r.endpoints.map((e) => {
    const met = e.met === undefined ? '' : e.met ? 'yes' : '**no**';
    const latency = answered(e) ? `${e.p50} | ${e.p99}` : '— | none answered';
    return `| ${e.name} | ${fmt(e.reqPerSec)} | ${latency} | ${fmt(e.ratio ?? 0, 2)} | ${e.target ?? '—'} | ${met} | ${e.non2xx + e.errors} | ${e.rssMB === undefined ? '—' : fmt(e.rssMB)} |`;
  });
  const peak = Math.max(r.memory.peakMB, r.memory.hwmMB);
  const small = r.items < 1_000_000 ? `\n> A small run (${fmt(r.items)} items): the targets are set for 1,000,000 items, so these figures only show that the harness works.\n` : '';
  return `## ${r.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}

Run ${r.date.slice(0, 16).replace('T', ' ')} UTC · ${fmt(r.items)} items, ${r.agencies} agencies · load average before the run ${r.machine.loadAvgBefore.map((l) => l.toFixed(2)).join(' / ')}
${small}
Data set: built ${r.dataset.reused ? `earlier (${r.dataset.builtAt.slice(0, 16).replace('T', ' ')} UTC) and reused` : 'for this run'} in **${minutes(b.seconds)}**
(${fmt(b.itemsPerSecond)} items/s overall; schema ${fmt(b.phases.migrate, 1)} s, rows through the import ${fmt(b.phases.load, 1)} s (${fmt(r.items / b.phases.load)} items/s)${b.phases.index ? `, secondary indexes ${fmt(b.phases.index, 1)} s` : ''}, ${r.dialect === 'postgres' ? 'VACUUM ANALYZE' : 'checkpoint'} ${fmt(b.phases.finish, 1)} s);
${fmt(r.dataset.sizeMB)} MB on disk.
${r.import ? `
Import (\`gongkai import\` of the city's items as the portal's CSV export, bench/import.ts, after the server stopped; load average ${r.import.loadAverage.map((l) => l.toFixed(2)).join(' / ')}):
${fmt(r.import.items)} items in ${fmt(r.import.seconds, 1)} s, **${fmt(r.import.itemsPerSecond)} items/s** — target ≥ ${fmt(IMPORT_TARGET)} items/s: ${r.import.itemsPerSecond >= IMPORT_TARGET ? 'met' : '**not met**'}${r.import.cpuSeconds ? `; ${fmt(r.import.cpuSeconds, 1)} s of the importing process's CPU (${fmt(r.import.items / r.import.cpuSeconds)} items per CPU-second${r.dialect === 'postgres' ? (r.import.serverCpuSeconds == null ? ', the server\'s not counted' : `; the server's ${fmt(r.import.serverCpuSeconds, 1)} s besides`) : ''})` : ''}
(reading the CSV alone: ${fmt(r.import.checkOnlySeconds, 1)} s).
` : ''}
Floor \`${r.floor.path}\`: ${fmt(r.floor.before)} req/s before, ${fmt(r.floor.after)} after, mean ${fmt(r.floor.mean)}.

| endpoint | req/s | p50 ms | p99 ms | ratio to floor | target | met? | non-2xx + errors | server MB |
| --- | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |
${rows.join('\n')}

Server resident memory: ${fmt(r.memory.idleMB)} MB when ready, peak ${fmt(peak)} MB under load (sampled every 200 ms and the kernel's VmHWM;
the table's last column is the peak while that row was measured) —
target < ${RSS_LIMIT_MB} MB: ${r.memory.met ? 'met' : '**not met**'}.
`;
}

function render(results: Results): string {
  const m = results.machine;
  const s = results.settings;
  const sections = (['sqlite', 'postgres'] as const).map((d) => results.dialects[d]).filter((r): r is DialectResult => Boolean(r));
  return `# Benchmarks

<!-- Written by \`npm run bench\` (bench/run.ts): edit the template there, not this file. -->

What a city-scale catalog costs the public portal: a generated city of 50 agencies with
\`BENCH_ITEMS\` published items (1,000,000 for the figures that count), realistic Chinese
titles and bodies (bench/city.ts, bench/vocabulary.ts), loaded by \`gongkai import\`'s own code
(bench/generate.ts: one import per agency per 50,000 items, the secondary indexes built once
after the load), so the catalog and search index are written as publication writes them.
The real server (\`node bin/gongkai.mjs serve\`, \`NODE_ENV=production\`, \`LOG_LEVEL=warn\`, its default number of processes: one per core, \`GONGKAI_WORKERS\`; memory is that of its largest process) runs
as a child process; autocannon loads it from the benchmark's process over loopback, so
server and load generator share the machine's two cores, as they would with any local
load test.

Each endpoint gets a ${s.warmup} s warm-up and then ${s.duration} s with ${s.connections} connections.
The **floor** is a trivial route of the same server (\`/robots.txt\`, a constant text),
measured first and last; its mean is what the others are compared with, so the ratio
says how much of the server's capacity a page's own work takes. The catalog page is A07's
page 500 (on a smaller city its last page but one) as its pager links it from the pages
before, with the key of the page (\`before=<seq>\`). Item pages cycle through
${fmt(s.itemSample)} items drawn uniformly from the whole catalog. The server keeps rendered public
pages in memory (src/portal/page-cache.ts), so after the warm-up the catalog page and the
1,000 item pages are served from that cache; each is therefore measured twice, the second
time with a unique \`bench=<n>\` query parameter on every request, which the pages ignore
and the cache keys on: every such request is rendered from the database, as a page nobody
has read lately would be. Searches are never cached, and each search row is one class of a
mix of over 500 distinct queries drawn like a portal's query log (bench/search-mix.ts: a dozen
very common words, a long tail of the city's topics, subjects, measures and units, two-word
queries, 文号 typed in full, a word with an agency, category or year filter, date order; all
but the last in relevance order); a row's requests cycle through its own queries, so no row
is one query repeated. Every response must be 2xx within
${REQUEST_TIMEOUT_SECONDS} s; the run fails otherwise.

Targets (1,000,000 items, this 2-core machine): catalog list and item pages at least half the
floor's throughput; every search's p99 at most ${SEARCH_P99_MS} ms; the city office's dashboard
(every open clock of all agencies by kind and light, twelve months of on-time rates, each
agency's open and overdue, the units without last week's self-check; JSON, signed in, one
publication clock per item) at p99 at most ${DASHBOARD_P99_MS} ms; the server's resident memory
under ${RSS_LIMIT_MB} MB. With ${s.connections} connections always waiting, latency is mostly queueing
(about ${s.connections} ÷ throughput): a search meets its p99 only if the server answers it at
roughly ${fmt(s.connections * 1000 / SEARCH_P99_MS)} req/s or more.

Machine: ${m.cpus} × ${m.cpuModel}, ${fmt(m.memoryGB)} GB, ${m.os}, Node.js ${m.node}. Other work
on the machine shows in the load average given with each run.

${sections.map(section).join('\n')}
## Where the time goes

- **Cached pages** (home, catalog, items read lately) cost a map lookup and the send; what
  separates them from the floor is mostly the size of the answer (10–20 KB of HTML against a
  line of text), which the load generator on the same two cores also has to receive.
- **Freshly rendered pages**: a catalog page no longer counts: its total, category counts
  and filter choices come from \`catalog_facets\`, kept by publication, and the benchmark's page
  is the pager's link, which carries the key of the page (\`before=<seq>\`), so page 500 is a
  seek. The site's name and settings, the agency, the form's choices and the catalog's
  unfiltered counts are kept per audit generation (src/portal/generation.ts: a change shows
  within a second on every process). What remains is two statements for a catalog page and
  three for an item page, each built and compiled by Kysely once per database
  (src/db/prepared.ts) and on PostgreSQL parsed and planned once per connection, then the
  HTML (~13 KB, encoded once for its ETag hash, the send and the cache) and Fastify. On the
  100,000-item city that is about 640 µs of CPU for a catalog page and 400 µs for an item
  page on SQLite against 90 µs for the floor (docs/scale.md): the statements themselves
  about a third, the rest Node's HTTP and Helmet's headers (about what the floor costs),
  rendering and garbage collection. On PostgreSQL each statement is also a round trip and
  the server's own CPU. Half the floor needs a fresh page costing about what a cached one
  does: not reached.
- **Search**: on SQLite a relevance search walks FTS5 once, newest match first, for a window
  of at most 200 matches (title and body read, scored in the application, counted from the
  window: docs/search.md); date order walks it for its page and counts up to 201 matches.
  Then 10 entries and their snapshots are read, and the page adds about ten small queries (the
  agencies for the form, the published lists' matches, interpretation links). With
  10 connections always waiting, p99 is about 10 times the service time, so each search
  may cost about 4–5 ms of the server. PostgreSQL's GIN index hands out a set, not the newest
  first: a search walks the newest 2,000 entries testing each vector (a common word's window),
  else reads a fixed sample of the catalog's pages for where its matches lie and asks the index
  for those above the sample's second newest match, else the whole index (docs/search.md, "a
  walk, a sample, the index"); a typed 文号 goes to the index at once. A search reads about a
  thousand matches at most, unless the sample misled it and the whole index answers (the worst
  were seconds: the planner walked the whole catalog for a 文号), but each costs PostgreSQL and the server 10–20 ms of CPU against SQLite's
  2–4: the walk tests ~2.5 KB vectors, the sample reads ~1,000 pages, the index's candidates
  are fetched from the heap one page each, and each of the page's dozen statements is a round
  trip. Every search statement runs under a 3 s statement timeout.
- **Memory**: the server starts at about 200 MB (Node.js, the compiled console and portal
  code); the page cache adds at most 32 MB of pages; the rest under load is the results of
  the queries in flight and garbage not yet collected.

## How to reproduce

\`\`\`sh
npm run bench                                   # 1,000,000 items, SQLite then PostgreSQL
BENCH_ITEMS=20000 BENCH_DURATION=3 npm run bench   # a quick check of the harness
BENCH_DIALECTS=sqlite npm run bench             # one database (the other's last figures stay)
npm run bench -- --render-only                  # this page again from tmp/bench-results.json
npm run bench -- --build-only                   # build the data sets now, measure later
\`\`\`

| variable | default | meaning |
| --- | --- | --- |
| \`BENCH_ITEMS\` | 1000000 | published items in the data set |
| \`BENCH_DIALECTS\` | sqlite,postgres | which databases |
| \`BENCH_DURATION\` | 10 | seconds measured per endpoint (after a ${WARMUP_SECONDS} s warm-up) |
| \`BENCH_CONNECTIONS\` | 10 | concurrent connections |
| \`BENCH_REBUILD\` | — | \`1\` builds the data set again even if one of this size exists |
| \`BENCH_PG_URL\` | postgres://postgres@127.0.0.1:5432/test | PostgreSQL server; the data set lives in schema \`bench_<items>\` |

The SQLite data set is kept in \`tmp/bench-sqlite/items-<items>/\`, the PostgreSQL one in schema
\`bench_<items>\`; a rerun of the same size reuses them (a 1,000,000-item set takes several GB:
\`rm -rf tmp/bench-sqlite\` and \`drop schema bench_1000000 cascade\` to reclaim it). Raw figures
are in \`tmp/bench-results.json\`; the server's log in \`tmp/bench-server-<database>.log\`. The
data sets are sealed with the key ring in \`tmp/bench-keys.json\` (made on the first run, given to
the server as \`GONGKAI_KEYS\`): delete it together with the data sets.
`;
}

// ---------------------------------------------------------------- main

async function main() {
  const cpus = os.cpus();
  const previous = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Results) : null;
  if (flags['render-only']) {
    // After an edit of the template: the page again from the last figures, nothing measured.
    if (!previous) throw new Error(`no ${RESULTS_FILE} to render`);
    writeFileSync(DOC_FILE, render(previous));
    log(`wrote ${DOC_FILE} from ${RESULTS_FILE}`);
    return;
  }
  if (flags['build-only']) {
    for (const dialect of settings.dialects) await (dialect === 'sqlite' ? sqliteDataset() : postgresDataset());
    log('data sets ready; `npm run bench` reuses them');
    return;
  }
  const results: Results = {
    machine: { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown', memoryGB: os.totalmem() / 2 ** 30, node: process.version, os: `${os.type()} ${os.release()}` },
    settings: { duration: settings.duration, warmup: WARMUP_SECONDS, connections: settings.connections, itemSample: ITEM_SAMPLE },
    // Databases not run this time keep their last figures.
    dialects: { ...(previous?.dialects ?? {}) },
  };
  const failures: string[] = [];
  for (const dialect of settings.dialects) {
    const r = await benchDialect(dialect);
    results.dialects[dialect] = r;
    failures.push(...r.failures);
    mkdirSync(dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(DOC_FILE, render(results));
  }
  for (const d of settings.dialects) {
    const r = results.dialects[d]!;
    const missed = r.endpoints.filter((e) => e.met === false).map((e) => e.name);
    log(`${d}: ${missed.length ? `targets missed by ${missed.length}: ${missed.join('; ')}` : 'every endpoint met its target'}; peak RSS ${Math.round(Math.max(r.memory.peakMB, r.memory.hwmMB))} MB`);
  }
  log(`\nwrote ${DOC_FILE} and ${RESULTS_FILE}`);
  if (failures.length) {
    log(`\nBENCHMARK FAILED: responses that were not 2xx\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
}

const killAll = () => {
  for (const child of running) child.kill('SIGKILL');
};
process.once('SIGINT', () => {
  killAll();
  process.exit(130);
});
try {
  await main();
} catch (err) {
  killAll();
  log(`\nbench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
}
