import { SourceError } from '../core/errors.ts';
import type { NomisRecord } from '../core/records.ts';
import { columnIndex, readCsv, requireRows } from './csv.ts';
import { parseNumber } from './numbers.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';

const READER = 'nomis';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 2;
const FIXED = [
  'DATE',
  'DATE_NAME',
  'GEOGRAPHY_CODE',
  'GEOGRAPHY_NAME',
  'GEOGRAPHY_TYPE',
  'OBS_VALUE',
  'OBS_STATUS',
] as const;
/** Columns that belong to the fixed part of every Nomis API CSV, not to a dimension. */
const NOT_DIMENSIONS = new Set(['DATE', 'GEOGRAPHY', 'MEASURES', 'OBS', 'URN', 'RECORD', 'FREQ']);

/**
 * The Nomis API CSV format: every dimension `X` comes as `X`, `X_NAME`, `X_CODE`, `X_TYPE`,
 * `X_TYPECODE`, `X_SORTORDER`; values in `OBS_VALUE` with `OBS_STATUS` kept as published
 * (`A` normal, `Q` unreliable, `x` suppressed ...). One generic reader serves every Nomis dataset.
 */
export function readNomis(input: ReaderInput): ReadResult {
  const file = input.files[0]!;
  const table = readCsv(file);
  requireRows(table);
  const col = columnIndex(table, FIXED);
  const statusName = table.header.indexOf('OBS_STATUS_NAME');
  const measures = table.header.indexOf('MEASURES_NAME');
  const dims = table.header
    .filter(
      (h) =>
        table.header.includes(`${h}_NAME`) && table.header.includes(`${h}_CODE`) && !NOT_DIMENSIONS.has(h),
    )
    .map((name) => ({
      name,
      code: table.header.indexOf(`${name}_CODE`),
      label: table.header.indexOf(`${name}_NAME`),
    }));
  const seen = new Set<string>();
  const records: NomisRecord[] = table.rows.map((row, r) => {
    const line = table.lines[r]!;
    const geographyCode = row[col.GEOGRAPHY_CODE]!.trim();
    if (geographyCode === '') {
      throw new SourceError(
        { file: file.name, line, column: col.GEOGRAPHY_CODE + 1, value: '' },
        'missing geography code',
      );
    }
    const rec: NomisRecord = {
      date: row[col.DATE]!.trim(),
      geographyCode,
      geographyName: row[col.GEOGRAPHY_NAME]!.trim(),
      geographyType: row[col.GEOGRAPHY_TYPE]!.trim(),
      dims: Object.fromEntries(
        dims.map((d) => [d.name, { code: row[d.code]!.trim(), name: row[d.label]!.trim() }]),
      ),
      measures: measures >= 0 ? row[measures]!.trim() : 'Value',
      value: parseNumber(row[col.OBS_VALUE]!, { file: file.name, line, column: col.OBS_VALUE + 1 }),
      status: row[col.OBS_STATUS]!.trim(),
      statusName: statusName >= 0 ? row[statusName]!.trim() : '',
    };
    const key = [
      rec.date,
      geographyCode,
      rec.geographyType,
      rec.measures,
      ...dims.map((d) => rec.dims[d.name]!.code),
    ].join('|');
    if (seen.has(key)) throw new SourceError({ file: file.name, line, value: key }, 'duplicate observation');
    seen.add(key);
    return rec;
  });
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: { nomis: records },
    checks: [],
    warnings: [],
  };
}
