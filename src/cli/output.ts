// The CLI's edge: where output goes (stdout and stderr, or a test's buffers), the format a user
// asked for, and text tables for people. CSV and JSON come from the one table writer in
// contract/table.ts, so a command writes the same CSV as its API route.
import { UsageError } from '../core/errors.ts';
import { csvText, pick, type Flat } from '../contract/table.ts';

/** Where a command writes: its output (tables, CSV, JSON) and its notes and progress. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether the output is a terminal (tables) or a pipe (CSV). */
  isTTY: boolean;
}

/** The process's own streams. */
export const stdio: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  get isTTY() {
    return Boolean(process.stdout.isTTY);
  },
};

export type Format = 'table' | 'csv' | 'json';

/** Resolves `--format`: a table on a terminal, CSV when piped; anything else is a usage error (exit 2). */
export function resolveFormat(flag: string | undefined, isTTY: boolean): Format {
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

function text(v: unknown, digits: number, column: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return PLAIN.has(column)
      ? String(v)
      : v.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  }
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Renders rows as an aligned text table; numbers right-aligned and rounded for reading. */
export function renderTable(rows: readonly Row[], columns = Object.keys(rows[0] ?? {}), digits = 3): string {
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

/** A flat table in the chosen format: aligned text, CSV (full precision) or JSON records. */
export function render(flat: Flat, format: Format): string {
  switch (format) {
    case 'table':
      return renderTable(flat.records, flat.columns);
    case 'csv':
      return csvText(flat);
    case 'json':
      return JSON.stringify(pick(flat), null, 2) + '\n';
  }
}

/** Records as a flat table, with their own columns unless given. */
export function flatOf(records: Row[], columns = Object.keys(records[0] ?? {})): Flat {
  return { columns, records };
}
