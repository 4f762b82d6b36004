import cluster from 'node:cluster';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../config.ts';
import { systemClock } from '../core/clock.ts';
import { AppError } from '../core/errors.ts';
import { connect, sqliteFileIn, type Connection } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { assertSchemaNotNewer, migrateToLatest, SchemaNewerError } from '../db/migrate.ts';
import { buildApp } from '../http/app.ts';
import { serveRateCounts } from '../http/cluster-rate-store.ts';
import { ObjectStore } from '../modules/files/object-store.ts';
import { useObjectStore } from '../modules/files/store.ts';
import { rotated } from '../core/field-crypto.ts';
import { loadKeyring, saveKeyring } from '../db/keys.ts';
import { SEALED_TABLES } from '../db/database.ts';
import { exportCheckpoint, lastCheckpoint, verifyAudit } from '../modules/audit/audit.service.ts';
import { workdayAfter, workdaysBetween } from '../modules/calendar/calendar.service.ts';
import { isRole, type Role } from '../modules/org/org.rules.ts';
import { createUser, grantRole } from '../modules/org/org.service.ts';
import { gongkaiRunner } from '../modules/jobs/jobs.setup.ts';
import { loadDemoCity } from '../seed/demo-city.ts';
import { DEMO_PASSWORD, isEmpty } from '../seed/demo.ts';
import { backup, restore } from './backup.ts';
import { importCatalog } from '../modules/catalog/catalog.import.ts';
import { CLI_ACTOR } from '../modules/audit/audit.service.ts';
import { readFile } from 'node:fs/promises';

const config = loadConfig();
if (config.objectStore) useObjectStore(new ObjectStore(config.objectStore));
// Everything the process creates (database, WAL, stored files, backups, key file) is the owner's only: files 0600, folders 0700.
process.umask(0o077);

/** Says which database could not be opened and what to check, without printing a password. */
function unreachable(err: unknown): Error {
  const reason = err instanceof Error ? err.message : String(err);
  if (config.databaseUrl) {
    const shown = config.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    return new Error(`无法连接数据库 DATABASE_URL=${shown}：${reason}\n请检查 PostgreSQL 是否在运行、主机和端口、用户名和密码，以及该数据库是否存在（cannot connect to DATABASE_URL: check that the server runs, the host, port, user, password and database name）。`);
  }
  return new Error(`无法打开 SQLite 数据库（目录 ${config.dataDir}）：${reason}\n请检查 GONGKAI_DATA_DIR 指向的目录是否存在且可写（cannot open the SQLite file: check that GONGKAI_DATA_DIR is a writable folder）。`);
}

/**
 * Opens the configured database and proves it answers. `migrate` brings its schema up to date
 * first (and refuses one a newer build migrated); read-only commands open it as it is.
 */
async function open(how: 'migrate' | 'as-is'): Promise<Connection> {
  let conn: Connection;
  try {
    const keyring = loadKeyring(config, new Date());
    conn = connect({ keyring, databaseUrl: config.databaseUrl, sqliteFile: sqliteFileIn(config.dataDir) });
    await sql`select 1`.execute(conn.db);
  } catch (err) {
    throw unreachable(err);
  }
  try {
    if (how === 'migrate') await migrateToLatest(conn.db);
  } catch (err) {
    await conn.close();
    throw err;
  }
  return conn;
}

/** Runs a command against the database and always closes it, so the process can exit. */
async function withDb<T>(how: 'migrate' | 'as-is', fn: (conn: Connection) => Promise<T>): Promise<T> {
  const conn = await open(how);
  try {
    return await fn(conn);
  } finally {
    await conn.close();
  }
}

/** Read-only commands still serve a database a newer build migrated, and say so on stderr. */
async function warnIfNewer(db: Db): Promise<void> {
  await assertSchemaNotNewer(db).catch((err: unknown) => {
    if (!(err instanceof SchemaNewerError)) throw err;
    console.error(`warning: ${err.message}`);
  });
}

const integer = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('须为非负整数');
  return n;
};

const program = new Command('gongkai').description('政务公开管理平台 gongkai');

program
  .command('serve')
  .description('serve the portal, the console and the API')
  .option('--demo', 'load the demo city when the database is empty')
  .option('-p, --port <port>', 'TCP port', integer)
  .option('-w, --workers <n>', 'server processes (default GONGKAI_WORKERS, or one per core)', integer)
  .action(async (opts: { demo?: boolean; port?: number; workers?: number }) => {
    const workers = Math.max(1, opts.workers ?? config.workers);
    if (workers > 1 && cluster.isPrimary) await servePrimary(workers, opts);
    else await serveOne(opts);
  });

/**
 * Several server processes on one port (node:cluster, issue 17): the primary migrates and
 * seeds once, keeps the rate-limit counts (cluster-rate-store.ts), restarts a worker that
 * dies and stops them all on SIGINT/SIGTERM. Sessions and the page cache's generation live in
 * the database, so any worker serves any request.
 */
async function servePrimary(workers: number, opts: { demo?: boolean; port?: number }): Promise<void> {
  const conn = await open('migrate');
  try {
    if (opts.demo && (await isEmpty(conn.db))) {
      const { users, items } = await loadDemoCity({ db: conn.db, clock: systemClock, dataDir: config.dataDir });
      console.log(`demo city loaded: ${users} accounts, ${items} items, password ${DEMO_PASSWORD} (see README)`);
    }
  } finally {
    await conn.close();
  }
  const stopCounting = serveRateCounts();
  cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-old-space-size=${config.workerHeapMB}`] });
  let stopping = false;
  const fork = (index: number) => {
    const worker = cluster.fork({ GONGKAI_WORKER_INDEX: String(index) });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`worker ${index} exited (${signal ?? code}); starting it again`);
      fork(index);
    });
    return worker;
  };
  const started = Array.from({ length: workers }, (_, i) => fork(i));
  await Promise.all(started.map((w) => new Promise((resolve) => w.once('listening', resolve))));
  console.log(`gongkai on http://localhost:${opts.port ?? config.port}/ (console /admin/, API docs /api/docs) — ${workers} processes`);
  const stop = () => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
    let left = alive.length;
    if (left === 0) process.exit(0);
    for (const w of alive) {
      w!.once('exit', () => {
        if (--left === 0) {
          stopCounting();
          process.exit(0);
        }
      });
      w!.process.kill('SIGTERM');
    }
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * One server process. Of several workers, the first (index 0) writes the audit checkpoints;
 * the job runner runs in every worker on PostgreSQL (claims are leased rows, each job runs
 * once) but only in the first on SQLite, whose one writer at a time gains nothing from more.
 */
async function serveOne(opts: { demo?: boolean; port?: number }): Promise<void> {
  const conn = await open('migrate');
  const deps = { db: conn.db, dialect: conn.dialect, clock: systemClock, dataDir: config.dataDir, secureCookies: config.production };
  const first = !cluster.isWorker || process.env.GONGKAI_WORKER_INDEX === '0';
  if (opts.demo && !cluster.isWorker && (await isEmpty(conn.db))) {
    const { users, items } = await loadDemoCity(deps);
    console.log(`demo city loaded: ${users} accounts, ${items} items, password ${DEMO_PASSWORD} (see README)`);
  }
  const app = await buildApp({ ...deps, auditCheckpointFile: config.auditCheckpointFile, loginPerMinute: config.loginPerMinute }, { logLevel: config.logLevel, trustProxy: config.trustProxy });
  // 等保 安全审计: the chains' heads leave the database on a schedule, signed, to the auditor's file.
  const checkpoint = () => (first ? exportCheckpoint(conn.db, systemClock, config.auditCheckpointFile).then(() => undefined) : Promise.resolve()).catch((err: unknown) => app.log.error({ err }, 'audit checkpoint not written'));
  await checkpoint();
  const timer = setInterval(checkpoint, config.auditCheckpointMinutes * 60_000);
  // Clocks that act (issue 12): reminders and mail run from the database's job queue.
  const runsJobs = config.jobs.enabled && (first || conn.dialect === 'postgres');
  const runner = runsJobs ? gongkaiRunner({ db: conn.db, dialect: conn.dialect, leaseMs: config.jobs.leaseMs, log: (msg, err) => app.log.error({ err }, msg) }) : null;
  const stop = async () => {
    clearInterval(timer);
    await runner?.stop();
    await checkpoint();
    await app.close();
    await conn.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ port: opts.port ?? config.port, host: config.host });
  runner?.start(config.jobs.pollMs);
  if (!cluster.isWorker) console.log(`gongkai on http://localhost:${opts.port ?? config.port}/ (console /admin/, API docs /api/docs) — ${conn.dialect}`);
}

program.command('migrate').description('bring the database schema up to date').action(() =>
  withDb('as-is', async ({ db }) => {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'schema up to date');
  }));

program
  .command('seed')
  .description('load data')
  .requiredOption('--demo', 'the demo city (only into an empty database)')
  .action(() =>
    withDb('migrate', async ({ db }) => {
      const { users, items } = await loadDemoCity({ db, clock: systemClock, dataDir: config.dataDir });
      console.log(`demo city loaded: ${users} accounts, ${items} items`);
    }));

program
  .command('import <file>')
  .description('load a catalog export (the portal\'s catalog.csv or catalog.json) as published items; all or nothing')
  .option('--agency <code>', 'the agency the items belong to (a JSON export names its own)')
  .option('--user <username>', 'the account recorded as drafter (default: the agency\'s first account)')
  .option('--files <dir>', 'attachments, one folder per 索引号: <dir>/<索引号>/<file>')
  .action((file: string, opts: { agency?: string; user?: string; files?: string }) =>
    withDb('migrate', async ({ db }) => {
      const text = await readFile(file, 'utf8');
      const format = /\.json$/i.test(file) || text.trimStart().startsWith('{') || text.trimStart().startsWith('[') ? 'json' : 'csv';
      const agencyCode = opts.agency ?? (format === 'json' ? (JSON.parse(text) as { agency?: { code?: string } }).agency?.code : undefined);
      if (!agencyCode) throw new Error('give --agency <code>');
      const account = db.selectFrom('users').innerJoin('agencies', 'agencies.id', 'users.agency_id').select('users.id').where('agencies.code', '=', agencyCode);
      const found = await (opts.user ? account.where('users.username', '=', opts.user) : account.orderBy('users.created_at').orderBy('users.username')).executeTakeFirst();
      if (!found) throw new Error(opts.user ? `no account ${opts.user} in ${agencyCode}` : `no account in ${agencyCode} to record as drafter`);
      const started = performance.now();
      const r = await importCatalog(db, systemClock, { format, text }, { agencyCode, userId: found.id, filesDir: opts.files, dataDir: config.dataDir, actor: CLI_ACTOR });
      if (r.problems.length) {
        for (const p of r.problems) console.error(`${format === 'csv' ? `line ${p.line}` : `item ${p.line}`}: ${p.message}`);
        console.error(`nothing imported: ${r.problems.length} problem(s)`);
        process.exitCode = 1;
        return;
      }
      const seconds = (performance.now() - started) / 1000;
      console.log(`imported ${r.imported} items (${r.attachments} attachments) into ${agencyCode} in ${seconds.toFixed(1)} s (${Math.round(r.imported / seconds)} items/s)`);
    }));

const user = program.command('user').description('accounts');
user
  .command('add')
  .description('create an account (password from --password or GONGKAI_PASSWORD)')
  .requiredOption('--username <username>')
  .requiredOption('--name <name>', 'full name')
  .requiredOption('--agency <code>', 'agency code, e.g. RSJ')
  .option('--unit <name>', 'department or unit name in that agency')
  .option('--role <role...>', 'roles to grant in that agency')
  .option('--password <password>')
  .action((opts: { username: string; name: string; agency: string; unit?: string; role?: string[]; password?: string }) =>
    withDb('migrate', async ({ db }) => {
      const password = opts.password ?? process.env.GONGKAI_PASSWORD;
      if (!password) throw new Error('give --password or set GONGKAI_PASSWORD');
      const roles = opts.role ?? [];
      const unknown = roles.filter((r) => !isRole(r));
      if (unknown.length) throw new Error(`unknown role(s): ${unknown.join(', ')}`);
      const agency = await db.selectFrom('agencies').select('id').where('code', '=', opts.agency).executeTakeFirst();
      if (!agency) throw new Error(`no agency with code ${opts.agency}`);
      const unit = opts.unit ? await db.selectFrom('units').select('id').where('agency_id', '=', agency.id).where('name', '=', opts.unit).executeTakeFirst() : undefined;
      if (opts.unit && !unit) throw new Error(`no unit "${opts.unit}" in ${opts.agency}`);
      const deps = { db, clock: systemClock };
      const created = await createUser(deps, null, { username: opts.username, name: opts.name, agencyId: agency.id, unitId: unit?.id ?? null, password });
      for (const role of roles as Role[]) await grantRole(deps, null, created.id, agency.id, role);
      console.log(`created ${created.username} (${created.id})${roles.length ? ` with ${roles.join(', ')}` : ''}`);
    }));

program
  .command('backup')
  .description('consistent copy of the database and stored files, safe while the server runs')
  .option('--out <dir>', 'target directory', join('backups', `gongkai-${new Date().toISOString().replace(/[:.]/g, '-')}`))
  .action((opts: { out: string }) =>
    withDb('as-is', async ({ db, dialect }) => {
      await warnIfNewer(db);
      const manifest = await backup(db, dialect, config.dataDir, opts.out);
      const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
      console.log(`backup written to ${opts.out}: ${rows} rows in ${Object.keys(manifest.tables).length} tables`);
    }));

program
  .command('restore <dir>')
  .description('restore a backup into an empty database')
  .action((dir: string) =>
    withDb('migrate', async ({ db }) => {
      const { rows, auditOk } = await restore(db, config.dataDir, dir);
      console.log(`restored ${rows} rows; audit chain ${auditOk ? 'intact' : 'BROKEN'}`);
      if (!auditOk) process.exitCode = 1;
    }));

const audit = program.command('audit').description('audit log');
audit
  .command('verify')
  .description('check the keyed chain against the last checkpoint and report the first broken link')
  .option('--checkpoint <file>', 'the checkpoint file the auditor keeps (default GONGKAI_AUDIT_CHECKPOINT_FILE)')
  .action((opts: { checkpoint?: string }) =>
    withDb('as-is', async ({ db }) => {
      await warnIfNewer(db);
      const result = await verifyAudit(db, 'all', lastCheckpoint(opts.checkpoint ?? config.auditCheckpointFile));
      const cp = result.checkpoint;
      console.log(cp ? `checkpoint of ${cp.at}: ${cp.signed ? 'signature valid' : 'SIGNATURE INVALID (not made with this audit key)'}` : 'no checkpoint yet: only the keyed links were checked');
      for (const u of result.unconfirmed) console.log(`unconfirmed (after the checkpoint): chain ${u.chain} seq ${u.seq} ${u.at} ${u.action} (event ${u.id})`);
      if (result.ok) {
        console.log(`audit log intact: ${result.checked} events checked, ${result.unconfirmed.length} after the last checkpoint`);
        return;
      }
      const b = result.firstBroken;
      console.log(b ? `audit log BROKEN at chain ${b.chain}, seq ${b.seq} (event ${b.id}, ${b.reason}); ${result.checked} events checked` : 'audit log NOT CONFIRMED: the checkpoint is not signed with this audit key');
      process.exitCode = 1;
    }));
audit
  .command('checkpoint')
  .description('append a signed checkpoint of every chain head to the auditor\'s file and print it')
  .action(() =>
    withDb('migrate', async ({ db }) => {
      console.log(JSON.stringify(await exportCheckpoint(db, systemClock, config.auditCheckpointFile)));
    }));

const keys = program.command('keys').description('field encryption keys (the key file lives outside the database)');
keys
  .command('rotate')
  .description('add a new current key and re-encrypt every sealed value with it')
  .action(async () => {
    if (config.keysFromEnv) throw new Error('the key ring comes from GONGKAI_KEYS: rotate a key file (GONGKAI_KEY_FILE) instead');
    // The new ring keeps every old key, so it reads what they sealed; it is saved before anything is re-sealed with it.
    const ring = rotated(loadKeyring(config, new Date()), config.cryptoSuite, new Date());
    saveKeyring(config.keyFile, ring);
    const conn = connect({ keyring: ring, databaseUrl: config.databaseUrl, sqliteFile: sqliteFileIn(config.dataDir) });
    let values = 0;
    try {
      await conn.db.transaction().execute(async (tx) => {
        const loose = tx as unknown as Kysely<Record<string, Record<string, unknown>>>;
        for (const [table, { rowKey: key, columns }] of Object.entries(SEALED_TABLES)) {
          const names = Object.keys(columns);
          for (const row of await loose.selectFrom(table).select([key, ...names]).execute()) {
            await loose.updateTable(table).set(Object.fromEntries(names.map((c) => [c, row[c]]))).where(key, '=', row[key] as string).execute();
            values += names.length;
          }
        }
      });
    } finally {
      await conn.close();
    }
    console.log(`key ${ring.current} (${config.cryptoSuite}) is now current; ${values} values re-encrypted. Back up ${config.keyFile} now, apart from the database backups.`);
  });

const calendar = program.command('calendar').description('working-day calendar (same module as the workflows)');
const warnProvisional = (r: { provisional: boolean; provisionalYears: number[] }) => {
  if (r.provisional) console.error(`provisional: no holiday data for ${r.provisionalYears.join(', ')} (weekends only)`);
};
calendar
  .command('add-workdays <date> <n>')
  .description('the N-th working day after DATE (DATE itself never counts)')
  .action((date: string, n: string) =>
    withDb('migrate', async ({ db }) => {
      const r = await workdayAfter(db, date, integer(n));
      warnProvisional(r);
      console.log(r.date);
    }));
calendar
  .command('workdays <from> <to>')
  .description('working days after FROM up to and including TO')
  .action((from: string, to: string) =>
    withDb('migrate', async ({ db }) => {
      const r = await workdaysBetween(db, from, to);
      warnProvisional(r);
      console.log(String(r.count));
    }));

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof AppError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err));
  process.exit(1);
});
