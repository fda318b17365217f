import type { IoCell } from '../core/records.ts';
import { findRow, text, type Grid } from './ioat-grid.ts';

/** Publisher markers in the analytical sheets: `.` not produced (no direct requirement), `..` suppressed. */
const MARKERS = new Set(['.', '..']);

/**
 * Keeps every numeric cell of an analytical sheet (A, Leontief, Effects, Multipliers, …) as
 * an IoCell labelled by its row code (or row label where the sheet prints no code) and its
 * column code (or header label; `P3 S1 | Direct GVA` under merged headers). A label repeated
 * in a later block of the same sheet gets ` [2]`, ` [3]`… so each (sheet, row, col) is unique.
 */
export function sheetCells(g: Grid, year: number): { cells: IoCell[]; warnings: string[] } {
  const menu = findRow(g, 0, (r) => text(g, r, 0) === 'MENU' || text(g, r, 1) === 'MENU');
  const head = findRow(g, menu + 1, (r) => countFrom(g, r, 2) >= 2);
  if (menu < 0 || head < 0)
    return { cells: [], warnings: [`${g.file}!${g.sheet}: no header row; sheet not kept`] };
  const labels = columnLabels(g, head);
  const cells: IoCell[] = [];
  const markers: string[] = [];
  const seen = new Map<string, number>();
  for (let r = head + 1; r < g.cells.length; r++) {
    const base = text(g, r, 0) ?? text(g, r, 1);
    const row = g.cells[r] ?? [];
    if (base === null || !row.slice(2).some((v) => typeof v === 'number')) continue;
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    const label = k === 1 ? base : `${base} [${k}]`;
    for (let c = 2; c < row.length; c++) {
      const v = row[c];
      const col = labels[c];
      if (col === undefined) continue;
      const ref = g.at(r, c).cell;
      if (typeof v === 'number')
        cells.push({ year, sheet: g.sheet, row: label, col, value: v, ...(ref ? { cell: ref } : {}) });
      else if (typeof v === 'string' && MARKERS.has(v.trim()))
        markers.push(`${ref ?? `${r + 1}:${c + 1}`}=${v.trim()}`);
    }
  }
  const warnings = markers.length
    ? [
        `${g.file}!${g.sheet}: ${markers.length} cells not produced by the publisher ('.' or '..'): ${markers.join(', ')}`,
      ]
    : [];
  return { cells, warnings };
}

function countFrom(g: Grid, r: number, c0: number): number {
  return (g.cells[r] ?? []).slice(c0).filter((v) => v !== null && String(v).trim() !== '').length;
}

/** Column labels from the code row, the name row below it, and an optional sub-header row. */
function columnLabels(g: Grid, head: number): (string | undefined)[] {
  const width = Math.max(...[head, head + 1, head + 2].map((r) => (g.cells[r] ?? []).length));
  const sub = countFrom(g, head + 2, 2) > 0 && text(g, head + 2, 0) === null ? head + 2 : -1;
  const labels: (string | undefined)[] = [];
  let carry: string | undefined;
  for (let c = 2; c < width; c++) {
    const own = text(g, head, c) ?? text(g, head + 1, c) ?? undefined;
    // Under a merged header (`P3 S1` over Direct/Indirect GVA) the code sits in the first column only.
    const main = own ?? (sub >= 0 ? carry : undefined);
    carry = main;
    const s = sub >= 0 ? text(g, sub, c) : null;
    labels[c] = main === undefined ? undefined : s ? `${main} | ${s}` : main;
  }
  return labels;
}
