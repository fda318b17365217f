import { SourceError } from '../core/errors.ts';
import type { IndustryObservation, Observation } from '../core/records.ts';
import { gpgByIndustry } from './ashe-gpg-industry.ts';
import {
  expectHeader,
  geographyOf,
  isNotClassified,
  isProvisional,
  notClassifiedWarning,
  readAsheSheet,
  titleYear,
  type AsheRow,
  type AsheSheet,
} from './ashe-sheet.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';
import { openWorkbook } from './workbook.ts';

const READER = 'ashe-gpg';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 1;
/** Sheet name and its id part (`full-time`), in the order the publisher gives them. */
export const GPG_SHEETS = [
  ['All', 'all'],
  ['Full-Time', 'full-time'],
  ['Part-Time', 'part-time'],
] as const;
export const GPG_STATS = ['median', 'mean'] as const;
const MARKERS = new Set(['x', '..', ':', '-']);
const UK_NAME = 'United Kingdom';

/** How a table's rows are keyed: by GSS area, by ITL area, or by SIC 2007 industry (UK). */
type Keying = 'gss' | 'itl' | 'sic';

/** The ASHE gender pay gap tables this reader knows; a table is a name resolved once. */
export function gpgTable(table: string): { basis: string; keying: Keying } {
  switch (table) {
    case '7.12':
      return { basis: 'workplace', keying: 'gss' };
    case '8.12':
      return { basis: 'residence', keying: 'gss' };
    case '32.12':
      return { basis: 'workplace-itl3', keying: 'itl' };
    case '4.12':
      return { basis: 'industry', keying: 'sic' };
    default:
      throw new Error(`invalid ASHE gender pay gap table: ${table}`);
  }
}

/**
 * ONS ASHE gender pay gap tables (x.12): sheets All / Full-Time / Part-Time, columns
 * Description, Code, GPG median, GPG mean (%). Option `table` (`7.12`, `8.12`, `32.12`,
 * `4.12`) must match the sheet titles. Area tables give observations with ids
 * `gpg-{median|mean}-{workplace|residence|workplace-itl3}-{all|full-time|part-time}`;
 * Table 4.12 (UK by industry) gives industry records instead (see ashe-gpg-industry.ts).
 * Status: the publisher's marker (`x` unreliable or unavailable), else `p` for a
 * provisional table (file name `PROV - …`).
 */
export function readAsheGpg(input: ReaderInput): ReadResult {
  const file = input.files[0]!;
  const wb = openWorkbook(file);
  const sheets = GPG_SHEETS.map(([name]) => readAsheSheet(wb, name, [2, 3], MARKERS));
  const table = gpgTable(tableOf(sheets[0]!, input.source.options?.table, file.name));
  const status = isProvisional(file.name, input.source.options?.provisional) ? 'p' : null;
  const warnings: string[] = [];
  const observations: Observation[] = [];
  let industry: IndustryObservation[] = [];
  for (const s of sheets) {
    const where = { file: file.name, sheet: s.name };
    expectHeader(s.grid, where, s.headerRow, 2, 'median');
    expectHeader(s.grid, where, s.headerRow, 3, 'mean');
  }
  if (table.keying === 'sic') industry = gpgByIndustry(sheets, file.name, status, warnings);
  else {
    const skipped: string[] = [];
    for (const s of sheets) observations.push(...areaSheet(s, table, file.name, status, skipped));
    warnings.push(...notClassifiedWarning(file.name, skipped));
  }
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: table.keying === 'sic' ? { industry } : { observations },
    checks: [],
    warnings,
  };
}

function areaSheet(
  s: AsheSheet,
  table: { basis: string; keying: Keying },
  file: string,
  status: string | null,
  skipped: string[],
): Observation[] {
  const where = { file, sheet: s.name };
  const period = titleYear(s.title, where);
  const part = GPG_SHEETS.find(([name]) => name === s.name)![1];
  const seen = new Set<string>();
  const out: Observation[] = [];
  for (const row of s.rows) {
    if (isNotClassified(row)) {
      skipped.push(s.name);
      continue;
    }
    const area = areaOf(row, table.keying, where);
    if (seen.has(area.areacd)) {
      throw new SourceError({ ...where, cell: row.codeRef, value: area.areacd }, 'duplicate area');
    }
    seen.add(area.areacd);
    GPG_STATS.forEach((stat, k) => {
      const cell = row.cells[k]!;
      out.push({
        ...area,
        indicator: `gpg-${stat}-${table.basis}-${part}`,
        period,
        observation: cell.value,
        measure: 'Percentage',
        unit: '%',
        lci95: null,
        uci95: null,
        status: cell.marker ?? (cell.value === null ? 'missing' : status),
        notes: null,
      });
    });
  }
  return out;
}

/** The table number in the title (`Table 7.12 Gender pay gap …`), checked against the option. */
function tableOf(first: AsheSheet, option: unknown, file: string): string {
  const m = /Table (\d+\.\d+) Gender pay gap/.exec(first.title);
  const where = { file, sheet: first.name, cell: 'A1', value: first.title };
  if (!m) throw new SourceError(where, 'not an ASHE gender pay gap table');
  if (option !== undefined && String(option) !== m[1]) {
    throw new SourceError(where, `catalogue says table ${String(option)}, the file holds table ${m[1]}`);
  }
  return m[1]!;
}

/** The area a row is about. */
function areaOf(
  row: AsheRow,
  keying: Keying,
  where: { file: string; sheet: string },
): { areacd: string; areanm: string; geography: string } {
  // Table 32.12 gives the UK row without a code.
  if (row.code === '' && keying === 'itl' && row.description === UK_NAME) {
    return { areacd: 'K02000001', areanm: UK_NAME, geography: 'Country' };
  }
  const geography = geographyOf(row.code);
  const fits = (keying === 'itl') === row.code.startsWith('TL');
  if (geography === null || !fits) {
    throw new SourceError({ ...where, cell: row.codeRef, value: row.code }, 'not an area code');
  }
  return { areacd: row.code, areanm: row.description, geography };
}
