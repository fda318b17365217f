import { SourceError, type SourceLocation } from '../core/errors.ts';
import { readCsv } from './csv.ts';
import { parseNumber } from './numbers.ts';
import type { SourceFile } from './source-file.ts';
import { cellRef, sheetGrid, type CellValue, type Workbook, sheet } from './workbook.ts';

/**
 * A sheet of an input–output workbook as a grid of cells, whether it came as XLSX or as the
 * same sheet saved to CSV (one CSV line per sheet row, so line = row + 1), with the location
 * of every cell for error messages (`file!Sheet!B7` or `file:7:2`).
 */
export interface Grid {
  file: string;
  sheet: string;
  cells: CellValue[][];
  at(row: number, col: number): SourceLocation;
}

/** A named sheet of a workbook as a grid. */
export function gridFromSheet(wb: Workbook, name: string): Grid {
  const cells = sheetGrid(sheet(wb, name));
  return {
    file: wb.file,
    sheet: name,
    cells,
    at: (r, c) => ({ file: wb.file, sheet: name, cell: cellRef(r, c) }),
  };
}

/** A CSV holding one sheet; its first line is the sheet's first row (e.g. a title). */
export function gridFromCsv(file: SourceFile, sheetName: string): Grid {
  const table = readCsv(file);
  const cells: CellValue[][] = [table.header, ...table.rows].map((row) =>
    row.map((v) => (v.trim() === '' ? null : v)),
  );
  const lines = [1, ...table.lines];
  return {
    file: file.name,
    sheet: sheetName,
    cells,
    at: (r, c) => ({ file: file.name, line: lines[r] ?? r + 1, column: c + 1 }),
  };
}

/** A cell's trimmed text, or null when empty; numbers come back as their text. */
export function text(g: Grid, r: number, c: number): string | null {
  const v = g.cells[r]?.[c] ?? null;
  if (v === null) return null;
  const t = String(v).trim();
  return t === '' ? null : t;
}

/** A cell that must hold a number (CSV text is parsed strictly); throws naming the cell. */
export function num(g: Grid, r: number, c: number): number {
  const v = g.cells[r]?.[c] ?? null;
  if (typeof v === 'number') return v;
  if (v === null) throw new SourceError({ ...g.at(r, c), value: '' }, 'missing value');
  const n = typeof v === 'string' ? parseNumber(v, g.at(r, c)) : null;
  if (n === null) throw new SourceError({ ...g.at(r, c), value: v }, 'not a number');
  return n;
}

/** The first row index at or after `from` where `test` holds, or -1. */
export function findRow(g: Grid, from: number, test: (r: number) => boolean): number {
  for (let r = from; r < g.cells.length; r++) if (test(r)) return r;
  return -1;
}
