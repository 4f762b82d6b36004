/**
 * 站内检索 (CAT-4) over the public catalog: what is published is found by the words of its
 * title and body, filtered and sorted as a visitor asks; drafts and superseded versions are
 * not; results mark the words found. Also the larger-text switch every portal page offers.
 */
import { describe, expect, it } from 'vitest';
import { call, expectError, signIn, withDemoCity, type TestApp } from '../support/app.ts';
import { draftItem, publishDraft, publishingStaff, type PublishingStaff } from '../support/publish.ts';

const search = (t: TestApp, params: Record<string, string>) => t.app.inject({ method: 'GET', url: `/search?${new URLSearchParams(params)}` });

/** The item ids a result page links to, in order. */
const hitIds = (body: string) => [...body.matchAll(/<h3><a href="\/xxgk\/\w+\/items\/([0-9a-f-]{36})">/g)].map((m) => m[1]);

describe('searching the public catalog (CAT-4)', () => {
  const city = withDemoCity();
  let staff: PublishingStaff;
  const ids: Record<string, string> = {};

  it('publishes items whose words differ in title and body, and leaves one a draft', async () => {
    const t = city();
    staff = await publishingStaff(t);
    ids.titleHit = await draftItem(t, staff, { title: '关于发放2026年失业保险金的通知', body: '各有关单位：现就有关事项通知如下。', category: 'work', dateMade: '2026-11-02' });
    ids.bodyHit = await draftItem(t, staff, { title: '社会保险经办服务指南', body: '参保人员失业后，可以到经办窗口申领失业保险金，也可以在网上办理。失业保险金按月发放。', category: 'services', dateMade: '2025-06-01' });
    ids.other = await draftItem(t, staff, { kind: 'other', docKind: null, title: '2026年第三季度人才引进工作动态', body: '本季度共引进高层次人才42名。', category: 'work', dateMade: '2026-10-08' });
    ids.draft = await draftItem(t, staff, { title: '尚未发布的失业保险金调整方案', body: '失业保险金标准拟作调整。' });
    for (const k of ['bodyHit', 'titleHit', 'other'] as const) {
      t.clock.advance(5);
      await publishDraft(t, staff, ids[k]!);
    }
  });

  it('finds every published item containing all the words, never a draft, and marks the words', async () => {
    const t = city();
    const res = await search(t, { q: '失业保险金' });
    expect(res.statusCode).toBe(200);
    expect(new Set(hitIds(res.body))).toEqual(new Set([ids.titleHit, ids.bodyHit]));
    expect(res.body).toContain('找到 2 条包含“失业保险金”的信息');
    expect(res.body).toContain('关于发放2026年<mark>失业保险金</mark>的通知');
    expect(res.body).toContain('申领<mark>失业保险金</mark>');
    expect(res.body).not.toContain('尚未发布');
    // Every word must occur: adding one the body item lacks leaves the title item only.
    expect(hitIds((await search(t, { q: '失业保险金 通知' })).body)).toEqual([ids.titleHit]);
  });

  it('ranks a title match above a body match, and sorts by publication date when asked', async () => {
    const t = city();
    expect(hitIds((await search(t, { q: '失业保险金' })).body)).toEqual([ids.titleHit, ids.bodyHit]);
    // bodyHit was published first, titleHit after it: newest first.
    expect(hitIds((await search(t, { q: '失业保险金', sort: 'date' })).body)).toEqual([ids.titleHit, ids.bodyHit]);
    expect(hitIds((await search(t, { q: '保险', sort: 'date' })).body)).toEqual([ids.titleHit, ids.bodyHit]);
  });

  it('filters by agency, category, year, kind and validity like the catalog (PUB-2)', async () => {
    const t = city();
    expect(hitIds((await search(t, { q: '失业保险金', category: 'services' })).body)).toEqual([ids.bodyHit]);
    expect(hitIds((await search(t, { q: '失业保险金', year: '2026' })).body)).toEqual([ids.titleHit]);
    expect(hitIds((await search(t, { q: '人才', kind: 'other' })).body)).toEqual([ids.other]);
    expect(hitIds((await search(t, { q: '失业保险金', agency: 'YBJ' })).body)).toEqual([]);
    expect(hitIds((await search(t, { q: '失业保险金', agency: 'RSJ' })).body)).toHaveLength(2);
    const expired = await call(t, staff.office, 'POST', `/items/${ids.bodyHit}/validity`, { validity: 'expired', reason: '已被新指南替代' });
    expect(expired.statusCode, expired.body).toBeLessThan(300);
    expect(hitIds((await search(t, { q: '失业保险金', validity: 'valid' })).body)).toEqual([ids.titleHit]);
    expect((await search(t, { q: '失业保险金', validity: 'expired' })).body).toContain('· 失效');
  });

  it('finds a revised item by its new title only, listed once (PUB-3)', async () => {
    const t = city();
    const revise = await call(t, staff.office, 'POST', `/items/${ids.other}/actions/revise`, { reason: '更正引进人数' });
    expect(revise.statusCode, revise.body).toBe(200);
    // While revised, the public still finds the version last published.
    expect(hitIds((await search(t, { q: '42名' })).body)).toEqual([ids.other]);
    const edit = await call(t, staff.drafter, 'PATCH', `/items/${ids.other}`, { title: '2026年第三季度高层次人才工作动态（更正）', body: '本季度共引进高层次人才45名。' });
    expect(edit.statusCode, edit.body).toBe(200);
    await publishDraft(t, staff, ids.other!);
    expect(hitIds((await search(t, { q: '更正' })).body)).toEqual([ids.other]);
    expect(hitIds((await search(t, { q: '高层次人才' })).body)).toEqual([ids.other]);
    expect(hitIds((await search(t, { q: '45名' })).body)).toEqual([ids.other]);
    expect(hitIds((await search(t, { q: '42名' })).body)).toEqual([]);
  });

  it('answers a query without words or without results plainly, and ignores filter values it does not know', async () => {
    const t = city();
    expect((await search(t, { q: '，。！' })).body).toContain('请输入要检索的词语。');
    expect((await search(t, { q: '量子计算' })).body).toContain('没有找到包含“量子、计算”的信息');
    const odd = await search(t, { q: '失业保险金', category: 'nonsense', year: 'abcd', page: '-3', sort: 'sideways' });
    expect(odd.statusCode).toBe(200);
    expect(hitIds(odd.body)).toHaveLength(2);
    expect((await search(t, {})).body).toContain('可检索各部门主动公开的政府信息');
  });
});

describe('staff search the catalog in the console as visitors do (CAT-4)', () => {
  const city = withDemoCity();

  it('browses the agency’s catalog newest first, searches it with marked words, and refuses the wrong people and bad filters', async () => {
    const t = city();
    const staff = await publishingStaff(t);
    const id = await draftItem(t, staff, { title: '关于社会保障卡换发的通知', body: '第三代社保卡即日起换发。', category: 'services' });
    await publishDraft(t, staff, id);
    const browse = await call(t, staff.drafter, 'GET', '/catalog/entries');
    expect(browse.statusCode, browse.body).toBe(200);
    expect(browse.json().items[0]).toMatchObject({ id, url: `/xxgk/RSJ/items/${id}`, category: 'services' });

    const found = (await call(t, staff.drafter, 'GET', `/catalog/entries?q=${encodeURIComponent('社保卡')}`)).json();
    expect(found).toMatchObject({ total: 1, capped: false, words: ['社保卡'] });
    expect(found.items[0].titleMarks).toEqual([{ text: '关于', hit: false }, { text: '社会保障卡', hit: true }, { text: '换发的通知', hit: false }]);
    expect(found.items[0].snippetMarks).toContainEqual({ text: '社保卡', hit: true });
    expect((await call(t, staff.drafter, 'GET', `/catalog/entries?q=${encodeURIComponent('社保卡')}&category=work`)).json().total).toBe(0);

    expectError(await call(t, staff.drafter, 'GET', '/catalog/entries?category=nonsense'), 400, 'VALIDATION_FAILED');
    expectError(await call(t, staff.drafter, 'GET', '/catalog/entries?agencyId=nope'), 404, 'NOT_FOUND');
    expectError(await call(t, await signIn(t, 'sysadmin'), 'GET', '/catalog/entries'), 403, 'FORBIDDEN');
  });
});

describe('the larger-text mode for older readers (适老化)', () => {
  const city = withDemoCity();

  it('is switched on from any page without JavaScript, remembered in a cookie, and switched off again', async () => {
    const t = city();
    const home = await t.app.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain('<link rel="stylesheet" href="/text-size.css">');
    expect(home.body).toContain('href="/text-size?size=large"');
    const on = await t.app.inject({ method: 'GET', url: '/text-size?size=large', headers: { host: 'portal.example', referer: 'http://portal.example/xxgk/RSJ/catalog?year=2026' } });
    expect(on.statusCode).toBe(303);
    expect(on.headers.location).toBe('/xxgk/RSJ/catalog?year=2026');
    const cookie = String(on.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toBe('text_size=large');
    const css = await t.app.inject({ method: 'GET', url: '/text-size.css', headers: { cookie } });
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.body).toContain('font-size: 125%');
    expect((await t.app.inject({ method: 'GET', url: '/text-size.css' })).body).toBe('');
    // A referer from another site is not followed.
    const off = await t.app.inject({ method: 'GET', url: '/text-size?size=normal', headers: { host: 'portal.example', referer: 'https://elsewhere.example/x' } });
    expect(off.headers.location).toBe('/');
    expect(String(off.headers['set-cookie'])).toContain('text_size=normal');
  });
});
