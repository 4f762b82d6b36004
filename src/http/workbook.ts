import ExcelJS from 'exceljs';

export type SheetColumn<K extends string> = { header: string; key: K; width: number };

/**
 * One sheet of rows as an Excel workbook: bold header, frozen under it. Every date or time in
 * `rows` is already text in Beijing time (src/core/clock.ts), so Excel shows what the console does.
 */
export async function workbookOf<K extends string>(sheetName: string, columns: SheetColumn<K>[], rows: Iterable<Record<K, string | number>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The most rows one export carries; a larger selection is narrowed by its filters first. */
export const EXPORT_LIMIT = 100_000;
