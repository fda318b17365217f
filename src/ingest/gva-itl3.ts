import { SourceError } from '../core/errors.ts';
import type { AreaRecord, IndustryMeasure, IndustryObservation, PublishedCheck } from '../core/records.ts';
import { columnIndex, readCsv, requireRows } from './csv.ts';
import { industryTree } from './industry-tree.ts';
import { parseNumber, parseYear } from './numbers.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';

const READER = 'gva-itl3';
const VERSION = 1;
const CODE_COLUMNS = ['ITL code', 'ITL region code'];
const NAME_COLUMNS = ['Region name', 'ITL region name'];

/**
 * ONS regional GVA (balanced) by industry, ITL3 Tables 3b/3c: one row per area × industry,
 * one column per year, numbers as `"3,317"`. Option `measure`: `gva_cp` or `gva_cvm`.
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

  const codesInOrder: string[] = [];
  for (const row of table.rows)
    if (!codesInOrder.includes(row[sicCol]!.trim())) codesInOrder.push(row[sicCol]!.trim());
  let tree;
  try {
    tree = industryTree(codesInOrder);
  } catch (e) {
    const bad = codesInOrder.find((c) => {
      try {
        industryTree([c]);
        return false;
      } catch {
        return true;
      }
    });
    const at = table.rows.findIndex((r) => r[sicCol]!.trim() === bad);
    throw new SourceError(
      { file: file.name, line: table.lines[at], column: sicCol + 1, value: bad },
      (e as Error).message,
    );
  }

  const records: IndustryObservation[] = [];
  const areas = new Map<string, AreaRecord>();
  const seen = new Set<string>();
  table.rows.forEach((row, r) => {
    const line = table.lines[r]!;
    const areacd = row[codeCol]!.trim();
    const areanm = row[nameCol]!.trim();
    const industry = row[sicCol]!.trim();
    if (!/^TL[C-N][0-9A-Z]{2}$/.test(areacd)) {
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
  const { checks, warnings } = hierarchyChecks(records, tree, file.name);
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: { industry: records, areas: [...areas.values()] },
    checks,
    warnings,
  };
}

function pickColumn(header: string[], names: string[], file: string): number {
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
  const value = new Map<string, number | null>();
  for (const r of records) value.set(`${r.areacd}|${r.period}|${r.industry}`, r.value);
  const areaYears = new Set(records.map((r) => `${r.areacd}|${r.period}`));
  const checks: PublishedCheck[] = [];
  const warnings: string[] = [];
  for (const ay of areaYears) {
    for (const node of tree.values()) {
      if (node.children.length === 0) continue;
      const parent = value.get(`${ay}|${node.code}`);
      if (parent === null || parent === undefined) continue;
      const kids = node.children.map((c) => value.get(`${ay}|${c}`));
      if (kids.some((k) => k === null || k === undefined)) continue;
      const actual = kids.reduce((s: number, k) => s + (k as number), 0);
      const tolerance = 0.5 * (kids.length + 1);
      const check = { name: `${ay.replace('|', ' ')} ${node.code}`, expected: parent, actual, tolerance };
      checks.push(check);
      if (Math.abs(actual - parent) > tolerance) {
        warnings.push(`${file}: ${check.name}: children sum to ${actual}, published parent ${parent}`);
      }
    }
  }
  return { checks, warnings };
}
