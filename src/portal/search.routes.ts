import type { FastifyInstance } from 'fastify';
import { chinaDateOf } from '../core/clock.ts';
import { AppError } from '../core/errors.ts';
import type { AppDeps } from '../http/deps.ts';
import { parseFilter } from '../modules/catalog/catalog.repo.ts';
import { COUNT_CAP, searchCatalog, type SearchSort } from '../modules/catalog/catalog.search.ts';
import { markWords, snippet, snippetSource } from '../modules/catalog/search.highlight.ts';
import { searchPublicLists, type ListKind } from '../modules/lists/lists.service.ts';
import { CATEGORIES, DOC_KINDS, VALIDITIES } from '../modules/documents/documents.rules.ts';
import { flatQuery, intParam } from './agency.ts';
import { pager, queryString, select } from './controls.ts';
import { HTML_TYPE, html, type Html } from './html.ts';
import { portalPage } from './layout.ts';
import { interpretationLinksOf } from './interpretation.routes.ts';

export const SEARCH_PAGE_SIZE = 10;
/** Deep pages of a search are never read and cost the most; a narrower query serves better. Either order reaches COUNT_CAP results. */
const MAX_SEARCH_PAGE = COUNT_CAP / SEARCH_PAGE_SIZE;
const MAX_QUERY_LENGTH = 100;

const SORTS: Record<SearchSort, string> = { relevance: '按相关度', date: '按发布时间' };

/** Each published list: what a hit is called and where its page is. */
const LIST_KINDS: Record<ListKind, { label: string; path: string }> = {
  service: { label: '公共服务事项', path: 'services' },
  power: { label: '行政职权', path: 'powers' },
  negative: { label: '负面清单事项', path: 'negative-list' },
};

const marked = (text: string, words: string[]): Html[] => markWords(text, words).map((s) => (s.hit ? html`<mark>${s.text}</mark>` : html`${s.text}`));

/** A snippet around the first hit; one found in an attachment names the file. */
function hitSnippet(body: string, attachments: { name: string; text: string }[], marks: string[]): Html {
  const source = snippetSource(body, attachments, marks);
  return html`<p class="snippet">${source.file ? html`<span class="in-file">附件《${source.file}》：</span>` : ''}${marked(snippet(source.text, marks), marks)}</p>`;
}

/** A search box for the city's catalog, scoped to one agency when `agencyCode` is given. */
export function searchBox(agencyCode?: string, q = ''): Html {
  return html`<form class="search-box" method="get" action="/search" role="search" aria-label="站内检索">
${agencyCode ? html`<input type="hidden" name="agency" value="${agencyCode}">` : ''}<label for="search-q" class="visually-hidden">检索政府信息</label>
<input id="search-q" type="search" name="q" value="${q}" maxlength="${MAX_QUERY_LENGTH}" placeholder="输入标题或正文中的词语，如：就业补贴">
<button type="submit">检索</button></form>`;
}

/**
 * 站内检索 (CAT-4): the whole city's public catalog, or one agency's, searched in titles,
 * bodies and attachments' public text, filtered like the catalog and sorted by relevance or
 * date; the words found are marked in the titles and in a snippet of each body.
 */
export async function portalSearchRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/search', { config: { access: 'public' } }, async (req, reply) => {
    const query = flatQuery(req.query);
    const q = (query.q ?? '').trim().slice(0, MAX_QUERY_LENGTH);
    const filter = parseFilter(query);
    const sort: SearchSort = query.sort === 'date' ? 'date' : 'relevance';
    const pageNo = intParam(query.page, 1, MAX_SEARCH_PAGE);
    const agencies = await deps.db.selectFrom('agencies').select(['id', 'code', 'name']).orderBy('level', 'desc').orderBy('code').execute();
    const agency = agencies.find((a) => a.code === query.agency);
    // A search PostgreSQL cancelled for taking too long is answered on the page itself, with the form to narrow it.
    const outcome = q
      ? await searchCatalog(deps, { q, agencyId: agency?.id, filter, sort, page: pageNo, pageSize: SEARCH_PAGE_SIZE })
          .catch((e: unknown) => { if (e instanceof AppError && e.code === 'SEARCH_TIMEOUT') return e; throw e; })
      : null;
    const busy = outcome instanceof AppError ? outcome : null;
    const result = outcome instanceof AppError ? null : outcome;
    // The catalog's filters describe documents; with none set, the first page also shows the lists' entries the words find.
    const documentFilters = [filter.category && CATEGORIES[filter.category], filter.kind && (DOC_KINDS[filter.kind as keyof typeof DOC_KINDS] ?? '其他信息'), filter.validity && VALIDITIES[filter.validity], filter.year && `${filter.year}年`].filter(Boolean);
    const listHits = result && pageNo === 1 && documentFilters.length === 0 ? await searchPublicLists(deps.db, result.terms.map((t) => t.words), agency?.id) : [];
    const links = await interpretationLinksOf(deps, result?.hits.map((h) => h.id) ?? []);
    const words = result?.terms.map((t) => t.word) ?? [];
    const marks = result?.terms.flatMap((t) => t.words) ?? [];
    const pages = result ? Math.min(MAX_SEARCH_PAGE, Math.ceil(result.total / SEARCH_PAGE_SIZE)) : 0;
    const params = { q, agency: agency?.code, category: filter.category, year: filter.year, kind: filter.kind, validity: filter.validity, sort: sort === 'relevance' ? undefined : sort };
    const body = html`<nav class="crumbs" aria-label="当前位置"><a href="/">首页</a> › <span aria-current="page">站内检索</span></nav>
<h1>检索政府信息</h1>
<form class="filters" method="get" action="/search" role="search" aria-label="检索条件">
<div class="field wide"><label for="f-q">关键词</label><input id="f-q" type="search" name="q" value="${q}" maxlength="${MAX_QUERY_LENGTH}" placeholder="多个词语用空格分开，须同时出现"></div>
<div class="filter-grid">
${select('agency', '发布机关', agency?.code, agencies.map((a) => [a.code, a.name]))}
${select('category', '主题分类', filter.category, Object.entries(CATEGORIES))}
${select('kind', '文种', filter.kind, [...Object.entries(DOC_KINDS), ['other', '其他信息']])}
${select('validity', '有效性', filter.validity, Object.entries(VALIDITIES))}
<div class="field"><label for="f-year">成文年份</label><input id="f-year" name="year" value="${filter.year ?? ''}" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" placeholder="如 2026"></div>
<div class="field"><label for="f-sort">排序</label><select id="f-sort" name="sort">${(Object.entries(SORTS) as [SearchSort, string][]).map(
      ([v, l]) => html`<option value="${v}"${v === sort ? html` selected` : ''}>${l}</option>`,
    )}</select></div>
</div>
<p><button type="submit">检索</button></p>
</form>
${listHits.length ? html`<section class="list-hits" aria-labelledby="lists-h"><h2 id="lists-h">办事服务和清单</h2><ul>${listHits.map(
      (l) => html`<li><span class="kind">${LIST_KINDS[l.kind].label}</span> <a href="/xxgk/${l.agencyCode}/${LIST_KINDS[l.kind].path}${l.kind === 'negative' ? '' : `/${l.id}`}">${marked(l.name, marks)}</a> <span class="hint">${l.agencyName}</span></li>`,
    )}</ul></section>` : ''}
${result ? html`<h2 id="hits-h">检索结果</h2>
<p class="total" role="status">${result.terms.length === 0 ? '请输入要检索的词语。' : result.total === 0 && (documentFilters.length || agency) ? html`在所选范围（${[agency?.name, ...documentFilters].filter(Boolean).join('、')}）内没有找到包含“${words.join('、')}”的信息。请更改或<a href="/search${queryString({ q })}">清除筛选条件</a>后再检索。` : result.total === 0 ? html`没有找到包含“${words.join('、')}”的信息，请减少或更换词语。` : html`找到${result.capped ? `超过 ${COUNT_CAP}` : ` ${result.total} `}条包含“${words.join('、')}”的信息${pages > 1 ? html`，第 ${pageNo} / ${pages} 页` : ''}${result.capped ? '。结果较多，可增加词语或筛选条件缩小范围' : ''}`}</p>
${result.hits.length ? html`<ol class="hits" aria-labelledby="hits-h" start="${(pageNo - 1) * SEARCH_PAGE_SIZE + 1}">${result.hits.map(
      (h) => html`<li><h3><a href="/xxgk/${h.agencyCode}/items/${h.id}">${marked(h.title, marks)}</a></h3>
${hitSnippet(h.body, h.attachments, marks)}
${(links.get(h.id) ?? []).map((l) => html`<p class="hit-meta">${l.label}：<a href="/xxgk/${h.agencyCode}/items/${l.id}">${l.title}</a></p>`)}
<p class="hit-meta">${h.agencyName} · ${CATEGORIES[h.category]} · 索引号 ${h.indexNumber}${h.docNumber ? ` · ${h.docNumber}` : ''} · 发布日期 <time datetime="${chinaDateOf(h.publishedAt)}">${chinaDateOf(h.publishedAt)}</time>${h.validity === 'valid' ? '' : ` · ${VALIDITIES[h.validity]}`}</p></li>`,
    )}</ol>` : ''}
${pager(pageNo, pages, (n) => `/search${queryString({ ...params, page: n === 1 ? undefined : n })}`)}` : busy ? html`<h2 id="hits-h">检索结果</h2>
<p class="total" role="status">${busy.message}</p>` : html`<p>可检索各部门主动公开的政府信息的标题、正文和附件内容。</p>`}`;
    return reply.status(busy ? busy.status : 200).type(HTML_TYPE).header('cache-control', 'no-cache').send(await portalPage(deps, { title: q ? `${q} - 检索` : '检索', body }));
  });
}
