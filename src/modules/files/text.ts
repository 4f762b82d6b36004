/**
 * The text of an attachment, for the sensitive-content check (SEC-2, SEC-6) and for search.
 * PDF goes through MuPDF; DOCX and XLSX are ZIPs of XML read with fflate and the small XML
 * tokenizer below, which redact.ts reuses so that redaction sees exactly the text that was
 * extracted and scanned.
 */
import { badRequest } from '../../core/errors.ts';
import { unzipEntries, type FileKind } from './sniff.ts';

// ---------------------------------------------------------------------------------------------
// XML tokens. OOXML parts are machine-written, namespace-prefixed XML without DTDs, so a
// tokenizer is enough; keeping every token's raw text lets redact.ts rewrite a part and leave
// everything it did not touch byte for byte as it was.

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

/**
 * Whether `t` is a tag of the given type and local name. Elements are matched by local name,
 * whatever their prefix: some writers prefix SpreadsheetML (x:c), and in a DOCX this also takes
 * in the text of equations (m:r/m:t) and drawing shapes (a:p/a:r/a:t).
 */
const isTag = (t: XmlToken, type: 'open' | 'close' | 'empty', local: string) =>
  t.type === type && localName(t.name) === local;

const decoder = new TextDecoder();
export const partText = (bytes: Uint8Array | undefined) => (bytes ? decoder.decode(bytes) : '');

// ---------------------------------------------------------------------------------------------
// DOCX (WordprocessingML).

/**
 * The parts of a DOCX that carry document text: body, headers, footers, footnotes, endnotes.
 * Comments are not here: redaction deletes them rather than publishing them.
 */
export const isDocxStoryPart = (name: string) =>
  /^word\/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(name);

/** A piece of a paragraph's text: from a text token (`token`) inside the `t` start tag `tag`, or a tab or break. */
export type DocxSegment = { text: string; source?: { token: number; tag: number } };

/**
 * The paragraphs of a story part, each as its text segments in order. Paragraphs nest (a text
 * box sits inside a run of its anchor paragraph), so each open paragraph keeps its own run
 * depth, and `tab` counts only inside a run: in paragraph properties it is a tab stop.
 * Deleted text (`w:delText`) and field instructions (`w:instrText`) are not text.
 */
export function docxParagraphs(tokens: XmlToken[]): DocxSegment[][] {
  const done: DocxSegment[][] = [];
  const open: Array<{ segments: DocxSegment[]; runDepth: number; textTag: number | null }> = [];
  tokens.forEach((t, index) => {
    if (isTag(t, 'empty', 'p')) return void done.push([]);
    if (isTag(t, 'open', 'p')) return void open.push({ segments: [], runDepth: 0, textTag: null });
    const top = open.at(-1);
    if (!top) return;
    if (isTag(t, 'close', 'p')) done.push(open.pop()!.segments);
    else if (isTag(t, 'open', 'r')) top.runDepth++;
    else if (isTag(t, 'close', 'r')) top.runDepth--;
    else if (top.runDepth === 0) return;
    else if (isTag(t, 'open', 't')) top.textTag = index;
    else if (isTag(t, 'close', 't')) top.textTag = null;
    else if (t.type === 'text' && top.textTag !== null) top.segments.push({ text: t.text, source: { token: index, tag: top.textTag } });
    else if (isTag(t, 'empty', 'tab')) top.segments.push({ text: '\t' });
    else if (isTag(t, 'empty', 'br') || isTag(t, 'empty', 'cr')) top.segments.push({ text: '\n' });
  });
  return done;
}

export const paragraphText = (segments: DocxSegment[]) => segments.map((s) => s.text).join('');

/** Story parts in reading order: the body first, then headers, footers and notes by name. */
const readingOrder = (a: string, b: string) =>
  Number(b === 'word/document.xml') - Number(a === 'word/document.xml') || a.localeCompare(b, 'en', { numeric: true });

/** Story parts' paragraphs as lines, parts separated by a blank line. */
export function docxText(bytes: Uint8Array): string {
  const parts = unzipEntries(bytes, isDocxStoryPart);
  return Object.keys(parts)
    .sort(readingOrder)
    .map((name) => docxParagraphs(tokenizeXml(partText(parts[name]))).map(paragraphText).join('\n').trimEnd())
    .filter((text) => text !== '')
    .join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// XLSX (SpreadsheetML).

/**
 * Text of rich strings (`si` in the shared-string table, `is` in an inline-string cell): the
 * `t` elements, leaving out phonetic guides (`rPh`), which repeat the text as reading aids.
 */
function richStrings(tokens: XmlToken[], container: string): string[] {
  const out: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  for (const t of tokens) {
    if (isTag(t, 'open', container)) current = [];
    else if (isTag(t, 'close', container) && current) {
      out.push(current.join(''));
      current = null;
    } else if (isTag(t, 'empty', container)) out.push('');
    else if (isTag(t, 'open', 'rPh')) phonetic++;
    else if (isTag(t, 'close', 'rPh')) phonetic--;
    else if (isTag(t, 'open', 't')) inText = true;
    else if (isTag(t, 'close', 't')) inText = false;
    else if (t.type === 'text' && inText && phonetic === 0 && current) current.push(t.text);
  }
  return out;
}

/**
 * One line per non-empty row, cells joined by tabs. Shared strings are looked up; inline
 * strings are read from `is`; every other type (numbers, formula results, booleans) is the raw
 * `v`. Formulas themselves (`f`) are not text.
 */
function sheetText(xml: string, shared: string[]): string {
  const rows: string[] = [];
  let cells: string[] = [];
  let cell: { type: string; tokens: XmlToken[] } | null = null;
  for (const t of tokenizeXml(xml)) {
    if (isTag(t, 'open', 'row')) cells = [];
    else if (isTag(t, 'close', 'row')) {
      if (cells.length > 0) rows.push(cells.join('\t'));
    } else if (isTag(t, 'open', 'c')) cell = { type: xmlAttr(t.raw, 't') ?? 'n', tokens: [] };
    else if (isTag(t, 'close', 'c') && cell) {
      const value = cellValue(cell.type, cell.tokens, shared);
      if (value !== '') cells.push(value);
      cell = null;
    } else cell?.tokens.push(t);
  }
  return rows.join('\n');
}

function cellValue(type: string, tokens: XmlToken[], shared: string[]): string {
  if (type === 'inlineStr') return richStrings(tokens, 'is').join('');
  const at = tokens.findIndex((t) => isTag(t, 'open', 'v'));
  const next = at < 0 ? undefined : tokens[at + 1];
  const v = next?.type === 'text' ? next.text : '';
  return type === 's' ? (shared[Number(v)] ?? '') : v;
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

function xlsxText(bytes: Uint8Array): string {
  const parts = unzipEntries(bytes, (name) => name === 'xl/sharedStrings.xml' || SHEET.test(name));
  const shared = richStrings(tokenizeXml(partText(parts['xl/sharedStrings.xml'])), 'si');
  // Sheets in the order of their part numbers, which is the order they were created in; the
  // tab order in workbook.xml may differ, which does not matter for scanning or search.
  const sheetNumber = (name: string) => Number(SHEET.exec(name)![1]);
  return Object.keys(parts)
    .filter((name) => SHEET.test(name))
    .sort((a, b) => sheetNumber(a) - sheetNumber(b))
    .map((name) => sheetText(partText(parts[name]), shared))
    .filter((text) => text !== '')
    .join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// PDF.

/**
 * MuPDF is a large WebAssembly module; importing it on first use keeps it out of the start-up
 * of processes that never open a PDF. The import is cached, so later calls cost little.
 */
export async function loadMupdf() {
  const mupdf = await import('mupdf');
  // MuPDF prints its warnings ("repairing PDF document") straight to stderr, outside the
  // service's structured log; whatever matters reaches the caller as an exception instead.
  mupdf.setLog({});
  return mupdf;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  try {
    if (doc.needsPassword()) throw badRequest('FILE_ENCRYPTED', 'PDF 文件已加密，无法检查其内容');
    const pages: string[] = [];
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i);
      const text = page.toStructuredText('preserve-whitespace');
      pages.push(text.asText().trimEnd());
      text.destroy();
      page.destroy();
    }
    return pages.join('\n\n');
  } finally {
    doc.destroy();
  }
}

/**
 * The text of an attachment whose kind `sniffFile` established. Images give '': there is no
 * OCR here, so a scanned page or a photo of a document is not checked automatically and the
 * reviewer has to look at it.
 */
export async function extractText(kind: FileKind, bytes: Uint8Array): Promise<string> {
  switch (kind) {
    case 'pdf':
      return pdfText(bytes);
    case 'docx':
      return docxText(bytes);
    case 'xlsx':
      return xlsxText(bytes);
    case 'png':
    case 'jpeg':
      return '';
  }
}
