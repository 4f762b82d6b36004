import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { chinaDateOf } from '../core/clock.ts';
import type { AppDeps } from '../http/deps.ts';
import {
  LIST_ENTITIES, listChangedAt, publicNegativeList, publicPower, publicPowers, publicService, publicServices, type ServiceView,
} from '../modules/lists/lists.service.ts';
import { REASON_CATEGORIES } from '../modules/lists/negative-list.rules.ts';
import { powerFlowSvg } from '../modules/lists/power-flow.svg.ts';
import { POWER_CATEGORIES, type PowerCategory } from '../modules/lists/powers.rules.ts';
import { SERVICE_LABELS } from '../modules/lists/services.rules.ts';
import { agencyByCode, agencyCrumbs, flatQuery, sendNotFound, type PortalAgency } from './agency.ts';
import { sendConditional } from './conditional.ts';
import { HTML_TYPE, html, paragraphs, type Html } from './html.ts';
import { portalPage } from './layout.ts';


const updated = (moment: string | null) => (moment ? html`更新日期：<time datetime="${chinaDateOf(moment)}">${chinaDateOf(moment)}</time>。` : '');

async function send(deps: AppDeps, req: FastifyRequest, reply: FastifyReply, a: PortalAgency, title: string, body: Html, lastModified: string | null) {
  return sendConditional(req, reply, { type: HTML_TYPE, lastModified, body: await portalPage(deps, { title, agency: a, body }) });
}

function serviceGuide(s: ServiceView): Html {
  const L = SERVICE_LABELS;
  const row = (label: string, value: Html | string) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  const forms = s.forms.length
    ? html`<ul class="forms">${s.forms.map((f) => html`<li>${f.url ? html`<a href="${f.url}">${f.name}</a>` : f.name}${f.text ? html`<details><summary>查看“${f.name}”样本内容</summary><div class="form-text">${paragraphs(f.text)}</div></details>` : ''}</li>`)}</ul>`
    : '本事项无需填写表格。';
  return html`<table class="meta list-meta"><caption>办事指南要素</caption><tbody>
${row(L.name, s.name)}
${row(L.dutyPost, s.dutyPost)}
${row(L.legalBasis, html`${paragraphs(s.legalBasis)}`)}
${row(L.acceptingUnit, s.acceptingUnit)}
${row(L.place, s.place)}
${row(L.eligibility, html`${paragraphs(s.eligibility)}`)}
${row(L.process, html`${paragraphs(s.process)}`)}
${row(L.materials, html`<ol>${s.materials.map((m) => html`<li>${m}</li>`)}</ol>`)}
${row(L.forms, forms)}
${row('收费标准及依据', html`${s.fee}${s.feeBasis ? html`<br>依据：${s.feeBasis}` : ''}`)}
${row(L.timeLimit, s.timeLimit)}
${row(L.enquiries, s.enquiries)}
${row(L.complaints, s.complaints)}
</tbody></table>`;
}

/**
 * The published lists on an agency's disclosure column: the negative list (CAT-5), the
 * public service catalog with a guide per service (FIVE-4), and the list of administrative
 * powers with a flow chart per power (FIVE-3). They show the office's current list as is.
 */
export async function portalListRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { code: string } }>('/xxgk/:code/negative-list', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    if (!a) return sendNotFound(deps, reply);
    const [entries, changed] = await Promise.all([publicNegativeList(deps.db, a.id), listChangedAt(deps.db, a.id, LIST_ENTITIES.negative)]);
    const body = html`${agencyCrumbs(a, [[null, '负面清单']])}
<h1>政府信息公开负面清单</h1>
<p>按照“公开为常态、不公开为例外”的原则，${a.name}下列事项依法不予公开；清单以外的政府信息，原则上均予公开。不予公开的依据见《中华人民共和国政府信息公开条例》第十四条、第十五条、第十六条。本清单随法律法规和工作实际的变化及时调整。</p>
<p class="hint">${updated(changed)}共 ${entries.length} 项。</p>
${entries.length
  ? html`<div class="table-scroll" role="region" aria-label="负面清单" tabindex="0"><table class="list"><caption>不予公开事项清单</caption>
<thead><tr><th scope="col">序号</th><th scope="col">事项</th><th scope="col">不予公开的理由</th><th scope="col">法定依据</th><th scope="col">列入日期</th><th scope="col">复核日期</th></tr></thead>
<tbody>${entries.map((e, i) => html`<tr><td>${i + 1}</td><td>${e.matter}${e.note ? html`<p class="hint">${e.note}</p>` : ''}</td><td>${REASON_CATEGORIES[e.reasonCategory].label}</td><td>${e.legalBasis}</td><td class="nowrap">${e.listedOn}</td><td class="nowrap">${e.reviewedOn}</td></tr>`)}</tbody></table></div>`
  : html`<p>本机关目前没有列入负面清单的事项。</p>`}
<p>对不予公开有异议的，可以<a href="/xxgk/${a.code}/apply">依申请公开</a>，或依法申请行政复议、提起行政诉讼。</p>`;
    return send(deps, req, reply, a, '负面清单', body, changed);
  });

  app.get<{ Params: { code: string } }>('/xxgk/:code/services', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    if (!a) return sendNotFound(deps, reply);
    const [services, changed] = await Promise.all([publicServices(deps.db, a.id), listChangedAt(deps.db, a.id, LIST_ENTITIES.service)]);
    const body = html`${agencyCrumbs(a, [[null, '公共服务事项目录']])}
<h1>公共服务事项目录</h1>
<p>${a.name}提供的公共服务事项及其办事指南：责任岗位、法定依据、受理单位、办理地点、申请条件、办理流程、申请材料、表格样本、收费标准、办理时限、咨询方式和监督投诉渠道。</p>
<p class="hint">${updated(changed)}共 ${services.length} 项。</p>
${services.length
  ? html`<div class="table-scroll" role="region" aria-label="服务事项列表" tabindex="0"><table class="list"><caption>公共服务事项目录</caption>
<thead><tr><th scope="col">序号</th><th scope="col">事项名称</th><th scope="col">受理单位</th><th scope="col">办理时限</th><th scope="col">收费</th></tr></thead>
<tbody>${services.map((s, i) => html`<tr><td>${i + 1}</td><td><a href="/xxgk/${a.code}/services/${s.id}">${s.name}</a></td><td>${s.acceptingUnit}</td><td>${s.timeLimit}</td><td>${s.fee}</td></tr>`)}</tbody></table></div>`
  : html`<p>本机关尚未发布公共服务事项。</p>`}`;
    return send(deps, req, reply, a, '公共服务事项目录', body, changed);
  });

  app.get<{ Params: { code: string; id: string } }>('/xxgk/:code/services/:id', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    const s = a && (await publicService(deps.db, a.id, req.params.id));
    if (!a || !s) return sendNotFound(deps, reply, '服务事项');
    const body = html`${agencyCrumbs(a, [[`/xxgk/${a.code}/services`, '公共服务事项目录'], [null, s.name]])}
<article class="item">
<h1>${s.name}办事指南</h1>
<p class="hint">${updated(s.updatedAt)}</p>
${serviceGuide(s)}
</article>`;
    return send(deps, req, reply, a, `${s.name}办事指南`, body, s.updatedAt);
  });

  app.get<{ Params: { code: string } }>('/xxgk/:code/powers', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    if (!a) return sendNotFound(deps, reply);
    const asked = flatQuery(req.query).category;
    const category = asked && Object.hasOwn(POWER_CATEGORIES, asked) ? (asked as PowerCategory) : undefined;
    const [all, changed] = await Promise.all([publicPowers(deps.db, a.id), listChangedAt(deps.db, a.id, LIST_ENTITIES.power)]);
    const shown = category ? all.filter((p) => p.category === category) : all;
    const count = (c: PowerCategory) => all.filter((p) => p.category === c).length;
    const facet = (c: PowerCategory | undefined, label: string, n: number) =>
      html`<li><a href="/xxgk/${a.code}/powers${c ? `?category=${c}` : ''}"${category === c ? html` aria-current="true"` : ''}>${label}<span class="count">（${n}）</span></a></li>`;
    const body = html`${agencyCrumbs(a, [[null, '权责清单']])}
<h1>行政职权目录（权责清单）</h1>
<p>${a.name}依法行使的行政职权，每项职权列明实施主体、法定依据、办理时限、监督方式和权力运行流程图。</p>
<p class="hint">${updated(changed)}共 ${all.length} 项。</p>
<div class="catalog">
<nav class="facets" aria-labelledby="facets-h"><h2 id="facets-h">职权类别</h2><ul>
${facet(undefined, '全部', all.length)}${(Object.entries(POWER_CATEGORIES) as [PowerCategory, string][]).filter(([c]) => count(c) > 0).map(([c, label]) => facet(c, label, count(c)))}
</ul></nav>
<div class="results">
${shown.length
  ? html`<div class="table-scroll" role="region" aria-label="行政职权列表" tabindex="0"><table class="list"><caption>行政职权目录${category ? html`：${POWER_CATEGORIES[category]}` : ''}</caption>
<thead><tr><th scope="col">序号</th><th scope="col">职权名称</th><th scope="col">职权类别</th><th scope="col">实施主体</th><th scope="col">办理时限</th></tr></thead>
<tbody>${shown.map((p, i) => html`<tr><td>${i + 1}</td><td><a href="/xxgk/${a.code}/powers/${p.id}">${p.name}</a></td><td class="nowrap">${POWER_CATEGORIES[p.category]}</td><td>${p.actor}</td><td>${p.timeLimit}</td></tr>`)}</tbody></table></div>`
  : html`<p>没有${category ? POWER_CATEGORIES[category] : ''}类的行政职权。</p>`}
</div></div>`;
    return send(deps, req, reply, a, '行政职权目录', body, changed);
  });

  app.get<{ Params: { code: string; id: string } }>('/xxgk/:code/powers/:id', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    const p = a && (await publicPower(deps.db, a.id, req.params.id));
    if (!a || !p) return sendNotFound(deps, reply, '行政职权');
    const row = (label: string, value: Html | string) => html`<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
    const body = html`${agencyCrumbs(a, [[`/xxgk/${a.code}/powers`, '权责清单'], [null, p.name]])}
<article class="item">
<h1>${p.name}</h1>
<p class="hint">${updated(p.updatedAt)}</p>
<table class="meta list-meta"><caption>职权信息</caption><tbody>
${row('职权名称', p.name)}
${row('职权类别', POWER_CATEGORIES[p.category])}
${row('实施主体', p.actor)}
${row('法定依据', html`${paragraphs(p.legalBasis)}`)}
${row('办理时限', p.timeLimit)}
${row('监督方式', html`${paragraphs(p.oversight)}`)}
</tbody></table>
<h2>权力运行流程图</h2>
<figure class="flow-chart">
${powerFlowSvg({ id: 'flow', title: `${p.name}运行流程图`, steps: p.steps })}
<figcaption>流程图的文字说明见下方“办理流程”。</figcaption>
</figure>
<h2>办理流程</h2>
<ol class="flow-steps">${p.steps.map((s) => html`<li><strong>${s.name}</strong>：由${s.actor}承办${s.timeLimit ? html`，时限${s.timeLimit}` : ''}${s.note ? html`（${s.note}）` : ''}。</li>`)}</ol>
</article>`;
    return send(deps, req, reply, a, p.name, body, p.updatedAt);
  });
}
