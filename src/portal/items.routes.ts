import type { FastifyInstance } from 'fastify';
import { chinaDateOf, chinaLongDateOf } from '../core/clock.ts';
import type { AppDeps } from '../http/deps.ts';
import { CATEGORIES, VALIDITIES, type Category, type Validity } from '../modules/documents/documents.rules.ts';
import { filesRoot } from '../modules/documents/documents.publication.ts';
import type { PublishedSnapshot } from '../modules/documents/documents.tables.ts';
import { readStoredFile } from '../modules/files/store.ts';
import { agencyCrumbs, sendNotFound } from './agency.ts';
import { catalogScope } from '../modules/catalog/catalog.repo.ts';
import { preparedRead } from '../db/prepared.ts';
import { HTML_TYPE, html, paragraphs } from './html.ts';
import { portalPage } from './layout.ts';
import { sendConditional } from './conditional.ts';
import { sendDownload } from '../http/download.ts';
import { interpretationSection } from './interpretation.routes.ts';


/**
 * The latest published version of an item: what the public may see, never the working copy.
 * One read: the item, its agency and its newest version (a seek of the version key).
 */
async function published(deps: AppDeps, itemId: string) {
  const [row] = await preparedRead(deps.db, 'publishedItem', { itemId }, (p) => deps.db
    .selectFrom('items')
    .innerJoin('agencies', 'agencies.id', 'items.agency_id')
    .innerJoin('item_versions as v', 'v.item_id', 'items.id')
    .select(['items.id', 'items.validity', 'items.agency_id', 'agencies.code', 'agencies.name as agency_name', 'v.snapshot_json'])
    .where('items.id', '=', p.itemId)
    .where('items.published_at', 'is not', null)
    .where('v.version', '=', (eb) => eb.selectFrom('item_versions as newest').select((n) => n.fn.max('newest.version').as('version')).where('newest.item_id', '=', p.itemId)));
  if (!row) return null;
  const { snapshot_json, ...item } = row;
  return { ...item, snapshot: JSON.parse(snapshot_json) as PublishedSnapshot };
}

/** The newest other items of the same agency and category: what a reader of this one looks for next. */
async function relatedEntries(deps: AppDeps, agencyId: string, category: Category, itemId: string) {
  return preparedRead(deps.db, 'relatedEntries', { agencyId, category, itemId, count: RELATED_COUNT }, (p) => catalogScope(deps, p.agencyId, { category: p.category })
    .select(['e.item_id as id', 'e.title', 'e.published_at as publishedAt'])
    .where('e.item_id', '!=', p.itemId)
    .orderBy('e.seq', 'desc')
    .limit(p.count));
}
const RELATED_COUNT = 5;


/** A published item's page (CAT-1): the metadata table Chinese government sites use, the body and the public files. */
export async function portalItemRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { code: string; id: string } }>('/xxgk/:code/items/:id', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const item = await published(deps, req.params.id);
    if (!item || item.code !== req.params.code) return sendNotFound(deps, reply, '信息');
    const s = item.snapshot;
    const column = `/xxgk/${item.code}`;
    const [related, interpretation] = await Promise.all([relatedEntries(deps, item.agency_id, s.category, item.id), interpretationSection(deps, { id: item.id, code: item.code }, s)]);
    const body = html`${agencyCrumbs({ code: item.code, name: item.agency_name }, [[`${column}/catalog`, '法定主动公开内容']])}
<article class="item">
<h1>${s.title}</h1>
<p class="item-tools"><button type="button" data-print hidden>打印本页</button></p>
<table class="meta"><caption>信息属性</caption><tbody>
<tr><th scope="row">索引号</th><td>${s.indexNumber}</td><th scope="row">主题分类</th><td>${CATEGORIES[s.category]}</td></tr>
<tr><th scope="row">发文机关</th><td>${item.agency_name}</td><th scope="row">成文日期</th><td>${s.dateMade}</td></tr>
<tr><th scope="row">标题</th><td colspan="3">${s.title}</td></tr>
<tr><th scope="row">发文字号</th><td>${s.docNumber || '—'}</td><th scope="row">发布日期</th><td>${chinaDateOf(s.publishedAt)}</td></tr>
<tr><th scope="row">有效性</th><td>${VALIDITIES[item.validity as Validity]}</td><th scope="row">版本</th><td>第 ${s.version} 版${s.changeReason ? html`（修订：${s.changeReason}）` : ''}</td></tr>
</tbody></table>
<div class="body">${paragraphs(s.body)}${interpretation.form}</div>
<div class="signature"><p>${item.agency_name}</p><p>${chinaLongDateOf(s.dateMade)}</p></div>
<p class="colophon">${s.colophon}</p>
${interpretation.links}
${s.attachments.length ? html`<section><h2>附件</h2><ul>${s.attachments.map((a) => html`<li><a href="/xxgk/files/${item.id}/${a.id}">${a.name}</a>（${Math.max(1, Math.round(a.size / 1024))} KB）</li>`)}</ul></section>` : ''}
</article>
${related.length ? html`<section class="related" aria-labelledby="related-h"><h2 id="related-h">相关信息</h2><ul class="latest">${related.map(
      (r) => html`<li><a href="${column}/items/${r.id}">${r.title}</a> <time datetime="${chinaDateOf(r.publishedAt)}">${chinaDateOf(r.publishedAt)}</time></li>`,
    )}</ul></section>` : ''}`;
    return sendConditional(req, reply, {
      type: HTML_TYPE, lastModified: s.publishedAt,
      body: await portalPage(deps, { title: s.title, agency: { code: item.code, name: item.agency_name }, body }),
    });
  });

  app.get<{ Params: { itemId: string; attachmentId: string } }>('/xxgk/files/:itemId/:attachmentId', { config: { access: 'public' } }, async (req, reply) => {
    const item = await published(deps, req.params.itemId);
    const file = item?.snapshot.attachments.find((a) => a.id === req.params.attachmentId);
    if (!file) return sendNotFound(deps, reply, '文件');
    const bytes = await readStoredFile(filesRoot(deps.dataDir), file.sha256);
    // A PDF opens in the browser's own viewer where it has one; other types are saved.
    return sendDownload(reply, { name: file.name, mime: file.mime, bytes }, 'public', file.mime === 'application/pdf' ? 'inline' : 'attachment');
  });
}
