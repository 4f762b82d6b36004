import type { FastifyInstance } from 'fastify';
import { OUTCOME_KEYS, OUTCOMES } from '../modules/applications/applications.rules.ts';
import { chinaDateOf, chinaLongDateOf } from '../core/clock.ts';
import type { AppDeps } from '../http/deps.ts';
import { sendDownload } from '../http/download.ts';
import { gridHtml } from '../modules/reports/reports.render.ts';
import { annualFile, publishedReport, publishedReports, type AnnualFile } from '../modules/reports/reports.service.ts';
import type { AnnualReportTable } from '../modules/reports/reports.tables.ts';
import { agencyByCode, agencyCrumbs, flatQuery, intParam, sendNotFound } from './agency.ts';
import { HTML_TYPE, html, paragraphs, type Html } from './html.ts';
import { portalPage } from './layout.ts';

/** Table 3's outcomes by group as a bar chart drawn on the server, in addition to the table; its figures are its caption. None when nothing was answered. */
function outcomeChart(cells: Record<string, number>): Html {
  const groups = [...new Set(OUTCOME_KEYS.map((k) => OUTCOMES[k].group))].map((g) => ({
    group: g,
    n: OUTCOME_KEYS.filter((k) => OUTCOMES[k].group === g).reduce((s, k) => s + (cells[`t3.${k}.total`] ?? 0), 0),
  }));
  if (groups.every((g) => g.n === 0)) return html``;
  const max = Math.max(...groups.map((g) => g.n));
  const bar = 36;
  const width = 560;
  const text = groups.map((g) => `${g.group}${g.n}件`).join('，');
  return html`<figure class="report-chart"><svg viewBox="0 0 ${width} ${groups.length * bar + 8}" width="100%" role="img" aria-labelledby="outcome-chart-caption">
${groups.map((g, i) => html`<text x="0" y="${i * bar + 22}" font-size="14">${g.group}</text><rect x="90" y="${i * bar + 6}" width="${Math.round((g.n / max) * (width - 160))}" height="22" fill="#b5121b"></rect><text x="${96 + Math.round((g.n / max) * (width - 160))}" y="${i * bar + 22}" font-size="14">${g.n}</text>`)}
</svg><figcaption id="outcome-chart-caption">图：本年度申请办理结果（${text}）</figcaption></figure>`;
}

/**
 * The agency's 年报 column (LAW-49/50): its published annual reports, each an accessible HTML
 * page whose tables are real tables laid out as the national template, with Word and PDF
 * downloads. A corrected report shows its reason and keeps the earlier version readable.
 */
export async function portalReportRoutes(app: FastifyInstance, deps: AppDeps) {
  // A published version never changes, so its files are made once (a few per agency and year, kept while the server runs).
  const files = new Map<string, Promise<AnnualFile>>();
  const fileOf = (row: AnnualReportTable, format: 'docx' | 'pdf') => {
    const key = `${row.id}.${format}`;
    if (!files.has(key)) files.set(key, annualFile(deps.db, deps.clock, row, format).catch((e: unknown) => { files.delete(key); throw e; }));
    return files.get(key)!;
  };

  app.get<{ Params: { code: string } }>('/xxgk/:code/reports', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    if (!a) return sendNotFound(deps, reply);
    const reports = await publishedReports(deps.db, a.id);
    const current = reports.filter((r) => !r.superseded_by);
    const body = html`${agencyCrumbs(a, [[null, '政府信息公开年报']])}
<h1>政府信息公开年报</h1>
<p>按照《中华人民共和国政府信息公开条例》第四十九条，本机关于每年1月31日前公布上一年度政府信息公开工作年度报告。</p>
${current.length
  ? html`<ul class="report-list">${current.map((r) => html`<li><a href="/xxgk/${a.code}/reports/${r.year}">${a.name}${r.year}年政府信息公开工作年度报告</a>
<span class="hint">发布日期：<time datetime="${chinaDateOf(r.published_at!)}">${chinaDateOf(r.published_at!)}</time>${r.version > 1 ? html`（第${r.version}版，已更正）` : ''}</span></li>`)}</ul>`
  : html`<p>${a.name}尚未在本平台发布政府信息公开工作年度报告。报告发布后将在此页面列出。</p>`}
<p>您可以查阅本机关的<a href="/xxgk/${a.code}/catalog">法定主动公开内容</a>，或<a href="/xxgk/${a.code}/apply">依申请获取政府信息</a>。</p>`;
    return reply.type(HTML_TYPE).send(await portalPage(deps, { title: '政府信息公开年报', agency: a, body }));
  });

  app.get<{ Params: { code: string; year: string } }>('/xxgk/:code/reports/:year', { config: { access: 'public', cachedPage: true } }, async (req, reply) => {
    const a = await agencyByCode(deps, req.params.code);
    const m = /^(\d{4})(?:\.(docx|pdf))?$/.exec(req.params.year);
    if (!a || !m) return sendNotFound(deps, reply);
    const version = intParam(flatQuery(req.query).version, 0, 1000);
    const found = await publishedReport(deps.db, deps.clock, a.id, Number(m[1]), version || undefined);
    if (!found) return sendNotFound(deps, reply, '年度报告');
    const { row, doc } = found;
    const suffix = version ? `?version=${version}` : '';
    if (m[2]) return sendDownload(reply, await fileOf(row, m[2] as 'docx' | 'pdf'), 'public', m[2] === 'pdf' ? 'inline' : 'attachment');
    const versions = (await publishedReports(deps.db, a.id)).filter((r) => r.year === row.year);
    const body = html`${agencyCrumbs(a, [[`/xxgk/${a.code}/reports`, '政府信息公开年报'], [null, `${row.year}年度报告`]])}
<article class="annual-report">
<h1>${doc.title}</h1>
<p class="hint">${doc.subtitle}</p>
${row.superseded_by ? html`<p class="notice" role="note">本版本已被更正，请查阅<a href="/xxgk/${a.code}/reports/${row.year}">现行版本</a>。</p>` : ''}
<p class="downloads">下载：<a href="/xxgk/${a.code}/reports/${row.year}.docx${suffix}">Word 文档</a> · <a href="/xxgk/${a.code}/reports/${row.year}.pdf${suffix}">PDF 文档</a></p>
${doc.parts.map((p, i) => html`<section><h2>${p.heading}</h2>${paragraphs(p.text)}${p.grids.map((g) => gridHtml(g, p.heading))}${i === 2 ? outcomeChart(found.figures.cells) : ''}</section>`)}
${doc.note ? html`<p class="hint">${doc.note}</p>` : ''}
${versions.length > 1 ? html`<section><h2>版本记录</h2><ul>${versions.map((v) => html`<li><a href="/xxgk/${a.code}/reports/${row.year}?version=${v.version}">第${v.version}版</a>，${chinaLongDateOf(v.published_at!)}发布${v.correction_reason ? html`，更正原因：${v.correction_reason}` : ''}${v.superseded_by ? '（已被更正）' : '（现行版本）'}</li>`)}</ul></section>` : ''}
</article>`;
    return reply.type(HTML_TYPE).send(await portalPage(deps, { title: doc.title, agency: a, body }));
  });
}
