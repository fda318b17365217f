import { levelOfCode } from '../core/area.ts';
import type { IndustryMeasure } from '../core/records.ts';
import { CODE_COLUMNS, NAME_COLUMNS, pickColumn, READER, VERSION } from './gva-itl3.ts';
import { hierarchyChecksSql } from './hierarchy-sql.ts';
import { checkIndustryCode, industryTree } from './industry-tree.ts';
import { provenanceFor, sqlString, type ReaderInput, type ReadResult } from './reader.ts';
import { numberSql, trimmed } from './sql-text.ts';
import type { StagedCsv, Staging } from './staging-sql.ts';

/**
 * gva-itl3.ts with DuckDB: the table loaded by read_csv, its year columns unpivoted into one
 * row per area, industry and year, checked in SQL, written by INSERT … SELECT. Null (the
 * reference reads the file) when the file breaks any rule the reference enforces.
 */
export async function readGvaItl3Sql(input: ReaderInput, staging: Staging): Promise<ReadResult | null> {
  const file = input.files[0]!;
  const measure = (input.source.options?.measure ?? 'gva_cp') as IndustryMeasure;
  const csv = await staging.csv(file);
  const layout = csv && csv.rows > 0 ? layoutOf(csv.header) : null;
  if (!csv || !layout) return null;
  const sql = staging.sql;
  const codes = await sql.all<{ code: string; name: string; first: bigint }>(
    `SELECT ${trimmed(`c${layout.sic}`)} AS code, arg_min(${trimmed(`c${layout.desc}`)}, r) AS name,
            min(r) AS first FROM ${csv.table} WHERE r > 0 GROUP BY 1 ORDER BY first`,
  );
  if (!codes.every((c) => passes(() => checkIndustryCode(c.code, { file: file.name })))) return null;
  const areas = await sql.all<{ areacd: string; areanm: string }>(
    `SELECT ${trimmed(`c${layout.code}`)} AS areacd, arg_max(${trimmed(`c${layout.name}`)}, r) AS areanm
       FROM ${csv.table} WHERE r > 0 GROUP BY 1 ORDER BY min(r)`,
  );
  if (!areas.every((a) => levelOfCode(a.areacd) === 'itl3')) return null;
  const obs = await unpivot(staging, csv, layout);
  const key = `concat(${trimmed(`c${layout.code}`)}, '|', ${trimmed(`c${layout.sic}`)})`;
  const [fault] = await sql.all<{ bad: bigint; keys: bigint }>(
    `SELECT (SELECT count(*) FROM ${obs} WHERE NOT ok) AS bad,
            (SELECT count(DISTINCT ${key}) FROM ${csv.table} WHERE r > 0) AS keys`,
  );
  if (Number(fault!.bad) > 0 || Number(fault!.keys) !== csv.rows) return null;
  const tree = industryTree(codes.map((c) => c.code));
  // Chained-volume industries are not additive away from the reference year, so only current prices are checked.
  const checks =
    measure === 'gva_cp'
      ? await hierarchyChecksSql(staging, obs, tree, file.name)
      : { select: 'SELECT NULL, NULL, NULL, NULL WHERE false', count: 0, warnings: [] };
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: { areas: areas.map((a) => ({ ...a, level: 'itl3', start: 2021, end: null })) },
    checks: [],
    warnings: checks.warnings,
    industries: codes.map((c) => ({ code: c.code, name: c.name, parent: tree.get(c.code)!.parent })),
    bulk: [
      {
        table: 'industry_obs',
        select: `SELECT areacd, industry, ${sqlString(measure)}, period, value,
                        CASE WHEN value IS NULL THEN 'missing' END FROM ${obs} ORDER BY ord`,
        rows: csv.rows * layout.years.length,
        counted: true,
      },
      { table: 'checks', select: checks.select, rows: checks.count, counted: false },
    ],
  };
}

interface Layout {
  code: number;
  name: number;
  sic: number;
  desc: number;
  years: { column: number; year: number }[];
}

/** The columns the reference looks for, or null where it would refuse the header. */
function layoutOf(header: string[]): Layout | null {
  if (
    !passes(() => pickColumn(header, CODE_COLUMNS, '')) ||
    !passes(() => pickColumn(header, NAME_COLUMNS, ''))
  )
    return null;
  const code = pickColumn(header, CODE_COLUMNS, '');
  const name = pickColumn(header, NAME_COLUMNS, '');
  const sic = header.indexOf('SIC07 code');
  const desc = header.indexOf('SIC07 description');
  if (sic < 0 || desc < 0) return null;
  const last = Math.max(code, name, sic, desc);
  const years = header.flatMap((h, column) => (column > last ? [{ column, year: h.trim() }] : []));
  if (years.length === 0 || !years.every((y) => /^(19|20)\d\d$/.test(y.year))) return null;
  return { code, name, sic, desc, years: years.map((y) => ({ column: y.column, year: Number(y.year) })) };
}

/** One row per area, industry and year, in the reference's order (`ord`), with the number read. */
async function unpivot(staging: Staging, csv: StagedCsv, layout: Layout): Promise<string> {
  const table = staging.name('obs');
  // Year columns renamed to their position, so the unpivoted name gives the year and the order.
  const cells = layout.years.map((y, k) => `c${y.column} AS "${k}"`).join(', ');
  const years = layout.years.map((y) => y.year).join(', ');
  const n = layout.years.length;
  const num = numberSql('t');
  await staging.sql.run(
    `CREATE TEMP TABLE ${table} AS
     SELECT (r - 1) * ${n} + k AS ord, areacd, industry, [${years}][k + 1]::SMALLINT AS period,
            ${num.value} AS value, ${num.ok} AS ok FROM (
       SELECT r, ${trimmed('c0')} AS areacd, ${trimmed('c1')} AS industry, CAST(name AS INTEGER) AS k,
              ${trimmed('cell')} AS t
         FROM (SELECT r, c${layout.code} AS c0, c${layout.sic} AS c1, ${cells} FROM ${csv.table} WHERE r > 0)
              UNPIVOT INCLUDE NULLS (cell FOR name IN (${layout.years.map((_, k) => `"${k}"`).join(', ')})))`,
  );
  return table;
}

function passes(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}
