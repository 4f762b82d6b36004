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
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

type Part = Html | string | number | null | undefined | false | readonly Part[];

const render = (p: Part): string =>
  p === null || p === undefined || p === false ? '' : p instanceof Html ? p.value : Array.isArray(p) ? p.map(render).join('') : escapeHtml(String(p));

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i] as Part) : ''), ''));
}

/** Text typed with line breaks (a body, a legal basis) as paragraphs. */
export const paragraphs = (text: string): Html[] => text.split(/\n+/).filter((p) => p.trim()).map((p) => html`<p>${p}</p>`);
