import { stringify } from 'csv-stringify/sync';
import { UsageError } from '../core/errors.ts';

export type Format = 'table' | 'csv' | 'json';

/** Resolves `--format`: a table on a terminal, CSV when piped; anything else is a usage error (exit 2). */
export function resolveFormat(flag: string | undefined, isTTY = Boolean(process.stdout.isTTY)): Format {
  const f = flag ?? (isTTY ? 'table' : 'csv');
  switch (f) {
    case 'table':
    case 'csv':
    case 'json':
      return f;
    default:
      throw new UsageError(`invalid format: ${f} (table, csv or json)`);
  }
}

export type Row = Record<string, unknown>;

/** Columns holding years or codes: never grouped with thousands separators. */
const PLAIN = new Set(['year', 'period', 'vintage']);

function text(v: unknown, digits?: number, column = ''): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return digits === undefined || PLAIN.has(column)
      ? String(v)
      : v.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  }
  if (typeof v === 'bigint') return v.toString();
  return String(v);
}

/** Renders rows as an aligned text table; numbers right-aligned and rounded for reading. */
export function renderTable(rows: Row[], columns = Object.keys(rows[0] ?? {}), digits = 3): string {
  if (rows.length === 0) return '(no rows)\n';
  const cells = rows.map((r) => columns.map((c) => text(r[c], digits, c)));
  const width = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const numeric = columns.map((c) =>
    rows.every((r) => r[c] === null || r[c] === undefined || typeof r[c] === 'number'),
  );
  const line = (vals: string[]) =>
    vals
      .map((v, i) => (numeric[i] ? v.padStart(width[i]!) : v.padEnd(width[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns), line(width.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

/** Renders rows as CSV with full precision. */
export function renderCsv(rows: Row[], columns = Object.keys(rows[0] ?? {})): string {
  return stringify(
    rows.map((r) => columns.map((c) => text(r[c]))),
    { header: true, columns },
  );
}

/** Renders rows in the chosen format. */
export function render(rows: Row[], format: Format, columns?: string[]): string {
  switch (format) {
    case 'table':
      return renderTable(rows, columns);
    case 'csv':
      return renderCsv(rows, columns);
    case 'json':
      return (
        JSON.stringify(
          columns ? rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null]))) : rows,
          null,
          2,
        ) + '\n'
      );
  }
}
