// CSV text of a table (no DOM here, so tests and the server-free views can use it).

import type { Cell, Table } from './table.ts';

export type { Cell, Table } from './table.ts';

function cell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 text of a table. */
export function toCsv(t: Table): string {
  return [t.columns, ...t.rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/**
 * A text cell Excel would run as a formula (it starts with =, +, -, @, a tab or a carriage
 * return: a payee named "=HYPERLINK(…)" in a spend file) gets a leading apostrophe, so Excel
 * shows it as text. Numbers stay numbers.
 */
function inert(v: Cell): Cell {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/**
 * A CSV file Excel opens with the right characters: a UTF-8 byte-order mark first (without it
 * Excel on Windows reads "£" as "Â£"), the table with no cell Excel would run as a formula, then
 * a blank line and the source as a last row.
 */
export function excelCsv(t: Table, source?: string): string {
  const tail = source ? `\r\n${cell(`Source: ${source}`)}\r\n` : '';
  const safe = { columns: t.columns.map((c) => String(inert(c))), rows: t.rows.map((r) => r.map(inert)) };
  return `\uFEFF${toCsv(safe)}${tail}`;
}

