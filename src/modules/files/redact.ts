/**
 * Partial disclosure (SEC-10, LAW-37): the public version of a body text, PDF or DOCX with
 * every marked phrase removed for real, not merely covered, so that copying text out of the
 * published file or reading its bytes cannot bring it back. The original stays internal.
 */
import { zipSync, type Zippable } from 'fflate';
import type { Quad, Rect } from 'mupdf';
import { AppError } from '../../core/errors.ts';
import { unzipEntries } from './sniff.ts';
import {
  docxParagraphs,
  decodeXml,
  docxText,
  escapeXml,
  extractText,
  isDocxStoryPart,
  loadMupdf,
  localName,
  paragraphText,
  tokenizeXml,
  xmlAttr,
  type DocxSegment,
  type XmlToken,
} from './text.ts';

const MASK = '■';
/** One mask character per character of the removed text, counting a character outside the BMP once. */
const maskFor = (removed: string) => MASK.repeat([...removed].length);

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

/** `text` with every occurrence of every phrase replaced by as many '■' as it has characters. */
export function redactText(text: string, phrases: string[]): string {
  let out = '';
  let pos = 0;
  for (const { start, end } of phraseSpans(text, phrases)) {
    out += text.slice(pos, start) + maskFor(text.slice(start, end));
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
 * A PDF with every phrase removed: MuPDF finds each phrase on each page, a redaction
 * annotation goes over every hit, and applying them deletes the glyphs underneath, blanks the
 * pixels of images under the area, removes line art it covers and draws black boxes. Saving
 * with garbage collection drops the old content streams, which would otherwise still sit in the
 * file. The result is read back and checked (assertRemoved), which also catches hits beyond
 * the 500 that one MuPDF search returns.
 *
 * Not touched: document metadata, bookmarks, annotation notes, form fields and embedded files.
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
      for (const quads of hits) {
        const annot = page.createAnnotation('Redact');
        annot.setRect(boundsOf(quads));
        annot.setQuadPoints(quads);
      }
      if (hits.length > 0) {
        page.applyRedactions(true, mupdf.PDFPage.REDACT_IMAGE_PIXELS, mupdf.PDFPage.REDACT_LINE_ART_REMOVE_IF_COVERED, mupdf.PDFPage.REDACT_TEXT_REMOVE);
      }
      page.destroy();
    }
    // The document's title, author, subject and XMP packet may repeat what was removed (a
    // name in the title is common): a published copy carries no metadata at all.
    if (wanted.length > 0) {
      const trailer = doc.getTrailer();
      trailer.delete('Info');
      trailer.get('Root').delete('Metadata');
    }
    const saved = doc.saveToBuffer('garbage=4,compress');
    out = saved.asUint8Array().slice(); // a copy: the view points into MuPDF's memory
    saved.destroy();
  } finally {
    doc.destroy();
  }
  assertRemoved(await extractText('pdf', out), wanted);
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
      if (!masked.has(span)) out += maskFor(text.slice(span.start, span.end));
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

function redactStory(xml: string, phrases: string[]): string {
  const tokens = filterElements(tokenizeXml(xml), (t) => STORY_DECISIONS[localName(t.name)] ?? 'keep');
  for (const paragraph of docxParagraphs(tokens)) maskParagraph(tokens, paragraph, phrases);
  maskFieldInstructions(tokens, phrases);
  return serialize(tokens);
}

/** Parts deleted outright: comments and their authors, custom XML data and custom properties. */
const isRemovedPart = (name: string) =>
  /^word\/(?:comments(?:Extended|Ids|Extensible)?|people)\.xml$/.test(name) ||
  name.startsWith('customXml/') ||
  name === 'docProps/custom.xml';

/** The part a relationships part belongs to: word/_rels/document.xml.rels → word/document.xml. */
const relsSource = (relsName: string) => relsName.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');

/** A relationship target as a part name, resolved against the folder of the source part. */
function resolveTarget(sourcePart: string, target: string): string {
  const path = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') path.pop();
    else if (piece !== '' && piece !== '.') path.push(piece);
  }
  return path.join('/');
}

/** A start tag with the phrases masked in the value of attribute `name`. */
const maskAttribute = (tagRaw: string, name: string, phrases: string[]) =>
  tagRaw.replace(
    new RegExp(String.raw`(\s${name}\s*=\s*)(["'])(.*?)\2`),
    (_, before: string, quote: string, value: string) => before + quote + escapeXml(redactText(decodeXml(value), phrases)) + quote,
  );

/**
 * Drops relationships to removed parts, which Word would otherwise report as a damaged file,
 * and masks phrases in external targets: Word turns a typed e-mail address into a hyperlink
 * whose target (mailto:…) lives here, outside the document text.
 */
function rewriteRelationships(relsName: string, xml: string, removed: Set<string>, phrases: string[]): string {
  const source = relsSource(relsName);
  const tokens = filterElements(tokenizeXml(xml), (t) => {
    if (localName(t.name) !== 'Relationship' || xmlAttr(t.raw, 'TargetMode') === 'External') return 'keep';
    return removed.has(resolveTarget(source, xmlAttr(t.raw, 'Target') ?? '')) ? 'drop' : 'keep';
  });
  const isExternal = (t: XmlToken) =>
    (t.type === 'empty' || t.type === 'open') && localName(t.name) === 'Relationship' && xmlAttr(t.raw, 'TargetMode') === 'External';
  return serialize(tokens.map((t) => (isExternal(t) ? { ...t, raw: maskAttribute(t.raw, 'Target', phrases) } : t)));
}


/** Drops the content-type overrides of removed parts. */
function dropOverrides(xml: string, removed: Set<string>): string {
  return serialize(
    filterElements(tokenizeXml(xml), (t) =>
      localName(t.name) === 'Override' && removed.has((xmlAttr(t.raw, 'PartName') ?? '').replace(/^\//, '')) ? 'drop' : 'keep',
    ),
  );
}

/**
 * A DOCX with every phrase masked in the body, headers, footers and notes, including a phrase
 * split over several runs of a paragraph; tracked changes accepted (deleted text gone),
 * comments and custom XML removed; field instructions and hyperlink targets masked too.
 * docProps/core.xml and app.xml (author, title) are kept as they are. Text inside pictures,
 * charts and embedded objects is not reached.
 */
export function redactDocx(bytes: Uint8Array, phrases: string[]): Uint8Array {
  const entries = unzipEntries(bytes, () => true);
  const removed = new Set(Object.keys(entries).filter((name) => isRemovedPart(name) || (name.endsWith('.rels') && isRemovedPart(relsSource(name)))));
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    if (removed.has(name)) continue;
    const xml = () => decoder.decode(data);
    if (isDocxStoryPart(name)) out[name] = encoder.encode(redactStory(xml(), phrases));
    else if (name.endsWith('.rels')) out[name] = encoder.encode(rewriteRelationships(name, xml(), removed, phrases));
    else if (name === '[Content_Types].xml') out[name] = encoder.encode(dropOverrides(xml(), removed));
    else out[name] = data;
  }
  const result = zipSync(out);
  assertRemoved(docxText(result), phrases);
  return result;
}
