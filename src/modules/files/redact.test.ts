import { strFromU8, unzipSync } from 'fflate';
import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import { DOCX_SECRETS, DOCX_TEXT, sampleDocx, samplePdf } from './fixtures/samples.ts';
import { redactDocx, redactPdf, redactText } from './redact.ts';
import { sniffFile } from './sniff.ts';
import { extractText } from './text.ts';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('redactText: the public body (SEC-10, LAW-37)', () => {
  it('replaces every occurrence of every phrase with one fixed mark that does not tell the length removed', () => {
    expect(redactText('张三申请，张三签收。电话13803158866', ['张三', '13803158866'])).toBe('【已删除】申请，【已删除】签收。电话【已删除】');
    expect(redactText('张三', ['张三'])).toBe(redactText('130203198506121236', ['130203198506121236']));
  });

  it('masks a longer phrase whole even when a shorter one lies inside it', () => {
    expect(redactText('唐山市路北区张三家', ['张三', '路北区张三家'])).toBe('唐山市【已删除】');
  });

  it('masks both of two overlapping phrases, leaving no part of either readable', () => {
    expect(redactText('张三丰来访', ['张三', '三丰'])).toBe('【已删除】来访');
  });

  it('removes phrases across lines', () => {
    expect(redactText('答复\n申请人', ['复\n申'])).toBe('答【已删除】请人');
  });

  it('ignores blank phrases and leaves text without phrases as it is', () => {
    expect(redactText('政府 信息 公开', ['', ' ', '不存在'])).toBe('政府 信息 公开');
  });
});

describe('redactDocx: marked text truly gone from the published Word file (SEC-10, LAW-37, SEC-2, SEC-6)', () => {
  const phrases = [DOCX_SECRETS.name, DOCX_SECRETS.id, DOCX_SECRETS.mobile, DOCX_SECRETS.landline, DOCX_SECRETS.email];
  const original = sampleDocx();
  const redacted = redactDocx(original, phrases, '见习人员名单');
  const entries = unzipSync(redacted);
  const part = (name: string) => strFromU8(entries[name]!);

  it('removes the phrases from the extracted text, including an ID number split over two runs', async () => {
    const text = await extractText('docx', redacted);
    for (const p of phrases) expect(text).not.toContain(p);
    expect(text).toBe(redactText(DOCX_TEXT, phrases));
    expect(text).toContain('申请人【已删除】，身份证号码：【已删除】，联系电话：【已删除】。');
    expect(text).toContain('唐山市人力资源和社会保障局　电话：【已删除】'); // the header too
  });

  it('puts the mask of a split hit in its first run, keeping that run’s formatting', () => {
    expect(part('word/document.xml')).toContain(
      '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">【已删除】</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve"></w:t></w:r>',
    );
  });

  it('leaves no trace of the phrases, the deleted revision, the comment or the custom XML in any part', () => {
    // In the raw XML the ID number is two runs, so each half is looked for on its own; the
    // mobile number is also in a field instruction and the e-mail in a hyperlink target.
    const { name, mobile, landline, email, deleted, comment, customXml } = DOCX_SECRETS;
    const secrets = [name, '130203198506', '121236', mobile, landline, email, deleted, comment, customXml];
    for (const [name, bytes] of Object.entries(entries)) {
      for (const s of secrets) expect(strFromU8(bytes), `${name} contains ${s}`).not.toContain(s);
    }
    // The original did contain each of them, so the check above is not vacuous.
    const before = Object.values(unzipSync(original)).map((b) => strFromU8(b)).join('\n');
    for (const s of secrets) expect(before).toContain(s);
  });

  it('accepts tracked insertions, drops deletions, comment anchors and custom XML markup', () => {
    const doc = part('word/document.xml');
    expect(doc).toContain('<w:r><w:t>经审查，</w:t></w:r><w:r><w:t>现予公开。</w:t></w:r>');
    for (const tag of ['<w:del ', '<w:ins ', '<w:delText', '<w:commentRangeStart', '<w:commentReference', '<w:customXml']) {
      expect(doc).not.toContain(tag);
    }
  });

  it('rebuilds the package from its relationships: comments, custom XML and properties gone with their relationships and content types', () => {
    expect(Object.keys(entries).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/header1.xml']);
    const rels = part('word/_rels/document.xml.rels');
    expect(rels).toContain('Target="/word/header1.xml"');
    expect(rels).toContain('Target="http://www.tangshan.gov.cn/comments.xml" TargetMode="External"');
    expect(rels).toContain('Target="mailto:【已删除】" TargetMode="External"');
    expect(rels).not.toContain('Target="comments.xml"');
    expect(rels).not.toContain('customXml');
    const types = part('[Content_Types].xml');
    expect(types).not.toContain('/word/comments.xml');
    expect(types).not.toContain('/customXml/');
    expect(types).toContain('/word/header1.xml');
    // The only property left is the title the office gives; the author (市人社局办公室) is gone.
    expect(part('docProps/core.xml')).toContain('<dc:title>见习人员名单</dc:title>');
    expect(part('docProps/core.xml')).not.toContain('creator');
  });

  it('produces a DOCX that is still recognised, and that MuPDF’s own Word reader opens without the phrases', () => {
    expect(sniffFile(redacted)).toEqual({ kind: 'docx', mime: DOCX_MIME, ext: 'docx' });
    const doc = mupdf.Document.openDocument(redacted, DOCX_MIME);
    const text = doc.loadPage(0).toStructuredText('').asText();
    doc.destroy();
    expect(text).toContain('申请公开信息的答复');
    for (const p of phrases) expect(text).not.toContain(p);
  });

  it('refuses to return a file when a phrase spans two paragraphs and so cannot be removed', () => {
    expect(() => redactDocx(original, ['答复\n申请人'])).toThrow(expect.objectContaining({ code: 'REDACTION_INCOMPLETE' }));
  });
});

describe('redactPdf: marked text truly gone from the published PDF (SEC-10, LAW-37, SEC-2)', () => {
  const phrases = ['张三', '130203198506121236', '13803158866', '0315-2826012'];
  const original = samplePdf([
    ['关于张三申请公开信息的答复', '申请人：张三，身份证号码：130203198506121236', '联系电话：13803158866，办公电话：0315-2826012'],
    ['第二页：张三的申请已办结。'],
  ]);
  const utf16Hex = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
  /** The whole file with every stream inflated, as text: what someone reading the bytes would see. */
  const inflated = (bytes: Uint8Array) => {
    const doc = new mupdf.PDFDocument(bytes);
    const raw = doc.saveToBuffer('decompress').asUint8Array().slice();
    doc.destroy();
    return new TextDecoder('latin1').decode(raw).toLowerCase();
  };

  it('drops the document metadata, whose title may repeat a removed name', async () => {
    const doc = new mupdf.PDFDocument(original);
    doc.setMetaData('info:Title', '张三的申请');
    doc.setMetaData('info:Author', '张三');
    const titled = doc.saveToBuffer('compress').asUint8Array().slice();
    doc.destroy();
    const out = new mupdf.PDFDocument(await redactPdf(titled, phrases));
    expect(out.getMetaData('info:Title') ?? '').toBe('');
    expect(out.getMetaData('info:Author') ?? '').toBe('');
    out.destroy();
  });

  it('removes the phrases from the extracted text and keeps the text around them', async () => {
    const redacted = await redactPdf(original, phrases);
    const text = await extractText('pdf', redacted);
    for (const p of phrases) expect(text).not.toContain(p);
    for (const kept of ['关于', '申请公开信息的答复', '申请人：', '身份证号码：', '联系电话：', '办公电话：', '第二页：', '的申请已办结。']) {
      expect(text).toContain(kept);
    }
    expect(sniffFile(redacted)?.kind).toBe('pdf');
  });

  it('leaves nothing for MuPDF’s search to find on any page', async () => {
    const doc = new mupdf.PDFDocument(await redactPdf(original, phrases));
    for (let i = 0; i < doc.countPages(); i++) {
      for (const p of phrases) expect(doc.loadPage(i).search(p, '')).toEqual([]);
    }
    doc.destroy();
  });

  it('leaves the phrases nowhere in the file’s inflated bytes, while the original had them', async () => {
    const before = inflated(original);
    const after = inflated(await redactPdf(original, phrases));
    for (const p of phrases) {
      expect(before).toContain(utf16Hex(p));
      expect(after).not.toContain(utf16Hex(p));
      expect(after).not.toContain(p.toLowerCase());
    }
  });

  it('changes nothing readable when no phrase occurs', async () => {
    const text = await extractText('pdf', await redactPdf(original, ['不存在的内容']));
    expect(text).toBe(await extractText('pdf', original));
  });

  it('removes a phrase that runs over a line break, as it appears in the extracted text', async () => {
    const text = await extractText('pdf', await redactPdf(original, ['答复\n申请人']));
    expect(text).not.toContain('答复\n申请人');
    expect(text).toContain('关于张三申请公开信息的');
  });
});

describe('redactPdf on PDFs made in several ways: marked phrases gone, every other line still there (SEC-10, LAW-37; issue 11 item 8)', () => {
  const MARKED = ['13803158866', 'Zhang San', '130203198506121236'];
  const LINES = [
    'Reply to an application for information',
    'Applicant: Zhang San, phone 13803158866',
    'The requested budget table is provided in part.',
    'ID 130203198506121236 was checked by the office.',
    'Remedy: review within 60 days or suit within 6 months.',
    'Tangshan Human Resources and Social Security Bureau',
  ];
  const pdfString = (s: string) => `(${s.replace(/[()\\]/g, '\\$&')})`;
  /** Kerned pieces as a TJ array, the way Word writes a justified line. */
  const tjArray = (s: string) => `[${s.split(' ').map(pdfString).join(' -250 ')}] TJ`;
  const make = (content: (lines: string[]) => string, extra?: (doc: mupdf.PDFDocument, fonts: Record<string, mupdf.PDFObject>) => Record<string, unknown>) => {
    const doc = new mupdf.PDFDocument();
    const fonts = {
      F1: doc.addSimpleFont(new mupdf.Font('Helvetica'), 'Latin'),
      F2: doc.addSimpleFont(new mupdf.Font('Times-Roman'), 'Latin'),
      F3: doc.addSimpleFont(new mupdf.Font('Courier'), 'Latin'),
    };
    const resources = doc.addObject({ Font: fonts, ...(extra?.(doc, fonts) ?? {}) });
    doc.insertPage(-1, doc.addPage([0, 0, 595, 842], 0, resources, content(LINES)));
    const bytes = doc.saveToBuffer('compress').asUint8Array().slice();
    doc.destroy();
    return bytes;
  };
  const styles: Record<string, () => Uint8Array> = {
    "each line after the first shown with '": () => make((l) => `BT /F1 11 Tf 72 780 Td 15 TL ${pdfString(l[0]!)} Tj ${l.slice(1).map((x) => `${pdfString(x)} '`).join(' ')} ET`),
    'each line after the first shown with "': () => make((l) => `BT /F1 11 Tf 72 780 Td 15 TL ${pdfString(l[0]!)} Tj ${l.slice(1).map((x) => `0.5 0 ${pdfString(x)} "`).join(' ')} ET`),
    'Word-like export: one text object per line, kerned TJ arrays, Tm positioning, two fonts': () =>
      make((l) => l.map((x, i) => `BT /F${i % 2 ? 2 : 1} 11 Tf 1 0 0 1 72 ${780 - i * 16} Tm ${tjArray(x)} ET`).join('\n')),
    'WPS-like export: every word placed on its own with Td, three fonts': () =>
      make((l) => l.map((x, i) => `BT /F${(i % 3) + 1} 10.5 Tf 1 0 0 1 72 ${780 - i * 18} Tm ${x.split(' ').map((w, k) => `${k ? `${(x.split(' ')[k - 1]!.length + 1) * 6.3} 0 Td ` : ''}${pdfString(k ? ` ${w}` : w)} Tj`).join(' ')} ET`).join('\n')),
    'scanned page with an invisible OCR text layer over the picture': () =>
      make(
        (l) => `q 595 0 0 842 0 0 cm /Scan Do Q BT 3 Tr /F1 11 Tf 72 780 Td 15 TL ${l.map((x) => `${pdfString(x)} Tj T*`).join(' ')} ET`,
        (doc) => {
          const pixmap = new mupdf.Pixmap(mupdf.ColorSpace.DeviceGray, [0, 0, 60, 84], false);
          pixmap.clear(230);
          const image = doc.addImage(new mupdf.Image(pixmap));
          return { XObject: { Scan: image } };
        },
      ),
  };

  for (const [style, build] of Object.entries(styles)) {
    it(`${style}`, async () => {
      const original = build();
      const before = await extractText('pdf', original);
      for (const line of LINES) expect(before.replace(/\s+/g, ' ')).toContain(line); // the fixture reads as written
      const after = (await extractText('pdf', await redactPdf(original, MARKED))).replace(/\s+/g, ' ');
      for (const phrase of MARKED) expect(after).not.toContain(phrase);
      for (const line of LINES.filter((l) => !MARKED.some((m) => l.includes(m)))) expect(after).toContain(line);
      // Around each removed phrase, the rest of its line is still there.
      for (const piece of ['Applicant:', ', phone', 'ID', 'was checked by the office.']) expect(after).toContain(piece);
    });
  }
});
