import type { FastifyInstance } from 'fastify';
import { chinaDateOf as day } from '../core/clock.ts';
import type { AppDeps } from '../http/deps.ts';
import { CATEGORIES, DOC_KINDS, VALIDITIES, type Category } from '../modules/documents/documents.rules.ts';
import { agencyByCode, agencyCrumbs, flatQuery, intParam, sendNotFound, siteNameOf } from './agency.ts';
import { catalogCounts, catalogPage, facetCounts, filterChoices, neighbourKeys, parseFilter, type CatalogEntry, type CatalogFilter } from '../modules/catalog/catalog.repo.ts';
import { latest, sendConditional } from './conditional.ts';
import { perGeneration } from './generation.ts';
import { pager, queryString, select } from './controls.ts';
import { HTML_TYPE, html, paragraphs, type Html } from './html.ts';
import { portalPage } from './layout.ts';
import { searchBox } from './search.routes.ts';

export const CATALOG_PAGE_SIZE = 20;

/** The sections of an agency's disclosure column, as Chinese government sites lay it out. */
export const sections = (code: string) => [
  { href: `/xxgk/${code}/guide`, label: '政府信息公开指南', hint: '到哪里、怎样申请，答复期限与救济途径' },
  { href: `/xxgk/${code}/rules`, label: '政府信息公开制度', hint: '本机关执行的法规和工作制度' },
  { href: `/xxgk/${code}/catalog`, label: '法定主动公开内容', hint: '政府信息公开目录，可按分类、部门、年份检索' },
  { href: `/xxgk/${code}/catalog?category=interpretation`, label: '政策解读', hint: '本机关政策文件的解读，链接到所解读的文件' },
  { href: `/xxgk/${code}/reports`, label: '政府信息公开年报', hint: '政府信息公开工作年度报告' },
  { href: `/xxgk/${code}/negative-list`, label: '负面清单', hint: '依法不予公开的事项及其理由和依据' },
  { href: `/xxgk/${code}/services`, label: '公共服务事项目录', hint: '服务事项的办事指南：条件、材料、流程、时限和收费' },
  { href: `/xxgk/${code}/powers`, label: '权责清单', hint: '行政职权目录及每项职权的运行流程图' },
  { href: `/xxgk/${code}/consultations`, label: '意见征集', hint: '决策草案公开征求意见及意见采纳情况' },
  { href: `/xxgk/${code}/key-tasks`, label: '重点工作', hint: '重点工作的措施、步骤、责任单位和进展，重大政策实施评估报告' },
  { href: `/xxgk/${code}/apply`, label: '依申请公开', hint: '在线填写政府信息公开申请表' },
  { href: '/xxgk/status', label: '申请办理查询', hint: '凭查询码和密码查看办理进度' },
  { href: `/xxgk/${code}/messages`, label: '网民留言', hint: '向本机关留言，查看已公开的留言和答复' },
];

const feedLink = (code: string, name: string) => html`<link rel="alternate" type="application/atom+xml" title="${name}最新公开信息" href="/xxgk/${code}/feed.xml">`;

const itemHref = (code: string, id: string) => `/xxgk/${code}/items/${id}`;

/** Query string of a catalog view. */
const catalogQuery = (f: CatalogFilter, extra: Record<string, string | number | undefined> = {}) =>
  queryString({ category: f.category, unit: f.unitId, year: f.year, kind: f.kind, validity: f.validity, ...extra });

function catalogTable(code: string, entries: CatalogEntry[], caption: Html | string): Html {
  return html`<div class="table-scroll" role="region" aria-label="信息列表" tabindex="0"><table class="list"><caption>${caption}</caption>
<thead><tr><th scope="col">索引号</th><th scope="col">标题</th><th scope="col">发文字号</th><th scope="col">成文日期</th><th scope="col">发布日期</th><th scope="col">有效性</th></tr></thead>
<tbody>${entries.map(
    (e) => html`<tr><td class="nowrap">${e.indexNumber}</td><td><a href="${itemHref(code, e.id)}">${e.title}</a></td><td>${e.docNumber || '—'}</td><td class="nowrap">${e.dateMade}</td><td class="nowrap">${day(e.publishedAt)}</td><td class="nowrap">${VALIDITIES[e.validity]}</td></tr>`,
  )}</tbody></table></div>`;
}


/** An agency's disclosure column and its pages: catalog (CAT-1, PUB-2), guide (CAT-3), rules, annual reports. */
export async function portalXxgkRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { code: string } }>('/xxgk/:code', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    if (!a) return sendNotFound(deps, reply);
    const { entries, total } = await catalogPage(deps, a.id, {}, 1, 10);
    const body = html`${agencyCrumbs(a)}
<h1>${siteNameOf(a)}</h1>
${searchBox(a.code)}
<ul class="columns">${sections(a.code).map((s) => html`<li><a href="${s.href}">${s.label}</a><span class="hint">${s.hint}</span></li>`)}</ul>
<section aria-labelledby="latest-h"><h2 id="latest-h">最新公开信息</h2>
${entries.length
  ? html`<ul class="latest">${entries.map((e) => html`<li><a href="${itemHref(a.code, e.id)}">${e.title}</a> <time datetime="${day(e.publishedAt)}">${day(e.publishedAt)}</time></li>`)}</ul>
<p><a href="/xxgk/${a.code}/catalog">查看全部 ${total} 条主动公开信息</a> · <a href="/xxgk/${a.code}/feed.xml">订阅（Atom）</a></p>`
  : html`<p>本机关尚未在本平台主动公开信息。</p>`}
</section>`;
    return sendConditional(req, reply, {
      type: HTML_TYPE, lastModified: latest(entries.map((e) => e.publishedAt)),
      body: await portalPage(deps, { title: '政府信息公开', agency: a, body, head: feedLink(a.code, a.name) }),
    });
  });

  app.get<{ Params: { code: string } }>('/xxgk/:code/catalog', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    if (!a) return sendNotFound(deps, reply);
    const q = flatQuery(req.query);
    const f = parseFilter(q);
    const pageSize = intParam(q.pageSize, CATALOG_PAGE_SIZE, 100);
    const pageNo = intParam(q.page, 1, 100_000);
    const before = q.before ? intParam(q.before, 0, Number.MAX_SAFE_INTEGER) || undefined : undefined;
    // The form's years and departments, and the counts of the catalog unfiltered (every
    // column's own pager), change only with a publication, a revision or a validity change
    // (audited): read once per generation. Filtered counts are read each time: any unit or
    // year could be asked for, and keeping each would fill the memory.
    const unfiltered = !(f.unitId || f.year || f.kind || f.validity);
    const counted = catalogCounts(deps, a.id, f, unfiltered ? perGeneration(deps.db, `counts:${a.id}`, () => facetCounts(deps, a.id, {})).then((c) => c!) : undefined);
    const [{ byCategory: counts, total }, choices, { entries, bounds }] = await Promise.all([
      counted, perGeneration(deps.db, `choices:${a.id}`, () => filterChoices(deps, a.id)).then((c) => c!), catalogPage(deps, a.id, f, pageNo, pageSize, { before, counted }),
    ]);
    const keys = await neighbourKeys(deps, a.id, f, pageNo, pageSize, bounds);
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const allCount = Object.values(counts).reduce((n, c) => n + (c ?? 0), 0);
    const catLink = (c: Category | undefined, label: string, n: number) => {
      const href = `/xxgk/${a.code}/catalog${catalogQuery({ ...f, category: c }, { pageSize: pageSize === CATALOG_PAGE_SIZE ? undefined : pageSize })}`;
      return html`<li><a href="${href}"${f.category === c ? html` aria-current="true"` : ''}>${label}<span class="count">（${n}）</span></a></li>`;
    };
    const filtered = Boolean(f.unitId || f.year || f.kind || f.validity || f.category);
    const body = html`${agencyCrumbs(a, [[null, '法定主动公开内容']])}
<h1>法定主动公开内容</h1>
<p>${a.name}政府信息公开目录：依照《中华人民共和国政府信息公开条例》第十二条编制，列出本机关主动公开的每条政府信息的索引号、标题、发文字号、成文日期和发布日期，按主题分类。</p>
<div class="catalog">
<nav class="facets" aria-labelledby="facets-h"><h2 id="facets-h">主题分类</h2><ul>
${catLink(undefined, '全部', allCount)}${(Object.entries(CATEGORIES) as [Category, string][]).map(([c, label]) => catLink(c, label, counts[c] ?? 0))}
</ul></nav>
<div class="results">
<form class="filters" method="get" action="/xxgk/${a.code}/catalog" role="search" aria-labelledby="filters-h">
<h2 id="filters-h">检索条件</h2>
${f.category ? html`<input type="hidden" name="category" value="${f.category}">` : ''}
${pageSize !== CATALOG_PAGE_SIZE ? html`<input type="hidden" name="pageSize" value="${pageSize}">` : ''}
<div class="filter-grid">
${select('unit', '发布部门', f.unitId, choices.units.map((u) => [u.id, u.name]))}
${select('year', '成文年份', f.year, choices.years.map((y) => [y, `${y}年`]))}
${select('kind', '文种', f.kind, [...Object.entries(DOC_KINDS), ['other', '其他信息']])}
${select('validity', '有效性', f.validity, Object.entries(VALIDITIES))}
</div>
<p><button type="submit">筛选</button>${filtered ? html` <a href="/xxgk/${a.code}/catalog">清除全部条件</a>` : ''}</p>
</form>
<h2 id="results-h">检索结果</h2>
<p class="total" role="status">共 ${total} 条${f.category ? html`，主题分类：${CATEGORIES[f.category]}` : ''}${pages > 1 ? html`，第 ${pageNo} / ${pages} 页` : ''}</p>
${entries.length ? catalogTable(a.code, entries, html`政府信息公开目录（第 ${pageNo} 页，共 ${total} 条）`) : html`<p>没有符合条件的信息。</p>`}
${pager(pageNo, pages, (n) => `/xxgk/${a.code}/catalog${catalogQuery(f, { page: n === 1 ? undefined : n, before: n === pages ? undefined : keys.get(n), pageSize: pageSize === CATALOG_PAGE_SIZE ? undefined : pageSize })}`)}
<p class="downloads">开放数据：<a href="/xxgk/${a.code}/catalog.csv${catalogQuery(f)}">下载目录（CSV）</a> · <a href="/xxgk/${a.code}/catalog.json${catalogQuery(f)}">目录数据（JSON）</a> · <a href="/xxgk/${a.code}/feed.xml${catalogQuery({ category: f.category })}">订阅（Atom）</a></p>
</div></div>`;
    return sendConditional(req, reply, {
      type: HTML_TYPE, lastModified: latest(entries.map((e) => e.publishedAt)),
      body: await portalPage(deps, { title: '法定主动公开内容', agency: a, body, head: feedLink(a.code, a.name) }),
    });
  });

  app.get<{ Params: { code: string } }>('/xxgk/:code/guide', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    if (!a) return sendNotFound(deps, reply);
    const contact: [string, string][] = [['受理机构', `${a.name}政府信息公开工作机构`], ['通讯地址', a.address], ['联系电话', a.phone], ['传真', a.fax], ['电子邮箱', a.email]];
    const body = html`${agencyCrumbs(a, [[null, '政府信息公开指南']])}
<h1>${a.name}政府信息公开指南</h1>
<p class="hint">本指南依据《中华人民共和国政府信息公开条例》第十二条编制，随机构信息变化及时更新。更新日期：<time datetime="${day(a.updated_at)}">${day(a.updated_at)}</time>。</p>
<h2>一、主动公开</h2>
<p>本机关主动公开的政府信息列入<a href="/xxgk/${a.code}/catalog">政府信息公开目录</a>，分为${Object.values(CATEGORIES).join('、')}等类别。信息自形成或者变更之日起20个工作日内在本平台公开。</p>
<h2>二、依申请公开</h2>
<h3>（一）受理机构</h3>
<table class="meta"><caption>受理机构联系方式</caption><tbody>
${contact.map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v || '—'}</td></tr>`)}
</tbody></table>
<h3>（二）申请方式</h3>
<p>公民、法人或者其他组织申请获取政府信息，应当填写《政府信息公开申请表》，一份申请只提出一项政府信息。可以通过以下方式提出：</p>
<ul>
<li>在线申请：<a href="/xxgk/${a.code}/apply">填写在线申请表</a>，提交后凭查询码和密码<a href="/xxgk/status">查询办理进度</a>；</li>
<li>信函申请：寄至上述通讯地址，信封注明“政府信息公开申请”；</li>
<li>传真申请：发送至上述传真号码，并电话确认；</li>
<li>电子邮件申请：发送至上述电子邮箱；</li>
<li>当面申请：到上述地址当面提交。</li>
</ul>
<h3>（三）答复期限</h3>
<p>能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起 ${a.reply_workdays} 个工作日内予以答复。需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过 ${a.extension_workdays} 个工作日。申请内容不明确的，本机关将一次性告知补正，答复期限自收到补正的申请之日起计算；征求第三方和其他机关意见所需时间不计算在答复期限内。</p>
<h2>三、收费</h2>
<p>提供政府信息不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费：按件计收的，同一申请人一个自然月内累计申请10件以下（含10件）不收费，11—30件的部分每件100元，此后每增加10件加收100元；按量计收的，同一申请30页以下（含30页）不收费，31—100页每件10元，101—200页每件20元，200页以上每件40元。申请人自收到收费通知之日起20个工作日内未缴纳的，视为放弃申请。本机关不委托任何中介机构代为办理申请。</p>
<h2>四、监督和救济</h2>
<p>公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。</p>
${a.guide_text.trim() ? html`<h2>五、补充说明</h2>${paragraphs(a.guide_text)}` : ''}`;
    return sendConditional(req, reply, { type: HTML_TYPE, lastModified: a.updated_at, body: await portalPage(deps, { title: '政府信息公开指南', agency: a, body }) });
  });

  app.get<{ Params: { code: string } }>('/xxgk/:code/rules', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    if (!a) return sendNotFound(deps, reply);
    const body = html`${agencyCrumbs(a, [[null, '政府信息公开制度']])}
<h1>政府信息公开制度</h1>
<p>${a.name}开展政府信息公开工作，执行下列法规和制度：</p>
<h2>法规</h2>
<ul><li>《中华人民共和国政府信息公开条例》（2007年4月5日中华人民共和国国务院令第492号公布，2019年4月3日中华人民共和国国务院令第711号修订，自2019年5月15日起施行）</li>
<li>《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）</li></ul>
<h2>本机关工作制度</h2>
<ul>
<li>政府信息公开工作制度：公开为常态、不公开为例外；谁制作、谁公开</li>
<li>公文公开属性源头认定制度：公文起草时即确定主动公开、依申请公开或不予公开</li>
<li>政府信息公开保密审查制度：先审查、后公开，一事一审</li>
<li>依申请公开工作制度：登记、办理、答复和送达</li>
<li>政策解读制度：谁起草、谁解读，解读与文件同步发布</li>
<li>政务舆情回应制度</li>
<li>政府信息公开工作考核和责任追究制度</li>
</ul>`;
    return reply.type(HTML_TYPE).send(await portalPage(deps, { title: '政府信息公开制度', agency: a, body }));
  });
}
