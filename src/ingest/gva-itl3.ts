import { levelOfCode } from '../core/area.ts';
import { SourceError } from '../core/errors.ts';
import type { AreaRecord, IndustryMeasure, IndustryObservation, PublishedCheck } from '../core/records.ts';
import { columnIndex, readCsv, requireRows } from './csv.ts';
import { checkIndustryCode, industryTree } from './industry-tree.ts';
import { parseNumber, parseYear } from './numbers.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';

export const READER = 'gva-itl3';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 2;
export const CODE_COLUMNS = ['ITL code', 'ITL region code'];
export const NAME_COLUMNS = ['Region name', 'ITL region name'];

/**
 * ONS regional GVA (balanced) by industry, ITL3 Tables 3b/3c: one row per area × industry,
 * one column per year, numbers as `"3,317"`. Option `measure`: `gva_cp` or `gva_cvm`.
 * The exact reference; the import reads with DuckDB (gva-itl3-sql.ts), and a test holds the
 * two to the same records, checks, warnings and errors.
 */
export function readGvaItl3(input: ReaderInput): ReadResult {
  const file = input.files[0]!;
  const measure = (input.source.options?.measure ?? 'gva_cp') as IndustryMeasure;
  const table = readCsv(file);
  requireRows(table);
  const codeCol = pickColumn(table.header, CODE_COLUMNS, file.name);
  const nameCol = pickColumn(table.header, NAME_COLUMNS, file.name);
  const { 'SIC07 code': sicCol, 'SIC07 description': descCol } = columnIndex(table, [
    'SIC07 code',
    'SIC07 description',
  ]);
  const yearCols = table.header
    .map((h, i) => ({ h, i }))
    .filter(({ i }) => i > Math.max(codeCol, nameCol, sicCol, descCol));
  if (yearCols.length === 0) throw new SourceError({ file: file.name, line: 1 }, 'no year columns');
  const years = yearCols.map(({ h, i }) => parseYear(h, { file: file.name, line: 1, column: i + 1 }));

  const firstLine = new Map<string, number>();
  table.rows.forEach((row, r) => {
    const code = row[sicCol]!.trim();
    if (firstLine.has(code)) return;
    firstLine.set(code, table.lines[r]!);
    checkIndustryCode(code, { file: file.name, line: table.lines[r]!, column: sicCol + 1 });
  });
  const tree = industryTree([...firstLine.keys()]);

  const records: IndustryObservation[] = [];
  const areas = new Map<string, AreaRecord>();
  const seen = new Set<string>();
  table.rows.forEach((row, r) => {
    const line = table.lines[r]!;
    const areacd = row[codeCol]!.trim();
    const areanm = row[nameCol]!.trim();
    const industry = row[sicCol]!.trim();
    if (levelOfCode(areacd) !== 'itl3') {
      throw new SourceError(
        { file: file.name, line, column: codeCol + 1, value: areacd },
        'not an ITL3 code',
      );
    }
    const key = `${areacd}|${industry}`;
    if (seen.has(key))
      throw new SourceError({ file: file.name, line, value: key }, 'duplicate area and industry');
    seen.add(key);
    areas.set(areacd, { areacd, areanm, level: 'itl3', start: 2021, end: null });
    const node = tree.get(industry)!;
    yearCols.forEach(({ i }, k) => {
      const value = parseNumber(row[i]!, { file: file.name, line, column: i + 1 });
      records.push({
        areacd,
        areanm,
        industry,
        industryName: row[descCol]!.trim(),
        parent: node.parent,
        measure,
        period: years[k]!,
        value,
        status: value === null ? 'missing' : null,
      });
    });
  });
  // Chained-volume industries are not additive away from the reference year, so only current prices are checked.
  const { checks, warnings } =
    measure === 'gva_cp' ? hierarchyChecks(records, tree, file.name) : { checks: [], warnings: [] };
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: { industry: records, areas: [...areas.values()] },
    checks,
    warnings,
  };
}

export function pickColumn(header: string[], names: string[], file: string): number {
  const i = header.findIndex((h) => names.includes(h));
  if (i < 0) throw new SourceError({ file, line: 1, value: header.join(',') }, `missing column: ${names[0]}`);
  return i;
}

/**
 * Children of each node must sum to the published parent within the publisher's rounding
 * (each published figure is rounded to £1m, so the gap may reach 0.5 × (children + 1)).
 */
export function hierarchyChecks(
  records: IndustryObservation[],
  tree: ReturnType<typeof industryTree>,
  file: string,
): { checks: PublishedCheck[]; warnings: string[] } {
  // area → year → industry → value, so no key strings are built per record.
  const byArea = new Map<string, Map<number, Map<string, number | null>>>();
  for (const r of records) {
    let years = byArea.get(r.areacd);
    if (!years) byArea.set(r.areacd, (years = new Map()));
    let values = years.get(r.period);
    if (!values) years.set(r.period, (values = new Map()));
    values.set(r.industry, r.value);
  }
  const parents = [...tree.values()].filter((n) => n.children.length > 0);
  const checks: PublishedCheck[] = [];
  const warnings: string[] = [];
  for (const [areacd, years] of byArea) {
    for (const [period, values] of years) {
      for (const node of parents) {
        const parent = values.get(node.code);
        if (parent === null || parent === undefined) continue;
        let actual = 0;
        let complete = true;
        for (const c of node.children) {
          const k = values.get(c);
          if (k === null || k === undefined) complete = false;
          else actual += k;
        }
        if (!complete) continue;
        const tolerance = 0.5 * (node.children.length + 1);
        const check = { name: `${areacd} ${period} ${node.code}`, expected: parent, actual, tolerance };
        checks.push(check);
        if (Math.abs(actual - parent) > tolerance) {
          warnings.push(`${file}: ${check.name}: children sum to ${actual}, published parent ${parent}`);
        }
      }
    }
  }
  return { checks, warnings };
}
