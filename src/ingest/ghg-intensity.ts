import type * as XLSX from '@e965/xlsx';
import { SourceError } from '../core/errors.ts';
import type { IndustryMeasure, IndustryObservation, PublishedCheck } from '../core/records.ts';
import { resolveIndustry, sectionOf } from '../core/sic.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';
import { cellAt, cellRef, openWorkbook, requireSheet } from './workbook.ts';

const READER = 'ghg-intensity';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 1;
const SHEETS: [string, IndustryMeasure][] = [
  ['GHG intensity', 'ghg_intensity'],
  ['CO2 intensity', 'co2_intensity'],
];
/** Rows parsed per sheet: the sheets declare ~16,000 styled rows around ~45 rows of content. */
const MAX_ROWS = 400;
const HEADER_SEARCH_ROWS = 30;

type Where = { file: string; sheet: string };

/** One industry column of either table: its code, name, parent and values by year. */
interface Column {
  code: string;
  name: string;
  parent: string | null;
  col: number;
}

/**
 * ONS Atmospheric emissions: greenhouse gas and CO2 emissions intensity by industry
 * (thousand tonnes CO2e per £ million GVA, UK residence basis), sheets `GHG intensity` and
 * `CO2 intensity`. Each sheet holds two tables side by side, years down the rows: by SIC
 * section (`SIC code` header in column A, with a total) and by industry group (`SIC(07) group`,
 * its section letters in the row above). Codes are kept as published (`10.2-3`,
 * `33 (not 33.15-16)`) and must resolve to SIC divisions; `[low]` and `[z]` are kept as status.
 * The total is taken from the section table; the group table's total must equal it.
 */
export function readGhgIntensity(input: ReaderInput): ReadResult {
  const file = input.files[0]!;
  const wb = openWorkbook(file, { sheets: SHEETS.map(([s]) => s), rows: MAX_ROWS });
  const industry: IndustryObservation[] = [];
  const checks: PublishedCheck[] = [];
  const warnings: string[] = [];
  for (const [name, measure] of SHEETS) {
    const ws = requireSheet(wb, name);
    const where = { file: file.name, sheet: name };
    const headerRow = findHeaderRow(ws, where);
    const years = readYears(ws, headerRow, where);
    const sections = sectionColumns(ws, headerRow, where);
    const groupCol = findGroupTable(ws, headerRow, where);
    const groups = groupColumns(ws, headerRow, groupCol, where);
    checkYearsMatch(ws, years, groupCol, where);
    const seen = new Set<string>();
    for (const c of [...sections, ...groups.filter((g) => g.code !== 'Total')]) {
      if (seen.has(c.code))
        throw new SourceError(
          { ...where, cell: cellRef(headerRow, c.col), value: c.code },
          'duplicate industry',
        );
      seen.add(c.code);
      for (const [row, year] of years) industry.push(record(ws, c, row, year, measure, where));
    }
    const total = sections.find((c) => c.code === 'Total');
    const groupTotal = groups.find((c) => c.code === 'Total');
    if (total && groupTotal) totalChecks(ws, years, total, groupTotal, measure, where, checks, warnings);
  }
  return { provenance: provenanceFor(input, READER, VERSION), records: { industry }, checks, warnings };
}

/** The row whose column A reads `SIC code`: codes on it, names below, years from two rows below. */
function findHeaderRow(ws: XLSX.WorkSheet, where: Where): number {
  for (let r = 0; r < HEADER_SEARCH_ROWS; r++) {
    if (text(cellAt(ws, r, 0)) !== 'SIC code') continue;
    const names = text(cellAt(ws, r + 1, 0));
    if (names !== 'Industry name') {
      throw new SourceError(
        { ...where, cell: cellRef(r + 1, 0), value: names },
        'expected row header Industry name',
      );
    }
    return r;
  }
  throw new SourceError({ ...where, cell: 'A1', value: text(cellAt(ws, 0, 0)) }, 'no row starting SIC code');
}

/** Years down column A from two rows below the header, until the first empty cell. */
function readYears(ws: XLSX.WorkSheet, headerRow: number, where: Where): [number, number][] {
  const out: [number, number][] = [];
  for (let r = headerRow + 2; ; r++) {
    const v = cellAt(ws, r, 0);
    if (v === null) break;
    if (r >= MAX_ROWS - 1)
      throw new SourceError({ ...where, cell: cellRef(r, 0) }, `more than ${MAX_ROWS} rows`);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1900 || v > 2100) {
      throw new SourceError({ ...where, cell: cellRef(r, 0), value: v }, 'not a year');
    }
    out.push([r, v]);
  }
  if (out.length === 0) throw new SourceError({ ...where, cell: cellRef(headerRow + 2, 0) }, 'no years');
  // A gap in the years would otherwise drop every later year without a word.
  for (let r = out.at(-1)![0] + 2; r < MAX_ROWS; r++) {
    const v = cellAt(ws, r, 0);
    if (typeof v === 'number')
      throw new SourceError({ ...where, cell: cellRef(r, 0), value: v }, 'year after a gap');
  }
  return out;
}

/** Section table: columns B… until the first without a name; the total has no code (or a stray `Column1`). */
function sectionColumns(ws: XLSX.WorkSheet, headerRow: number, where: Where): Column[] {
  const out: Column[] = [];
  for (let col = 1; cellAt(ws, headerRow + 1, col) !== null; col++) {
    const name = text(cellAt(ws, headerRow + 1, col));
    const raw = text(cellAt(ws, headerRow, col));
    const isTotal = /^total\b/i.test(name) && (raw === '' || raw === 'Column1' || /^total$/i.test(raw));
    const code = isTotal ? 'Total' : raw;
    if (!isTotal && !/^[A-U]$/.test(code)) {
      throw new SourceError(
        { ...where, cell: cellRef(headerRow, col), value: raw },
        'not a SIC section letter',
      );
    }
    out.push({ code, name, parent: isTotal ? null : 'Total', col });
  }
  return out;
}

function findGroupTable(ws: XLSX.WorkSheet, headerRow: number, where: Where): number {
  for (let col = 1; col < 64; col++) if (text(cellAt(ws, headerRow, col)) === 'SIC(07) group') return col;
  throw new SourceError(
    { ...where, cell: cellRef(headerRow, 0) },
    'no industry group table (header SIC(07) group)',
  );
}

/** Group table: codes as published, section letter in the row above; each code must resolve. */
function groupColumns(ws: XLSX.WorkSheet, headerRow: number, start: number, where: Where): Column[] {
  const out: Column[] = [];
  for (let col = start + 1; cellAt(ws, headerRow + 1, col) !== null; col++) {
    const code = text(cellAt(ws, headerRow, col));
    const name = text(cellAt(ws, headerRow + 1, col));
    if (/^total$/i.test(code)) {
      out.push({ code: 'Total', name, parent: null, col });
      continue;
    }
    const section = text(cellAt(ws, headerRow - 1, col));
    const at = { ...where, cell: cellRef(headerRow, col), value: code };
    let divisions: string[];
    try {
      divisions = resolveIndustry(code).divisions;
    } catch (e) {
      throw new SourceError(at, (e as Error).message);
    }
    if (!divisions.every((d) => sectionOf(d) === section)) {
      throw new SourceError(at, `not in section ${section} (row above)`);
    }
    out.push({ code, name, parent: section, col });
  }
  const end = start + 1 + out.length;
  for (let col = end + 1; col < end + 20; col++) {
    const v = cellAt(ws, headerRow, col);
    if (v !== null)
      throw new SourceError(
        { ...where, cell: cellRef(headerRow, col), value: v },
        'industry column after a gap',
      );
  }
  return out;
}

function checkYearsMatch(
  ws: XLSX.WorkSheet,
  years: [number, number][],
  groupCol: number,
  where: Where,
): void {
  for (const [row, year] of years) {
    const v = cellAt(ws, row, groupCol);
    if (v !== year)
      throw new SourceError({ ...where, cell: cellRef(row, groupCol), value: v }, `expected year ${year}`);
  }
}

/** A value cell: a number, or a bracketed marker (`[low]` low but not zero, `[z]` not applicable). */
function valueAt(
  ws: XLSX.WorkSheet,
  row: number,
  col: number,
  where: Where,
): { value: number | null; status: string | null } {
  const v = cellAt(ws, row, col);
  if (typeof v === 'number') return { value: v, status: null };
  if (v === null) return { value: null, status: 'missing' };
  if (typeof v === 'string' && /^\[[a-z]+\]$/.test(v.trim())) return { value: null, status: v.trim() };
  throw new SourceError(
    { ...where, cell: cellRef(row, col), value: v },
    'not a number or a marker ([low], [z])',
  );
}

function record(
  ws: XLSX.WorkSheet,
  c: Column,
  row: number,
  year: number,
  measure: IndustryMeasure,
  where: Where,
): IndustryObservation {
  const { value, status } = valueAt(ws, row, c.col, where);
  const base = { areacd: 'K02000001', areanm: 'United Kingdom', industry: c.code, industryName: c.name };
  return { ...base, parent: c.parent, measure, period: year, value, status };
}

/** Both tables print the whole-economy total; they should agree to the published 2 decimals. */
function totalChecks(
  ws: XLSX.WorkSheet,
  years: [number, number][],
  total: Column,
  groupTotal: Column,
  measure: IndustryMeasure,
  where: Where,
  checks: PublishedCheck[],
  warnings: string[],
): void {
  const differing: number[] = [];
  for (const [row, year] of years) {
    const expected = valueAt(ws, row, total.col, where).value;
    const actual = valueAt(ws, row, groupTotal.col, where).value;
    if (expected === null || actual === null) continue;
    checks.push({
      name: `${measure} ${year}: group-table Total = section-table Total`,
      expected,
      actual,
      tolerance: 0.005,
    });
    if (Math.abs(expected - actual) > 0.005) differing.push(year);
  }
  if (differing.length > 0) {
    const cells = `${cellRef(years[0]![0], groupTotal.col)}:${cellRef(years.at(-1)![0], groupTotal.col)}`;
    warnings.push(
      `${where.file}!${where.sheet}!${cells}: the group table's Total differs from the section table's in ${differing.length} of ${years.length} years (${differing[0]}…${differing.at(-1)}); the section table's is kept`,
    );
  }
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}
