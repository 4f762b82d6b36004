/**
 * The benchmark's search mix (bench/search-mix.ts) at small scale, so it does not rot between
 * city-scale runs: over 500 distinct queries in classes, and every class answered by the real
 * search page of a small generated city (CAT-4), its 文号 found first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generate } from '../bench/generate.ts';
import { bypassingCache } from '../bench/cache-bypass.ts';
import { mixSample, searchMix, type SearchClass } from '../bench/search-mix.ts';
import { newKeyring } from '../src/core/field-crypto.ts';
import { connect, sqliteFileIn, type Connection } from '../src/db/connect.ts';
import { buildApp } from '../src/http/app.ts';
import { testClock } from './support/app.ts';

describe('the benchmark search mix and cache-off mode at small scale (CAT-4)', () => {
  let dir = '';
  let conn: Connection;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let mix: SearchClass[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-mix-'));
    await generate({ dialect: 'sqlite', items: 2_000, agencies: 10, dataDir: dir, log: () => {} });
    conn = connect({ keyring: newKeyring('aes-256-gcm', new Date()), sqliteFile: sqliteFileIn(dir) });
    app = await buildApp({ db: conn.db, dialect: conn.dialect, clock: testClock(), dataDir: dir, secureCookies: false }, { logLevel: 'silent' });
    mix = searchMix(DEFAULT_SEED, await mixSample(conn.db, DEFAULT_SEED));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await conn?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('draws over 500 distinct queries in classes: common words, a long tail, two words, 文号, filters, date order', () => {
    const all = mix.flatMap((c) => c.paths);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(500);
    expect(mix.map((c) => c.name)).toEqual([
      'common words, relevance', 'long tail of single words', 'two words', '文号 typed in full',
      'word, agency filter', 'word, category filter', 'word, year filter', 'date order (common and tail words)',
    ]);
    const params = (c: number) => mix[c]!.paths.map((p) => new URL(p, 'http://x').searchParams);
    expect(params(2).every((p) => p.get('q')!.includes(' '))).toBe(true);
    expect(params(3).every((p) => /〔\d{4}〕\d+号$/.test(p.get('q')!))).toBe(true);
    expect(params(4).every((p) => /^A\d\d$/.test(p.get('agency')!))).toBe(true);
    expect(params(5).every((p) => p.get('category'))).toBe(true);
    expect(params(6).every((p) => /^20\d\d$/.test(p.get('year')!))).toBe(true);
    expect(params(7).every((p) => p.get('sort') === 'date')).toBe(true);
  });

  it('is answered by the search page, every class finding documents, a typed 文号 its document first', async () => {
    for (const c of mix) {
      let found = 0;
      for (const path of c.paths.slice(0, 8)) {
        const res = await app.inject({ method: 'GET', url: path });
        expect(res.statusCode, path).toBe(200);
        if (res.body.includes('<ol class="hits"')) found++;
      }
      expect(found, c.name).toBeGreaterThan(0);
    }
    const docNumber = new URL(mix[3]!.paths[0]!, 'http://x').searchParams.get('q')!;
    const first = (await app.inject({ method: 'GET', url: mix[3]!.paths[0]! })).body.split('<ol class="hits"')[1]!.split('</li>')[0]!;
    expect(first).toContain(docNumber);
  });

  it("the benchmark's cache-off mode renders the catalog page from the database while the page cache still holds it", async () => {
    const path = '/xxgk/A07/catalog';
    const newest = await conn.db.selectFrom('catalog_entries as e').innerJoin('agencies as a', 'a.id', 'e.agency_id')
      .select(['e.seq', 'e.title']).where('a.code', '=', 'A07').orderBy('e.seq', 'desc').executeTakeFirstOrThrow();
    expect((await app.inject({ method: 'GET', url: path })).body).toContain(newest.title);
    // Changed behind the page cache's back (no audited write, so its generation stays): only a fresh render can know.
    await conn.db.updateTable('catalog_entries').set({ title: '缓存之外改写的标题' }).where('seq', '=', newest.seq).execute();
    expect((await app.inject({ method: 'GET', url: path })).body).not.toContain('缓存之外改写的标题');
    expect((await app.inject({ method: 'GET', url: bypassingCache(path, 1) })).body).toContain('缓存之外改写的标题');
  });
});
