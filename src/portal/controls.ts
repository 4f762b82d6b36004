import { html, type Html } from './html.ts';

/** Page links: first, last and the pages around the current one, the current one marked; `href(n)` builds each link. */
export function pager(pageNo: number, pages: number, href: (n: number) => string): Html | '' {
  if (pages <= 1) return '';
  const shown = [...new Set([1, pageNo - 2, pageNo - 1, pageNo, pageNo + 1, pageNo + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const links: Html[] = [];
  let prev = 0;
  for (const n of shown) {
    if (n - prev > 1) links.push(html`<li aria-hidden="true">…</li>`);
    links.push(n === pageNo ? html`<li><a href="${href(n)}" aria-current="page">第 ${n} 页</a></li>` : html`<li><a href="${href(n)}">第 ${n} 页</a></li>`);
    prev = n;
  }
  return html`<nav class="pager" aria-label="分页"><ul>
${pageNo > 1 ? html`<li><a href="${href(pageNo - 1)}" rel="prev">上一页</a></li>` : ''}${links}${pageNo < pages ? html`<li><a href="${href(pageNo + 1)}" rel="next">下一页</a></li>` : ''}
</ul></nav>`;
}

/** A labelled drop-down whose first option, 全部, means "no filter". */
export function select(name: string, label: string, value: string | undefined, options: [string, string][]): Html {
  return html`<div class="field"><label for="f-${name}">${label}</label><select id="f-${name}" name="${name}"><option value="">全部</option>${options.map(
    ([v, l]) => html`<option value="${v}"${v === value ? html` selected` : ''}>${l}</option>`,
  )}</select></div>`;
}

/** A query string from parameters; empty and undefined values are left out. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
