import { bodyOption, LAYOUTS, READER, VERSION, type Field, type Layout } from './council-spending.ts';
import { provenanceFor, sqlString, type ReaderInput, type ReadResult } from './reader.ts';
import { numberSql, orNull, trimmed } from './sql-text.ts';
import type { StagedCsv, Staging } from './staging-sql.ts';

const FIELDS: Field[] = [
  'body',
  'serviceArea',
  'expensesType',
  'date',
  'transaction',
  'amount',
  'supplier',
  'companyNumber',
  'charityNumber',
];

/**
 * council-spending.ts with DuckDB: each CSV loaded by read_csv, every row checked in SQL, the
 * rows written by INSERT … SELECT. Null (the reference reads the files and names the fault) when
 * any file or row breaks a rule the reference enforces.
 */
export async function readCouncilSpendingSql(
  input: ReaderInput,
  staging: Staging,
): Promise<ReadResult | null> {
  const csvs = input.files.filter((f) => /\.csv$/i.test(f.name));
  if (csvs.length === 0) return null;
  const selects: string[] = [];
  let rows = 0;
  for (const [k, file] of csvs.entries()) {
    const csv = await staging.csv(file);
    if (!csv || csv.rows === 0) return null;
    const layout = LAYOUTS.find((l) => csv.header.includes(l.key));
    const body = layout?.body === null ? bodyOrNull(input.source.options?.body) : '';
    const cols = layout && columns(csv, layout);
    if (!layout || !cols || body === null) return null;
    const select = rowsOf(csv, cols, body, k);
    const [{ bad }] = await staging.sql.all<{ bad: bigint }>(
      `SELECT count(*) FILTER (WHERE NOT ok) AS bad FROM (${select})`,
    );
    if (Number(bad) > 0) return null;
    selects.push(select);
    rows += csv.rows;
  }
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: {},
    checks: [],
    warnings: [],
    bulk: [
      {
        table: 'spending',
        select: `SELECT ${SPENDING_COLUMNS} FROM (${selects.join(' UNION ALL ')}) ORDER BY k, r`,
        rows,
        counted: true,
      },
    ],
  };
}

const SPENDING_COLUMNS =
  'body, service_area, expenses_type, spend_date, txn, amount, supplier, company_number, charity_number';

function bodyOrNull(option: unknown): string | null {
  try {
    return bodyOption(option);
  } catch {
    return null;
  }
}

/** The column of each field (-1 where the layout lacks it), or null when the header lacks one. */
function columns(csv: StagedCsv, layout: Layout): Record<Field, number> | null {
  const out = {} as Record<Field, number>;
  for (const f of FIELDS) {
    const name = layout[f];
    out[f] = name === null ? -1 : csv.header.indexOf(name);
    if (name !== null && out[f] < 0) return null;
  }
  return out;
}

/** The file's rows as the spending table takes them, with `ok`: whether the reference accepts the row. */
function rowsOf(csv: StagedCsv, col: Record<Field, number>, body: string, k: number): string {
  const cell = (f: Field) => (col[f] < 0 ? `''` : trimmed(`c${col[f]}`));
  const opt = (f: Field) => (col[f] < 0 ? 'NULL::VARCHAR' : orNull(`c${col[f]}`));
  const amount = numberSql('amount_t');
  const iso = `CASE WHEN regexp_full_match(date_t, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN date_t
                    WHEN regexp_full_match(date_t, '[0-9]{2}/[0-9]{2}/[0-9]{4}')
                    THEN concat_ws('-', date_t[7:10], date_t[4:5], date_t[1:2]) END`;
  const bodyValue = col.body < 0 ? sqlString(body) : 'body_t';
  return `SELECT ${k} AS k, r, ${bodyValue} AS body, service_area, expenses_type, iso AS spend_date, txn,
                 ${amount.value} AS amount, supplier_t AS supplier, company_number, charity_number,
                 coalesce(supplier_t <> '' AND ${col.body < 0 ? 'true' : `body_t <> ''`}
                 AND amount_t <> '' AND ${amount.ok}
                 AND iso IS NOT NULL AND iso >= '1000' AND strftime(TRY_CAST(iso AS DATE), '%Y-%m-%d') = iso, false) AS ok
            FROM (SELECT *, ${iso} AS iso FROM (
              SELECT r, ${cell('body')} AS body_t, ${opt('serviceArea')} AS service_area,
                     ${opt('expensesType')} AS expenses_type, ${cell('date')} AS date_t,
                     ${opt('transaction')} AS txn, ${cell('amount')} AS amount_t,
                     ${cell('supplier')} AS supplier_t, ${opt('companyNumber')} AS company_number,
                     ${opt('charityNumber')} AS charity_number
                FROM ${csv.table} WHERE r > 0))`;
}
