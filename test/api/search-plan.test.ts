/**
 * How PostgreSQL finds a search's newest matches (CAT-4, issue 17): a walk of the newest
 * entries, then the GIN index from the seq a sample of the catalog bounds it by, then the whole
 * index. Whatever way a search goes, a visitor gets the same newest matches as the whole
 * catalog holds; and a search PostgreSQL cancels for running too long is answered with a
 * plain Chinese message instead of an error page. PostgreSQL only: SQLite's FTS5 walks its own
 * index newest first (CI runs the suite on both).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/db/connect.ts';
import { CLI_ACTOR } from '../../src/modules/audit/audit.service.ts';
import { importCatalog } from '../../src/modules/catalog/catalog.import.ts';
import { pgNewestMatches, type SearchRequest } from '../../src/modules/catalog/catalog.search.ts';
import { queryTerms, SEARCH_PLAN, tsQuery, type SearchPlan } from '../../src/modules/catalog/search.rules.ts';
import { agencyId, call, demoApp, expectError, signIn, userId, type TestApp } from '../support/app.ts';
import { keyring } from '../support/db.ts';

const HEADER = '索引号,标题,发文字号,主题分类,发布部门,成文日期,发布日期,有效性,正文';
const ITEMS = 600;

/**
 * Item i (oldest first): 养老 in every second one (dense), 见习 in every 40th (sparse), 档案 in the
 * ten oldest only; made in 2015 for the older half, 2026 for the newer; a tenth repealed; every
 * 100th has a 文号, which the next one cites.
 */
function catalogCsv(): string {
  const rows = Array.from({ length: ITEMS }, (_, i) => {
    const words = [i % 2 === 0 ? '养老保险' : '工伤认定', i % 40 === 0 ? '就业见习' : '职业培训', i < 10 ? '人事档案' : '劳动合同'];
    const year = i < ITEMS / 2 ? '2015' : '2026';
    const day = String(1 + (i % 28)).padStart(2, '0');
    const cited = i % 100 === 1 ? `根据示人社发〔2015〕${i - 1}号，` : '';
    return [`RSJ/P-${String(i).padStart(4, '0')}`, `关于${words[0]}的第${i}号通知`, i % 100 === 0 ? `示人社发〔2015〕${i}号` : '', i % 3 ? '政策法规' : '工作动态', '', `${year}-03-${day}`, `${year}-04-${day}`, i % 10 === 9 ? '废止' : '有效', `${cited}现就${words.join('、')}有关事项通知如下。`].join(',');
  });
  return [HEADER, ...rows].join('\r\n');
}

const runsOnPostgres = Boolean(process.env.DATABASE_URL);

describe.skipIf(!runsOnPostgres)('PostgreSQL finds the newest matches by walk or by index (CAT-4, issue 17)', () => {
  let t: TestApp;
  let rsj: string;

  beforeAll(async () => {
    t = await demoApp();
    rsj = await agencyId(t, 'RSJ');
    const result = await importCatalog(t.conn.db, t.clock, { format: 'csv', text: catalogCsv() }, { agencyCode: 'RSJ', userId: await userId(t, 'rsj.drafter'), actor: CLI_ACTOR });
    expect(result.problems).toEqual([]);
  }, 120_000);
  afterAll(async () => t?.close());

  /** Every match the catalog holds, newest first: the GIN index asked directly, no plan. */
  const allMatches = async (r: SearchRequest) => {
    const { category, year, kind, validity } = r.filter;
    const q = tsQuery(queryTerms(r.q), { agencyId: r.agencyId, category, year, kind });
    const rows = await t.conn.db.selectFrom('catalog_entries').select('seq').where(sql<boolean>`search_vector @@ cast(${q} as tsquery)`)
      .$if(validity !== undefined, (b) => b.where('validity', '=', validity!)).orderBy('seq', 'desc').execute();
    return rows.map((row) => Number(row.seq));
  };

  /** Plans small enough for this catalog to take each way: the first walk, the index from a sample's bound, the bounded ask left short, the whole index. */
  const plans: Record<string, SearchPlan> = {
    'the city-scale plan': SEARCH_PLAN,
    'short walks, a tenth sampled': { firstWalk: { catalog: 20, indexed: 10 }, sampleEntries: 60, boundAt: 2 },
    'short walks, the bound at the newest sampled match': { firstWalk: { catalog: 20, indexed: 10 }, sampleEntries: 30, boundAt: 1 },
    'no walk to speak of, a deep bound': { firstWalk: { catalog: 1, indexed: 1 }, sampleEntries: 300, boundAt: 5 },
  };

  const searches = (): [string, SearchRequest][] => [
    ['a dense word', { q: '养老', filter: {}, sort: 'date', page: 1, pageSize: 10 }],
    ['a sparse word', { q: '见习', filter: {}, sort: 'date', page: 1, pageSize: 10 }],
    ['a word only in the oldest items', { q: '档案', filter: {}, sort: 'date', page: 1, pageSize: 10 }],
    ['two words', { q: '养老 见习', filter: {}, sort: 'date', page: 1, pageSize: 10 }],
    ['a 文号, found in its item and the one citing it', { q: '示人社发〔2015〕300号', filter: {}, sort: 'date', page: 1, pageSize: 10 }],
    ['a dense word in the agency', { q: '养老', agencyId: rsj, filter: {}, sort: 'date', page: 1, pageSize: 10 }],
    ['a dense word in an old year', { q: '养老', filter: { year: '2015' }, sort: 'date', page: 1, pageSize: 10 }],
    ['a sparse word in a category', { q: '见习', filter: { category: 'policy' }, sort: 'date', page: 1, pageSize: 10 }],
    ['a dense word among repealed items', { q: '工伤', filter: { validity: 'repealed' }, sort: 'date', page: 1, pageSize: 10 }],
  ];

  for (const [plan, p] of Object.entries(plans)) {
    it(`CAT-4 gives the newest matches the catalog holds for every kind of search (${plan})`, async () => {
      const deps = { db: t.conn.db, dialect: t.conn.dialect };
      for (const [name, r] of searches()) {
        const all = await allMatches(r);
        expect(all.length, name).toBeGreaterThan(0);
        for (const limit of [5, 25, 200]) {
          const found = await pgNewestMatches(deps, r, queryTerms(r.q), p).seqs(limit);
          expect(found, `${name}, ${limit}`).toEqual(all.slice(0, limit));
        }
      }
    });
  }

  it('CAT-4 answers a search PostgreSQL cancelled for running too long with a message to narrow it, on the portal and in the console', async () => {
    const drafter = await signIn(t, 'rsj.drafter');
    const other = connect({ keyring, databaseUrl: process.env.DATABASE_URL!, pgSchema: t.conn.schema! });
    try {
      // Another transaction holds the catalog: the search waits for it until its statement timeout.
      await other.db.transaction().execute(async (trx) => {
        await sql`lock table catalog_entries in access exclusive mode`.execute(trx);
        const page = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('养老')}` });
        expect(page.statusCode).toBe(503);
        expect(page.headers['content-type']).toMatch(/text\/html/);
        expect(page.body).toContain('检索用时过长，请增加词语或选择发布机关、年份等筛选条件后重试');
        expect(page.body).toContain('id="f-q"');
        expectError(await call(t, drafter, 'GET', `/catalog/entries?q=${encodeURIComponent('养老')}`), 503, 'SEARCH_TIMEOUT', /检索用时过长/);
      });
    } finally {
      await other.close();
    }
    const after = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('养老')}` });
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('条包含“养老”的信息');
  }, 30_000);
});
