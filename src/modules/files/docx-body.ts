import { AppError, badRequest } from '../../core/errors.ts';
import { linkedParts, openPackage, partXml } from './package.ts';
import { sniffFile } from './sniff.ts';
import { docxParagraphs, paragraphText } from './text.ts';
import { localName, tokenizeXml, xmlAttr, type XmlToken } from './xml.ts';

/**
 * The body of a Word document for the drafting form (issue 8): the main text's paragraphs as
 * lines with its headings, and nothing the document does not say as it stands: no tracked
 * deletions or text moved away, no earlier formatting, no comments, headers or footers.
 */
export type DocxBody = { text: string; headings: string[] };

/** Revision marks whose content is not the document's current text. */
const REMOVED = new Set(['del', 'moveFrom', 'pPrChange', 'rPrChange', 'sectPrChange', 'tblPrChange', 'trPrChange', 'tcPrChange']);

/** Style names Word gives its heading styles, whatever the style id (Chinese Word uses "1", "2"…). */
const HEADING_NAME = /^(?:heading|标题)\s*[1-9]$/i;

const val = (t: XmlToken) => ('name' in t ? xmlAttr(t.raw, 'w:val') : undefined);
const outlineHeading = (t: XmlToken) => Number(val(t)) < 9;

function withoutRemoved(tokens: XmlToken[]): XmlToken[] {
  let depth = 0;
  return tokens.filter((t) => {
    const removed = 'name' in t && REMOVED.has(localName(t.name));
    if (removed && t.type === 'open') depth++;
    if (removed && t.type === 'close') return void depth--;
    return depth === 0 && !removed;
  });
}

/** The ids of the styles that make a paragraph a heading: by name, or by an outline level. */
function headingStyles(tokens: XmlToken[]): Set<string> {
  const ids = new Set<string>();
  let current: string | undefined;
  for (const t of tokens) {
    if (!('name' in t)) continue;
    const name = localName(t.name);
    if (name === 'style' && t.type !== 'close') current = xmlAttr(t.raw, 'w:styleId');
    else if (name === 'style') current = undefined;
    else if (current && t.type === 'empty' && ((name === 'name' && HEADING_NAME.test(val(t) ?? '')) || (name === 'outlineLvl' && outlineHeading(t)))) ids.add(current);
  }
  return ids;
}

/** Whether each paragraph is a heading, in the order docxParagraphs gives the paragraphs (as they close). */
function paragraphHeadings(tokens: XmlToken[], styles: Set<string>): boolean[] {
  const done: boolean[] = [];
  const open: boolean[] = [];
  for (const t of tokens) {
    if (!('name' in t)) continue;
    const name = localName(t.name);
    if (name === 'p' && t.type === 'empty') done.push(false);
    else if (name === 'p' && t.type === 'open') open.push(false);
    else if (name === 'p' && t.type === 'close') done.push(open.pop() ?? false);
    else if (open.length && t.type === 'empty' && ((name === 'pStyle' && styles.has(val(t) ?? '')) || (name === 'outlineLvl' && outlineHeading(t)))) open[open.length - 1] = true;
  }
  return done;
}

/** Reads an uploaded .docx; anything else is refused as the attachments are, by its content. */
export function docxBody(filename: string, bytes: Uint8Array): DocxBody {
  if (sniffFile(bytes)?.kind !== 'docx') throw new AppError('FILE_TYPE_NOT_ALLOWED', 415, `“${filename}”不是 Word 文档（.docx），以文件内容为准`);
  try {
    // The main part and its styles are found through the relationships, never by file name (issue 10).
    const pkg = openPackage(bytes);
    const tokens = withoutRemoved(tokenizeXml(partXml(pkg.main.data)));
    const styles = headingStyles(tokenizeXml(partXml(linkedParts(pkg, pkg.main.name, ['styles'])[0]?.data)));
    const lines = docxParagraphs(tokens).map(paragraphText);
    const heading = paragraphHeadings(tokens, styles);
    return {
      text: lines.join('\n').replace(/\n{3,}/g, '\n\n').trim(),
      headings: lines.filter((line, i) => heading[i] && line.trim()).map((line) => line.trim()),
    };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw badRequest('FILE_UNREADABLE', `“${filename}”已损坏或无法读取`);
  }
}
