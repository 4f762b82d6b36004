/**
 * `gongkai serve --workers 2` (issue 17): two processes serve one port; a write made by
 * another process (here `gongkai import`) shows on every worker's cached pages, and on its
 * freshly rendered ones (the values they keep per generation), within one second
 * (GENERATION_TRUST_MS); sessions and sign-ins work through either worker, and a rate limit
 * counts once across workers.
 * SQLite, the case where several processes share one file (WAL, busy_timeout).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATION_TRUST_MS } from '../src/portal/generation.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gongkai-workers-'));
const env: NodeJS.ProcessEnv = { ...process.env, GONGKAI_DATA_DIR: dir, LOG_LEVEL: 'silent', GONGKAI_JOBS: 'off', GONGKAI_WORKER_HEAP_MB: '200' };
delete env.DATABASE_URL;
let port = 0;
let server: ChildProcess;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = s.address() as { port: number };
      s.close(() => resolve(p));
    });
  });

/** One request on a new connection, so the cluster hands it to the next worker in turn. */
const send = (method: string, path: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent: false, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? 'code=x' : undefined);
  });

/** A JSON API call on a new connection (the next worker in turn), with the session cookie if given. */
const api = (method: string, path: string, body?: unknown, cookie?: string) =>
  new Promise<{ status: number; cookie: string | undefined }>((resolve, reject) => {
    const headers: Record<string, string> = { ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) };
    const req = request({ host: '127.0.0.1', port, method, path, agent: false, headers }, (res) => {
      res.resume().on('end', () => resolve({ status: res.statusCode!, cookie: res.headers['set-cookie']?.[0]?.split(';')[0] }));
    });
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });

beforeAll(async () => {
  port = await freePort();
  server = spawn(process.execPath, ['bin/gongkai.mjs', 'serve', '--demo', '--workers', '2', '--port', String(port)], { env: { ...env, HOST: '127.0.0.1' } });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('gongkai on http')) resolve();
    });
    server.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}, 240_000);

afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('two server processes on one port (issue 17)', { timeout: 240_000 }, () => {
  it('starts two workers under the primary, each with its heap bounded by GONGKAI_WORKER_HEAP_MB', async () => {
    const { stdout } = await run('pgrep', ['-P', String(server.pid)]);
    const workers = stdout.trim().split('\n').filter((pid) => /GONGKAI_WORKER_INDEX=/.test(readFileSync(`/proc/${pid}/environ`, 'latin1')));
    expect(workers).toHaveLength(2);
    for (const pid of workers) expect(readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0')).toContain('--max-old-space-size=200');
  });

  it('an import by another process shows on both workers\' cached catalog pages within one second', async () => {
    for (let i = 0; i < 6; i++) expect((await send('GET', '/xxgk/RSJ/catalog')).body).not.toContain('多进程导入的通知');
    // Fresh renders (each its own query string) keep the form's years per generation on each worker.
    for (let i = 0; i < 6; i++) expect((await send('GET', `/xxgk/RSJ/catalog?fresh=${i}`)).body).not.toContain('<option value="2021">');
    const csv = join(dir, 'one.csv');
    writeFileSync(csv, '索引号,标题,发文字号,主题分类,发布部门,成文日期,发布日期,有效性,网址\r\nRSJ/2021-00001,多进程导入的通知,,工作动态,,2021-06-01,2021-06-02,有效,\r\n');
    await run(process.execPath, ['bin/gongkai.mjs', 'import', csv, '--agency', 'RSJ'], { env });
    await new Promise((r) => setTimeout(r, GENERATION_TRUST_MS + 100));
    for (let i = 0; i < 6; i++) expect((await send('GET', '/xxgk/RSJ/catalog?category=work')).body).toContain('多进程导入的通知');
    for (let i = 0; i < 6; i++) expect((await send('GET', '/xxgk/RSJ/catalog')).body).toContain('多进程导入的通知');
    for (let i = 0; i < 6; i++) expect((await send('GET', `/xxgk/RSJ/catalog?fresh=${10 + i}`)).body).toContain('<option value="2021">2021年</option>');
  });

  it('people sign in through both workers at once (SQLite: immediate transactions wait their turn), and a session opened through one is known to the other', async () => {
    const logins = await Promise.all(Array.from({ length: 6 }, () => api('POST', '/api/v1/auth/login', { username: 'rsj.drafter', password: DEMO_PASSWORD })));
    expect(logins.map((l) => l.status)).toEqual(Array(6).fill(200));
    for (let i = 0; i < 4; i++) expect((await api('GET', '/api/v1/auth/me', undefined, logins[0]!.cookie)).status).toBe(200);
  });

  it('a rate limit (30 status queries per 10 minutes) counts once across the workers, not once per worker', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await send('POST', '/xxgk/status')).status);
    expect(statuses.filter((s) => s !== 429)).toHaveLength(30);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
  });
});
