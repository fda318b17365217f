import { SourceError, type SourceLocation } from '../core/errors.ts';
import type { SpendingRecord } from '../core/records.ts';
import { columnIndex, readCsv, requireRows, type CsvTable } from './csv.ts';
import { requireNumber } from './numbers.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';

export const READER = 'council-spending';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 1;

/** The published layouts, told apart by a column only each has; `null` marks a field the layout lacks. */
export const LAYOUTS = [
  {
    name: 'transparency',
    key: 'Invoice Payment Date',
    body: 'Body Name',
    serviceArea: 'Service Area',
    expensesType: 'Expenses Type',
    date: 'Invoice Payment Date',
    transaction: 'Transaction Number',
    amount: 'Net Amount',
    supplier: 'Supplier Name',
    companyNumber: null,
    charityNumber: null,
  },
  {
    name: 'beneficiary',
    key: 'Beneficiary Name',
    body: null,
    serviceArea: 'Organisational Unit',
    expensesType: null,
    date: 'Payment Date',
    transaction: null,
    amount: 'Amount',
    supplier: 'Beneficiary Name',
    companyNumber: 'Company Number',
    charityNumber: 'Charity Number',
  },
] as const;
export type Layout = (typeof LAYOUTS)[number];
export type Field = Exclude<keyof Layout, 'name' | 'key'>;

/**
 * Council "spending over £500" files (Local Government Transparency Code), in the layout with
 * `Body Name … Supplier Name` or the one with `Beneficiary Name, Company Number, Charity Number`
 * (whose body comes from `options.body`). Files other than CSV (an index) are skipped. Dates
 * become ISO; credits stay negative; redacted suppliers stay as published. The exact reference;
 * the import reads with DuckDB (council-spending-sql.ts), held to the same rows by a test.
 */
export function readCouncilSpending(input: ReaderInput): ReadResult {
  const spending: SpendingRecord[] = [];
  const csvs = input.files.filter((f) => /\.csv$/i.test(f.name));
  if (csvs.length === 0) throw new SourceError({ file: input.files[0]?.name ?? '(none)' }, 'no CSV file');
  for (const file of csvs) {
    const table = readCsv(file);
    requireRows(table);
    const layout = LAYOUTS.find((l) => table.header.includes(l.key));
    if (!layout) {
      throw new SourceError(
        { file: file.name, line: 1, value: table.header.join(',') },
        'not a council spending layout',
      );
    }
    const body = layout.body === null ? bodyOption(input.source.options?.body) : null;
    for (const r of readTable(table, layout, body)) spending.push(r);
  }
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: { spending },
    checks: [],
    warnings: [],
  };
}

function readTable(table: CsvTable, layout: Layout, body: string | null): SpendingRecord[] {
  const fields = (Object.keys(layout) as (keyof Layout)[]).filter(
    (k) => k !== 'name' && k !== 'key',
  ) as Field[];
  const col = columnIndex(
    table,
    fields.flatMap((k) => (layout[k] === null ? [] : [layout[k] as string])),
  );
  // Column per field, -1 where the layout lacks it: looked up once, not per row.
  const idx = Object.fromEntries(
    fields.map((k) => [k, layout[k] === null ? -1 : col[layout[k] as string]!]),
  ) as Record<Field, number>;
  return table.rows.map((row, r) => {
    const line = table.lines[r]!;
    const cell = (k: Field) => (idx[k] < 0 ? null : row[idx[k]]!.trim());
    const orNull = (k: Field) => (idx[k] < 0 || cell(k) === '' ? null : cell(k));
    const at = (k: Field): SourceLocation => ({
      file: table.file,
      line,
      column: idx[k] + 1,
      value: row[idx[k]],
    });
    const supplier = cell('supplier')!;
    if (supplier === '') throw new SourceError(at('supplier'), 'missing supplier');
    const fromFile = cell('body');
    if (fromFile === '') throw new SourceError(at('body'), 'missing body name');
    const amount = cell('amount')!;
    return {
      body: fromFile ?? body!,
      serviceArea: orNull('serviceArea'),
      expensesType: orNull('expensesType'),
      date: isoDate(cell('date')!, line, idx.date, table.file),
      transaction: orNull('transaction'),
      amount: requireNumber(amount, { file: table.file, line, column: idx.amount + 1 }),
      supplier,
      companyNumber: orNull('companyNumber'),
      charityNumber: orNull('charityNumber'),
    };
  });
}

/** `2022-03-10` or `10/03/2022` → `2022-03-10`, refusing dates that do not exist. */
export function isoDate(text: string, line: number, column: number, file: string): string {
  const where = { file, line, column: column + 1, value: text };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!m) throw new SourceError(where, 'not a date (YYYY-MM-DD or DD/MM/YYYY)');
  const [y, mo, d] = m[1]!.length === 4 ? [m[1]!, m[2]!, m[3]!] : [m[3]!, m[2]!, m[1]!];
  const iso = `${y}-${mo}-${d}`;
  const t = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso)
    throw new SourceError(where, 'no such date');
  return iso;
}

export function bodyOption(option: unknown): string {
  if (typeof option === 'string' && option.trim() !== '') return option.trim();
  throw new Error(
    `council-spending needs options.body for files without a body column, got ${JSON.stringify(option)}`,
  );
}
