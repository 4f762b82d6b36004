/**
 * Partial disclosure (SEC-10, LAW-37): the public version of a body text, PDF or DOCX with
 * every marked phrase removed for real, not merely covered, so that copying text out of the
 * published file or reading its bytes cannot bring it back. The original stays internal.
 */
import { zipSync, type Zippable } from 'fflate';
import type { Quad, Rect } from 'mupdf';
import { AppError } from '../../core/errors.ts';
import { spellOutQuoteOperators } from './pdf-content.ts';
import type { FileKind } from './sniff.ts';
import { openPackage, partXml, relsPartOf, type OfficePackage, type Part } from './package.ts';
import { docxParagraphs, inspectOffice, inspectText, isDocxStoryPart, loadMupdf, paragraphText, TEXT_ATTRIBUTES, type DocxSegment } from './text.ts';
import { decodeXml, escapeXml, localName, tokenizeXml, xmlAttr, type XmlToken } from './xml.ts';

/**
 * What stands in place of removed text: the same mark whatever was removed, so the public
 * copy does not tell a two-character name from an eighteen-digit ID number.
 */
export const REDACTION_MARK = '【已删除】';

type Span = { start: number; end: number };

/**
 * Every stretch of `text` covered by some occurrence of some phrase, merged, sorted. Taking the
 * union gives what replacing the longest phrases first gives when one phrase contains another,
 * and also masks both of two phrases that merely overlap ("张三" and "三丰" in "张三丰"),
 * where replacing one would break up the other and leave part of it readable.
 */
function phraseSpans(text: string, phrases: string[]): Span[] {
  const hits: Span[] = [];
  for (const phrase of new Set(phrases)) {
    if (phrase.trim() === '') continue; // a blank phrase would mask every space
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      hits.push({ start: at, end: at + phrase.length });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const hit of hits) {
    const last = merged.at(-1);
    if (last && hit.start <= last.end) last.end = Math.max(last.end, hit.end);
    else merged.push({ ...hit });
  }
  return merged;
}

/** `text` with every occurrence of every phrase replaced by the redaction mark. */
export function redactText(text: string, phrases: string[]): string {
  let out = '';
  let pos = 0;
  for (const { start, end } of phraseSpans(text, phrases)) {
    out += text.slice(pos, start) + REDACTION_MARK;
    pos = end;
  }
  return out + text.slice(pos);
}

/**
 * The last line of defence: the text extracted from the public copy, the same text that was
 * scanned, must contain none of the phrases. A phrase the format-specific pass could not reach
 * (one running over two paragraphs of a DOCX, or PDF text MuPDF's search cannot match) stops
 * publication instead of leaking.
 */
function assertRemoved(publicText: string, phrases: string[]): void {
  const surviving = phrases.filter((p) => p.trim() !== '' && publicText.includes(p));
  if (surviving.length > 0) {
    throw new AppError('REDACTION_INCOMPLETE', 422, `文件中有 ${surviving.length} 处需删除的内容无法自动删除，请人工处理后重新上传`);
  }
}

// ---------------------------------------------------------------------------------------------
// PDF.

const boundsOf = (quads: Quad[]): Rect => {
  const xs = quads.flatMap((q) => [q[0], q[2], q[4], q[6]]);
  const ys = quads.flatMap((q) => [q[1], q[3], q[5], q[7]]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

/**
 * The middle half of a hit's quad, top to bottom. MuPDF removes every glyph whose box touches
 * a redaction area, and a font's box is taller than its line pitch in a document set in
 * single spacing, so a full-height area would also take letters of the lines above and below.
 */
function middleBand(q: Quad): Quad {
  const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
  const [ulx, uly, urx, ury, llx, lly, lrx, lry] = q;
  return [lerp(ulx, llx, 0.25), lerp(uly, lly, 0.25), lerp(urx, lrx, 0.25), lerp(ury, lry, 0.25), lerp(ulx, llx, 0.75), lerp(uly, lly, 0.75), lerp(urx, lrx, 0.75), lerp(ury, lry, 0.75)];
}

type MupdfModule = Awaited<ReturnType<typeof loadMupdf>>;
type PdfObject = InstanceType<MupdfModule['PDFObject']>;

/** Rewrites `'` and `"` in a page's content streams and in the form XObjects it draws (see pdf-content.ts). */
function spellOutPageText(page: PdfObject, seen = new Set<number>()): void {
  const rewrite = (stream: PdfObject) => {
    if (!stream.isStream() || (stream.isIndirect() && seen.has(stream.asIndirect()))) return;
    if (stream.isIndirect()) seen.add(stream.asIndirect());
    const before = stream.readStream().asString();
    const after = spellOutQuoteOperators(before);
    if (after !== before) stream.writeStream(Buffer.from(after, 'latin1'));
  };
  const contents = page.get('Contents');
  if (contents.isArray()) contents.forEach((c) => rewrite(c));
  else rewrite(contents);
  page.get('Resources').get('XObject').forEach((x) => {
    if (x.get('Subtype').asName() !== 'Form' || (x.isIndirect() && seen.has(x.asIndirect()))) return;
    rewrite(x);
    spellOutPageText(x, seen);
  });
}

/** Catalog entries a published PDF leaves out: metadata, attachments and scripts, forms, layers, bookmarks, tags. */
const DROPPED_CATALOG_KEYS = ['Metadata', 'Names', 'OpenAction', 'AA', 'AcroForm', 'OCProperties', 'Outlines', 'StructTreeRoot', 'MarkInfo', 'PieceInfo', 'Perms', 'Threads'];
const DROPPED_PAGE_KEYS = ['Annots', 'AA', 'Metadata', 'PieceInfo', 'StructParents'];

/**
 * The published copy of a PDF (SEC-10, LAW-37), made whether or not anything was marked:
 * MuPDF finds each phrase on each page, a redaction annotation goes over every hit, and
 * applying them deletes the glyphs underneath, blanks the pixels of images under the area,
 * removes line art it covers and draws black boxes. Then the document information and XMP
 * metadata, annotations, embedded files, JavaScript, forms, optional-content layers,
 * bookmarks and the structure tree are dropped: a layer switched off shows, so whatever it
 * hid is checked again with the rest. Saving with garbage collection drops the old content
 * streams and every object no longer referenced. The result is read back and checked
 * (assertRemoved), which also catches hits beyond the 500 that one MuPDF search returns.
 */
export async function redactPdf(bytes: Uint8Array, phrases: string[]): Promise<Uint8Array> {
  const mupdf = await loadMupdf();
  const wanted = [...new Set(phrases)].filter((p) => p.trim() !== '');
  const doc = new mupdf.PDFDocument(bytes);
  let out: Uint8Array;
  try {
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i);
      const hits = wanted.flatMap((phrase) => page.search(phrase, ''));
      if (hits.length > 0) {
        spellOutPageText(page.getObject());
        for (const quads of hits.map((q) => q.map(middleBand))) {
          const annot = page.createAnnotation('Redact');
          annot.setRect(boundsOf(quads));
          annot.setQuadPoints(quads);
        }
        page.applyRedactions(true, mupdf.PDFPage.REDACT_IMAGE_PIXELS, mupdf.PDFPage.REDACT_LINE_ART_REMOVE_IF_COVERED, mupdf.PDFPage.REDACT_TEXT_REMOVE);
      }
      for (const key of DROPPED_PAGE_KEYS) page.getObject().delete(key);
      page.destroy();
    }
    const trailer = doc.getTrailer();
    trailer.delete('Info');
    for (const key of DROPPED_CATALOG_KEYS) trailer.get('Root').delete(key);
    const saved = doc.saveToBuffer('garbage=4,compress');
    out = saved.asUint8Array().slice(); // a copy: the view points into MuPDF's memory
    saved.destroy();
  } finally {
    doc.destroy();
  }
  assertRemoved(await inspectText('pdf', out), wanted);
  return out;
}

// ---------------------------------------------------------------------------------------------
// DOCX.

type Decision = 'keep' | 'drop' | 'unwrap';

/**
 * Keeps, drops (with everything inside) or unwraps (keeping what is inside) each element.
 * The decision is taken at the start tag and applies to the element's end tag as well.
 */
function filterElements(tokens: XmlToken[], decide: (tag: Extract<XmlToken, { name: string }>) => Decision): XmlToken[] {
  const kept: XmlToken[] = [];
  const openDecisions: Decision[] = [];
  let dropDepth = 0;
  for (const t of tokens) {
    if (dropDepth > 0) {
      if (t.type === 'open') dropDepth++;
      else if (t.type === 'close') dropDepth--;
      continue;
    }
    if (t.type === 'open' || t.type === 'empty') {
      const decision = decide(t);
      if (decision === 'drop') {
        if (t.type === 'open') dropDepth = 1; // its end tag is skipped with its content
        continue;
      }
      if (t.type === 'open') openDecisions.push(decision);
      if (decision === 'keep') kept.push(t);
    } else if (t.type === 'close') {
      if (openDecisions.pop() === 'keep') kept.push(t);
    } else kept.push(t);
  }
  return kept;
}

/**
 * What must not reach the public copy besides the marked text: deleted and moved-away text of
 * tracked changes (insertions are accepted by unwrapping them), comment anchors, and custom
 * XML markup with its properties.
 */
const STORY_DECISIONS: Record<string, Decision> = {
  del: 'drop',
  moveFrom: 'drop',
  ins: 'unwrap',
  moveTo: 'unwrap',
  commentRangeStart: 'drop',
  commentRangeEnd: 'drop',
  commentReference: 'drop',
  customXml: 'unwrap',
  customXmlPr: 'drop',
  moveFromRangeStart: 'drop',
  moveFromRangeEnd: 'drop',
  moveToRangeStart: 'drop',
  moveToRangeEnd: 'drop',
  rPrChange: 'drop',
  pPrChange: 'drop',
  sectPrChange: 'drop',
  tblPrChange: 'drop',
  tblPrExChange: 'drop',
  tblGridChange: 'drop',
  trPrChange: 'drop',
  tcPrChange: 'drop',
  numberingChange: 'drop',
};

/**
 * Sets a text token. A `w:t` gets xml:space="preserve" so Word keeps spaces left at its edges;
 * DrawingML's `a:t` keeps them anyway and does not allow the attribute.
 */
function setRunText(tokens: XmlToken[], source: { token: number; tag: number }, text: string): void {
  tokens[source.token] = { type: 'text', text, raw: escapeXml(text) };
  const tag = tokens[source.tag]!;
  if (tag.type === 'open' && tag.name === 'w:t' && xmlAttr(tag.raw, 'xml:space') !== 'preserve') {
    const raw = tag.raw.replace(/\sxml:space\s*=\s*(["'])[^"']*\1/, '').replace(/^<w:t/, '<w:t xml:space="preserve"');
    tokens[source.tag] = { ...tag, raw };
  }
}

/**
 * Masks the phrases in one paragraph, whose text may be split over many runs. The whole mask of
 * a hit goes into the first run it touches, keeping that run's formatting; the other runs lose
 * their part of the hit.
 */
function maskParagraph(tokens: XmlToken[], segments: DocxSegment[], phrases: string[]): void {
  const text = paragraphText(segments);
  const spans = phraseSpans(text, phrases);
  if (spans.length === 0) return;
  const masked = new Set<Span>();
  let end = 0;
  for (const segment of segments) {
    const start = end;
    end += segment.text.length;
    if (!segment.source) continue; // a tab or break: nothing of the phrase to remove
    let out = '';
    let pos = start;
    for (const span of spans) {
      if (span.end <= start || span.start >= end) continue;
      out += text.slice(pos, Math.max(pos, span.start));
      if (!masked.has(span)) out += REDACTION_MARK;
      masked.add(span);
      pos = Math.min(end, span.end);
    }
    out += text.slice(pos, end);
    if (out !== segment.text) setRunText(tokens, segment.source, out);
  }
}

const serialize = (tokens: XmlToken[]) => tokens.map((t) => t.raw).join('');

/**
 * Field instructions are not text, but they can hold the same data as the result shown, e.g.
 * HYPERLINK "mailto:…" or a phone number, so phrases are masked in them too.
 */
function maskFieldInstructions(tokens: XmlToken[], phrases: string[]): void {
  let inInstruction = false;
  tokens.forEach((t, i) => {
    if (t.type === 'open' || t.type === 'close') inInstruction = t.type === 'open' && localName(t.name) === 'instrText';
    else if (t.type === 'text' && inInstruction) {
      const text = redactText(t.text, phrases);
      if (text !== t.text) tokens[i] = { type: 'text', text, raw: escapeXml(text) };
    }
  });
}

function redactStory(original: XmlToken[], phrases: string[]): XmlToken[] {
  const tokens = filterElements(original, (t) => STORY_DECISIONS[localName(t.name)] ?? 'keep');
  for (const paragraph of docxParagraphs(tokens)) maskParagraph(tokens, paragraph, phrases);
  maskFieldInstructions(tokens, phrases);
  return tokens.map((t) => maskTextAttributes(t, phrases));
}

/**
 * Parts the published copy leaves out, by the relationship that reaches them: comments and
 * their authors, custom XML, every document property (a fresh core part with the title the
 * office gives is written instead), the thumbnail (a picture of the first page as it was),
 * the glossary, macros and printer settings.
 */
const DROPPED_RELATIONSHIPS = new Set([
  'comments', 'commentsExtended', 'commentsIds', 'commentsExtensible', 'people', 'person', 'threadedComment',
  'customXml', 'customXmlProps', 'core-properties', 'extended-properties', 'custom-properties', 'thumbnail',
  'glossaryDocument', 'vbaProject', 'printerSettings', 'attachedTemplate', 'vmlDrawing',
]);
/** Embedded objects: their content cannot be cleaned here, so a file holding one is refused. */
const EMBEDDED = new Set(['oleObject', 'package', 'control', 'activeXControl', 'activeXControlBinary']);

export const cannotClean = (reason: string) => new AppError('ATTACHMENT_CANNOT_CLEAN', 409, reason);

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CORE_TYPE = 'application/vnd.openxmlformats-package.core-properties+xml';

/** The only document property published: the title the office gives the file. */
const coreProperties = (title: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(title)}</dc:title></cp:coreProperties>`;

/** A start tag with the phrases masked in its text attributes (alternative text, document variables…). */
function maskTextAttributes(t: XmlToken, phrases: string[]): XmlToken {
  if (t.type !== 'open' && t.type !== 'empty') return t;
  let raw = t.raw;
  for (const attr of TEXT_ATTRIBUTES[localName(t.name)] ?? []) {
    raw = raw.replace(new RegExp(String.raw`(\s(?:\w+:)?${attr}\s*=\s*)(["'])(.*?)\2`), (_, before: string, quote: string, value: string) => before + quote + escapeXml(redactText(decodeXml(value), phrases)) + quote);
  }
  return raw === t.raw ? t : { ...t, raw };
}

/** Masks the phrases in every text node and text attribute of a part that is not a story (charts, drawings, sheets). */
const maskTextNodes = (tokens: XmlToken[], phrases: string[]) =>
  tokens.map((t) => {
    if (t.type !== 'text') return maskTextAttributes(t, phrases);
    const text = redactText(t.text, phrases);
    return text === t.text ? t : { type: 'text' as const, text, raw: escapeXml(text) };
  });

/**
 * Rebuilds an Office package from what its relationships reach (never from part names):
 * `rewrite` gives each kept XML part's new tokens; parts reached only through a dropped
 * relationship are left out, with their relationships and content types; a fresh core
 * part holds the title. Parts no relationship reaches are not copied either.
 */
function rebuildPackage(pkg: OfficePackage, title: string, phrases: string[], rewrite: (part: Part, tokens: XmlToken[]) => XmlToken[]): Uint8Array {
  const kept = new Map<string, Part>();
  const visit = (source: string) => {
    for (const rel of pkg.relationships(source)) {
      if (rel.external || DROPPED_RELATIONSHIPS.has(rel.type) || kept.has(rel.target)) continue;
      const part = pkg.parts.get(rel.target);
      if (!part) continue;
      if (EMBEDDED.has(rel.type)) throw cannotClean(`附件含有嵌入的对象（${part.name}），其内容无法检查和清理；请删除嵌入对象或另存为 PDF 后替换（SEC-10）`);
      kept.set(part.name, part);
      visit(part.name);
    }
  };
  visit('');
  const out: Zippable = {};
  const encoder = new TextEncoder();
  for (const part of kept.values()) {
    const isXml = /[+/]xml$/.test(part.contentType);
    out[part.name] = isXml ? encoder.encode(serialize(rewrite(part, tokenizeXml(partXml(part.data))))) : part.data;
  }
  for (const source of ['', ...kept.keys()]) {
    const rels = pkg.relationships(source).filter((r) => r.external ? r.type !== 'attachedTemplate' : kept.has(r.target));
    const lines = rels.map((r) => {
      // Internal targets are written from the package root, which OPC allows from any part.
      const target = r.external ? redactText(r.target, phrases) : `/${encodeURI(r.target)}`;
      return `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.typeUri)}" Target="${escapeXml(target)}"${r.external ? ' TargetMode="External"' : ''}/>`;
    });
    if (source === '') lines.push(`<Relationship Id="gongkaiCore" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`);
    if (lines.length > 0) out[relsPartOf(source)] = encoder.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">${lines.join('')}</Relationships>`);
  }
  out['docProps/core.xml'] = encoder.encode(coreProperties(title));
  const overrides = [...kept.values(), { name: 'docProps/core.xml', contentType: CORE_TYPE }]
    .map((p) => `<Override PartName="/${escapeXml(encodeURI(p.name))}" ContentType="${escapeXml(p.contentType)}"/>`);
  out['[Content_Types].xml'] = encoder.encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
  );
  return zipSync(out);
}

/**
 * The published copy of a DOCX (SEC-10, LAW-37), rebuilt whether or not anything was found:
 * every story part (body, headers, footers, notes, whatever their names) with the phrases
 * masked, tracked changes accepted, comment anchors, custom XML markup and formatting-change
 * records gone; every other kept XML part with the phrases masked in its text; comments,
 * custom XML, properties, thumbnail and glossary left out; a file with an embedded object
 * refused. The result is read back: a phrase still there refuses it.
 */
export function redactDocx(bytes: Uint8Array, phrases: string[], title = ''): Uint8Array {
  const pkg = openPackage(bytes);
  const result = rebuildPackage(pkg, title, phrases, (part, tokens) =>
    isDocxStoryPart(part) ? redactStory(tokens, phrases) : maskTextNodes(filterElements(tokens, (t) => STORY_DECISIONS[localName(t.name)] ?? 'keep'), phrases),
  );
  assertRemoved(inspectOffice('docx', result), phrases);
  return result;
}

/** Elements of a worksheet that point to dropped parts (legacy comment shapes). */
const SHEET_DECISIONS: Record<string, Decision> = { legacyDrawing: 'drop', legacyDrawingHF: 'drop' };

/**
 * The published copy of an XLSX, rebuilt: comments, custom XML, properties and macros left
 * out. A workbook with a hidden or very hidden sheet is refused (what a reader cannot see
 * must not be published silently), and so is one whose rebuilt copy still holds marked text,
 * which cannot be removed from cells here: the office replaces it with a cleaned copy.
 */
export function cleanXlsx(bytes: Uint8Array, phrases: string[], title = ''): Uint8Array {
  const pkg = openPackage(bytes);
  for (const t of tokenizeXml(partXml(pkg.main.data))) {
    const state = (t.type === 'empty' || t.type === 'open') && localName(t.name) === 'sheet' ? xmlAttr(t.raw, 'state') : undefined;
    if (state === 'hidden' || state === 'veryHidden') {
      throw cannotClean(`工作簿含有隐藏的工作表“${xmlAttr(t.type !== 'text' && t.type !== 'other' ? t.raw : '', 'name') ?? ''}”，请删除隐藏的工作表后替换（SEC-10）`);
    }
  }
  const result = rebuildPackage(pkg, title, phrases, (part, tokens) =>
    part.contentType.endsWith('spreadsheetml.worksheet+xml') ? filterElements(tokens, (t) => SHEET_DECISIONS[localName(t.name)] ?? 'keep') : tokens,
  );
  const text = inspectOffice('xlsx', result);
  if (phrases.some((p) => p.trim() !== '' && text.includes(p))) {
    throw cannotClean('Excel 文件的单元格或工作表名称含有需删除的内容，无法自动删除，请上传处理后的文件（SEC-10）');
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Any attachment.

/** An image re-encoded from its pixels: EXIF, GPS position, camera owner and comments stay behind. */
async function imagePixelsOnly(kind: 'png' | 'jpeg', bytes: Uint8Array): Promise<Uint8Array> {
  const mupdf = await loadMupdf();
  const image = new mupdf.Image(bytes);
  const pixmap = image.toPixmap();
  try {
    return (kind === 'png' ? pixmap.asPNG() : pixmap.asJPEG(92)).slice();
  } finally {
    pixmap.destroy();
    image.destroy();
  }
}

/**
 * The public version of an attachment (SEC-10, LAW-37), always rebuilt, never the original
 * bytes: see redactPdf, redactDocx, cleanXlsx; images keep their pixels only. Whatever is
 * printed inside a picture is not read (there is no OCR): the reviewers look at pictures.
 */
export async function publicVersion(kind: FileKind, bytes: Uint8Array, phrases: string[], title: string): Promise<Uint8Array> {
  switch (kind) {
    case 'pdf':
      return redactPdf(bytes, phrases);
    case 'docx':
      return redactDocx(bytes, phrases, title);
    case 'xlsx':
      return cleanXlsx(bytes, phrases, title);
    case 'png':
    case 'jpeg':
      return imagePixelsOnly(kind, bytes);
  }
}
