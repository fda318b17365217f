// Client-side CSV of exactly the table a chart shows (when no API route serves that table).

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

/** Saves a table as a CSV file. */
export function downloadCsv(t: Table, filename: string): void {
  saveFile(new Blob([toCsv(t)], { type: 'text/csv;charset=utf-8' }), filename);
}

/** Saves a file made in the page (a CSV, a scenario file) through a temporary object URL. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
