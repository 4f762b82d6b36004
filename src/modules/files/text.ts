/**
 * The text of an attachment, for the sensitive-content check (SEC-2, SEC-6) and for search.
 * PDF goes through MuPDF; DOCX and XLSX are ZIPs of XML read with fflate and the small XML
 * tokenizer of xml.ts, which redact.ts reuses so that redaction sees exactly the text that was
 * extracted and scanned.
 */
import { badRequest } from '../../core/errors.ts';
import { linkedParts, openPackage, partXml, type OfficePackage, type Part } from './package.ts';
import { sniffFile, type FileKind } from './sniff.ts';
import { localName, tokenizeXml, xmlAttr, type XmlToken } from './xml.ts';

/**
 * Whether `t` is a tag of the given type and local name. Elements are matched by local name,
 * whatever their prefix: some writers prefix SpreadsheetML (x:c), and in a DOCX this also takes
 * in the text of equations (m:r/m:t) and drawing shapes (a:p/a:r/a:t).
 */
const isTag = (t: XmlToken, type: 'open' | 'close' | 'empty', local: string) =>
  t.type === type && localName(t.name) === local;


// ---------------------------------------------------------------------------------------------
// DOCX (WordprocessingML).

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.';
const STORY_TYPES = new Set(['document.main+xml', 'header+xml', 'footer+xml', 'footnotes+xml', 'endnotes+xml'].map((t) => WORD + t));

/**
 * A part of a DOCX that carries document text: body, headers, footers, footnotes, endnotes,
 * known by its content type, not its name. Comments are not here: the published copy drops them.
 */
export const isDocxStoryPart = (part: Pick<Part, 'contentType'>) => STORY_TYPES.has(part.contentType);

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

const storyText = (xml: string) => docxParagraphs(tokenizeXml(xml)).map(paragraphText).join('\n').trimEnd();

/** Story parts' paragraphs as lines, the body first, then headers, footers and notes as linked; parts separated by a blank line. */
function docxText(pkg: OfficePackage): string {
  return [...pkg.parts.values()]
    .filter(isDocxStoryPart)
    .map((part) => storyText(partXml(part.data)))
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

/** The worksheets of a workbook in tab order, hidden ones included, and its shared strings. */
export function workbookSheets(pkg: OfficePackage): { sheets: Part[]; shared: string[] } {
  const shared = linkedParts(pkg, pkg.main.name, ['sharedStrings'])[0];
  return { sheets: linkedParts(pkg, pkg.main.name, ['worksheet']), shared: richStrings(tokenizeXml(partXml(shared?.data)), 'si') };
}

function xlsxText(pkg: OfficePackage): string {
  const { sheets, shared } = workbookSheets(pkg);
  return sheets
    .map((sheet) => sheetText(partXml(sheet.data), shared))
    .filter((text) => text !== '')
    .join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// What a reader does not see but a published file would still carry: comments, deleted text,
// field instructions, properties, charts, alternative text, hidden cells' formulas, headers of
// sheets, document variables, hyperlink targets, embedded packages. The sensitive-content
// check reads it as well as the visible text.

/** Elements that are part of a line, not lines of their own. */
const INLINE = new Set(['t', 'delText', 'instrText', 'r', 'ins', 'del', 'hyperlink', 'smartTag', 'fldSimple', 'customXml', 'rPh', 'moveFrom', 'moveTo']);
/** Attributes that hold text a person typed: alternative text, tooltips, sheet names, document variables. */
export const TEXT_ATTRIBUTES: Record<string, string[]> = { docPr: ['descr', 'title'], cNvPr: ['descr', 'title'], hyperlink: ['tooltip'], sheet: ['name'], attr: ['val'], docVar: ['val'], definedName: ['name'] };

/** Every text node and text attribute of a part, one element per line; story text a reader sees is left out. */
function partHiddenLines(part: Part): string[] {
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    if (line.trim() !== '') lines.push(line);
    line = '';
  };
  const story = isDocxStoryPart(part);
  const sheet = part.contentType.endsWith('spreadsheetml.worksheet+xml');
  const stack: string[] = [];
  for (const t of tokenizeXml(partXml(part.data))) {
    if (t.type === 'open' || t.type === 'empty') {
      const name = localName(t.name);
      for (const attr of TEXT_ATTRIBUTES[name] ?? []) {
        const value = xmlAttr(t.raw, attr) ?? xmlAttr(t.raw, `w:${attr}`);
        if (value) lines.push(value);
      }
      if (t.type === 'open') stack.push(name);
    } else if (t.type === 'close') {
      const name = stack.pop() ?? '';
      if (!INLINE.has(name)) flush();
    } else if (t.type === 'text') {
      const inside = stack.at(-1) ?? '';
      // In a story only deleted text and field instructions are hidden; in a sheet, formulas
      // and everything outside the cells (headers and footers, data validation messages).
      if (story ? inside === 'delText' || inside === 'instrText' : !sheet || inside === 'f' || !stack.includes('sheetData')) line += t.text;
    }
  }
  flush();
  return lines;
}

const isXmlPart = (part: Part) => /[+/]xml$/.test(part.contentType) || part.name.endsWith('.xml');

function officeHiddenText(pkg: OfficePackage, visible: string): string {
  const seen = new Set(visible.split(/[\t\n]/));
  const lines: string[] = [];
  for (const part of pkg.parts.values()) {
    if (isXmlPart(part)) lines.push(...partHiddenLines(part).filter((l) => !seen.has(l)));
    else if (part.reachedBy === 'package') {
      const kind = sniffFile(part.data)?.kind;
      if (kind === 'docx' || kind === 'xlsx') lines.push(inspectOffice(kind, part.data));
    }
    for (const rel of pkg.relationships(part.name)) if (rel.external) lines.push(rel.target);
  }
  return lines.join('\n');
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
 * What a PDF carries besides its pages' text: the document information and XMP packet,
 * bookmarks, annotation notes, form field values and the names of embedded files.
 */
async function pdfHiddenText(bytes: Uint8Array): Promise<string> {
  const mupdf = await loadMupdf();
  const doc = new mupdf.PDFDocument(bytes);
  try {
    const lines: string[] = [];
    doc.getTrailer().get('Info').forEach((value) => lines.push(value.isString() ? value.asString() : ''));
    const xmp = doc.getTrailer().get('Root').get('Metadata');
    if (xmp.isStream()) lines.push(xmp.readStream().asString());
    const outline = (items: ReturnType<typeof doc.loadOutline>) => items?.forEach((item) => (lines.push(item.title ?? ''), outline(item.down ?? null)));
    outline(doc.loadOutline());
    lines.push(...Object.keys(doc.getEmbeddedFiles()));
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i);
      for (const annot of page.getAnnotations()) lines.push(annot.getContents());
      for (const widget of page.getWidgets()) lines.push(widget.getValue());
      page.destroy();
    }
    return lines.filter((l) => l.trim() !== '').join('\n');
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
      return docxText(openPackage(bytes));
    case 'xlsx':
      return xlsxText(openPackage(bytes));
    case 'png':
    case 'jpeg':
      return '';
  }
}

/**
 * Everything the sensitive-content check reads in a file (SEC-2, SEC-6): the text a reader
 * sees, then, after a blank line, what a published file could still carry out of sight.
 */
export async function inspectText(kind: FileKind, bytes: Uint8Array): Promise<string> {
  if (kind === 'pdf') return [await pdfText(bytes), await pdfHiddenText(bytes)].filter(Boolean).join('\n\n');
  return kind === 'docx' || kind === 'xlsx' ? inspectOffice(kind, bytes) : '';
}

/** inspectText for a Word or Excel file. */
export function inspectOffice(kind: 'docx' | 'xlsx', bytes: Uint8Array): string {
  const pkg = openPackage(bytes);
  const visible = kind === 'docx' ? docxText(pkg) : xlsxText(pkg);
  return [visible, officeHiddenText(pkg, visible)].filter(Boolean).join('\n\n');
}
