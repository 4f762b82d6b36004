/**
 * Hostile attachments, made here byte by byte: each hides personal data (a mobile number of its
 * own, so a leak names the file) where a reader of the published copy could still find it
 * (issue 10). Every file also carries, in plain view, an invalid ID number (wrong check
 * character), which must never be reported.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import * as mupdf from 'mupdf';

export type Hostile = { name: string; file: string; bytes: Uint8Array; token: string };

/** An ID number whose check character is wrong: not an ID, so never a finding. */
export const INVALID_ID = '130203198506121238';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT = 'application/vnd.openxmlformats-officedocument';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="${REL}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:v="urn:schemas-microsoft-com:vml"`;
const S = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"`;

const mobile = (n: number) => `139${String(31500000 + n).padStart(8, '0')}`;
const zip = (entries: Record<string, string | Uint8Array>) =>
  zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])) as Zippable);
const rels = (list: Array<[string, string, string, boolean?]>) =>
  `${XML}<Relationships xmlns="${PKG_REL}">${list.map(([id, type, target, external]) => `<Relationship Id="${id}" Type="${type.startsWith('http') ? type : `${REL}/${type}`}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`).join('')}</Relationships>`;
const types = (overrides: Array<[string, string]>) =>
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="docx" ContentType="${CT}.wordprocessingml.document"/>${overrides.map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`).join('')}</Types>`;
const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const VISIBLE = para(`公示说明：编号 ${INVALID_ID} 为登记序号。`);

type DocxParts = { body?: string; main?: string; parts?: Record<string, string | Uint8Array>; mainRels?: Array<[string, string, string, boolean?]>; rootRels?: Array<[string, string, string, boolean?]>; overrides?: Array<[string, string]> };

/** A Word package: the body (plus the visible line) and whatever else a case adds. */
export function docx(p: DocxParts): Uint8Array {
  const main = p.main ?? 'word/document.xml';
  const dir = main.slice(0, main.lastIndexOf('/') + 1);
  return zip({
    '[Content_Types].xml': types([[main, `${CT}.wordprocessingml.document.main+xml`], ...(p.overrides ?? [])]),
    '_rels/.rels': rels([['rId1', 'officeDocument', main], ...(p.rootRels ?? [])]),
    [main]: `${XML}<w:document ${W}><w:body>${VISIBLE}${p.body ?? ''}<w:sectPr/></w:body></w:document>`,
    [`${dir}_rels/${main.slice(dir.length)}.rels`]: rels(p.mainRels ?? []),
    ...(p.parts ?? {}),
  });
}

type XlsxParts = { sheets: Array<{ name: string; rows: string[][]; state?: string; part?: string; extra?: string }>; parts?: Record<string, string>; overrides?: Array<[string, string]>; sheetRels?: Record<number, Array<[string, string, string]>> };

/** An Excel package with inline-string cells; the first sheet carries the visible line. */
export function xlsx(p: XlsxParts): Uint8Array {
  const sheets = p.sheets.map((s, i) => ({ ...s, part: s.part ?? `xl/worksheets/sheet${i + 1}.xml` }));
  const cell = (v: string) => (/^\d+$/.test(v) ? `<c><v>${v}</v></c>` : `<c t="inlineStr"><is><t>${v}</t></is></c>`);
  const entries: Record<string, string> = {
    '[Content_Types].xml': types([[`xl/workbook.xml`, `${CT}.spreadsheetml.sheet.main+xml`], ...sheets.map((s): [string, string] => [s.part, `${CT}.spreadsheetml.worksheet+xml`]), ...(p.overrides ?? [])]),
    '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]),
    'xl/workbook.xml': `${XML}<workbook ${S}><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ''}/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': rels(sheets.map((s, i) => [`rId${i + 1}`, 'worksheet', s.part.replace(/^xl\//, '')])),
    ...(p.parts ?? {}),
  };
  sheets.forEach((s, i) => {
    const rows = i === 0 ? [['说明', INVALID_ID], ...s.rows] : s.rows;
    entries[s.part] = `${XML}<worksheet ${S}><sheetData>${rows.map((r) => `<row>${r.map(cell).join('')}</row>`).join('')}</sheetData>${s.extra ?? ''}</worksheet>`;
    const extra = p.sheetRels?.[i];
    if (extra) entries[s.part.replace(/([^/]+)$/, '_rels/$1.rels')] = rels(extra);
  });
  return zip(entries);
}

const ascii = (s: string) => `(${s})`;

/** A PDF of Helvetica lines; `content` replaces the page's content stream; `edit` changes the document before saving. */
export function pdf(content: string, edit?: (doc: mupdf.PDFDocument, page: mupdf.PDFObject) => void): Uint8Array {
  const doc = new mupdf.PDFDocument();
  const font = doc.addSimpleFont(new mupdf.Font('Helvetica'), 'Latin');
  const resources = doc.addObject({ Font: { F1: font } });
  const page = doc.addPage([0, 0, 595, 842], 0, resources, `BT /F1 12 Tf 72 780 Td 16 TL ${ascii(`Serial ${INVALID_ID}`)} Tj T* ${content} ET`);
  doc.insertPage(-1, page);
  edit?.(doc, doc.findPage(0));
  const bytes = doc.saveToBuffer('compress').asUint8Array().slice();
  doc.destroy();
  return bytes;
}

/** Sets a 32-bit field of the first central directory record whose name ends as given. */
function patchCentral(bytes: Uint8Array, nameEnd: string, offset: number, value: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let i = out.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const n = view.getUint16(i + 28, true);
    if (new TextDecoder().decode(out.subarray(i + 46, i + 46 + n)).endsWith(nameEnd)) {
      view.setUint32(i + offset, value, true);
      return out;
    }
  }
  throw new Error(`no entry ${nameEnd}`);
}

export function hostileCorpus(): Hostile[] {
  let n = 0;
  const out: Hostile[] = [];
  const add = (name: string, file: string, make: (token: string) => Uint8Array) => {
    const token = mobile(++n);
    out.push({ name, file, token, bytes: make(token) });
  };
  const settings = (inner: string) => `${XML}<w:settings ${W}>${inner}</w:settings>`;

  // ---- Word ----------------------------------------------------------------------------------
  add('Word comment', 'comment.docx', (t) => docx({
    body: para('正文无个人信息。'), mainRels: [['rId9', 'comments', 'comments.xml']], overrides: [['word/comments.xml', `${CT}.wordprocessingml.comments+xml`]],
    parts: { 'word/comments.xml': `${XML}<w:comments ${W}><w:comment w:id="0" w:author="王科员"><w:p><w:r><w:t>请致电 ${t}</w:t></w:r></w:p></w:comment></w:comments>` },
  }));
  add('tracked deletion', 'deletion.docx', (t) => docx({ body: `<w:p><w:r><w:t>经审查，</w:t></w:r><w:del w:id="1" w:author="李"><w:r><w:delText>联系电话${t}</w:delText></w:r></w:del></w:p>` }));
  add('moved-away text', 'move.docx', (t) => docx({ body: `<w:p><w:moveFrom w:id="3" w:author="李"><w:r><w:t>电话${t}</w:t></w:r></w:moveFrom></w:p>` }));
  add('core properties', 'core.docx', (t) => docx({
    rootRels: [['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml']],
    overrides: [['docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml']],
    parts: { 'docProps/core.xml': `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>申请人 ${t}</dc:title><dc:creator>${t}</dc:creator></cp:coreProperties>` },
  }));
  add('app properties', 'app.docx', (t) => docx({
    rootRels: [['rId2', 'extended-properties', 'docProps/app.xml']], overrides: [['docProps/app.xml', `${CT}.extended-properties+xml`]],
    parts: { 'docProps/app.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>电话${t}</Company></Properties>` },
  }));
  add('custom properties', 'custom.docx', (t) => docx({
    rootRels: [['rId2', 'custom-properties', 'docProps/custom.xml']], overrides: [['docProps/custom.xml', `${CT}.custom-properties+xml`]],
    parts: { 'docProps/custom.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="联系"><vt:lpwstr>${t}</vt:lpwstr></property></Properties>` },
  }));
  add('main part under another name', 'document2.docx', (t) => docx({ main: 'word/document2.xml', body: para(`联系电话：${t}`) }));
  add('header', 'header.docx', (t) => docx({
    body: para('正文。'), mainRels: [['rId3', 'header', 'header7.xml']], overrides: [['word/header7.xml', `${CT}.wordprocessingml.header+xml`]],
    parts: { 'word/header7.xml': `${XML}<w:hdr ${W}>${para(`值班电话 ${t}`)}</w:hdr>` },
  }));
  add('footnote', 'footnote.docx', (t) => docx({
    body: para('正文。'), mainRels: [['rId3', 'footnotes', 'notes.xml']], overrides: [['word/notes.xml', `${CT}.wordprocessingml.footnotes+xml`]],
    parts: { 'word/notes.xml': `${XML}<w:footnotes ${W}><w:footnote w:id="1">${para(`来源：${t}`)}</w:footnote></w:footnotes>` },
  }));
  add('text box', 'textbox.docx', (t) => docx({ body: `<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent>${para(`电话${t}`)}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>` }));
  add('field instruction', 'field.docx', (t) => docx({ body: `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "tel:${t}" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>拨打</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` }));
  add('hyperlink target', 'mailto.docx', (t) => docx({ body: `<w:p><w:hyperlink r:id="rId4"><w:r><w:t>联系我们</w:t></w:r></w:hyperlink></w:p>`, mainRels: [['rId4', 'hyperlink', `tel:${t}`, true]] }));
  add('alternative text of a picture', 'alttext.docx', (t) => docx({ body: `<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="图片1" descr="身份证照片 ${t}"/></wp:inline></w:drawing></w:r></w:p>` }));
  add('custom XML data', 'customxml.docx', (t) => docx({
    body: para('正文。'), mainRels: [['rId5', 'customXml', '../customXml/item1.xml']],
    parts: { 'customXml/item1.xml': `${XML}<data><phone>${t}</phone></data>` },
  }));
  add('glossary document', 'glossary.docx', (t) => docx({
    body: para('正文。'), mainRels: [['rId6', 'glossaryDocument', 'glossary/document.xml']], overrides: [['word/glossary/document.xml', `${CT}.wordprocessingml.document.glossary+xml`]],
    parts: { 'word/glossary/document.xml': `${XML}<w:glossaryDocument ${W}><w:docParts><w:docPart><w:docPartBody>${para(`常用：${t}`)}</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>` },
  }));
  add('document variable', 'docvar.docx', (t) => docx({
    body: para('正文。'), mainRels: [['rId7', 'settings', 'settings.xml']], overrides: [['word/settings.xml', `${CT}.wordprocessingml.settings+xml`]],
    parts: { 'word/settings.xml': settings(`<w:docVars><w:docVar w:name="phone" w:val="${t}"/></w:docVars>`) },
  }));
  add('part no relationship reaches', 'orphan.docx', (t) => docx({ body: para('正文。'), parts: { 'word/secret.xml': `${XML}<x>${t}</x>` } }));
  add('number split over runs', 'split.docx', (t) => docx({ body: `<w:p><w:r><w:t>电话：${t.slice(0, 3)}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>${t.slice(3, 7)}</w:t></w:r><w:r><w:t>${t.slice(7)}</w:t></w:r></w:p>` }));
  add('embedded Word package', 'embedded.docx', (t) => docx({
    body: para('见附件对象。'), mainRels: [['rId8', 'package', 'embeddings/inner.docx']],
    parts: { 'word/embeddings/inner.docx': docx({ body: para(`电话${t}`) }) },
  }));
  add('declared size cuts the body short', 'truncated.docx', (t) => {
    const bytes = docx({ body: para(`电话${t}`) });
    return patchCentral(bytes, 'word/document.xml', 24, 40);
  });
  add('two entries of one name', 'duplicate.docx', (t) => {
    const a = docx({ body: para('正文。') });
    const b = zip({ 'word/Document.xml': `${XML}<w:document ${W}><w:body>${para(`电话${t}`)}</w:body></w:document>` });
    // Splice b's entry into a: its local record before a's directory, its directory record after.
    const view = (u: Uint8Array) => new DataView(u.buffer, u.byteOffset, u.byteLength);
    const aDir = view(a).getUint32(a.length - 6, true);
    const bDir = view(b).getUint32(b.length - 6, true);
    const bCentral = b.subarray(bDir, b.length - 22).slice();
    view(bCentral).setUint32(42, aDir, true);
    const joined = new Uint8Array([...a.subarray(0, aDir), ...b.subarray(0, bDir), ...a.subarray(aDir, a.length - 22), ...bCentral, ...a.subarray(a.length - 22)]);
    const v = view(joined);
    const eocd = joined.length - 22;
    v.setUint16(eocd + 8, v.getUint16(eocd + 8, true) + 1, true);
    v.setUint16(eocd + 10, v.getUint16(eocd + 10, true) + 1, true);
    v.setUint32(eocd + 12, v.getUint32(eocd + 12, true) + bCentral.length, true);
    v.setUint32(eocd + 16, aDir + bDir, true);
    return joined;
  });

  // ---- Excel ---------------------------------------------------------------------------------
  add('hidden sheet', 'hidden.xlsx', (t) => xlsx({ sheets: [{ name: '汇总', rows: [['合计', '12']] }, { name: '名单', state: 'hidden', rows: [['张三', t]] }] }));
  add('very hidden sheet', 'veryhidden.xlsx', (t) => xlsx({ sheets: [{ name: '汇总', rows: [['合计', '12']] }, { name: '底稿', state: 'veryHidden', rows: [['电话', t]] }] }));
  add('sheet under another part name', 'oddpart.xlsx', (t) => xlsx({ sheets: [{ name: '名单', part: 'xl/data/list.xml', rows: [['电话', t]] }] }));
  add('cell comment', 'cellcomment.xlsx', (t) => xlsx({
    sheets: [{ name: '汇总', rows: [['合计', '12']], extra: '<legacyDrawing r:id="rId2"/>' }],
    sheetRels: { 0: [['rId1', 'comments', '../comments1.xml'], ['rId2', 'vmlDrawing', '../drawings/vmlDrawing1.vml']] },
    overrides: [['xl/comments1.xml', `${CT}.spreadsheetml.comments+xml`]],
    parts: { 'xl/comments1.xml': `${XML}<comments ${S}><authors><author>王</author></authors><commentList><comment ref="B1" authorId="0"><text><t>核对 ${t}</t></text></comment></commentList></comments>`, 'xl/drawings/vmlDrawing1.vml': `<xml><x:ClientData>${t}</x:ClientData></xml>` },
  }));
  add('sheet name', 'sheetname.xlsx', (t) => xlsx({ sheets: [{ name: '汇总', rows: [['合计', '12']] }, { name: `联系${t}`, rows: [['无', '0']] }] }));
  add('sheet header and footer', 'sheetheader.xlsx', (t) => xlsx({ sheets: [{ name: '汇总', rows: [['合计', '12']], extra: `<headerFooter><oddFooter>&amp;C经办电话 ${t}</oddFooter></headerFooter>` }] }));
  add('workbook properties', 'xlsxprops.xlsx', (t) => xlsx({
    sheets: [{ name: '汇总', rows: [['合计', '12']] }],
    parts: { 'docProps/app.xml': `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Manager>${t}</Manager></Properties>`, '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml'], ['rId2', 'extended-properties', 'docProps/app.xml']]) },
    overrides: [['docProps/app.xml', `${CT}.extended-properties+xml`]],
  }));
  add('a bomb that unpacks far beyond its size', 'bomb.xlsx', () => xlsx({ sheets: [{ name: '汇总', rows: [['合计', '12']] }], parts: { 'xl/padding.xml': ' '.repeat(8 * 1024 * 1024) } }));
  add('encrypted entry', 'encrypted.xlsx', (t) => {
    const bytes = xlsx({ sheets: [{ name: '名单', rows: [['电话', t]] }] });
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < bytes.length - 4; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint16(i + 6, view.getUint16(i + 6, true) | 1, true);
      if (sig === 0x02014b50) view.setUint16(i + 8, view.getUint16(i + 8, true) | 1, true);
    }
    return bytes;
  });

  // ---- PDF -----------------------------------------------------------------------------------
  add('PDF document information', 'info.pdf', (t) => pdf(`(Annual list) Tj`, (doc) => doc.setMetaData('info:Author', `Contact ${t}`)));
  add('PDF XMP packet', 'xmp.pdf', (t) => pdf(`(Annual list) Tj`, (doc) => doc.getTrailer().get('Root').put('Metadata', doc.addStream(`<x:xmpmeta><dc:creator>${t}</dc:creator></x:xmpmeta>`, { Type: 'Metadata', Subtype: 'XML' }))));
  add('PDF annotation note', 'annot.pdf', (t) => pdf(`(Annual list) Tj`, (doc) => {
    const page = doc.loadPage(0);
    const note = page.createAnnotation('Text');
    note.setContents(`call ${t}`);
    note.update();
  }));
  add('PDF embedded file', 'attached.pdf', (t) => pdf(`(Annual list) Tj`, (doc) => {
    const file = doc.addEmbeddedFile('list.txt', 'text/plain', `phone ${t}`, new Date(0), new Date(0));
    doc.getTrailer().get('Root').put('Names', { EmbeddedFiles: { Names: ['list.txt', file] } });
  }));
  add('PDF JavaScript', 'script.pdf', (t) => pdf(`(Annual list) Tj`, (doc) => doc.getTrailer().get('Root').put('OpenAction', doc.addObject({ S: 'JavaScript', JS: doc.newString(`app.alert("${t}")`) }))));
  add('PDF bookmark', 'outline.pdf', (t) => pdf(`(Annual list) Tj`, (doc) => {
    const item = doc.addObject({ Title: doc.newString(`Contact ${t}`), Dest: [doc.findPage(0), 'Fit'] });
    const outlines = doc.addObject({ Type: 'Outlines', First: item, Last: item, Count: 1 });
    item.put('Parent', outlines);
    doc.getTrailer().get('Root').put('Outlines', outlines);
  }));
  add('PDF layer switched off', 'layer.pdf', (t) => pdf(`(Annual list) Tj T* /OC /L1 BDC (Phone ${t}) Tj EMC`, (doc, page) => {
    const layer = doc.addObject({ Type: 'OCG', Name: doc.newString('draft') });
    page.get('Resources').put('Properties', { L1: layer });
    doc.getTrailer().get('Root').put('OCProperties', { OCGs: [layer], D: { OFF: [layer] } });
  }));
  add("PDF line shown with '", 'quote.pdf', (t) => pdf(`(Annual list) Tj (Phone ${t}) ' (Closing line) '`));
  add('PDF line shown with "', 'dquote.pdf', (t) => pdf(`(Annual list) Tj 1 0 (Phone ${t}) " (Closing line) '`));
  add('PDF invisible text', 'invisible.pdf', (t) => pdf(`(Annual list) Tj T* 3 Tr (Phone ${t}) Tj 0 Tr`));
  add('PDF text in a form XObject', 'xobject.pdf', (t) => pdf(`(Annual list) Tj ET /X1 Do BT`, (doc, page) => {
    const form = doc.addStream(`BT /F1 12 Tf 72 700 Td (Phone ${t}) Tj ET`, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 595, 842], Resources: page.get('Resources') });
    page.get('Resources').put('XObject', { X1: form });
  }));
  return out;
}
