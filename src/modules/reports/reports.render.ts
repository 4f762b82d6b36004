/**
 * The report's outputs from one description: the national template's grids (merged headers,
 * numbering) rendered as HTML (the portal page and, through MuPDF, the PDF), as a Word table
 * and as an Excel sheet, so the four never differ.
 */
import ExcelJS from 'exceljs';
import { htmlToPdf } from '../files/html-pdf.ts';
import { html, paragraphs, type Html } from '../../portal/html.ts';
import type { Grid } from './reports.rules.ts';

/** A report as its outputs show it: title, then parts each with text and/or tables. */
export type ReportDoc = { title: string; subtitle: string; parts: { heading: string; text: string; grids: Grid[] }[]; note: string };

/** A short label or a group's label down the side never wraps (商业企业 stays on one line); long ones wrap. */
const SHORT = 6;

/** A table of the report; its caption is only for screen readers where the part's heading already says it. */
export function gridHtml(g: Grid, heading?: string): Html {
  return html`<div class="table-scroll" role="region" aria-label="${g.caption}" tabindex="0"><table class="report-table"><caption${g.caption === heading ? html` class="visually-hidden"` : ''}>${g.caption}</caption><tbody>
${g.rows.map((row) => html`<tr>${row.map((c) => {
    const span = html`${c.colspan && c.colspan > 1 ? html` colspan="${c.colspan}"` : ''}${c.rowspan && c.rowspan > 1 ? html` rowspan="${c.rowspan}"` : ''}`;
    const cls = c.text.length <= SHORT || (c.rowspan ?? 1) > 1 ? html` class="short"` : '';
    return c.head ? html`<th scope="${c.colspan && c.colspan > 1 ? 'colgroup' : 'row'}"${span}${cls}>${c.text}</th>` : html`<td${span}>${c.text}</td>`;
  })}</tr>`)}
</tbody></table></div>`;
}

/** The report as one HTML body; for print, a table's caption other than its part's heading is a line above it. */
export function reportBodyHtml(doc: ReportDoc, print = false): Html {
  const grid = (heading: string, g: Grid) => html`${print && g.caption !== heading ? html`<p class="caption">${g.caption}</p>` : ''}${gridHtml(g)}`;
  return html`<h1>${doc.title}</h1><p class="hint">${doc.subtitle}</p>
${doc.parts.map((p) => html`<section><h2>${p.heading}</h2>${paragraphs(p.text)}${p.grids.map((g) => grid(p.heading, g))}</section>`)}
${doc.note ? html`<p class="hint">${doc.note}</p>` : ''}`;
}

const PDF_STYLE = `body{font-family:serif;font-size:10pt;margin:0}h1{font-size:16pt;text-align:center}h2{font-size:12pt;margin-top:10pt}
table{border-collapse:collapse;width:100%;margin:6pt 0}th,td{border:0.5pt solid #000;padding:2pt;font-size:8pt;text-align:center}caption{display:none}p{text-indent:2em;margin:3pt 0}
p.caption{text-indent:0;text-align:center;font-weight:bold}.short{white-space:nowrap}`;

export async function reportPdf(doc: ReportDoc): Promise<Uint8Array> {
  return htmlToPdf(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${doc.title}</title><style>${PDF_STYLE}</style></head><body>${reportBodyHtml(doc, true).value}</body></html>`, doc.title);
}

/** Places each cell of a grid at its row and column, past the cells merged from above. */
export function layoutGrid(g: Grid): { r: number; c: number; cell: Grid['rows'][number][number] }[] {
  const taken = new Set<string>();
  const out: { r: number; c: number; cell: Grid['rows'][number][number] }[] = [];
  g.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken.has(`${r}:${c}`)) c++;
      const cs = cell.colspan ?? 1;
      const rs = cell.rowspan ?? 1;
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) taken.add(`${r + i}:${c + j}`);
      out.push({ r, c, cell });
      c += cs;
    }
  });
  return out;
}

export async function reportDocx(doc: ReportDoc): Promise<Uint8Array> {
  const { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } = await import('docx');
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const table = (g: Grid) => [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: g.caption, bold: true })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: g.rows.map((row) => new TableRow({
        children: row.map((c) => new TableCell({
          borders, verticalAlign: VerticalAlign.CENTER, columnSpan: c.colspan ?? 1, rowSpan: c.rowspan ?? 1,
          children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: c.text, size: 18, bold: c.head === true && (c.colspan ?? 1) > 1 })] })],
        })),
      })),
    }),
  ];
  const document = new Document({
    title: doc.title,
    styles: { default: { document: { run: { font: '宋体', size: 24 } } } },
    sections: [{
      children: [
        new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.title, bold: true, size: 36 })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(doc.subtitle)] }),
        ...doc.parts.flatMap((p) => [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: p.heading, bold: true, size: 28 })] }),
          ...p.text.split(/\n+/).filter((t) => t.trim()).map((t) => new Paragraph({ indent: { firstLine: 480 }, children: [new TextRun(t)] })),
          ...p.grids.flatMap(table),
        ]),
        ...(doc.note ? [new Paragraph({ children: [new TextRun({ text: doc.note, size: 20 })] })] : []),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** One sheet per table, merged as the national template merges, numbers as numbers. */
export async function gridsWorkbook(sheets: { name: string; grid: Grid; note?: string }[], title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.title = title;
  for (const { name, grid, note } of sheets) {
    const sheet = book.addWorksheet(name);
    const width = Math.max(...layoutGrid(grid).map((p) => p.c + (p.cell.colspan ?? 1)));
    sheet.mergeCells(1, 1, 1, width);
    sheet.getCell(1, 1).value = grid.caption;
    sheet.getCell(1, 1).font = { bold: true, size: 12 };
    sheet.getCell(1, 1).alignment = { horizontal: 'center' };
    const thin = { style: 'thin' as const };
    for (const { r, c, cell } of layoutGrid(grid)) {
      const row = r + 2;
      const col = c + 1;
      const cs = cell.colspan ?? 1;
      const rs = cell.rowspan ?? 1;
      if (cs > 1 || rs > 1) sheet.mergeCells(row, col, row + rs - 1, col + cs - 1);
      const target = sheet.getCell(row, col);
      target.value = cell.head || !/^-?\d+(\.\d+)?$/.test(cell.text) ? cell.text : Number(cell.text);
      target.alignment = { horizontal: cell.head && cs === 1 && c === 0 ? 'left' : 'center', vertical: 'middle', wrapText: true };
      if (cell.head) target.font = { bold: cs > 1 };
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) sheet.getCell(row + i, col + j).border = { top: thin, bottom: thin, left: thin, right: thin };
    }
    if (note) sheet.getCell(grid.rows.length + 3, 1).value = note;
    sheet.columns.forEach((column, i) => { column.width = i === 0 || (i < 3 && name === '表三') ? 22 : 12; });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
