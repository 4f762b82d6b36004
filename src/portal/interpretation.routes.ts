import type { FastifyInstance } from 'fastify';
import { chinaDateOf as day } from '../core/clock.ts';
import type { AppDeps } from '../http/deps.ts';
import { catalogScope, parseFilter } from '../modules/catalog/catalog.repo.ts';
import { preparedRead } from '../db/prepared.ts';
import type { PublishedSnapshot } from '../modules/documents/documents.tables.ts';
import { FORMS, INTERPRETATION_CATEGORY } from '../modules/interpretation/interpretation.rules.ts';
import type { PublicInterpretation } from '../modules/interpretation/interpretation.workflow.ts';
import { flatQuery, intParam } from './agency.ts';
import { latest, sendConditional } from './conditional.ts';
import { pager, queryString, select } from './controls.ts';
import { HTML_TYPE, html, paragraphs, type Html } from './html.ts';
import { portalPage } from './layout.ts';

/**
 * 政策解读 on the portal (INT-3, INT-7): the city's column of every agency's interpretations,
 * and on an item's page the link both ways with the interpretation's form as a reader needs
 * it (Q&A as a description list, a graphic with its text alternative, a recording with its
 * transcript). Each agency's own column is its catalog filtered to 政策解读, with its CSV and feed.
 */

const PAGE_SIZE = 20;
const itemHref = (code: string, id: string) => `/xxgk/${code}/items/${id}`;

/** The published items on the other side of the link (policies of an interpretation, or interpretations of a policy). */
async function linked(deps: AppDeps, itemId: string, side: 'policies' | 'interpretations') {
  const [from, to] = side === 'policies' ? (['interpretation_id', 'policy_id'] as const) : (['policy_id', 'interpretation_id'] as const);
  return preparedRead(deps.db, `linked.${side}`, { itemId }, (p) => deps.db.selectFrom('interpretation_links').innerJoin('catalog_entries as e', 'e.item_id', `interpretation_links.${to}`)
    .select(['e.item_id as id', 'e.title', 'e.published_at as publishedAt']).where(`interpretation_links.${from}`, '=', p.itemId).orderBy('e.published_at'));
}

/** For search hits: each published item's published counterparts (an interpretation's policies, a policy's interpretations). */
export async function interpretationLinksOf(deps: AppDeps, ids: string[]): Promise<Map<string, { id: string; title: string; label: string }[]>> {
  const out = new Map<string, { id: string; title: string; label: string }[]>();
  if (ids.length === 0) return out;
  const [policies, interpretations] = await Promise.all([
    deps.db.selectFrom('interpretation_links').innerJoin('catalog_entries as e', 'e.item_id', 'interpretation_links.policy_id')
      .select(['interpretation_links.interpretation_id as from', 'e.item_id as id', 'e.title']).where('interpretation_links.interpretation_id', 'in', ids).execute(),
    deps.db.selectFrom('interpretation_links').innerJoin('catalog_entries as e', 'e.item_id', 'interpretation_links.interpretation_id')
      .select(['interpretation_links.policy_id as from', 'e.item_id as id', 'e.title']).where('interpretation_links.policy_id', 'in', ids).execute(),
  ]);
  for (const [rows, label] of [[policies, '所解读的文件'], [interpretations, '政策解读']] as const) {
    for (const r of rows) out.set(r.from, [...(out.get(r.from) ?? []), { id: r.id, title: r.title, label }]);
  }
  return out;
}

function formPart(itemId: string, s: PublishedSnapshot, f: PublicInterpretation): Html {
  const c = f.content;
  if (f.form === 'qa') {
    return html`<section aria-labelledby="qa-h"><h2 id="qa-h">问答</h2><dl class="qa">
${(c.pairs ?? []).map((p) => html`<dt>${p.question}</dt>
<dd>${paragraphs(p.answer)}</dd>
`)}</dl></section>`;
  }
  if (f.form === 'graphic') {
    const images = s.attachments.filter((a) => a.kind === 'png' || a.kind === 'jpeg');
    return html`<section aria-labelledby="graphic-h"><h2 id="graphic-h">图解</h2>
${images.map((a) => html`<figure><img src="/xxgk/files/${itemId}/${a.id}" alt="${s.title}（图解，文字说明见下文）" aria-describedby="graphic-text"><figcaption>${a.name}</figcaption></figure>`)}
<div id="graphic-text" class="text-alternative"><h3>图解文字说明</h3>${paragraphs(c.altText ?? '')}</div></section>`;
  }
  if (f.form === 'article') return html``;
  const meta = f.form === 'av'
    ? html`<p><a href="${c.mediaUrl ?? ''}" rel="noopener">播放${FORMS.av}<span class="visually-hidden">（${s.title}）</span></a></p>`
    : html`<dl class="facts"><dt>时间</dt><dd>${c.heldOn ?? ''}</dd><dt>出席人</dt><dd>${(c.speakers ?? []).join('、')}</dd></dl>`;
  return html`<section aria-labelledby="transcript-h"><h2 id="transcript-h">${FORMS[f.form]}</h2>${meta}<h3>文字实录</h3><div class="transcript">${paragraphs(c.transcript ?? '')}</div></section>`;
}

/**
 * The parts of an item's page about interpretation: `form` joins the body (an interpretation's
 * Q&A, graphic or transcript), `links` follows the article (a policy's interpretations, or an
 * interpretation's policies and first issue).
 */
export async function interpretationSection(deps: AppDeps, item: { id: string; code: string }, s: PublishedSnapshot): Promise<{ form: Html; links: Html }> {
  const f = (s as PublishedSnapshot & { interpretation?: PublicInterpretation }).interpretation;
  if (s.category !== INTERPRETATION_CATEGORY || !f) {
    const interpretations = await linked(deps, item.id, 'interpretations');
    const links = interpretations.length
      ? html`<section class="related" aria-labelledby="interpretations-h"><h2 id="interpretations-h">政策解读</h2><ul class="latest">${interpretations.map(
        (i) => html`<li><a href="${itemHref(item.code, i.id)}">${i.title}</a> <time datetime="${day(i.publishedAt)}">${day(i.publishedAt)}</time></li>`,
      )}</ul></section>`
      : html``;
    return { form: html``, links };
  }
  const policies = await linked(deps, item.id, 'policies');
  const first = f.reissueOf ? await deps.db.selectFrom('catalog_entries').select(['item_id', 'title']).where('item_id', '=', f.reissueOf.id).executeTakeFirst() : undefined;
  return {
    form: formPart(item.id, s, f),
    links: html`<section class="related" aria-labelledby="policies-h"><h2 id="policies-h">所解读的政策文件</h2><ul class="latest">${policies.map(
    (p) => html`<li><a href="${itemHref(item.code, p.id)}">${p.title}</a></li>`,
  )}</ul>${first ? html`<p>本文是对<a href="${itemHref(item.code, first.item_id)}">${first.title}</a>的再解读。原因：${f.reissueOf!.reason}</p>` : ''}</section>`,
  };
}

/** 政策解读 of the whole city: every agency's interpretations, newest first, filtered by agency and year. */
export async function portalInterpretationRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/xxgk/interpretations', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const q = flatQuery(req.query);
    const agencies = await deps.db.selectFrom('agencies').select(['id', 'code', 'name']).orderBy('level', 'desc').orderBy('code').execute();
    const agency = agencies.find((a) => a.code === q.agency);
    const filter = { ...parseFilter({ year: q.year }), category: INTERPRETATION_CATEGORY };
    const pageNo = intParam(q.page, 1, 10_000);
    const scope = () => catalogScope(deps, agency?.id, filter);
    const [count, rows] = await Promise.all([
      scope().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      scope().innerJoin('agencies', 'agencies.id', 'e.agency_id')
        .select(['e.item_id as id', 'e.title', 'e.published_at as publishedAt', 'agencies.code', 'agencies.name as agencyName'])
        .orderBy('e.seq', 'desc').limit(PAGE_SIZE).offset((pageNo - 1) * PAGE_SIZE).execute(),
    ]);
    const total = Number(count.n);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const policies = rows.length
      ? await deps.db.selectFrom('interpretation_links').innerJoin('catalog_entries as e', 'e.item_id', 'interpretation_links.policy_id')
        .select(['interpretation_links.interpretation_id', 'e.item_id as id', 'e.title']).where('interpretation_links.interpretation_id', 'in', rows.map((r) => r.id)).execute()
      : [];
    const params = { agency: agency?.code, year: filter.year };
    const body = html`<nav class="crumbs" aria-label="当前位置"><a href="/">首页</a> › <span aria-current="page">政策解读</span></nav>
<h1>政策解读</h1>
<p>本市各部门对其制发的规章、规范性文件和重要政策文件的解读，每篇链接到所解读的文件。</p>
<form class="filters" method="get" action="/xxgk/interpretations" aria-labelledby="filters-h"><h2 id="filters-h">筛选</h2>
<div class="filter-grid">
${select('agency', '发布机关', agency?.code, agencies.map((a) => [a.code, a.name]))}
<div class="field"><label for="f-year">成文年份</label><input id="f-year" name="year" value="${filter.year ?? ''}" inputmode="numeric" pattern="[0-9]{4}" maxlength="4" placeholder="如 2026"></div>
</div><p><button type="submit">筛选</button></p></form>
<h2 id="results-h">解读列表</h2>
<p class="total" role="status">共 ${total} 篇${pages > 1 ? html`，第 ${pageNo} / ${pages} 页` : ''}</p>
${rows.length ? html`<ul class="hits" aria-labelledby="results-h">${rows.map((r) => html`<li><h3><a href="${itemHref(r.code, r.id)}">${r.title}</a></h3>
<p class="hit-meta">${r.agencyName} · 发布日期 <time datetime="${day(r.publishedAt)}">${day(r.publishedAt)}</time>${policies.filter((p) => p.interpretation_id === r.id).map((p) => html` · 解读：<a href="${itemHref(r.code, p.id)}">${p.title}</a>`)}</p></li>`)}</ul>` : html`<p>没有符合条件的政策解读。</p>`}
${pager(pageNo, pages, (n) => `/xxgk/interpretations${queryString({ ...params, page: n === 1 ? undefined : n })}`)}
${agency ? html`<p class="downloads">开放数据：<a href="/xxgk/${agency.code}/catalog.csv${queryString({ category: INTERPRETATION_CATEGORY })}">下载目录（CSV）</a> · <a href="/xxgk/${agency.code}/feed.xml${queryString({ category: INTERPRETATION_CATEGORY })}">订阅（Atom）</a></p>` : html`<p class="downloads">各部门的政策解读目录（CSV）和订阅：${agencies.map((a) => html`<a href="/xxgk/${a.code}/feed.xml${queryString({ category: INTERPRETATION_CATEGORY })}">${a.name}</a> `)}</p>`}`;
    return sendConditional(req, reply, { type: HTML_TYPE, lastModified: latest(rows.map((r) => r.publishedAt)), body: await portalPage(deps, { title: '政策解读', body }) });
  });
}
