/** Where a result shows the query's words: marked stretches of a title, and a snippet of the body around the first hit. */

export type Stretch = { text: string; hit: boolean };

/** Case-insensitive positions of the words in `text`, longest word first where they overlap. */
function hits(text: string, words: string[]): Array<[number, number]> {
  const lower = text.toLowerCase();
  const found: Array<[number, number]> = [];
  for (const word of [...words].sort((a, b) => b.length - a.length)) {
    if (!word) continue;
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + word.length)) {
      const end = at + word.length;
      if (!found.some(([s, e]) => at < e && end > s)) found.push([at, end]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

/** The text cut into stretches, the query's words marked; adjacent words form one stretch. */
export function markWords(text: string, words: string[]): Stretch[] {
  const out: Stretch[] = [];
  let from = 0;
  for (const [s, e] of hits(text, words)) {
    const last = out.at(-1);
    if (s > from) out.push({ text: text.slice(from, s), hit: false });
    else if (last?.hit) {
      // Adjacent words (就业|见习) read as one marked stretch.
      last.text += text.slice(s, e);
      from = e;
      continue;
    }
    out.push({ text: text.slice(s, e), hit: true });
    from = e;
  }
  if (from < text.length) out.push({ text: text.slice(from), hit: false });
  return out;
}

/** Han characters and CJK punctuation: text in which a line break is only where a PDF's line ended. */
const CJK = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef]';
const CJK_LINE_BREAK = new RegExp(`(?<=${CJK})\\s*\\n\\s*(?=${CJK})`, 'gu');

/**
 * Text extracted from a PDF keeps the page's line ends, often inside a word (就业见\n习): between
 * Chinese characters they are dropped, elsewhere they become one space.
 */
export const joinLines = (text: string): string => text.replace(CJK_LINE_BREAK, '').replace(/\s+/g, ' ').trim();

/** About `length` characters of the body around its first hit (its start when none), with … where cut. */
export function snippet(body: string, words: string[], length = 120): string {
  const text = joinLines(body);
  const first = hits(text, words)[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - Math.floor(length / 3), text.length - length));
  const end = Math.min(text.length, start + length);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/**
 * Where a result's snippet comes from: the body, unless an attachment holds more of the query's
 * words (then the first such file, named so the visitor knows which file to open).
 */
export function snippetSource(body: string, attachments: { name: string; text: string }[], words: string[]): { text: string; file: string | null } {
  const found = (text: string) => {
    const joined = joinLines(text).toLowerCase();
    return new Set(hits(joined, words).map(([s, e]) => joined.slice(s, e))).size;
  };
  let best = { text: body, file: null as string | null, n: found(body) };
  for (const a of attachments) {
    const n = found(a.text);
    if (n > best.n) best = { text: a.text, file: a.name, n };
  }
  return { text: best.text, file: best.file };
}
