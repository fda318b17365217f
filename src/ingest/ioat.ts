import { SourceError } from '../core/errors.ts';
import { IOAT_KEYS, type IoTable } from '../core/io-table.ts';
import type { IoCell, PublishedCheck } from '../core/records.ts';
import { ioatBalanceChecks } from './ioat-checks.ts';
import { sheetCells } from './ioat-cells.ts';
import { findRow, gridFromCsv, gridFromSheet, num, text, type Grid } from './ioat-grid.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';
import { openWorkbook } from './workbook.ts';

const READER = 'ioat';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 1;
/** Sheets not kept as cells: the menu, the IOT itself (it becomes the IoTable) and the classification key. */
const NOT_CELLS = new Set(['Menu', 'IOT', 'IOGs']);
/** Final-use columns that are totals of others: kept for checks, not as final demand. */
const FD_TOTALS = new Set(['P3 S1', 'TU']);
/** Rows below the industries; the two without a code are keyed by their label. */
const PRIMARY_ROWS = [
  '_T',
  IOAT_KEYS.imports,
  IOAT_KEYS.productTaxes,
  "Total intermediate use at purchaser's prices",
  IOAT_KEYS.compensation,
  IOAT_KEYS.operatingSurplus,
  IOAT_KEYS.productionTaxes,
  IOAT_KEYS.gva,
  'P1',
] as const;
/** Primary inputs that cannot be negative (taxes less subsidies and operating surplus can). */
const NON_NEGATIVE = new Set<string>([IOAT_KEYS.imports, IOAT_KEYS.compensation, 'P1']);

/**
 * ONS UK input–output analytical tables, industry by industry: sheet `IOT` (domestic use at
 * basic prices, £ million) becomes an IoTable; every other analytical sheet's numeric cells
 * (A, Leontief, Effects, Multipliers, …) are kept as IoCells to check models against. Reads
 * the workbook, or the IOT sheet saved as CSV (same rows; title first).
 */
export function readIoat(input: ReaderInput): ReadResult {
  const file = input.files[0]!;
  const warnings: string[] = [];
  let grid: Grid;
  let cells: IoCell[] = [];
  if (/\.csv$/i.test(file.name)) grid = gridFromCsv(file, 'IOT');
  else {
    const wb = openWorkbook(file);
    grid = gridFromSheet(wb, 'IOT');
    const year = tableYear(grid);
    for (const name of wb.book.SheetNames.filter((s) => !NOT_CELLS.has(s))) {
      const got = sheetCells(gridFromSheet(wb, name), year);
      cells = cells.concat(got.cells);
      warnings.push(...got.warnings);
    }
  }
  const { table, totals } = parseIot(grid);
  const checks: PublishedCheck[] = ioatBalanceChecks(table, totals);
  for (const c of checks) {
    if (Math.abs(c.actual - c.expected) > c.tolerance)
      warnings.push(`${file.name}: ${c.name}: computed ${c.actual}, published ${c.expected}`);
  }
  return {
    provenance: provenanceFor(input, READER, VERSION, String(table.year)),
    records: { ioTables: [table], ioCells: cells },
    checks,
    warnings,
  };
}

/** Published totals read beside the table, for the balance checks. */
export interface IotTotals {
  /** Column totals: `_T` (intermediate inputs), the purchasers'-price total, `P1`. */
  rows: Record<string, Float64Array>;
  /** Row totals: `_T` (intermediate use), `P3 S1`, `TU`. */
  cols: Record<string, Float64Array>;
}

/** Parses the IOT block: codes across and down must match, flows must be numbers, Z ≥ 0. */
export function parseIot(g: Grid): { table: IoTable; totals: IotTotals } {
  const year = tableYear(g);
  const codeRow = findRow(g, 0, (r) => text(g, r, 1) === 'SIC' && text(g, r, 2) !== null);
  if (codeRow < 0) throw new SourceError({ file: g.file, sheet: g.sheet }, 'no header row of SIC codes');
  const { codes, names, fd } = readHeader(g, codeRow);
  const n = codes.length;
  const top = findRow(g, codeRow + 2, (r) => text(g, r, 0) === 'SIC' && text(g, r, 1) === 'Industry');
  if (top < 0) throw new SourceError(g.at(codeRow + 2, 0), "no 'SIC, Industry' row above the industries");
  const first = top + 1;
  for (let i = 0; i < n; i++) {
    const code = text(g, first + i, 0);
    if (code !== codes[i]) {
      throw new SourceError(
        { ...g.at(first + i, 0), value: code ?? '' },
        `row code does not match column ${codes[i]}`,
      );
    }
  }
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const v = num(g, first + i, 2 + j);
      if (v < 0) throw new SourceError({ ...g.at(first + i, 2 + j), value: v }, 'negative intermediate flow');
      z[i * n + j] = v;
    }
  const column = (col: number) => Float64Array.from({ length: n }, (_, i) => num(g, first + i, col));
  const finalDemand: Record<string, Float64Array> = {};
  const cols: Record<string, Float64Array> = {};
  for (const { code, col } of fd)
    (code === '_T' || FD_TOTALS.has(code) ? cols : finalDemand)[code] = column(col);
  const rows = readPrimaryRows(g, first + n, n);
  const {
    P1: output,
    _T: intermediate,
    "Total intermediate use at purchaser's prices": purchasers,
    ...primaryInputs
  } = rows;
  const table: IoTable = { year, codes, names, z, finalDemand, primaryInputs, output: output! };
  return { table, totals: { rows: { _T: intermediate!, purchasers: purchasers!, P1: output! }, cols } };
}

function tableYear(g: Grid): number {
  const title = text(g, 0, 0) ?? '';
  const m = /^(\d{4}) Input-Output Analytical Tables/i.exec(title);
  if (!m)
    throw new SourceError({ ...g.at(0, 0), value: title }, 'not an input-output analytical table title');
  return Number(m[1]);
}

function readHeader(g: Grid, r: number) {
  const codes: string[] = [];
  const names: string[] = [];
  let c = 2;
  for (; text(g, r, c) !== '_T'; c++) {
    const code = text(g, r, c);
    if (code === null)
      throw new SourceError(
        { ...g.at(r, c), value: '' },
        'truncated table: no _T column after the industries',
      );
    if (codes.includes(code))
      throw new SourceError({ ...g.at(r, c), value: code }, 'duplicate industry code');
    codes.push(code);
    names.push(text(g, r + 1, c) ?? '');
  }
  const fd: { code: string; col: number }[] = [];
  for (; text(g, r, c) !== null; c++) fd.push({ code: text(g, r, c)!, col: c });
  if (fd.at(-1)?.code !== 'TU')
    throw new SourceError({ ...g.at(r, c), value: '' }, 'truncated table: no TU (total use) column');
  return { codes, names, fd };
}

function readPrimaryRows(g: Grid, from: number, n: number): Record<string, Float64Array> {
  const found: Record<string, Float64Array> = {};
  for (let r = from; r < g.cells.length; r++) {
    const key = text(g, r, 0) ?? text(g, r, 1);
    if (key === null) break;
    if (!(PRIMARY_ROWS as readonly string[]).includes(key)) continue;
    found[key] = Float64Array.from({ length: n }, (_, j) => {
      const v = num(g, r, 2 + j);
      if (v < 0 && NON_NEGATIVE.has(key))
        throw new SourceError({ ...g.at(r, 2 + j), value: v }, `negative ${key}`);
      return v;
    });
  }
  const missing = PRIMARY_ROWS.filter((k) => !found[k]);
  if (missing.length)
    throw new SourceError({ ...g.at(from, 0), value: missing.join(', ') }, 'truncated table: missing rows');
  return found;
}
