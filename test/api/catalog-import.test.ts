/**
 * `gongkai import` (issue 17): the portal's own catalog exports loaded as published items —
 * their 索引号, dates and validity kept, found by search — all or nothing, bad rows named by
 * line, one audit event for the whole import. Runs on PostgreSQL when DATABASE_URL is set.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dialectOf } from '../../src/db/dialect.ts';
import { CLI_ACTOR } from '../../src/modules/audit/audit.service.ts';
import { insertRows } from '../../src/db/insert-rows.ts';
import { csvRecords, importCatalog } from '../../src/modules/catalog/catalog.import.ts';
import { documentTokens, tsVector, tsVectorBinary } from '../../src/modules/catalog/search.rules.ts';
import { demoApp, userId, withDemoCity, type TestApp } from '../support/app.ts';
import { docx } from '../support/hostile-files.ts';
import { draftItem as draft, publishDraft as publish, publishingStaff } from '../support/publish.ts';

const get = (t: TestApp, url: string) => t.app.inject({ method: 'GET', url });
/** The CSV export without its last column (网址: the item ids differ between two platforms). */
const withoutUrls = (csv: string) => csv.split('\r\n').map((l) => l.replace(/,[^,]*$/, '')).join('\r\n');
const entries = async (t: TestApp) => Number((await t.conn.db.selectFrom('catalog_entries').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const importInto = async (t: TestApp, format: 'csv' | 'json', text: string) =>
  importCatalog(t.conn.db, t.clock, { format, text }, { agencyCode: 'RSJ', userId: await userId(t, 'rsj.drafter'), actor: CLI_ACTOR });

const HEADER = '索引号,标题,发文字号,主题分类,发布部门,成文日期,发布日期,有效性,网址';

describe('import of a catalog export (issue 17)', () => {
  const source = withDemoCity();
  const target = withDemoCity();
  let csv = '';
  let json = '';

  it('exports the catalog of three items published through the workflow', async () => {
    const t = source();
    const staff = await publishingStaff(t);
    const ids = [
      await draft(t, staff, { title: '关于开展2026年就业见习工作的通知', docNumber: '示人社发〔2026〕40号', category: 'work', dateMade: '2026-11-16', body: '就业见习基地名单，含"引号"与逗号,照录。' }),
      await draft(t, staff, { title: '=示例市人社事业发展规划（2025年）', docKind: 'opinion', category: 'plans', dateMade: '2025-12-30' }),
      await draft(t, staff, { kind: 'other', docKind: null, title: '2026年10月社会保险基金运行情况', category: 'finance', dateMade: '2026-11-04' }),
    ];
    for (const id of ids) {
      t.clock.advance(5); // one after the other, within one day: the import keeps their order among equal dates
      await publish(t, staff, id);
    }
    csv = (await get(t, '/xxgk/RSJ/catalog.csv')).body;
    json = (await get(t, '/xxgk/RSJ/catalog.json?pageSize=100')).body;
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);
  });

  it('round trip: export → import gives the same public catalog, dates, 索引号 and order, found by search, one audit event', async () => {
    const t = target();
    expect(await entries(t)).toBe(0);
    const r = await importInto(t, 'csv', csv);
    expect(r).toEqual({ imported: 3, attachments: 0, problems: [] });
    expect(withoutUrls((await get(t, '/xxgk/RSJ/catalog.csv')).body)).toBe(withoutUrls(csv));
    const again = JSON.parse((await get(t, '/xxgk/RSJ/catalog.json?pageSize=100')).body);
    const before = JSON.parse(json);
    const strip = (items: { url: string; publishedAt: string }[]) => items.map(({ url: _, publishedAt, ...rest }) => ({ ...rest, publishedOn: publishedAt.slice(0, 10) }));
    expect(strip(again.items)).toEqual(strip(before.items));
    const found = await get(t, `/search?q=${encodeURIComponent('就业见习')}`);
    const imported = await t.conn.db.selectFrom('items').select('id').where('doc_number', '=', '示人社发〔2026〕40号').executeTakeFirstOrThrow();
    expect(found.body).toContain(`/xxgk/RSJ/items/${imported.id}`);
    const events = await t.conn.db.selectFrom('audit_events').select(['action', 'after_json']).where('action', '=', 'catalog.import').execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.after_json!)).toMatchObject({ items: 3, format: 'csv' });
  });

  it('the next publication continues the agency 索引号 sequence after the imported numbers', async () => {
    const t = target();
    const staff = await publishingStaff(t);
    const id = await draft(t, staff, { title: '导入后发布的第一条通知', category: 'work', dateMade: '2026-11-20' });
    await publish(t, staff, id);
    const numbers = (await t.conn.db.selectFrom('items').select('index_number').where('index_number', 'is not', null).execute()).map((r) => r.index_number);
    expect(new Set(numbers).size).toBe(4);
  });

  it('refuses an import whose 索引号 are taken, naming each line, and writes nothing', async () => {
    const t = target();
    const before = await entries(t);
    const r = await importInto(t, 'csv', csv);
    expect(r.imported).toBe(0);
    expect(r.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(r.problems[0]!.message).toContain('已被使用');
    expect(await entries(t)).toBe(before);
  });
});

describe('bad rows are reported with their line numbers, nothing is imported (issue 17)', () => {
  const city = withDemoCity();

  it('counts lines of quoted cells that span lines', () => {
    expect(csvRecords('a,b\r\n"x\ny",z\r\n\r\nc,d\r\n').map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('reads doubled quotes, text around a quoted stretch, empty cells and a lone CR as a line end', () => {
    expect(csvRecords('\uFEFF"a""b",x"y,z"w,\r"",,\n\n"open\nend').map((r) => [r.line, r.cells])).toEqual([
      [1, ['a"b', 'xy,zw', '']],
      [2, ['', '', '']],
      [4, ['open\nend']],
    ]);
  });

  it('names every bad line and what is wrong with it', async () => {
    const t = city();
    const text = [
      HEADER,
      'RSJ/2024-00001,好的一行,,工作动态,,2024-03-01,2024-03-02,有效,',
      'RSJ/2024-00002,"跨两行的\n标题",,不存在的分类,,2024-03-01,2024-03-02,有效,',
      'RSJ/2024-00003,成文日期错,,工作动态,,2024-02-30,2024-03-02,有效,',
      'RSJ/2024-00001,重复的索引号,,工作动态,,2024-03-01,2024-03-02,有效,',
      'RSJ/2024-00005,部门不对,,工作动态,没有这个科室,2024-03-01,2024-03-02,作废,',
      'RSJ/2024-00006,早于成文,,工作动态,,2024-03-05,2024-03-02,有效,',
    ].join('\r\n');
    const r = await importInto(t, 'csv', text);
    expect(r.imported).toBe(0);
    expect(r.problems.map((p) => p.line)).toEqual([3, 5, 6, 7, 8]);
    expect(r.problems.find((p) => p.line === 3)!.message).toContain('不存在的分类');
    expect(r.problems.find((p) => p.line === 5)!.message).toContain('成文日期');
    expect(r.problems.find((p) => p.line === 6)!.message).toContain('重复');
    expect(r.problems.find((p) => p.line === 7)!.message).toContain('没有这个科室');
    expect(r.problems.find((p) => p.line === 7)!.message).toContain('作废');
    expect(r.problems.find((p) => p.line === 8)!.message).toContain('早于成文日期');
    expect(await entries(t)).toBe(0);
  });

  it('a header without the required columns is one problem on line 1', async () => {
    const r = await importInto(city(), 'csv', '标题,成文日期\r\n一行,2024-01-01\r\n');
    expect(r.problems).toEqual([{ line: 1, message: expect.stringContaining('索引号') }]);
  });

  // Several batches of 2,000 rows (catalog.import.ts): the later ones written after the first.
  const bulk = (n: number, year = 2023) => Array.from({ length: n }, (_, i) => `RSJ/${year}-${String(i + 1).padStart(5, '0')},批量导入的第${i + 1}条通知,,工作动态,,${year}-05-01,${year}-05-02,有效,`);
  const items = async (t: TestApp) => Number((await t.conn.db.selectFrom('items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('rolls back the batches already written when a later batch fails: nothing half-imported stays', async () => {
    const t = city();
    const rows = bulk(5_000);
    // The database refuses the row written last (same moment: the first line comes last), as a full disk would.
    const last = '批量导入的第1条通知';
    const postgres = dialectOf(t.conn.db) === 'postgres';
    if (postgres) {
      await sql`create function fail_late() returns trigger language plpgsql as $$ begin if new.title = ${sql.lit(last)} then raise exception 'disk full'; end if; return new; end $$`.execute(t.conn.db);
      await sql`create trigger fail_late before insert on catalog_entries for each row execute function fail_late()`.execute(t.conn.db);
    } else {
      await sql`create trigger fail_late before insert on catalog_entries when new.title = ${sql.lit(last)} begin select raise(abort, 'disk full'); end`.execute(t.conn.db);
    }
    await expect(importInto(t, 'csv', [HEADER, ...rows].join('\r\n'))).rejects.toThrow('disk full');
    await sql`drop trigger fail_late${sql.raw(postgres ? ' on catalog_entries' : '')}`.execute(t.conn.db);
    expect(await entries(t)).toBe(0);
    expect(await items(t)).toBe(0);
    const ok = await importInto(t, 'csv', [HEADER, ...rows].join('\r\n'));
    expect(ok.imported).toBe(5_000);
    expect(await entries(t)).toBe(5_000);
    const found = await get(t, `/search?q=${encodeURIComponent('批量导入')}`);
    expect(found.statusCode).toBe(200);
    // The newest, of the last batch (the search marks the words found).
    expect(found.body).toContain('<mark>批量导入</mark>的第1条通知');
  });

  it('a bad row deep in a large file is named by its line and nothing is imported', async () => {
    const t = city();
    const before = await items(t);
    const rows = bulk(5_000, 2022);
    rows[4_799] = rows[4_799]!.replace('工作动态', '没有的分类');
    const r = await importInto(t, 'csv', [HEADER, ...rows].join('\r\n'));
    expect(r).toEqual({ imported: 0, attachments: 0, problems: [{ line: 4_801, message: expect.stringContaining('没有的分类') }] });
    expect(await items(t)).toBe(before);
  });

  it('takes each 索引号 folder of --files as the item\'s public attachments, searched by their text; a file of unknown kind names its line', async () => {
    const t = city();
    const files = mkdtempSync(join(tmpdir(), 'gongkai-import-files-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-import-data-'));
    try {
      mkdirSync(join(files, 'RSJ', '2020-00007'), { recursive: true });
      writeFileSync(join(files, 'RSJ', '2020-00007', '名录.docx'), docx({ body: '<w:p><w:r><w:t>全市古树名木保护名录</w:t></w:r></w:p>' }));
      const text = [HEADER, 'RSJ/2020-00007,古树保护的公告,,工作动态,,2020-04-01,2020-04-02,有效,'].join('\r\n');
      const user = await userId(t, 'rsj.drafter');
      writeFileSync(join(files, 'RSJ', '2020-00007', '说明.txt'), '纯文本');
      const refused = await importCatalog(t.conn.db, t.clock, { format: 'csv', text }, { agencyCode: 'RSJ', userId: user, actor: CLI_ACTOR, filesDir: files, dataDir });
      expect(refused.problems).toEqual([{ line: 2, message: expect.stringContaining('说明.txt') }]);
      rmSync(join(files, 'RSJ', '2020-00007', '说明.txt'));
      const r = await importCatalog(t.conn.db, t.clock, { format: 'csv', text }, { agencyCode: 'RSJ', userId: user, actor: CLI_ACTOR, filesDir: files, dataDir });
      expect(r).toMatchObject({ imported: 1, attachments: 1 });
      const item = await t.conn.db.selectFrom('items').select('id').where('index_number', '=', 'RSJ/2020-00007').executeTakeFirstOrThrow();
      expect((await get(t, `/search?q=${encodeURIComponent('古树名木')}`)).body).toContain(`/xxgk/RSJ/items/${item.id}`);
      expect(await t.conn.db.selectFrom('item_attachments').select('name').where('item_id', '=', item.id).execute()).toEqual([{ name: '名录.docx' }]);
    } finally {
      rmSync(files, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('imports the JSON export too, reporting bad items by position', async () => {
    const t = await demoApp();
    try {
      const good = { indexNumber: 'RSJ/2022-00001', title: '二〇二二年的一条公告', docNumber: '', category: 'work', dateMade: '2022-01-04', publishedAt: '2022-01-05T10:00:00+08:00', validity: 'repealed' };
      const bad = await importInto(t, 'json', JSON.stringify({ agency: { code: 'RSJ' }, items: [good, { ...good, indexNumber: 'RSJ/2022-00002', validity: '?' }] }));
      expect(bad.problems.map((p) => p.line)).toEqual([2]);
      expect((await importInto(t, 'json', JSON.stringify({ agency: { code: 'RSJ' }, items: [good] }))).imported).toBe(1);
      const listed = JSON.parse((await get(t, '/xxgk/RSJ/catalog.json')).body).items;
      expect(listed).toMatchObject([{ indexNumber: 'RSJ/2022-00001', validity: 'repealed', publishedAt: '2022-01-05T10:00:00+08:00' }]);
    } finally {
      await t.close();
    }
  });
});

describe('the bulk writer under the import (issue 17)', () => {
  const city = withDemoCity();

  it('insertRows refuses a table with sealed columns: its statements bypass the sealing', async () => {
    const t = city();
    const before = await t.conn.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await expect(t.conn.db.transaction().execute((tx) => insertRows(tx, 'users', ['id', 'phone'], [['u-bulk', '13800000000']]))).rejects.toThrow(/sealed columns/);
    expect(await t.conn.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('insertRows stores texts as given: quotes, backslashes, braces, commas, empty, NULL, CJK beyond the BMP (PostgreSQL sends them as binary text[])', async () => {
    const t = city();
    const texts = ['"引号"与\\反斜杠', '{大括号},逗号', '', null, 'NULL', '𠀀𠀁 déjà ＡＢＣ', '换\n行\r\n', '政'.repeat(10_000)];
    await sql`create table bulk_texts (n integer not null, v text)`.execute(t.conn.db);
    await t.conn.db.transaction().execute((tx) => insertRows(tx, 'bulk_texts', ['n', 'v'], texts.map((v, n) => [n, v])));
    const back = await sql<{ n: number; v: string | null }>`select n, v from bulk_texts order by n`.execute(t.conn.db);
    await sql`drop table bulk_texts`.execute(t.conn.db);
    expect(back.rows.map((r) => r.v)).toEqual(texts);
  });

  it.skipIf(!process.env.DATABASE_URL)('PostgreSQL: the search vectors sent in binary equal their text form, repeated and rare characters included', async () => {
    const t = city();
    const docs = [
      documentTokens('关于开展2026年就业见习工作的通知', '示人社发〔2026〕40号\n就业见习基地名单 ＡＢＣ déjà 𠀀𠀁', { agencyId: 'a1', category: 'work', year: '2026', kind: 'notice' }),
      documentTokens('公开公开', `${'公开'.repeat(3_000)}${' abc'.repeat(600)}${'政'.repeat(20_000)}`),
      documentTokens('', 'x'),
    ];
    const found = await sql<{ same: boolean }>`select cast(${tsVector(docs[0]!)} as tsvector) = v0 and cast(${tsVector(docs[1]!)} as tsvector) = v1 and cast(${tsVector(docs[2]!)} as tsvector) = v2 as same
      from (select cast(${tsVectorBinary(docs[0]!)} as tsvector) as v0, cast(${tsVectorBinary(docs[1]!)} as tsvector) as v1, cast(${tsVectorBinary(docs[2]!)} as tsvector) as v2) as b`.execute(t.conn.db);
    expect(found.rows[0]?.same).toBe(true);
  });
});
