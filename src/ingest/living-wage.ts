import { SourceError } from '../core/errors.ts';
import type { Observation, PublishedCheck } from '../core/records.ts';
import {
  expectHeader,
  geographyOf,
  isNotClassified,
  isProvisional,
  notClassifiedWarning,
  readAsheSheet,
  text,
  titleYear,
  type AsheCell,
  type AsheSheet,
} from './ashe-sheet.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';
import { openWorkbook } from './workbook.ts';

const READER = 'living-wage';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 1;
/** The publisher's sheets, one per group of employee jobs. */
export const LWF_SHEETS = [
  'All',
  'Male',
  'Female',
  'Full-Time',
  'Part-Time',
  'Male Full-Time',
  'Male Part-Time',
  'Female Full-Time',
  'Female Part-Time',
] as const;
/** `x` CV > 20%, `..` disclosive, `:` not applicable, `-` nil or negligible (the table's key). */
const MARKERS = new Set(['x', '..', ':', '-']);

/**
 * ONS ASHE, number and proportion of employee jobs paid below the Living Wage Foundation
 * rate, by work geography (Table 7 LWF.1a, legacy .xls): per sheet, jobs in thousands and
 * per cent. Ids `jobs-below-lwf-{sheet}` and `pct-jobs-below-lwf-{sheet}` (`male-full-time`).
 * Areas as published (pre-2023 districts). The publisher's zip holding this workbook is not
 * read: the catalogue points at the extracted .xls. Quality shown by colour is not read.
 */
export function readLivingWage(input: ReaderInput): ReadResult {
  const file = input.files[0]!;
  const wb = openWorkbook(file);
  const provisional = isProvisional(file.name, input.source.options?.provisional) ? 'p' : null;
  const observations: Observation[] = [];
  const checks: PublishedCheck[] = [];
  const skipped: string[] = [];
  const jobsBySheet = new Map<string, Map<string, AsheCell>>();
  for (const name of LWF_SHEETS) {
    const s = readAsheSheet(wb, name, [2, 3], MARKERS);
    checkHeaders(s, file.name);
    const jobs = new Map<string, AsheCell>();
    observations.push(...sheetObservations(s, file.name, provisional, jobs, skipped));
    jobsBySheet.set(name, jobs);
    checks.push(...areaTotals(jobs, name));
  }
  checks.push(...splitTotals(jobsBySheet));
  const warnings = notClassifiedWarning(file.name, skipped);
  for (const c of checks) {
    if (Math.abs(c.actual - c.expected) > c.tolerance) {
      warnings.push(`${file.name}: ${c.name}: parts sum to ${c.actual}, published ${c.expected}`);
    }
  }
  return { provenance: provenanceFor(input, READER, VERSION), records: { observations }, checks, warnings };
}

function checkHeaders(s: AsheSheet, file: string): void {
  const where = { file, sheet: s.name };
  const rate = text(s.grid[s.headerRow - 2]?.[2]);
  if (!/living wage foundation/i.test(rate)) {
    throw new SourceError(
      { ...where, cell: `C${s.headerRow - 1}`, value: rate },
      'not a Living Wage Foundation table',
    );
  }
  expectHeader(s.grid, where, s.headerRow - 1, 2, 'Jobs');
  expectHeader(s.grid, where, s.headerRow - 1, 3, 'Per cent');
  expectHeader(s.grid, where, s.headerRow, 2, '(thousand)');
}

function sheetObservations(
  s: AsheSheet,
  file: string,
  provisional: string | null,
  jobs: Map<string, AsheCell>,
  skipped: string[],
): Observation[] {
  const where = { file, sheet: s.name };
  const period = titleYear(s.title, where);
  const slug = s.name.toLowerCase().replace(/\s+/g, '-');
  const out: Observation[] = [];
  for (const row of s.rows) {
    if (isNotClassified(row)) {
      skipped.push(s.name);
      continue;
    }
    const geography = geographyOf(row.code);
    if (geography === null || row.code.startsWith('TL')) {
      throw new SourceError({ ...where, cell: row.codeRef, value: row.code }, 'not an area code');
    }
    if (jobs.has(row.code))
      throw new SourceError({ ...where, cell: row.codeRef, value: row.code }, 'duplicate area');
    jobs.set(row.code, row.cells[0]!);
    const base = { areacd: row.code, areanm: row.description, geography, period, lci95: null, uci95: null };
    const status = (c: AsheCell) => c.marker ?? (c.value === null ? 'missing' : provisional);
    const [j, pct] = row.cells as [AsheCell, AsheCell];
    out.push(
      {
        ...base,
        indicator: `jobs-below-lwf-${slug}`,
        observation: j.value,
        measure: 'Count',
        unit: 'thousand jobs',
        status: status(j),
        notes: null,
      },
      {
        ...base,
        indicator: `pct-jobs-below-lwf-${slug}`,
        observation: pct.value,
        measure: 'Percentage',
        unit: '%',
        status: status(pct),
        notes: null,
      },
    );
  }
  return out;
}

/** Totals the table states: UK = GB + NI, GB = E&W + Scotland, E&W = England + Wales, England = its 9 regions. */
const TOTALS: [string, string, string[]][] = [
  ['UK = GB + Northern Ireland', 'K02000001', ['K03000001', 'N92000002']],
  ['GB = England and Wales + Scotland', 'K03000001', ['K04000001', 'S92000003']],
  ['England and Wales = England + Wales', 'K04000001', ['E92000001', 'W92000004']],
  ['England = its regions', 'E92000001', [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `E1200000${n}`)],
];

/** Jobs are rounded to the thousand, so n parts may miss their total by (n + 1) / 2 thousand. */
function check(
  name: string,
  total: AsheCell | undefined,
  parts: (AsheCell | undefined)[],
): PublishedCheck | null {
  if (total?.value == null || parts.some((p) => p?.value == null)) return null;
  const actual = parts.reduce((a: number, p) => a + p!.value!, 0);
  return { name, expected: total.value, actual, tolerance: 0.5 * (parts.length + 1) };
}

function areaTotals(jobs: Map<string, AsheCell>, sheet: string): PublishedCheck[] {
  return TOTALS.map(([name, total, parts]) =>
    check(
      `${sheet}: ${name}`,
      jobs.get(total),
      parts.map((p) => jobs.get(p)),
    ),
  ).filter((c) => c !== null);
}

/** Each area's jobs: All = Male + Female = Full-Time + Part-Time; Male and Female likewise. */
const SPLITS: [string, string, string][] = [
  ['All', 'Male', 'Female'],
  ['All', 'Full-Time', 'Part-Time'],
  ['Male', 'Male Full-Time', 'Male Part-Time'],
  ['Female', 'Female Full-Time', 'Female Part-Time'],
];

function splitTotals(bySheet: Map<string, Map<string, AsheCell>>): PublishedCheck[] {
  const out: PublishedCheck[] = [];
  for (const [total, a, b] of SPLITS) {
    for (const [areacd, cell] of bySheet.get(total)!) {
      const parts = [bySheet.get(a)!.get(areacd), bySheet.get(b)!.get(areacd)];
      const c = check(`${areacd}: ${total} = ${a} + ${b}`, cell, parts);
      if (c) out.push(c);
    }
  }
  return out;
}
