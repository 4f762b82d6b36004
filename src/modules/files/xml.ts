/**
 * XML tokens. OOXML parts are machine-written, namespace-prefixed XML without DTDs, so a
 * tokenizer is enough; keeping every token's raw text lets redact.ts rewrite a part and leave
 * everything it did not touch byte for byte as it was. Read by the package reader, text
 * extraction and redaction alike.
 */
import { badRequest } from '../../core/errors.ts';

export type XmlToken =
  | { type: 'open' | 'close' | 'empty'; name: string; raw: string }
  | { type: 'text'; text: string; raw: string }
  | { type: 'other'; raw: string }; // XML declaration, comments, processing instructions

const TOKEN =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<[?!][\s\S]*?>|<(\/?)([^\s/>]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>|[^<]+/g;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Escapes text for element content and for double- or single-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Splits XML into tokens whose raw texts concatenate back to the input; throws on a stray '<'. */
export function tokenizeXml(xml: string): XmlToken[] {
  const tokens: XmlToken[] = [];
  let covered = 0;
  for (const m of xml.matchAll(TOKEN)) {
    if (m.index !== covered) break;
    covered += m[0].length;
    const [raw, cdata, slash, name, selfClose] = m;
    if (cdata !== undefined) tokens.push({ type: 'text', text: cdata, raw });
    else if (name !== undefined) tokens.push({ type: slash ? 'close' : selfClose ? 'empty' : 'open', name, raw });
    else if (raw[0] === '<') tokens.push({ type: 'other', raw });
    else tokens.push({ type: 'text', text: decodeXml(raw), raw });
  }
  if (covered !== xml.length) throw badRequest('BAD_XML', '文件内容格式错误');
  return tokens;
}

/** The value of attribute `name` in a start tag, decoded; undefined when absent. */
export function xmlAttr(tagRaw: string, name: string): string | undefined {
  const m = new RegExp(String.raw`\s${name.replace(/[.:]/g, '\\$&')}\s*=\s*(?:"([^"]*)"|'([^']*)')`).exec(tagRaw);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

export const localName = (name: string) => name.slice(name.indexOf(':') + 1);
