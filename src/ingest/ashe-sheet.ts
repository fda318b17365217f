import { SourceError } from '../core/errors.ts';
import { parseNumber } from './numbers.ts';
import { cellRef, requireSheet, sheetGrid, type CellValue, type Workbook } from './workbook.ts';

/**
 * ONS Annual Survey of Hours and Earnings (ASHE) result tables: title rows, a header row
 * starting `Description`, `Code`, then one row per area or industry, then footnotes.
 * Quality is shown by cell colour in the original; colour is not read here: only the
 * publisher's text markers (`x`, `..`, `:`, `-`) are kept.
 */

/** A value cell: the number, or null with the publisher's marker (null marker = empty cell). */
export interface AsheCell {
  value: number | null;
  marker: string | null;
  /** A1 reference, for messages. */
  ref: string;
}

/** One data row of an ASHE sheet. */
export interface AsheRow {
  /** A1 reference of the Code cell. */
  codeRef: string;
  description: string;
  /** Trimmed; empty when the publisher gives no code (`Not Classified`, industry aggregates). */
  code: string;
  cells: AsheCell[];
}

/** A parsed ASHE sheet: its title (cell A1) and data rows. */
export interface AsheSheet {
  name: string;
  title: string;
  /** Zero-based row index of the `Description, Code` header. */
  headerRow: number;
  rows: AsheRow[];
  grid: CellValue[][];
}

const HEADER_SEARCH_ROWS = 15;

/** Reads one sheet: `valueCols` zero-based columns after `Code`; `markers` the text allowed in value cells. */
export function readAsheSheet(
  wb: Workbook,
  name: string,
  valueCols: number[],
  markers: ReadonlySet<string>,
): AsheSheet {
  const grid = sheetGrid(requireSheet(wb, name));
  const where = { file: wb.file, sheet: name };
  const headerRow = findHeader(grid, where);
  const rows: AsheRow[] = [];
  let r = headerRow + 1;
  for (; r < grid.length; r++) {
    const line = grid[r]!;
    if (valueCols.every((c) => line[c] === null || line[c] === undefined)) break;
    const cells = valueCols.map((c) => asheCell(line[c] ?? null, { ...where, cell: cellRef(r, c) }, markers));
    rows.push({ codeRef: cellRef(r, 1), description: text(line[0]), code: text(line[1]), cells });
  }
  if (rows.length === 0) throw new SourceError({ ...where, cell: cellRef(headerRow + 1, 0) }, 'no data rows');
  // The table ends at its first row without values; only footnotes (column A) may follow.
  for (; r < grid.length; r++) {
    const code = text(grid[r]![1]);
    if (code !== '')
      throw new SourceError(
        { ...where, cell: cellRef(r, 1), value: code },
        'coded row without values, or after the end of the table',
      );
  }
  return { name, title: text(grid[0]?.[0]), headerRow, rows, grid };
}

function findHeader(grid: CellValue[][], where: { file: string; sheet: string }): number {
  for (let r = 0; r < Math.min(grid.length, HEADER_SEARCH_ROWS); r++) {
    if (text(grid[r]![0]) !== 'Description') continue;
    const code = text(grid[r]![1]);
    if (code !== 'Code')
      throw new SourceError({ ...where, cell: cellRef(r, 1), value: code }, 'expected column Code');
    return r;
  }
  throw new SourceError(
    { ...where, cell: 'A1', value: text(grid[0]?.[0]) },
    'no header row starting Description, Code',
  );
}

/** Parses one value cell: a number, a numeric text, a known marker, or empty. */
export function asheCell(
  v: CellValue,
  where: { file: string; sheet: string; cell: string },
  markers: ReadonlySet<string>,
): AsheCell {
  if (typeof v === 'number') return { value: v, marker: null, ref: where.cell };
  if (v === null) return { value: null, marker: null, ref: where.cell };
  const t = String(v).trim();
  if (markers.has(t)) return { value: null, marker: t, ref: where.cell };
  if (typeof v === 'string' && t !== '' && /^[-+\d.,\s]+$/.test(t)) {
    return { value: parseNumber(t, where), marker: null, ref: where.cell };
  }
  throw new SourceError({ ...where, value: v }, `not a number or a marker (${[...markers].join(' ')})`);
}

/** Requires a header cell to read as expected (case and spacing ignored). */
export function expectHeader(
  grid: CellValue[][],
  where: { file: string; sheet: string },
  row: number,
  col: number,
  expected: string,
): void {
  const got = text(grid[row]?.[col]);
  if (got.replace(/\s+/g, ' ').toLowerCase() !== expected.toLowerCase()) {
    throw new SourceError(
      { ...where, cell: cellRef(row, col), value: got },
      `expected column header ${expected}`,
    );
  }
}

/** The year a title ends with (`…: United Kingdom, 2025`). */
export function titleYear(title: string, where: { file: string; sheet: string }): string {
  const m = /\b((?:19|20)\d\d)\s*$/.exec(title);
  if (!m) throw new SourceError({ ...where, cell: 'A1', value: title }, 'title does not end with a year');
  return m[1]!;
}

/** A cell as trimmed text ('' when empty). */
export function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/**
 * The Explore Local Statistics geography label of a GSS or ITL code, or null when the code
 * has neither form.
 */
export function geographyOf(code: string): string | null {
  const itl = /^TL[C-N]([0-9A-Z]{0,2})$/.exec(code);
  if (itl) return `ITL Level ${itl[1]!.length + 1}`;
  if (!/^[EWSNK]\d{8}$/.test(code)) return null;
  switch (code.slice(0, 3)) {
    case 'K02':
    case 'K03':
    case 'K04':
      return 'Country';
    case 'E92':
    case 'W92':
    case 'S92':
    case 'N92':
      return 'Nation';
    case 'E12':
      return 'Region';
    case 'E13':
      return 'Inner or Outer London';
    case 'E06':
    case 'E10':
    case 'E11':
      return 'County or Unitary Authority';
    case 'E07':
    case 'E08':
    case 'E09':
    case 'W06':
    case 'S12':
    case 'N09':
      return 'Local Authority District';
    default:
      return null;
  }
}

/** A whole table is provisional when the publisher's file name says so (`PROV - …`). */
export function isProvisional(fileName: string, option: unknown): boolean {
  if (typeof option === 'boolean') return option;
  return /^PROV\b/i.test(fileName);
}

/** The publisher's `Not Classified` row, which has no code and is not kept. */
export function isNotClassified(row: AsheRow): boolean {
  return row.code === '' && /^not classified$/i.test(row.description);
}

/** One warning naming the sheets whose `Not Classified` row was left out, or none. */
export function notClassifiedWarning(file: string, sheets: string[]): string[] {
  if (sheets.length === 0) return [];
  return [`${file}: the uncoded "Not Classified" row is not kept (sheets ${sheets.join(', ')})`];
}
