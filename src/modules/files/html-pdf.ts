import { loadMupdf } from './text.ts';

const A4 = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 };

/**
 * A simple HTML page (headings, paragraphs, a table) as an A4 PDF, laid out by MuPDF's own
 * HTML engine with its built-in CJK font, embedded and subset to the glyphs used, so the
 * PDF prints and yields the same Chinese text on any machine. For short documents a person
 * prints (a receipt), not for 公文 (letters.ts lays those out by hand).
 */
export async function htmlToPdf(html: string, title: string): Promise<Uint8Array> {
  const mupdf = await loadMupdf();
  const source = mupdf.Document.openDocument(Buffer.from(html), 'text/html');
  const out = new mupdf.Buffer();
  try {
    source.layout(A4.width, A4.height, 12);
    const writer = new mupdf.DocumentWriter(out, 'pdf', '');
    for (let i = 0; i < source.countPages(); i++) {
      const page = source.loadPage(i);
      const device = writer.beginPage(page.getBounds());
      page.run(device, mupdf.Matrix.identity);
      writer.endPage();
    }
    writer.close();
  } finally {
    source.destroy();
  }
  const pdf = mupdf.Document.openDocument(out.asUint8Array(), 'application/pdf').asPDF()!;
  try {
    pdf.setMetaData('info:Title', title);
    pdf.subsetFonts();
    return pdf.saveToBuffer('compress,garbage').asUint8Array().slice();
  } finally {
    pdf.destroy();
  }
}
