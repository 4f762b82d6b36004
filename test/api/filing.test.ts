/**
 * CAT-2, catalog filing (目录备案) as the office of RSJ does it through the console's API: the
 * quarters still to file, the preview of a quarter's proactive entries, the filing with its
 * Excel list kept exactly as filed, and the refusals (a quarter still running, a second filing,
 * a drafter). The demo items publish two RSJ items on Monday 2026-11-23 (Beijing), when the
 * test clock starts, and approve one as 不予公开; the test publishes one more, then moves into
 * January 2027.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { seedDemoDocuments } from '../../src/seed/demo-documents.ts';
import { agencyId, call, expectError, signIn, testClock, type Session, type TestApp } from '../support/app.ts';
import { freshDatabase } from '../support/db.ts';

const DEMO_PUBLISHED = ['关于做好2026年高校毕业生就业见习工作的通知', '示例市2026年10月社会保险基金运行情况'];
/** Approved as 不予公开 in the demo city: a real candidate that must never be filed. */
const DEMO_NOT_DISCLOSED = '关于2026年度机关内部绩效考核安排的函';
const TITLE = '关于开展2026年度职业技能等级认定工作的通知';
const REVISED_TITLE = '关于开展2026年度职业技能等级认定工作的通知（修订）';

type Staff = Record<'drafter' | 'office' | 'head' | 'secrecy' | 'leader', Session>;

const signInStaff = async (t: TestApp): Promise<Staff> => ({
  drafter: await signIn(t, 'rsj.drafter'), office: await signIn(t, 'rsj.office'), head: await signIn(t, 'rsj.head'),
  secrecy: await signIn(t, 'rsj.secrecy'), leader: await signIn(t, 'rsj.leader'),
});

/** The ordinary review path from submission to publication (SEC-4), each move by its role. */
async function walkToPublication(t: TestApp, staff: Staff, id: string) {
  const path: Array<[keyof Staff, string, Record<string, unknown>]> = [
    ['drafter', 'submit', {}], ['office', 'pass_check', {}], ['head', 'dept_opinion', { opinion: '同意公开' }],
    ['secrecy', 'secrecy_opinion', { conclusion: 'proactive', opinion: '不涉密，同意主动公开' }], ['leader', 'approve', { opinion: '同意' }],
    ['office', 'publish', { channels: ['platform'] }],
  ];
  for (const [who, action, body] of path) {
    const res = await call(t, staff[who], 'POST', `/items/${id}/actions/${action}`, body);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  }
}

const days = (n: number) => n * 24 * 60;

async function workbookRows(bytes: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.getWorksheet('目录备案')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('CAT-2: catalog filing by quarter', () => {
  let t: TestApp;
  let dataDir: string;
  let staff: Staff;
  let rsj: string;
  let itemId: string;
  let filing: Record<string, any>;
  let previewed: Array<Record<string, any>>;

  beforeAll(async () => {
    const conn = await freshDatabase();
    const clock = testClock();
    dataDir = await mkdtemp(join(tmpdir(), 'gongkai-filing-'));
    const deps = { db: conn.db, dialect: conn.dialect, clock, dataDir, secureCookies: false };
    await seedDemo(deps);
    await seedDemoDocuments(deps);
    const app = await buildApp(deps, { logLevel: 'silent' });
    t = { app, conn, clock, close: async () => { await app.close(); await conn.close(); } };
    staff = await signInStaff(t);
    rsj = await agencyId(t, 'RSJ');
  });

  afterAll(async () => {
    await t?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('CAT-2: while the quarter of the first publications runs, nothing is due and it cannot be filed yet', async () => {
    const list = await call(t, staff.office, 'GET', '/catalog/filings');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ agencyId: rsj, agencyName: '示例市人力资源和社会保障局', unfiled: [], items: [] });
    expectError(await call(t, staff.office, 'POST', '/catalog/filings', { period: '2026Q4' }), 409, 'PERIOD_NOT_ENDED', /2026年第四季度尚未结束.*季度结束后才能备案/);
    expectError(await call(t, staff.office, 'POST', '/catalog/filings', { period: '2027Q1' }), 409, 'PERIOD_NOT_ENDED');
    const soFar = await call(t, staff.office, 'GET', '/catalog/filings/periods/2026Q4');
    expect(soFar.json()).toMatchObject({ period: '2026Q4', label: '2026年第四季度', total: 2 });
  });

  it('CAT-2: once the quarter has ended it is listed as 未备案', async () => {
    const created = await call(t, staff.drafter, 'POST', '/items', {
      kind: 'document', docKind: 'notice', docNumber: '示人社发〔2026〕40号', title: TITLE, summary: '部署职业技能等级认定', dateMade: '2026-11-20', category: 'work', attribute: 'proactive',
    });
    expect(created.statusCode, created.body).toBe(201);
    itemId = created.json().id;
    await walkToPublication(t, staff, itemId);

    t.clock.advance(days(43)); // Tuesday 2027-01-05, 10:00 Beijing time
    staff = await signInStaff(t);
    const list = await call(t, staff.office, 'GET', '/catalog/filings');
    expect(list.json().unfiled).toEqual([{ period: '2026Q4', label: '2026年第四季度', from: '2026-10-01', to: '2026-12-31' }]);
  });

  it('CAT-2: the preview lists exactly the proactive items published in the quarter, never a non-public one', async () => {
    const res = await call(t, staff.office, 'GET', '/catalog/filings/periods/2026Q4?pageSize=2');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    const second = await call(t, staff.office, 'GET', '/catalog/filings/periods/2026Q4?page=2&pageSize=2');
    previewed = [...res.json().items, ...second.json().items];
    expect(previewed.map((e) => e.title).sort()).toEqual([...DEMO_PUBLISHED, TITLE].sort());
    expect(previewed.map((e) => e.indexNumber)).toEqual(['RSJ/2026-00001', 'RSJ/2026-00002', 'RSJ/2026-00003']);
    expect(previewed.find((e) => e.title === TITLE)).toEqual({
      itemId, version: 1, indexNumber: 'RSJ/2026-00003', title: TITLE, category: 'work', docNumber: '示人社发〔2026〕40号', dateMade: '2026-11-20', publishedOn: '2026-11-23',
    });

    const nonPublic = await t.conn.db.selectFrom('items').select(['attribute', 'state']).where('title', '=', DEMO_NOT_DISCLOSED).executeTakeFirstOrThrow();
    expect(nonPublic).toEqual({ attribute: 'not_disclosed', state: 'approved' });
    expect(previewed.map((e) => e.title)).not.toContain(DEMO_NOT_DISCLOSED);
  });

  it('CAT-2: a drafter cannot file, nor can a leader; nothing is filed', async () => {
    expectError(await call(t, staff.drafter, 'POST', '/catalog/filings', { period: '2026Q4' }), 403, 'FORBIDDEN');
    expectError(await call(t, staff.leader, 'POST', '/catalog/filings', { period: '2026Q4' }), 403, 'FORBIDDEN');
    expectError(await call(t, staff.drafter, 'GET', '/catalog/filings'), 403, 'FORBIDDEN');
    expect((await call(t, staff.office, 'GET', '/catalog/filings')).json().items).toEqual([]);
  });

  it('CAT-2: the office files the quarter, noting the report to the leading group; it is no longer 未备案', async () => {
    expectError(await call(t, staff.office, 'POST', '/catalog/filings', { period: '2026Q4', reportedOn: '2027-01-06' }), 400, 'REPORTED_ON_FUTURE');
    const res = await call(t, staff.office, 'POST', '/catalog/filings', { period: '2026Q4', reportedOn: '2027-01-05', reportNote: '已报送领导小组审阅' });
    expect(res.statusCode, res.body).toBe(201);
    filing = res.json();
    expect(filing).toMatchObject({
      agencyId: rsj, period: '2026Q4', label: '2026年第四季度', entryCount: 3, filedByName: '王公开', filedAt: '2027-01-05T02:00:00.000Z',
      reportedOn: '2027-01-05', reportNote: '已报送领导小组审阅',
    });
    expect(filing.sha256).toMatch(/^[0-9a-f]{64}$/);
    const list = (await call(t, staff.office, 'GET', '/catalog/filings')).json();
    expect(list.unfiled).toEqual([]);
    expect(list.items).toEqual([filing]);
  });

  it('CAT-2: a quarter is filed once; the running quarter still cannot be filed', async () => {
    expectError(await call(t, staff.office, 'POST', '/catalog/filings', { period: '2026Q4' }), 409, 'FILING_EXISTS', /2026年第四季度的公开目录已经备案，不能重复备案/);
    expectError(await call(t, staff.office, 'POST', '/catalog/filings', { period: '2027Q1' }), 409, 'PERIOD_NOT_ENDED');
  });

  it('CAT-2: the downloaded Excel holds the filed entries; the leader reads it too, another bureau cannot', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/filings/${filing.id}/file`, headers: { cookie: staff.leader.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('示例市人力资源和社会保障局目录备案-2026年第四季度.xlsx'));
    expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(filing.sha256);
    const rows = await workbookRows(res.rawPayload);
    expect(rows[0]![0]).toBe('示例市人力资源和社会保障局政府信息主动公开目录备案表（2026年第四季度，共 3 条）');
    expect(rows[1]).toEqual(['序号', '索引号', '标题', '主题分类', '发文字号', '成文日期', '发布日期']);
    expect(rows.slice(2).map((r) => r.slice(1, 3))).toEqual(previewed.map((e) => [e.indexNumber, e.title]));
    expect(rows.slice(2).find((r) => r[2] === TITLE)).toEqual([3, 'RSJ/2026-00003', TITLE, '工作动态', '示人社发〔2026〕40号', '2026-11-20', '2026-11-23']);

    const ybj = await signIn(t, 'ybj.office');
    expectError(await call(t, ybj, 'GET', `/catalog/filings/${filing.id}/file`), 403, 'FORBIDDEN');
    expectError(await call(t, ybj, 'GET', `/catalog/filings?agencyId=${rsj}`), 403, 'FORBIDDEN');
  });

  it('CAT-2: the filed list stays as filed when an item is revised and republished later', async () => {
    const revised = await call(t, staff.drafter, 'POST', `/items/${itemId}/actions/revise`, { reason: '补充认定范围' });
    expect(revised.statusCode, revised.body).toBe(200);
    expect((await call(t, staff.drafter, 'PATCH', `/items/${itemId}`, { title: REVISED_TITLE })).statusCode).toBe(200);
    await walkToPublication(t, staff, itemId);

    const file = await call(t, staff.office, 'GET', `/catalog/filings/${filing.id}/file`);
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(filing.sha256);
    expect((await workbookRows(file.rawPayload)).map((r) => r[2])).toContain(TITLE);
    const q4 = (await call(t, staff.office, 'GET', '/catalog/filings/periods/2026Q4')).json();
    expect(q4.items.find((e: Record<string, any>) => e.itemId === itemId)).toMatchObject({ title: TITLE, version: 1 });
    const q1 = (await call(t, staff.office, 'GET', '/catalog/filings/periods/2027Q1')).json();
    expect(q1.items).toEqual([expect.objectContaining({ itemId, title: REVISED_TITLE, version: 2, publishedOn: '2027-01-05' })]);
  });

  it('CAT-2, SUP-6: the filing is in the audit log with who filed and what', async () => {
    const auditor = await signIn(t, 'auditor');
    const res = await call(t, auditor, 'GET', `/audit?action=catalog.filing.create&agencyId=${rsj}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({
      action: 'catalog.filing.create', actorName: '王公开', actorRole: 'office', entityType: 'catalog_filing', entityId: filing.id,
      after: { period: '2026Q4', entryCount: 3, sha256: filing.sha256, reportedOn: '2027-01-05', reportNote: '已报送领导小组审阅' },
    })]);
  });
});
