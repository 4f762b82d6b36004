/**
 * Server-rendered HTML with escaping by default: interpolated values are escaped unless they
 * are already `Html` (the result of another `html` template or of `raw`).
 */
/** The content type of every portal page. */
export const HTML_TYPE = 'text/html; charset=utf-8';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
// Most values (titles, dates, ids) hold none of the five characters: a test is cheaper than a replace.
export const escapeHtml = (s: string): string => (SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : s);

type Part = Html | string | number | null | undefined | false | readonly Part[];

// Loops, not map/join/reduce: a catalog page renders some five hundred parts.
function render(p: Part): string {
  if (p === null || p === undefined || p === false) return '';
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) {
    let out = '';
    for (const q of p as readonly Part[]) out += render(q);
    return out;
  }
  return escapeHtml(String(p));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** Text typed with line breaks (a body, a legal basis) as paragraphs. */
export const paragraphs = (text: string): Html[] => text.split(/\n+/).filter((p) => p.trim()).map((p) => html`<p>${p}</p>`);
