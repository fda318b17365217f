import { SourceError } from '../core/errors.ts';
import type { AreaRecord } from '../core/records.ts';
import { checkIndustryCode, industryTree } from './industry-tree.ts';
import { hierarchyChecksSql } from './hierarchy-sql.ts';
import { provenanceFor, sqlString, type ReaderInput, type ReadResult, type SqlSession } from './reader.ts';
import { checkParquet, MEASURES, READER, VERSION } from './rgva-lad.ts';
import { sqlFilePath } from './sql-text.ts';
import { sameFile, type Staging } from './staging-sql.ts';

/**
 * The LAD GVA Parquet table read by DuckDB (`read_parquet`), validated in SQL with the checks and
 * messages of the reference reader (rgva-lad.ts), its 1.8 million rows written by one INSERT …
 * SELECT: the rows never pass through JS.
 */
export async function readRgvaLadSql(input: ReaderInput, staging: Staging): Promise<ReadResult | null> {
  const sql = staging.sql;
  const file = input.files[0]!;
  checkParquet(file.name, file.bytes);
  const path = sqlFilePath(file.path);
  if (!path) return null;
  if (!sameFile(file)) throw new SourceError({ file: file.name }, 'file changed on disk while importing');
  const rows = await stagedRows(sql, path);
  const [{ n }] = await sql.all<{ n: bigint }>(`SELECT count(*) AS n FROM ${rows}`);
  if (Number(n) === 0) throw new SourceError({ file: file.name }, 'no data rows');
  const codes = await industryCodes(sql, rows);
  await firstError(sql, rows, file.name, codes);
  const tree = industryTree(codes.map((c) => c.code));
  const checks = await hierarchyChecksSql(
    staging,
    `(SELECT line AS ord, areacd, period, industry, value FROM ${rows} WHERE measure = 'gva_cp')`,
    tree,
    file.name,
  );
  const areas = await sql.all<{ areacd: string; areanm: string }>(
    `SELECT areacd, arg_min(areanm, line) AS areanm FROM ${rows} GROUP BY areacd ORDER BY min(line)`,
  );
  if (!sameFile(file)) throw new SourceError({ file: file.name }, 'file changed on disk while importing');
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: {
      areas: areas.map((a): AreaRecord => ({ ...a, level: 'ltla', start: null, end: null })),
    },
    checks: [],
    warnings: checks.warnings,
    industries: codes.map((c) => ({ code: c.code, name: c.name, parent: tree.get(c.code)!.parent })),
    bulk: [
      {
        table: 'industry_obs',
        select: `SELECT areacd, industry, measure, period::SMALLINT, value,
                        CASE WHEN value IS NULL THEN 'missing' END FROM ${rows}`,
        rows: Number(n),
        counted: true,
      },
      { table: 'checks', select: checks.select, rows: checks.count, counted: false },
    ],
  };
}

const measureOf = (variable: string) =>
  `CASE ${variable} ${Object.entries(MEASURES)
    .map(([name, m]) => `WHEN ${sqlString(name)} THEN ${sqlString(m!)}`)
    .join(' ')} END`;

/**
 * The file as rows the way the reference sees them: `line` from 1, text columns as `String(v)`
 * (a null is 'null'), the year from a date or a date's text, and whether the value is a number.
 */
async function stagedRows(sql: SqlSession, path: string): Promise<string> {
  const src = `read_parquet(${path}, file_row_number = true)`;
  const types = new Map(
    (await sql.all<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${src}`)).map(
      (r) => [r.column_name, r.column_type],
    ),
  );
  const text = (c: string) => `coalesce(CAST("${c}" AS VARCHAR), 'null')`;
  const dateType = types.get('dates.date')!;
  const year = /^(DATE|TIMESTAMP)/.test(dateType)
    ? `year("dates.date")`
    : dateType === 'VARCHAR'
      ? `TRY_CAST(left("dates.date", 4) AS DOUBLE)`
      : 'NULL::DOUBLE';
  const numeric = /^(DOUBLE|FLOAT|INTEGER|SMALLINT|TINYINT|UINTEGER|USMALLINT|UTINYINT|DECIMAL)/.test(
    types.get('value')!,
  );
  return `(SELECT file_row_number + 1 AS line, ${text('geography.code')} AS areacd,
            ${text('geography.name')} AS areanm, ${text('industry.code')} AS industry,
            ${text('industry.name')} AS industry_name, ${text('variable.name')} AS variable,
            ${measureOf(text('variable.name'))} AS measure,
            ${year} AS period, "dates.date" AS date_raw,
            ${numeric ? 'value::DOUBLE' : 'NULL::DOUBLE'} AS value,
            ${numeric ? 'true' : '"value" IS NULL'} AS value_ok, "value" AS value_raw
       FROM ${src})`;
}

/** Every industry code with the line it first appears on and its name there, in order of appearance. */
async function industryCodes(
  sql: SqlSession,
  rows: string,
): Promise<{ code: string; name: string; first: number }[]> {
  const out = await sql.all<{ code: string; name: string; first: bigint }>(
    `SELECT industry AS code, arg_min(industry_name, line) AS name, min(line) AS first
       FROM ${rows} GROUP BY industry ORDER BY first`,
  );
  return out.map((r) => ({ ...r, first: Number(r.first) }));
}

/**
 * Throws what the reference throws: the first failing line, and on one line the first failing
 * check in its order (measure, area code, industry code, date, value, duplicate).
 */
async function firstError(
  sql: SqlSession,
  rows: string,
  file: string,
  codes: { code: string; first: number }[],
): Promise<void> {
  const errors: { line: number; order: number; error: () => SourceError }[] = [];
  const [row] = await sql.all<Record<string, unknown> & { line: bigint; why: number }>(
    `SELECT * FROM (SELECT line, variable, areacd, date_raw, value_raw,
              CASE WHEN measure IS NULL THEN 0 WHEN NOT regexp_full_match(areacd, '[EWSN][0-9]{8}') THEN 1
                   WHEN period IS NULL OR NOT (period >= 1900 AND period < 2100) THEN 3
                   WHEN NOT value_ok THEN 4 END AS why FROM ${rows})
      WHERE why IS NOT NULL ORDER BY line LIMIT 1`,
  );
  if (row) errors.push({ line: Number(row.line), order: row.why, error: () => rowError(file, row) });
  for (const c of codes) {
    try {
      checkIndustryCode(c.code, { file, line: c.first, column: 'industry.code' });
    } catch (e) {
      errors.push({ line: c.first, order: 2, error: () => e as SourceError });
      break;
    }
  }
  const dup = await duplicate(sql, rows);
  if (dup)
    errors.push({
      line: dup.line,
      order: 5,
      error: () => new SourceError({ file, line: dup.line, value: dup.key }, 'duplicate observation'),
    });
  errors.sort((a, b) => a.line - b.line || a.order - b.order);
  if (errors.length) throw errors[0]!.error();
}

function rowError(file: string, r: Record<string, unknown> & { line: bigint; why: number }): SourceError {
  const where = { file, line: Number(r.line) };
  switch (r.why) {
    case 0:
      return new SourceError({ ...where, column: 'variable.name', value: r.variable }, 'unknown measure');
    case 1:
      return new SourceError(
        { ...where, column: 'geography.code', value: r.areacd },
        'not a local authority code',
      );
    case 3:
      return new SourceError({ ...where, column: 'dates.date', value: String(r.date_raw) }, 'not a date');
    case 4:
      return new SourceError({ ...where, column: 'value', value: r.value_raw }, 'not a number');
    default:
      throw new Error(`invalid check: ${r.why}`);
  }
}

/** The first line whose area, measure, year and industry an earlier line already had. */
async function duplicate(sql: SqlSession, rows: string): Promise<{ line: number; key: string } | null> {
  // Hashes first (one 64-bit group per row), exact keys only where two rows share a hash.
  const key = `hash(areacd, measure, period, industry)`;
  const [r] = await sql.all<{ line: bigint; key: string }>(
    `WITH shared AS (SELECT ${key} AS h FROM ${rows} GROUP BY 1 HAVING count(*) > 1)
     SELECT line, concat_ws(' ', areacd, industry, variable, CAST(period AS BIGINT)) AS key FROM (
       SELECT line, areacd, industry, variable, period,
              row_number() OVER (PARTITION BY areacd, measure, period, industry ORDER BY line) AS k
         FROM ${rows} WHERE ${key} IN (SELECT h FROM shared))
      WHERE k = 2 ORDER BY line LIMIT 1`,
  );
  return r ? { line: Number(r.line), key: r.key } : null;
}
