// Client-side CSV of exactly the table a chart shows (when no API route serves that table).
import { excelCsv } from './csv-text.ts';
import type { Table } from './table.ts';
import { workbookBytes, type PageTable } from './workbook.ts';

export { excelCsv, toCsv } from './csv-text.ts';
export type { Cell, Table } from './table.ts';

/** Saves a table as an Excel-safe CSV file (see excelCsv). */
export function downloadCsv(t: Table, filename: string, source?: string): void {
  saveFile(new Blob([excelCsv(t, source)], { type: 'text/csv;charset=utf-8' }), filename);
}

/** Saves a file made in the page (a CSV, a scenario file) through a temporary object URL. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves a page's tables as an .xlsx workbook (a sheet per table and a Sources sheet). */
export async function downloadWorkbook(tables: readonly PageTable[], page: string, filename: string): Promise<void> {
  const bytes = await workbookBytes(tables, page);
  saveFile(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), filename);
}
