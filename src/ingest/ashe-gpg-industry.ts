import { SourceError } from '../core/errors.ts';
import type { IndustryMeasure, IndustryObservation } from '../core/records.ts';
import { resolveIndustry, sectionOf } from '../core/sic.ts';
import type { AsheRow, AsheSheet } from './ashe-sheet.ts';
import { titleYear } from './ashe-sheet.ts';

/** What to do with a 4.12 row the publisher gives without a SIC code, by its description. */
type Aggregate = { code: string } | { repeats: string } | { leaveOut: string };

const AGGREGATES: Record<string, Aggregate> = {
  'all industries and services': { code: 'Total' },
  // The ONS Index of Production covers SIC 2007 sections B to E.
  'all index of production industries': { code: 'B-E' },
  'all employees': { repeats: 'Total' },
  'all manufacturing': { repeats: 'C' },
  'all service industries': { leaveOut: 'the table does not state its SIC range' },
  'not classified': { leaveOut: 'not classified to an industry' },
};

const MEASURE_PART: Record<string, string> = {
  All: 'all',
  'Full-Time': 'full_time',
  'Part-Time': 'part_time',
};

/**
 * ASHE Table 4.12, gender pay gap (%) by SIC 2007 industry for the UK, as industry records:
 * one indicator per statistic and working pattern (`gpg_median_full_time`), areacd
 * `K02000001`, the industry code as published (section letter, division number), parent the
 * section (divisions) or `Total` (sections). Uncoded aggregate rows follow AGGREGATES:
 * repeats are checked against the row they repeat, rows left out are named in a warning.
 */
export function gpgByIndustry(
  sheets: AsheSheet[],
  file: string,
  status: string | null,
  warnings: string[],
): IndustryObservation[] {
  const out: IndustryObservation[] = [];
  const leftOut = new Set<string>();
  for (const s of sheets) {
    const where = { file, sheet: s.name };
    const period = Number(titleYear(s.title, where));
    const byCode = new Map<string, AsheRow>();
    const repeats: [AsheRow, string][] = [];
    for (const row of s.rows) {
      const agg = row.code === '' ? aggregateOf(row, where) : { code: checkedCode(row, where) };
      if ('leaveOut' in agg) leftOut.add(`${row.description} (${agg.leaveOut})`);
      if ('repeats' in agg) repeats.push([row, agg.repeats]);
      if (!('code' in agg)) continue;
      if (byCode.has(agg.code)) {
        throw new SourceError({ ...where, cell: row.codeRef, value: agg.code }, 'duplicate industry');
      }
      byCode.set(agg.code, row);
    }
    for (const [row, code] of repeats) checkRepeat(row, byCode.get(code), code, where, warnings);
    for (const [code, row] of byCode) out.push(...records(code, row, s.name, period, status));
  }
  if (leftOut.size > 0)
    warnings.push(`${file}: rows without a SIC code not kept: ${[...leftOut].join('; ')}`);
  return out;
}

function aggregateOf(row: AsheRow, where: { file: string; sheet: string }): Aggregate {
  const agg = AGGREGATES[row.description.toLowerCase()];
  if (!agg)
    throw new SourceError({ ...where, cell: row.codeRef, value: row.description }, 'row without a SIC code');
  return agg;
}

function checkedCode(row: AsheRow, where: { file: string; sheet: string }): string {
  const at = { ...where, cell: row.codeRef, value: row.code };
  if (!/^([A-U]|\d{1,2})$/.test(row.code)) throw new SourceError(at, 'not a SIC 2007 section or division');
  try {
    resolveIndustry(row.code);
  } catch (e) {
    throw new SourceError(at, (e as Error).message);
  }
  return row.code;
}

function checkRepeat(
  row: AsheRow,
  twin: AsheRow | undefined,
  code: string,
  where: { file: string; sheet: string },
  warnings: string[],
): void {
  const same =
    twin && row.cells.every((c, k) => c.value === twin.cells[k]!.value && c.marker === twin.cells[k]!.marker);
  if (!same) {
    warnings.push(
      `${where.file}!${where.sheet}!${row.codeRef}: "${row.description}" differs from ${code}; not kept`,
    );
  }
}

function parentOf(code: string): string | null {
  if (code === 'Total') return null;
  if (/^\d/.test(code)) return sectionOf(resolveIndustry(code).divisions[0]!);
  return 'Total';
}

function records(
  code: string,
  row: AsheRow,
  sheet: string,
  period: number,
  status: string | null,
): IndustryObservation[] {
  return (['median', 'mean'] as const).map((stat, k) => {
    const cell = row.cells[k]!;
    return {
      areacd: 'K02000001',
      areanm: 'United Kingdom',
      industry: code,
      industryName: row.description,
      parent: parentOf(code),
      measure: `gpg_${stat}_${MEASURE_PART[sheet]!}` as IndustryMeasure,
      period,
      value: cell.value,
      status: cell.marker ?? (cell.value === null ? 'missing' : status),
    };
  });
}
