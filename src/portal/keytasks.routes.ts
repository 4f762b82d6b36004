import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/deps.ts';
import { publicEvaluations, publicKeyTasks } from '../modules/keytasks/keytasks.service.ts';
import { agencyByCode, agencyCrumbs, sendNotFound } from './agency.ts';
import { HTML_TYPE, html, paragraphs } from './html.ts';
import { portalPage } from './layout.ts';

const TITLE = '重点工作';

/**
 * Key tasks with their measures, steps, responsible units and dated progress (FIVE-2), and the
 * evaluation of major policies one year after they take effect, each linked to its report (FIVE-5).
 */
export async function portalKeyTaskRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { code: string } }>('/xxgk/:code/key-tasks', { config: { access: 'public' } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    if (!a) return sendNotFound(deps, reply);
    const [tasks, evaluations] = await Promise.all([publicKeyTasks(deps.db, a.id), publicEvaluations(deps.db, a.id)]);
    const item = (id: string, title: string) => html`<a href="/xxgk/${a.code}/items/${id}">${title}</a>`;
    const body = html`${agencyCrumbs(a, [[null, TITLE]])}
<h1>重点工作和落实情况</h1>
<p>本机关公开重点工作的工作措施、实施步骤、责任单位和工作进展，接受社会监督。</p>
${tasks.length ? tasks.map((t) => html`<section class="key-task"><h2>${t.year}年：${t.title}</h2>
<table class="meta"><caption class="visually-hidden">${t.title}</caption><tbody>
<tr><th scope="row">工作措施</th><td>${paragraphs(t.measures)}</td></tr>
<tr><th scope="row">实施步骤</th><td>${paragraphs(t.steps)}</td></tr>
<tr><th scope="row">责任单位</th><td>${t.units}</td></tr>
<tr><th scope="row">工作进展</th><td>${t.progress.length ? html`<ol class="timeline">${t.progress.map((p) => html`<li><time datetime="${p.onDate}">${p.onDate}</time> ${p.text}</li>`)}</ol>` : '尚未登记进展'}</td></tr>
</tbody></table></section>`) : html`<p>暂无公开的重点工作。</p>`}
<h2>重大政策实施评估</h2>
<p>重要政策措施实施一年后，政策制定单位提出政策实施情况评估报告并向社会公开。</p>
${evaluations.length
    ? html`<table class="list"><caption class="visually-hidden">重大政策实施评估</caption><thead><tr><th scope="col">政策</th><th scope="col">施行日期</th><th scope="col">评估报告</th></tr></thead><tbody>
${evaluations.map((e) => html`<tr><td>${item(e.policyItemId, e.policyTitle)}</td><td class="nowrap">${e.effectiveOn}</td><td>${e.reportItemId ? item(e.reportItemId, e.reportTitle ?? '评估报告') : html`施行一年后（${e.dueOn}）公开`}</td></tr>`)}
</tbody></table>`
    : html`<p>暂无。</p>`}`;
    return reply.type(HTML_TYPE).send(await portalPage(deps, { title: TITLE, agency: a, body }));
  });
}
