import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { SourceError } from '../core/errors.ts';
import type { SourceFile } from './source-file.ts';

// Legacy .xls files name a Windows code page for their text; the ES module build needs the tables.
XLSX.set_cptable(cptable);

/** An opened spreadsheet (XLSX or legacy BIFF .xls) with the file name kept for errors. */
export interface Workbook {
  file: string;
  book: XLSX.WorkBook;
}

/** A cell value as read: number, string, boolean, or null for an empty cell. */
export type CellValue = number | string | boolean | null;

/** What to parse: `sheets` limits parsing to the named sheets (all names stay listed), `rows` to the first rows of each. */
export interface OpenOptions {
  sheets?: string[];
  rows?: number;
}

/** Opens a workbook from bytes; refuses files that are not spreadsheets. */
export function openWorkbook(file: SourceFile, options: OpenOptions = {}): Workbook {
  if (file.bytes.length === 0) throw new SourceError({ file: file.name }, 'empty file');
  const magic = file.bytes.subarray(0, 4).toString('hex');
  // XLSX is a zip (PK\x03\x04); legacy .xls is an OLE compound file (D0 CF 11 E0).
  if (magic !== '504b0304' && magic !== 'd0cf11e0') {
    throw new SourceError({ file: file.name, value: magic }, 'not an XLSX or XLS workbook');
  }
  try {
    return {
      file: file.name,
      book: XLSX.read(file.bytes, {
        type: 'buffer',
        cellDates: false,
        dense: false,
        ...(options.sheets ? { sheets: options.sheets } : {}),
        ...(options.rows ? { sheetRows: options.rows } : {}),
      }),
    };
  } catch (e) {
    throw new SourceError({ file: file.name }, `unreadable workbook (${(e as Error).message})`);
  }
}

/** Returns a sheet by name, or throws naming the sheet and the sheets that exist. */
export function sheet(wb: Workbook, name: string): XLSX.WorkSheet {
  const ws = wb.book.Sheets[name];
  if (!ws) {
    throw new SourceError({ file: wb.file, value: wb.book.SheetNames.join(', ') }, `missing sheet: ${name}`);
  }
  return ws;
}

/** Returns a sheet by name, or throws at `file!name` listing every sheet in full (a value would be shortened). */
export function requireSheet(wb: Workbook, name: string): XLSX.WorkSheet {
  const ws = wb.book.Sheets[name];
  if (!ws) {
    throw new SourceError(
      { file: wb.file, sheet: name },
      `missing sheet; the workbook has ${wb.book.SheetNames.join(', ')}`,
    );
  }
  return ws;
}

/** All cells of a sheet as a dense grid of values (rows × columns), empty cells null. */
export function sheetGrid(ws: XLSX.WorkSheet): CellValue[][] {
  return XLSX.utils.sheet_to_json<CellValue[]>(ws, { header: 1, raw: true, defval: null, blankrows: true });
}

/** The A1 reference of a zero-based row and column, for error messages. */
export function cellRef(row: number, col: number): string {
  return XLSX.utils.encode_cell({ r: row, c: col });
}

/**
 * One cell's value by zero-based row and column, null when empty. Reads the cell directly,
 * for sheets whose declared range is far larger than their content.
 */
export function cellAt(ws: XLSX.WorkSheet, row: number, col: number): CellValue {
  const cell = ws[cellRef(row, col)] as XLSX.CellObject | undefined;
  if (!cell || cell.v === undefined || cell.t === 'z' || cell.t === 'e') return null;
  return cell.v instanceof Date ? cell.v.toISOString() : cell.v;
}
