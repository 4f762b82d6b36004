/**
 * The public disclosure column of an agency (/xxgk/:code): the catalog (CAT-1) with its
 * categories (PUB-2) and filters, the disclosure guide (CAT-3), the open data built on the
 * catalog (Atom, JSON, CSV, sitemap) and conditional GET. Items are published through the
 * console's API exactly as staff do it; the public pages show only their latest published
 * version, never a draft nor a working copy under revision.
 */
import { describe, expect, it } from 'vitest';
import { appendAudit, CLI_ACTOR } from '../../src/modules/audit/audit.service.ts';
import { importCatalog } from '../../src/modules/catalog/catalog.import.ts';
import { GENERATION_TRUST_MS } from '../../src/portal/generation.ts';
import { agencyId, call, signIn, userId, withDemoCity, type TestApp } from '../support/app.ts';
import { draftItem as draft, publishDraft as publish, publishingStaff, type PublishingStaff } from '../support/publish.ts';

const get = (t: TestApp, url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('an agency disclosure column, catalog and open data (CAT-1, CAT-3, PUB-2)', () => {
  const city = withDemoCity();
  let staff: PublishingStaff;
  const ids: Record<string, string> = {};

  it('publishes three items of RSJ through the API, leaves a fourth a draft', async () => {
    const t = city();
    staff = await publishingStaff(t);
    ids.notice = await draft(t, staff, { title: '关于开展2026年就业见习工作的通知', docNumber: '示人社发〔2026〕40号', category: 'work', dateMade: '2026-11-16' });
    ids.plan = await draft(t, staff, { title: '示例市人社事业发展规划（2025年）', docKind: 'opinion', category: 'plans', dateMade: '2025-12-30' });
    ids.fund = await draft(t, staff, { kind: 'other', docKind: null, title: '2026年10月社会保险基金运行情况', category: 'finance', dateMade: '2026-11-04' });
    ids.draft = await draft(t, staff, { title: '尚未发布的内部草稿通知', category: 'work' });
    for (const k of ['notice', 'plan', 'fund'] as const) {
      t.clock.advance(5); // one after the other: the catalog lists the newest publication first
      await publish(t, staff, ids[k]!);
    }
    const expired = await call(t, staff.office, 'POST', `/items/${ids.plan}/validity`, { validity: 'expired', reason: '规划期已满' });
    expect(expired.statusCode, expired.body).toBeLessThan(300);
  });

  it('lists the latest published items on the column, with links to the guide, rules, catalog, annual reports and applications', async () => {
    const t = city();
    const res = await get(t, '/xxgk/RSJ');
    expect(res.statusCode).toBe(200);
    for (const label of ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报', '依申请公开']) expect(res.body).toContain(label);
    for (const href of ['/xxgk/RSJ/guide', '/xxgk/RSJ/rules', '/xxgk/RSJ/catalog', '/xxgk/RSJ/reports', '/xxgk/RSJ/apply', '/xxgk/status']) expect(res.body).toContain(`href="${href}"`);
    for (const k of ['notice', 'plan', 'fund']) expect(res.body).toContain(`/xxgk/RSJ/items/${ids[k]}`);
    expect(res.body).not.toContain('尚未发布的内部草稿通知');
    expect((await get(t, '/')).body).toContain('href="/xxgk/RSJ"');
    const item = await get(t, `/xxgk/RSJ/items/${ids.notice}`);
    expect(item.body).toContain('href="/xxgk/RSJ"');
    expect((await get(t, '/xxgk/RSJ/reports')).body).toContain('尚未在本平台发布政府信息公开工作年度报告');
    expect((await get(t, '/xxgk/RSJ/rules')).body).toContain('中华人民共和国政府信息公开条例');
  });

  it('catalogs every published item with its index number, title, document number and dates, counted per category (CAT-1, PUB-2)', async () => {
    const t = city();
    const res = await get(t, '/xxgk/RSJ/catalog');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('共 3 条');
    expect(res.body).toContain('示人社发〔2026〕40号');
    expect(res.body).toMatch(/RSJ\/2026-\d{5}/);
    expect(res.body).toContain('<caption>');
    expect(res.body).toContain('<th scope="col">索引号</th>');
    expect(res.body).toMatch(/工作动态<span class="count">（1）<\/span>/);
    expect(res.body).toMatch(/规划总结<span class="count">（1）<\/span>/);
    expect(res.body).toMatch(/财政财务<span class="count">（1）<\/span>/);
    expect(res.body).toMatch(/应急预案<span class="count">（0）<\/span>/);
    expect(res.body).not.toContain('尚未发布的内部草稿通知');
  });

  it('filters by category, year, document kind and validity with plain GET parameters', async () => {
    const t = city();
    const byCategory = await get(t, '/xxgk/RSJ/catalog?category=plans');
    expect(byCategory.body).toContain('共 1 条');
    expect(byCategory.body).toContain('示例市人社事业发展规划（2025年）');
    expect(byCategory.body).toMatch(/aria-current="true">规划总结/);

    const byYear = await get(t, '/xxgk/RSJ/catalog?year=2025');
    expect(byYear.body).toContain('共 1 条');
    expect(byYear.body).toContain('示例市人社事业发展规划（2025年）');
    // The category counts follow the other filters.
    expect(byYear.body).toMatch(/工作动态<span class="count">（0）<\/span>/);

    const valid = await get(t, '/xxgk/RSJ/catalog?validity=valid');
    expect(valid.body).toContain('共 2 条');
    expect(valid.body).not.toContain('示例市人社事业发展规划（2025年）');
    const expired = await get(t, '/xxgk/RSJ/catalog?validity=expired');
    expect(expired.body).toContain('共 1 条');
    expect(expired.body).toContain('失效');

    const other = await get(t, '/xxgk/RSJ/catalog?kind=other');
    expect(other.body).toContain('共 1 条');
    expect(other.body).toContain('2026年10月社会保险基金运行情况');

    const unit = (await t.conn.db.selectFrom('items').select('unit_id').where('id', '=', ids.notice!).executeTakeFirstOrThrow()).unit_id;
    expect((await get(t, `/xxgk/RSJ/catalog?unit=${unit}`)).body).toContain('共 3 条');
    expect((await get(t, '/xxgk/RSJ/catalog?unit=nobody')).body).toContain('没有符合条件的信息');
    // A value outside the vocabulary is ignored rather than refused.
    expect((await get(t, '/xxgk/RSJ/catalog?category=secret')).body).toContain('共 3 条');
  });

  it('pages the catalog with page links, the current page marked, and the total', async () => {
    const t = city();
    const first = await get(t, '/xxgk/RSJ/catalog?pageSize=2');
    expect(first.body).toContain('共 3 条，第 1 / 2 页');
    expect(first.body).toMatch(/<a href="\/xxgk\/RSJ\/catalog\?pageSize=2" aria-current="page">第 1 页<\/a>/);
    expect(first.body).toContain('href="/xxgk/RSJ/catalog?page=2&amp;pageSize=2"');
    expect(first.body.match(/<tr><td class="nowrap">/g)).toHaveLength(2);
    const second = await get(t, '/xxgk/RSJ/catalog?pageSize=2&page=2');
    expect(second.body).toMatch(/aria-current="page">第 2 页/);
    expect(second.body.match(/<tr><td class="nowrap">/g)).toHaveLength(1);
    // Newest publication first: the item published first is on the last page.
    expect(second.body).toContain('关于开展2026年就业见习工作的通知');
  });

  it('shows the published version, not the working copy, while an item is revised', async () => {
    const t = city();
    const revise = await call(t, staff.drafter, 'POST', `/items/${ids.notice}/actions/revise`, { reason: '调整见习补贴标准' });
    expect(revise.statusCode, revise.body).toBe(200);
    const patched = await call(t, staff.drafter, 'PATCH', `/items/${ids.notice}`, { title: '修订中的新标题（未发布）', category: 'emergency' });
    expect(patched.statusCode, patched.body).toBe(200);
    for (const url of ['/xxgk/RSJ', '/xxgk/RSJ/catalog', '/xxgk/RSJ/catalog?category=work', '/xxgk/RSJ/feed.xml', '/xxgk/RSJ/catalog.json', '/xxgk/RSJ/catalog.csv', `/xxgk/RSJ/items/${ids.notice}`]) {
      const res = await get(t, url);
      expect(res.body, url).toContain('关于开展2026年就业见习工作的通知');
      expect(res.body, url).not.toContain('修订中的新标题');
    }
    expect((await get(t, '/xxgk/RSJ/catalog?category=emergency')).body).toContain('共 0 条');
  });

  it('publishes the guide with the office contact, reply terms, channels, fees, remedies and the edited guide text (CAT-3)', async () => {
    const t = city();
    const sys = await signIn(t, 'sysadmin');
    const rsj = await agencyId(t, 'RSJ');
    const patched = await call(t, sys, 'PATCH', `/agencies/${rsj}`, { address: '示例市人民路1号', phone: '0311-12345678', fax: '0311-12345679', email: 'xxgk@rsj.example.gov.cn', replyWorkdays: 15, guideText: '受理时间：工作日上午9:00—12:00。\n<b>不接受</b>电话申请。' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().guideText).toContain('受理时间');
    expect((await call(t, sys, 'PATCH', `/agencies/${rsj}`, { guideText: 'x'.repeat(5001) })).statusCode).toBe(400);
    const audit = await t.conn.db.selectFrom('audit_events').select('after_json').where('action', '=', 'agency.update').where('entity_id', '=', rsj).execute();
    expect(audit.some((e) => String(e.after_json).includes('受理时间'))).toBe(true);

    const res = await get(t, '/xxgk/RSJ/guide');
    expect(res.statusCode).toBe(200);
    for (const s of ['示例市人民路1号', '0311-12345678', '0311-12345679', 'xxgk@rsj.example.gov.cn', '15 个工作日', `最长不超过 ${patched.json().extensionWorkdays} 个工作日`, '在线申请', '信函', '传真', '电子邮件', '当面', '行政复议', '行政诉讼', '不收取费用', '受理时间：工作日上午9:00—12:00。']) {
      expect(res.body, s).toContain(s);
    }
    expect(res.body).toContain('href="/xxgk/RSJ/apply"');
    expect(res.body).toContain('&lt;b&gt;不接受&lt;/b&gt;');
  });

  it('serves a valid Atom feed of the latest items, optionally by category', async () => {
    const t = city();
    const res = await get(t, '/xxgk/RSJ/feed.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(res.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(res.body.match(/<entry>/g)).toHaveLength(3);
    // Absolute URLs from the request's host.
    expect(res.body).toMatch(new RegExp(`<link rel="alternate" type="text/html" href="http://localhost(:80)?/xxgk/RSJ/items/${ids.fund}"/>`));
    for (const tag of ['<id>', '<title>', '<updated>', '<author>']) expect(res.body).toContain(tag);
    expect((res.body.match(/<entry>[\s\S]*?<\/entry>/g) ?? []).every((e) => /<id>[^<]+<\/id>/.test(e) && /<updated>\d{4}-\d\d-\d\dT[^<]+\+08:00<\/updated>/.test(e))).toBe(true);
    const finance = await get(t, '/xxgk/RSJ/feed.xml?category=finance');
    expect(finance.body.match(/<entry>/g)).toHaveLength(1);
  });

  it('pages the catalog as JSON and exports it as CSV with a BOM and a Chinese header', async () => {
    const t = city();
    const p1 = await get(t, '/xxgk/RSJ/catalog.json?page=1&pageSize=2');
    expect(p1.statusCode).toBe(200);
    const j1 = p1.json();
    expect(j1).toMatchObject({ page: 1, pageSize: 2, total: 3, pages: 2 });
    expect(j1.items).toHaveLength(2);
    expect(Object.keys(j1.items[0])).toEqual(expect.arrayContaining(['indexNumber', 'title', 'docNumber', 'category', 'dateMade', 'publishedAt', 'validity', 'url']));
    const j2 = (await get(t, '/xxgk/RSJ/catalog.json?page=2&pageSize=2')).json();
    expect(j2.items).toHaveLength(1);
    expect(j2.items[0].url).toMatch(new RegExp(`/xxgk/RSJ/items/${ids.notice}$`));
    expect((await get(t, '/xxgk/RSJ/catalog.json?category=plans')).json().items[0]).toMatchObject({ category: 'plans', validity: 'expired', dateMade: '2025-12-30' });

    const csv = await get(t, '/xxgk/RSJ/catalog.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('索引号,标题,发文字号,主题分类,发布部门,成文日期,发布日期,有效性,网址');
    expect(lines).toHaveLength(4);
  });

  it('lists the home, every agency column and catalog and every published item in the sitemap', async () => {
    const t = city();
    const res = await get(t, '/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    for (const path of ['/xxgk/RSJ', '/xxgk/RSJ/catalog', '/xxgk/YBJ', '/xxgk/YBJ/catalog']) expect(res.body).toContain(`${path}</loc>`);
    for (const k of ['notice', 'plan', 'fund']) expect(res.body).toContain(`/xxgk/RSJ/items/${ids[k]}</loc>`);
    expect(res.body).not.toContain(ids.draft);
  });

  it('answers a repeated request with 304 when its ETag still matches', async () => {
    const t = city();
    for (const url of ['/xxgk/RSJ', '/xxgk/RSJ/catalog?year=2026', `/xxgk/RSJ/items/${ids.fund}`, '/xxgk/RSJ/feed.xml', '/xxgk/RSJ/catalog.json', '/sitemap.xml']) {
      const first = await get(t, url);
      const etag = first.headers.etag as string;
      expect(etag, url).toMatch(/^"[\w-]+"$/);
      expect(first.headers['last-modified'], url).toMatch(/GMT$/);
      const again = await get(t, url, { 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
      expect((await get(t, url, { 'if-none-match': '"stale"' })).statusCode, url).toBe(200);
    }
  });

  it('keeps rendered pages until an audited write changes the data, so repeated views cost little; items list related ones', async () => {
    const t = city();
    const url = '/xxgk/RSJ/catalog';
    const first = await get(t, url);
    const again = await get(t, url);
    expect(again.headers['x-page-cache']).toBe('hit');
    expect(again.body).toBe(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect((await get(t, url, { 'if-none-match': first.headers.etag as string })).statusCode).toBe(304);
    // A publication is an audited write: the next view is rendered afresh and shows the new item.
    const id = await draft(t, staff, { title: '关于缓存失效验证的通知', category: 'work' });
    await publish(t, staff, id);
    const after = await get(t, url);
    expect(after.headers['x-page-cache']).toBeUndefined();
    expect(after.body).toContain('关于缓存失效验证的通知');
    // The notice's page now lists it as related (same agency and category), not the fund report.
    const notice = (await get(t, `/xxgk/RSJ/items/${ids.notice}`)).body;
    expect(notice).toContain('<h2 id="related-h">相关信息</h2>');
    expect(notice).toContain(`/xxgk/RSJ/items/${id}`);
    expect(notice).not.toContain(`/xxgk/RSJ/items/${ids.fund}`);
    // Pages that depend on more than the URL are never kept.
    await get(t, '/search?q=通知');
    expect((await get(t, '/search?q=通知')).headers['x-page-cache']).toBeUndefined();
  });

  it('shows a change written by another process within a second (a second server, the CLI)', async () => {
    const t = city();
    const url = '/xxgk/RSJ/guide';
    await get(t, url);
    expect((await get(t, url)).headers['x-page-cache']).toBe('hit');
    // Another process: the change and its audit event commit without passing through this server.
    const rsj = await agencyId(t, 'RSJ');
    await t.conn.db.transaction().execute(async (tx) => {
      await tx.updateTable('agencies').set({ guide_text: '另一进程写入的补充说明。' }).where('id', '=', rsj).execute();
      await appendAudit(tx, t.clock, { actor: null, agencyId: rsj, action: 'agency.update', entityType: 'agency' });
    });
    await new Promise((resolve) => setTimeout(resolve, GENERATION_TRUST_MS + 100));
    const after = await get(t, url);
    expect(after.headers['x-page-cache']).toBeUndefined();
    expect(after.body).toContain('另一进程写入的补充说明。');
  });

  it('renders fresh pages with the site name, settings, agency and form choices another process changed, within a second (values kept per audit generation)', async () => {
    const t = city();
    // Fresh renders (a new query string each: the page cache does not answer) keep the site,
    // the agency and the catalog form's choices per generation; prime them.
    let n = 0;
    const fresh = async (url: string) => {
      const res = await get(t, `${url}${url.includes('?') ? '&' : '?'}fresh=${++n}`);
      expect(res.headers['x-page-cache']).toBeUndefined();
      return res.body;
    };
    const before = await fresh('/xxgk/RSJ/catalog');
    expect(before).toContain('示例市政府信息公开');
    expect(before).not.toContain('<option value="2019">');
    await fresh(`/xxgk/RSJ/items/${ids.notice}`);
    // Another process: each change and its audit event commit without passing through this server.
    const [szf, rsj] = [await agencyId(t, 'SZF'), await agencyId(t, 'RSJ')];
    const plan = await t.conn.db.selectFrom('catalog_entries').selectAll().where('item_id', '=', ids.plan!).executeTakeFirstOrThrow();
    await t.conn.db.transaction().execute(async (tx) => {
      await tx.updateTable('agencies').set({ name: '改名市人民政府办公室' }).where('id', '=', szf).execute();
      await tx.updateTable('agencies').set({ name: '改名后的人社局' }).where('id', '=', rsj).execute();
      const site = await tx.selectFrom('settings').select('value_json').where('key', '=', 'site').executeTakeFirstOrThrow();
      await tx.updateTable('settings').set({ value_json: JSON.stringify({ ...JSON.parse(site.value_json), sponsor: '另一进程设置的主办单位' }) }).where('key', '=', 'site').execute();
      // A year the form did not offer, as the facet counts a publication keeps would give it.
      await tx.insertInto('catalog_facets').values({ agency_id: rsj, category: plan.category, unit_id: '*', year: '2019', kind: '*', validity: '*', n: 1 }).execute();
      await appendAudit(tx, t.clock, { actor: null, agencyId: rsj, action: 'agency.update', entityType: 'agency' });
    });
    await new Promise((resolve) => setTimeout(resolve, GENERATION_TRUST_MS + 100));
    const catalog = await fresh('/xxgk/RSJ/catalog');
    const item = await fresh(`/xxgk/RSJ/items/${ids.notice}`);
    for (const body of [catalog, item]) {
      expect(body).toContain('改名市政府信息公开');
      expect(body).toContain('改名后的人社局政府信息公开');
      expect(body).toContain('主办单位：另一进程设置的主办单位');
      expect(body).not.toContain('示例市政府信息公开');
    }
    expect(catalog).toContain('<option value="2019">2019年</option>');
    await t.conn.db.transaction().execute(async (tx) => {
      await tx.updateTable('agencies').set({ name: '示例市人民政府办公室' }).where('id', '=', szf).execute();
      await tx.updateTable('agencies').set({ name: before.match(/<h1>法定主动公开内容<\/h1>\n<p>(.+?)政府信息公开目录/)![1]! }).where('id', '=', rsj).execute();
      await tx.deleteFrom('catalog_facets').where('agency_id', '=', rsj).where('year', '=', '2019').execute();
      await appendAudit(tx, t.clock, { actor: null, agencyId: rsj, action: 'agency.update', entityType: 'agency' });
    });
  });

  it('renders fresh catalog and item pages, and answers their conditional GETs, with a publication through this server at once and an import by another process within a second', async () => {
    const t = city();
    // A new query string each time: the page cache does not answer, the page is rendered from
    // the database (the counts, the compiled reads and the ETag of a fresh page).
    let n = 1000;
    const fresh = async (url: string, etag?: string) => {
      const res = await get(t, `${url}${url.includes('?') ? '&' : '?'}fresh=${++n}`, etag ? { 'if-none-match': etag } : {});
      expect(res.headers['x-page-cache']).toBeUndefined();
      return res;
    };
    const counts = (body: string) => [...body.matchAll(/>([^<>]+)<span class="count">（(\d+)）<\/span>/g)].map((m) => `${m[1]} ${m[2]}`);
    const all = (body: string) => Number(body.match(/>全部<span class="count">（(\d+)）/)![1]);
    const [catalog, item] = ['/xxgk/RSJ/catalog', `/xxgk/RSJ/items/${ids.notice}`];
    const before = await fresh(catalog);
    const itemBefore = await fresh(item);
    // Nothing changed: a fresh render is the same page, so a held ETag still matches.
    expect((await fresh(catalog, before.headers.etag as string)).statusCode).toBe(304);
    expect((await fresh(item, itemBefore.headers.etag as string)).statusCode).toBe(304);

    const id = await draft(t, staff, { title: '关于新鲜页面计数的通知<b>"A&B"</b>\'', category: 'work' });
    await publish(t, staff, id);
    const published = await fresh(catalog, before.headers.etag as string);
    expect(published.statusCode).toBe(200);
    expect(all(published.body)).toBe(all(before.body) + 1);
    // The title as typed, escaped wherever it is shown.
    const shown = '关于新鲜页面计数的通知&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;&#39;';
    expect(published.body).toContain(shown);
    const itemAfter = await fresh(item, itemBefore.headers.etag as string);
    expect(itemAfter.statusCode).toBe(200);
    expect(itemAfter.body).toContain(`/xxgk/RSJ/items/${id}`);
    expect(itemAfter.body).toContain(shown);
    expect((await fresh(`/xxgk/RSJ/items/${id}`)).body).toContain(`<h1>${shown}</h1>`);
    // A filtered view counts the same entries (its counts are read each time).
    expect(counts((await fresh('/xxgk/RSJ/catalog?category=work')).body)).toEqual(counts(published.body));

    // Another process (the CLI's import): nothing passes through this server.
    const r = await importCatalog(t.conn.db, t.clock, {
      format: 'csv', text: ['索引号,标题,发文字号,主题分类,发布部门,成文日期,发布日期,有效性', 'RSJ-FRESH-1,另一进程导入的通知,,work,,2026-03-02,2026-03-03,valid'].join('\r\n'),
    }, { agencyCode: 'RSJ', userId: await userId(t, 'rsj.drafter'), actor: CLI_ACTOR });
    expect(r.problems).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, GENERATION_TRUST_MS + 100));
    const imported = await fresh(catalog, published.headers.etag as string);
    expect(imported.statusCode).toBe(200);
    expect(all(imported.body)).toBe(all(published.body) + 1);
    expect(counts(imported.body)).toContain(`工作动态 ${Number(counts(published.body).find((c) => c.startsWith('工作动态 '))!.split(' ')[1]) + 1}`);
    expect(imported.body).toContain('另一进程导入的通知');
    expect((await fresh(catalog, imported.headers.etag as string)).statusCode).toBe(304);
  });

  it('answers an unknown agency code with a 404 page', async () => {
    const t = city();
    for (const url of ['/xxgk/NOSUCH', '/xxgk/NOSUCH/catalog', '/xxgk/NOSUCH/guide', '/xxgk/NOSUCH/feed.xml', '/xxgk/NOSUCH/catalog.csv']) {
      const res = await get(t, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body).toContain('不存在');
    }
    expect((await get(t, '/xxgk/NOSUCH/catalog.json')).statusCode).toBe(404);
  });
});
