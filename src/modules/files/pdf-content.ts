/**
 * PDF content streams with the two text operators that move to the next line and show a
 * string in one step, `'` and `"`, spelt out as `T*` and `Tj` (with `Tw` and `Tc` for `"`):
 * ISO 32000-1 §9.4.3 defines them as exactly that. MuPDF's redaction drops the text of a
 * page that uses them, so a page is normalised before its redactions are applied.
 */

/** One lexical token of a content stream, as its raw text and where it starts. */
type Token = { raw: string; start: number; operator: boolean };

const DELIMITERS = '()<>[]{}/%';
const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';
const isRegular = (c: string) => !isSpace(c) && !DELIMITERS.includes(c);

/** The end of the literal string starting at `at` (its '('), balancing nested brackets and escapes. */
function literalEnd(s: string, at: number): number {
  let depth = 0;
  for (let i = at; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return s.length;
}

function* tokens(s: string): Generator<Token> {
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (isSpace(c)) i++;
    else if (c === '%') while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    else if (c === '(') {
      const end = literalEnd(s, i);
      yield { raw: s.slice(i, end), start: i, operator: false };
      i = end;
    } else if (c === '<' && s[i + 1] === '<') (yield { raw: '<<', start: i, operator: false }, (i += 2));
    else if (c === '>' && s[i + 1] === '>') (yield { raw: '>>', start: i, operator: false }, (i += 2));
    else if (c === '<') {
      const end = s.indexOf('>', i) + 1 || s.length;
      yield { raw: s.slice(i, end), start: i, operator: false };
      i = end;
    } else if ('[]{}'.includes(c) || c === ')' || c === '>') (yield { raw: c, start: i, operator: false }, i++);
    else {
      let end = i + 1;
      while (end < s.length && isRegular(s[end]!)) end++;
      const raw = s.slice(i, end);
      const operator = c !== '/' && !/^[+\-.\d]/.test(raw) && raw !== 'true' && raw !== 'false' && raw !== 'null';
      yield { raw, start: i, operator };
      i = end;
      if (raw === 'ID') {
        // Inline image data runs to the first EI standing alone; skip it unread.
        const ei = /\sEI(?=\s|$)/g;
        ei.lastIndex = i;
        const m = ei.exec(s);
        i = m ? m.index + 3 : s.length;
      }
    }
  }
}

/** The content stream (as latin1 text) with `'` and `"` rewritten; the rest is kept byte for byte. */
export function spellOutQuoteOperators(content: string): string {
  let out = '';
  let copied = 0;
  let operands: Token[] = [];
  for (const t of tokens(content)) {
    if (!t.operator) {
      operands.push(t);
      continue;
    }
    if ((t.raw === "'" && operands.length >= 1) || (t.raw === '"' && operands.length >= 3)) {
      const first = operands.at(t.raw === '"' ? -3 : -1)!;
      const text = content.slice(operands.at(-1)!.start, t.start).trimEnd();
      const spacing = t.raw === '"' ? `${operands.at(-3)!.raw} Tw ${operands.at(-2)!.raw} Tc ` : '';
      out += content.slice(copied, first.start) + `${spacing}T* ${text} Tj`;
      copied = t.start + t.raw.length;
    }
    operands = [];
  }
  return out + content.slice(copied);
}
