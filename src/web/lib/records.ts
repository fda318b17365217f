// Tables from records whose exact fields the page does not fix in advance (the input–output
// routes): columns are the union of keys in first-seen order; nested values become JSON text.
import { num } from './format.ts';
import type { Cell, Table } from './csv.ts';

/** A table from an array of plain records. */
export function recordsTable(records: unknown[]): Table {
  const rows = records.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);
  const columns: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  const cell = (v: unknown): Cell =>
    v === null || v === undefined
      ? null
      : typeof v === 'number' || typeof v === 'string'
        ? v
        : JSON.stringify(v);
  return {
    columns,
    rows: rows.map((r) => columns.map((c) => cell(r[c]))),
    formats: columns.map(() => (v: Cell) => (typeof v === 'number' ? num(v) : v === null ? '–' : v)),
  };
}

/** The first numeric field of a record set other than the given ones (what to chart). */
export function firstNumeric(records: unknown[], skip: string[] = []): string | null {
  const r = records.find((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
  if (!r) return null;
  return Object.keys(r).find((k) => !skip.includes(k) && typeof r[k] === 'number') ?? null;
}

/** The first text field of a record set (what to label rows by). */
export function firstText(records: unknown[]): string | null {
  const r = records.find((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
  if (!r) return null;
  return Object.keys(r).find((k) => typeof r[k] === 'string') ?? null;
}
