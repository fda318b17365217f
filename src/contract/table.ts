// The one writer of flat tables, for CSV from the CLI and the API alike and for the CLI's text
// tables: an answer's table view names its rows and its columns, in order, and every cell is
// written one way (nested values as JSON, never `[object Object]`; no value as empty).
import { stringify } from 'csv-stringify/sync';

/** A column: a field of the row, or a header and how to get its value from the row. */
export type Column<R> = (keyof R & string) | readonly [header: string, get: (row: R) => unknown];

/** Rows as records, with the columns to write in order. */
export interface Flat {
  columns: string[];
  records: Record<string, unknown>[];
}

/** A table view of an answer of type T. */
export interface TableView<T> {
  flatten(answer: T): Flat;
}

/** A table view: the rows of an answer and their columns (fixed, or chosen from the answer). */
export function table<T, R>(
  rows: (answer: T) => readonly R[],
  columns: readonly Column<R>[] | ((answer: T) => readonly Column<R>[]),
): TableView<T> {
  return {
    flatten(answer) {
      const cols = typeof columns === 'function' ? columns(answer) : columns;
      const headers = cols.map((c) => (typeof c === 'string' ? c : c[0]));
      const records = rows(answer).map((row) =>
        Object.fromEntries(
          cols.map((c, i) => [
            headers[i]!,
            typeof c === 'string' ? (row as Record<string, unknown>)[c] : c[1](row),
          ]),
        ),
      );
      return { columns: headers, records };
    },
  };
}

/** One cell as CSV writes it: full precision, no value (null, NaN, ±∞) as empty, nested values as JSON. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** RFC 4180 CSV of a flat table, with a header row. */
export function csvText(flat: Flat): string {
  return stringify(
    flat.records.map((r) => flat.columns.map((c) => cellText(r[c]))),
    { header: true, columns: flat.columns },
  );
}

/** Records with only the given columns, in order (JSON output of a table). */
export function pick(flat: Flat): Record<string, unknown>[] {
  return flat.records.map((r) => Object.fromEntries(flat.columns.map((c) => [c, r[c] ?? null])));
}
