import { SourceError } from '../core/errors.ts';
import type { AreaRecord, Observation, PublishedCheck } from '../core/records.ts';
import { columnIndex, readCsv, requireRows } from './csv.ts';
import { parseNumber, parseYear } from './numbers.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';

const READER = 'gva-population';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 1;
/** The `ITL` column: UK rows, `Other` (England, Extra-Regio), then the three ITL levels. */
const CODES: Record<string, RegExp> = {
  UK: /^UKX?$/,
  Other: /^TL[A-Z]$/,
  ITL1: /^TL[C-N]$/,
  ITL2: /^TL[C-N]\d$/,
  ITL3: /^TL[C-N]\d[0-9A-Z]$/,
};
/** ONS bracketed markers such as `[u]` (low reliability) and `[x]` (not available). */
const MARKER = /^\[([a-z]+)\]$/;

interface Row {
  code: string;
  level: string;
  line: number;
  values: (number | null)[];
}

/**
 * ONS regional GVA (balanced) by industry, Table 6: total resident population by ITL region,
 * one column per year, numbers as `"2,560,883"`. Emits the population as observations, the
 * ITL areas, and checks that ITL3s sum to their ITL2, ITL2s to their ITL1, and ITL1s to the UK
 * in every year — the hierarchy read from the codes (`TLC11` → `TLC1` → `TLC` → `UK`).
 */
export function readGvaPopulation(input: ReaderInput): ReadResult {
  const file = input.files[0]!;
  const table = readCsv(file);
  requireRows(table);
  const col = columnIndex(table, ['ITL', 'ITL code', 'Region name']);
  const first = Math.max(col.ITL, col['ITL code'], col['Region name']) + 1;
  if (first >= table.header.length) throw new SourceError({ file: file.name, line: 1 }, 'no year columns');
  const years = table.header
    .slice(first)
    .map((h, k) => parseYear(h, { file: file.name, line: 1, column: first + k + 1 }));
  const observations: Observation[] = [];
  const areas: AreaRecord[] = [];
  const rows = new Map<string, Row>();
  table.rows.forEach((cells, r) => {
    const line = table.lines[r]!;
    const level = cells[col.ITL]!.trim();
    const code = cells[col['ITL code']]!.trim();
    const name = cells[col['Region name']]!.trim();
    const pattern = CODES[level];
    if (!pattern)
      throw new SourceError(
        { file: file.name, line, column: col.ITL + 1, value: level },
        'unknown ITL level',
      );
    if (!pattern.test(code))
      throw new SourceError(
        { file: file.name, line, column: col['ITL code'] + 1, value: code },
        `not an ${level} code`,
      );
    if (rows.has(code)) throw new SourceError({ file: file.name, line, value: code }, 'duplicate ITL code');
    const values = years.map((year, k) => {
      const cell = cells[first + k]!.trim();
      const marker = MARKER.exec(cell)?.[1] ?? null;
      const value = marker ? null : parseNumber(cell, { file: file.name, line, column: first + k + 1 });
      observations.push(observation(code, name, level, year, value, marker));
      return value;
    });
    rows.set(code, { code, level, line, values });
    if (level.startsWith('ITL'))
      areas.push({ areacd: code, areanm: name, level: level.toLowerCase(), start: null, end: null });
  });
  const { checks, warnings } = hierarchyChecks(rows, years, file.name);
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: { observations, areas },
    checks,
    warnings,
  };
}

function observation(
  areacd: string,
  areanm: string,
  geography: string,
  year: number,
  value: number | null,
  marker: string | null,
): Observation {
  return {
    areacd,
    areanm,
    geography,
    indicator: 'population',
    period: String(year),
    observation: value,
    measure: 'Total resident population',
    unit: 'persons',
    lci95: null,
    uci95: null,
    status: marker ?? (value === null ? 'missing' : null),
    notes: null,
  };
}

/** The parent of an ITL code by the code itself: `TLC11` → `TLC1` → `TLC` → `UK`. */
export function itlParent(code: string, level: string): string | null {
  if (level === 'ITL3' || level === 'ITL2') return code.slice(0, -1);
  return level === 'ITL1' ? 'UK' : null;
}

function hierarchyChecks(rows: Map<string, Row>, years: number[], file: string) {
  const children = new Map<string, Row[]>();
  for (const row of rows.values()) {
    const parent = itlParent(row.code, row.level);
    if (parent === null) continue;
    if (!rows.has(parent))
      throw new SourceError({ file, line: row.line, value: row.code }, `no row for its parent ${parent}`);
    const list = children.get(parent) ?? [];
    list.push(row);
    children.set(parent, list);
  }
  const checks: PublishedCheck[] = [];
  const warnings: string[] = [];
  for (const [parent, kids] of children) {
    years.forEach((year, k) => {
      const expected = rows.get(parent)!.values[k];
      const parts = kids.map((c) => c.values[k]);
      if (expected === null || parts.some((v) => v === null)) {
        warnings.push(`${file}: ${parent} ${year}: not checked, a value is marked or missing`);
        return;
      }
      const actual = parts.reduce((s: number, v) => s + v!, 0);
      checks.push({
        name: `${parent} ${year} = sum of its ${kids.length} parts`,
        expected: expected!,
        actual,
        tolerance: 0,
      });
      if (actual !== expected)
        warnings.push(`${file}: ${parent} ${year}: parts sum to ${actual}, published ${expected}`);
    });
  }
  return { checks, warnings };
}
