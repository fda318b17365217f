import { SourceError } from '../core/errors.ts';
import type { IndustryObservation, PublishedCheck } from '../core/records.ts';
import { resolveIndustry } from '../core/sic.ts';
import { columnIndex, readCsv, requireRows, type CsvTable } from './csv.ts';
import { districtChangeMap, type DistrictChange } from './district-changes.ts';
import { parseNumber } from './numbers.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';

const READER = 'census-ts060';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 2;
const AREA = 'Lower Tier Local Authorities Code';
const AREA_NAME = 'Lower Tier Local Authorities';
const CODE = 'Industry (current) (88 categories) Code';
const LABEL = 'Industry (current) (88 categories)';
const VALUE = 'Observation';
const NOT_IN_EMPLOYMENT = '-8';
/**
 * Census category 48 "Wholesale and retail not otherwise specified" is not a SIC division:
 * it holds section G workers whose division is unknown, so it covers divisions 45–47.
 */
const RESIDUALS: Record<string, string> = { '48': '45-47' };

/**
 * ONS Census 2021 TS060, industry (88 categories) of usual residents aged 16+ in employment,
 * by lower-tier local authority of residence. The category codes `1`…`87` are sequence
 * numbers, not SIC divisions: the SIC code is read from the label (`04` is "05 Mining of coal
 * and lignite", `38` is "41 …; 42 …; 43 …" → `41-43`). Former districts are summed into
 * their successors with `options.districtChanges` (see district-changes.ts); code −8
 * "Does not apply" (not in employment) is left out of the records but counted in the
 * population check against `options.publishedTotal`.
 */
export function readCensusTs060(input: ReaderInput): ReadResult {
  const file = input.files[0]!;
  const opts = input.source.options ?? {};
  if (opts.districtChanges === undefined) {
    // The catalogue names the table (`districtChangesFile`); the caller loads it with readDistrictChanges.
    throw new Error('census-ts060 needs options.districtChanges (read options.districtChangesFile first)');
  }
  const changes = districtChangeMap(opts.districtChanges);
  const table = readCsv(file);
  requireRows(table);
  const col = columnIndex(table, [AREA, AREA_NAME, CODE, LABEL, VALUE]);
  const industries = new Map<string, { industry: string; label: string }>();
  const perArea = new Map<string, Set<string>>();
  const sums = new Map<string, Map<string, number>>();
  const names = new Map<string, string>();
  let population = 0;
  table.rows.forEach((row, r) => {
    const line = table.lines[r]!;
    const at = (c: number, value: string) => ({ file: file.name, line, column: c + 1, value });
    const area = row[col[AREA]]!.trim();
    if (!/^[EW]\d{8}$/.test(area))
      throw new SourceError(at(col[AREA], area), 'not an English or Welsh GSS code');
    const code = row[col[CODE]]!.trim();
    const label = row[col[LABEL]]!.trim();
    const known = industries.get(code);
    if (known && known.label !== label)
      throw new SourceError(at(col[LABEL], label), `label differs for category ${code}`);
    if (!known) industries.set(code, { industry: industryOf(code, label, at(col[LABEL], label)), label });
    const seen = perArea.get(area) ?? new Set<string>();
    if (seen.has(code))
      throw new SourceError(
        { file: file.name, line, value: `${area}|${code}` },
        'duplicate area and category',
      );
    seen.add(code);
    perArea.set(area, seen);
    const value = count(row[col[VALUE]]!, at(col[VALUE], row[col[VALUE]]!));
    population += value;
    if (code === NOT_IN_EMPLOYMENT) return;
    const change = changes.get(area);
    const target = change?.newCode ?? area;
    names.set(target, change?.newName ?? row[col[AREA_NAME]]!.trim());
    const bucket = sums.get(target) ?? new Map<string, number>();
    bucket.set(code, (bucket.get(code) ?? 0) + value);
    sums.set(target, bucket);
  });
  requireComplete(table, perArea, industries.size);
  for (const c of changes.values()) {
    if (perArea.has(c.oldCode) && perArea.has(c.newCode)) {
      throw new SourceError(
        { file: file.name, value: `${c.oldCode} ${c.newCode}` },
        'holds a district and its successor',
      );
    }
  }
  const records = toRecords(sums, names, industries);
  const { checks, warnings } = populationCheck(opts.publishedTotal, population, file.name);
  for (const w of unusedChanges(changes, perArea)) warnings.push(w);
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: { industry: records },
    checks,
    warnings,
  };
}

/** The SIC code a category covers, read from its label: `01`, `41-43`, or a residual range. */
export function industryOf(
  code: string,
  label: string,
  where: ConstructorParameters<typeof SourceError>[0],
): string {
  if (!/^(-8|\d{1,2})$/.test(code)) throw new SourceError({ ...where, value: code }, 'not a category code');
  if (code === NOT_IN_EMPLOYMENT) return code;
  // "41 Construction of buildings; 42 Civil engineering; 43 …" lists several divisions; a
  // semicolon inside one division's name ("16 Manufacture of wood …; manufacture of …") does not.
  const divisions = label.split(';').flatMap((part) => /^\s*(\d{2})\s/.exec(part)?.[1] ?? []);
  if (!/^\d{2}\s/.test(label)) throw new SourceError(where, 'label does not start with a SIC code');
  const first = divisions[0]!;
  const industry = RESIDUALS[first] ?? (divisions.length === 1 ? first : `${first}-${divisions.at(-1)}`);
  try {
    resolveIndustry(industry);
  } catch (e) {
    throw new SourceError(where, (e as Error).message);
  }
  return industry;
}

function count(text: string, where: ConstructorParameters<typeof SourceError>[0]): number {
  const n = parseNumber(text, where);
  if (n === null || !Number.isInteger(n) || n < 0) throw new SourceError(where, 'not a count of people');
  return n;
}

function requireComplete(table: CsvTable, perArea: Map<string, Set<string>>, categories: number): void {
  for (const [area, seen] of perArea) {
    if (seen.size !== categories) {
      throw new SourceError(
        { file: table.file, value: area },
        `area has ${seen.size} of ${categories} categories`,
      );
    }
  }
}

function toRecords(
  sums: Map<string, Map<string, number>>,
  names: Map<string, string>,
  industries: Map<string, { industry: string; label: string }>,
): IndustryObservation[] {
  const out: IndustryObservation[] = [];
  for (const [areacd, bucket] of sums) {
    for (const [code, value] of bucket) {
      const { industry, label } = industries.get(code)!;
      out.push({
        areacd,
        areanm: names.get(areacd)!,
        industry,
        industryName: label,
        parent: null,
        measure: 'residents_in_employment',
        period: 2021,
        value,
        status: null,
      });
    }
  }
  return out;
}

function populationCheck(
  published: unknown,
  actual: number,
  file: string,
): { checks: PublishedCheck[]; warnings: string[] } {
  if (published === undefined) return { checks: [], warnings: [] };
  if (typeof published !== 'number')
    throw new Error(`invalid publishedTotal option: ${JSON.stringify(published)}`);
  const check = {
    name: 'Census 2021 usual residents, England and Wales = sum of all rows',
    expected: published,
    actual,
    // Census 2021 tables carry cell-key perturbation (small noise on every cell), so the sum of
    // 29,000 cells may drift from the published population by a few hundred: allow 1 in 100,000.
    tolerance: Math.round(published * 1e-5),
  };
  const warnings =
    actual === published
      ? []
      : [
          `${file}: rows sum to ${actual}, the published population is ${published} ` +
            `(${actual > published ? '+' : ''}${actual - published}; Census tables are perturbed ` +
            'for disclosure control, so totals can differ slightly between tables)',
        ];
  return { checks: [check], warnings };
}

function unusedChanges(changes: Map<string, DistrictChange>, perArea: Map<string, Set<string>>): string[] {
  return [...changes.values()]
    .filter((c) => !perArea.has(c.oldCode))
    .map(
      (c) =>
        `district change ${c.oldCode} ${c.oldName} → ${c.newCode} not used: the file has no ${c.oldCode}`,
    );
}
