import { parquetMetadata, parquetRead } from 'hyparquet';
import { SourceError } from '../core/errors.ts';
import type { AreaRecord, IndustryMeasure, IndustryObservation } from '../core/records.ts';
import { hierarchyChecks } from './gva-itl3.ts';
import { checkIndustryCode, industryTree } from './industry-tree.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';

export const READER = 'rgva-lad';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 1;
export const COLUMNS = [
  'dates.date',
  'variable.name',
  'geography.code',
  'geography.name',
  'industry.code',
  'industry.name',
  'value',
];
export const MEASURES: Record<string, IndustryMeasure | undefined> = {
  'GVA Current Prices £m': 'gva_cp',
  'GVA Constant Prices £m': 'gva_cvm',
  'CVM Index': 'cvm_index',
  'Implied deflator': 'deflator',
};
const MEASURE_INDEX: Record<IndustryMeasure, number> = {
  gva_cp: 0,
  gva_cvm: 1,
  cvm_index: 2,
  deflator: 3,
} as Record<IndustryMeasure, number>;
const LAD_CODE = /^[EWSN]\d{8}$/;

type Column = ArrayLike<unknown>;

/**
 * ONS regional GVA (balanced) by industry, local authorities (April 2025), as a long Parquet
 * table: `dates.date, variable.name, geography.code, geography.name, industry.code, industry.name, value`.
 * The exact reference, row by row in JS; the import reads with DuckDB (rgva-lad-sql.ts), and a
 * test holds the two to the same records, checks, warnings and errors.
 */
export async function readRgvaLad(input: ReaderInput): Promise<ReadResult> {
  const file = input.files[0]!;
  const cols = await readColumns(file.name, file.bytes);
  const n = cols['value']!.length;
  if (n === 0) throw new SourceError({ file: file.name }, 'no data rows');
  const industries = new Map<string, string>();
  const areas = new Map<string, AreaRecord>();
  const seen = new Set<number>();
  const areaIdx = new Map<string, number>();
  const indIdx = new Map<string, number>();
  const records: IndustryObservation[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const where = { file: file.name, line: i + 1 };
    const areacd = String(cols['geography.code']![i]);
    const industry = String(cols['industry.code']![i]);
    const variable = String(cols['variable.name']![i]);
    const measure = MEASURES[variable];
    if (!measure)
      throw new SourceError({ ...where, column: 'variable.name', value: variable }, 'unknown measure');
    if (!LAD_CODE.test(areacd))
      throw new SourceError(
        { ...where, column: 'geography.code', value: areacd },
        'not a local authority code',
      );
    if (!industries.has(industry)) {
      checkIndustryCode(industry, { ...where, column: 'industry.code' });
      industries.set(industry, String(cols['industry.name']![i]));
    }
    const period = yearOf(cols['dates.date']![i], where);
    const value = cols['value']![i];
    if (value !== null && typeof value !== 'number') {
      throw new SourceError({ ...where, column: 'value', value }, 'not a number');
    }
    // One number per row, not a string (1.8 million rows), with room for every part: 4 measures,
    // years 1900–2099, 2^20 industry codes (a narrower field would alias codes onto the next area).
    const key =
      ((idx(areaIdx, areacd) * 4 + MEASURE_INDEX[measure]) * 200 + (period - 1900)) * 2 ** 20 +
      idx(indIdx, industry);
    if (seen.has(key))
      throw new SourceError(
        { ...where, value: `${areacd} ${industry} ${variable} ${period}` },
        'duplicate observation',
      );
    seen.add(key);
    const areanm = String(cols['geography.name']![i]);
    if (!areas.has(areacd)) areas.set(areacd, { areacd, areanm, level: 'ltla', start: null, end: null });
    records[i] = {
      areacd,
      areanm,
      industry,
      industryName: industries.get(industry)!,
      parent: null,
      measure,
      period,
      value,
      status: value === null ? 'missing' : null,
    };
  }
  const tree = industryTree([...industries.keys()]);
  for (const r of records) r.parent = tree.get(r.industry)!.parent;
  const { checks, warnings } = hierarchyChecks(
    records.filter((r) => r.measure === 'gva_cp'),
    tree,
    file.name,
  );
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: { industry: records, areas: [...areas.values()] },
    checks,
    warnings,
  };
}

function idx(map: Map<string, number>, key: string): number {
  let i = map.get(key);
  if (i === undefined) map.set(key, (i = map.size));
  return i;
}

function yearOf(v: unknown, where: { file: string; line: number }): number {
  const year = v instanceof Date ? v.getUTCFullYear() : typeof v === 'string' ? Number(v.slice(0, 4)) : NaN;
  if (!(year >= 1900 && year < 2100))
    throw new SourceError({ ...where, column: 'dates.date', value: String(v) }, 'not a date');
  return year;
}

/** Refuses a file that is not Parquet or lacks a column; returns the row count from its footer. */
export function checkParquet(name: string, bytes: Buffer): number {
  if (
    bytes.length < 12 ||
    bytes.subarray(0, 4).toString() !== 'PAR1' ||
    bytes.subarray(-4).toString() !== 'PAR1'
  ) {
    throw new SourceError({ file: name }, 'not a Parquet file (missing PAR1 magic: truncated?)');
  }
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let present: string[];
  let rows: number;
  try {
    const meta = parquetMetadata(ab);
    present = meta.schema.map((s) => s.name);
    rows = Number(meta.num_rows);
  } catch (e) {
    throw new SourceError({ file: name }, `unreadable Parquet metadata (${(e as Error).message})`);
  }
  const missing = COLUMNS.find((c) => !present.includes(c));
  if (missing)
    throw new SourceError({ file: name, value: present.slice(1).join(',') }, `missing column: ${missing}`);
  return rows;
}

async function readColumns(name: string, bytes: Buffer): Promise<Record<string, Column>> {
  const rows = checkParquet(name, bytes);
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const out: Record<string, unknown[]> = Object.fromEntries(COLUMNS.map((c) => [c, new Array(rows)]));
  try {
    await parquetRead({
      file: ab,
      columns: COLUMNS,
      onChunk: (chunk) => {
        const target = out[chunk.columnName]!;
        for (let i = 0; i < chunk.columnData.length; i++) target[chunk.rowStart + i] = chunk.columnData[i];
      },
    });
  } catch (e) {
    throw new SourceError({ file: name }, `unreadable Parquet data (${(e as Error).message})`);
  }
  return out;
}
