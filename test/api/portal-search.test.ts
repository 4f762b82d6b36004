/**
 * 站内检索 as a citizen uses it (CAT-4, issue 8): an item's 索引号 or 文号 typed in full finds
 * it first; the service guides, powers and negative list are found by the same words; a hit
 * inside an attachment names the file, with the PDF's line breaks joined; an empty result
 * under filters says to change the filters.
 */
import { describe, expect, it } from 'vitest';
import { htmlToPdf } from '../../src/modules/files/html-pdf.ts';
import { uploadFile, withDemoCity, type TestApp } from '../support/app.ts';
import { draftItem, publishDraft, publishingStaff } from '../support/publish.ts';

const search = (t: TestApp, query: string) => t.app.inject({ method: 'GET', url: `/search?${query}` });
const firstHitHref = (body: string) => /<ol class="hits"[^>]*><li><h3><a href="([^"]+)"/.exec(body)?.[1];

describe('站内检索 (CAT-4)', () => {
  const city = withDemoCity();
  const ids: Record<string, string> = {};

  it('publishes a notice with a 文号, one citing it, and a notice whose list is only in a PDF attachment', async () => {
    const t = city();
    const staff = await publishingStaff(t);
    ids.notice = await draftItem(t, staff, { title: '关于调整见习补贴标准的通知', docNumber: '示人社发〔2026〕51号', body: '见习补贴标准调整如下。' });
    ids.citing = await draftItem(t, staff, { title: '关于转发见习补贴调整通知的函', body: '现将示人社发〔2026〕51号转发给你们，2026年起执行，请遵照执行。' });
    ids.list = await draftItem(t, staff, { title: '2026年第二批见习单位公告', body: '第二批见习单位见附件。' });
    const pdf = await htmlToPdf('<html><body><p>示例市就业见<br>习基地名录：示例纺织有限公司、示例软件园</p></body></html>', '名录');
    const up = await uploadFile(t, staff.drafter, `/items/${ids.list}/attachments`, '见习基地名录.pdf', pdf);
    expect(up.statusCode, up.body).toBe(201);
    for (const id of Object.values(ids)) {
      t.clock.advance(5);
      await publishDraft(t, staff, id);
    }
  });

  it('CAT-4 finds the item first when its 文号 is typed in full, whatever brackets were typed', async () => {
    const t = city();
    for (const q of ['示人社发〔2026〕51号', '示人社发[2026]51号', '示人社发（2026）51号']) {
      const res = await search(t, `q=${encodeURIComponent(q)}`);
      expect(firstHitHref(res.body), q).toBe(`/xxgk/RSJ/items/${ids.notice}`);
    }
  });

  it('CAT-4 finds the item when its 索引号 is typed in full', async () => {
    const t = city();
    const catalog = JSON.parse((await t.app.inject({ method: 'GET', url: '/xxgk/RSJ/catalog.json' })).body) as { items: { indexNumber: string; url: string }[] };
    const entry = catalog.items.find((i) => i.url.endsWith(ids.list!))!;
    const res = await search(t, `q=${encodeURIComponent(entry.indexNumber)}`);
    expect(firstHitHref(res.body)).toBe(`/xxgk/RSJ/items/${ids.list}`);
    expect(res.body).toMatch(/找到 1 条/);
  });

  it('CAT-4 names the attachment a hit is in, its PDF line break joined inside the word', async () => {
    const t = city();
    const res = await search(t, `q=${encodeURIComponent('见习基地名录')}`);
    expect(firstHitHref(res.body)).toBe(`/xxgk/RSJ/items/${ids.list}`);
    expect(res.body).toContain('<span class="in-file">附件《见习基地名录.pdf》：</span>');
    expect(res.body).toMatch(/示例市就业<mark>见习基地名录<\/mark>/);
  });

  it('CAT-4 finds service guides, powers and negative-list matters by the same words, linked to their pages', async () => {
    const t = city();
    const res = await search(t, `q=${encodeURIComponent('失业保险金')}`);
    expect(res.body).toContain('<h2 id="lists-h">办事服务和清单</h2>');
    expect(res.body).toMatch(/<span class="kind">公共服务事项<\/span> <a href="\/xxgk\/RSJ\/services\/[^"]+"><mark>失业保险金<\/mark>申领<\/a>/);
    const power = await search(t, `q=${encodeURIComponent('行政处罚')}`);
    expect(power.body).toMatch(/<span class="kind">行政职权<\/span> <a href="\/xxgk\/RSJ\/powers\/[^"]+">/);
    const negative = await search(t, `q=${encodeURIComponent('缴费记录')}`);
    expect(negative.body).toMatch(/<span class="kind">负面清单事项<\/span> <a href="\/xxgk\/RSJ\/negative-list">/);
  });

  it('CAT-4 says to change the filters when nothing is found under them, with a link that clears them', async () => {
    const t = city();
    const res = await search(t, `q=${encodeURIComponent('见习补贴')}&category=emergency`);
    expect(res.body).toContain('在所选范围（应急预案）内没有找到包含“见习、补贴”的信息。请更改或<a href="/search?q=%E8%A7%81%E4%B9%A0%E8%A1%A5%E8%B4%B4">清除筛选条件</a>后再检索。');
    const unfiltered = await search(t, `q=${encodeURIComponent('无此词语甲乙丙')}`);
    expect(unfiltered.body).toContain('请减少或更换词语');
  });
});
