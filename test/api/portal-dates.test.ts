/**
 * Every date and time a person sees or downloads is Beijing time (issue 8): an item published
 * and an application made at 05:06 on 5 December in Beijing (21:06 UTC on the 4th) show the
 * 5th on every portal page, in the open data (CSV, Atom, JSON, sitemap), in search, on the
 * applicant's status page and in the publication ledger (PUB-7).
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { call, withDemoCity, type TestApp } from '../support/app.ts';
import { draftItem, publishDraft, publishingStaff } from '../support/publish.ts';
import { applyOnPortal, statusPage } from '../support/portal.ts';

const get = (t: TestApp, url: string) => t.app.inject({ method: 'GET', url });

describe('Beijing dates on the portal and in the exports, for a record made between 00:00 and 08:00 Beijing time', () => {
  const city = withDemoCity('2026-12-04T21:00:00.000Z');
  let itemId = '';

  it('publishes an item at 05:06 Beijing time', async () => {
    const t = city();
    const staff = await publishingStaff(t);
    itemId = await draftItem(t, staff, { title: '关于清晨发布的就业见习通知', docNumber: '示人社发〔2026〕77号', dateMade: '2026-12-04' });
    t.clock.advance(6);
    await publishDraft(t, staff, itemId);
  });

  it('shows 2026-12-05 on the column, the catalog, the item page and in search, never the UTC day', async () => {
    const t = city();
    const pages: [string, RegExp][] = [
      ['/xxgk/RSJ', /<time datetime="2026-12-05">2026-12-05<\/time>/],
      ['/xxgk/RSJ/catalog', /<td class="nowrap">2026-12-04<\/td><td class="nowrap">2026-12-05<\/td>/],
      [`/xxgk/RSJ/items/${itemId}`, /发布日期<\/th><td>2026-12-05</],
      [`/search?q=${encodeURIComponent('清晨发布')}`, /发布日期 <time datetime="2026-12-05">/],
    ];
    for (const [url, shown] of pages) {
      const res = await get(t, url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toMatch(shown);
    }
  });

  it('writes the Beijing day into the CSV, the Atom feed, the JSON catalog and the sitemap', async () => {
    const t = city();
    const csv = (await get(t, '/xxgk/RSJ/catalog.csv')).body;
    expect(csv.split('\r\n').find((l) => l.includes('清晨发布'))).toMatch(/,2026-12-04,2026-12-05,/);
    const feed = (await get(t, '/xxgk/RSJ/feed.xml')).body;
    expect(feed).toContain('<updated>2026-12-05T05:06:00+08:00</updated>');
    const json = JSON.parse((await get(t, '/xxgk/RSJ/catalog.json')).body) as { items: { title: string; publishedAt: string }[] };
    expect(json.items.find((i) => i.title.includes('清晨发布'))?.publishedAt).toBe('2026-12-05T05:06:00+08:00');
    const sitemap = (await get(t, '/sitemap.xml')).body;
    expect(sitemap).toContain(`/xxgk/RSJ/items/${itemId}</loc><lastmod>2026-12-05</lastmod>`);
  });

  it('writes the Beijing time into the publication ledger workbook (PUB-7)', async () => {
    const t = city();
    const staff = await publishingStaff(t);
    const res = await call(t, staff.office, 'GET', '/ledger.xlsx');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('发布台账')!;
    const header = sheet.getRow(1).values as unknown[];
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => String(r.getCell(header.indexOf('标题')).value).includes('清晨发布'))!;
    expect(row.getCell(header.indexOf('发布时间')).value).toBe('2026-12-05 05:06');
  });

  it('shows the application made at 05:10 Beijing time as received on 2026-12-05 on the status page', async () => {
    const t = city();
    const receipt = await applyOnPortal(t, 'RSJ');
    const status = await statusPage(t, receipt.code, receipt.secret);
    expect(status.statusCode).toBe(200);
    // Submitted on a Saturday before dawn: the submission moment in Beijing time, the receipt day once confirmed (LAW-31).
    expect(status.body).toMatch(/提交时间<\/th><td>2026-12-05 05:\d\d</);
    expect(status.body).toMatch(/2026-12-05 05:\d\d<\/time>/);
    expect(status.body).not.toContain('2026-12-04');
  });
});
