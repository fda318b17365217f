// CSV for Excel, asked for (`?excel=1`, `--excel`): a UTF-8 byte-order mark (without it Excel on
// Windows reads "£" as "Â£"), numbers rounded to the published precision, no text cell Excel would
// run as a formula, and the source as a last line. Plain CSV (csvText) stays RFC 4180 at full precision.
import { stringify } from 'csv-stringify/sync';
import { cellText, type Flat } from './table.ts';

/** Ratios (shares, LQs, growth rates, contributions, indices of change) keep 4 decimals: 0.5370 is 53.70%. */
const RATIO = /share|lq|ratio|growth|since|lastyear|annual|contribution|change|weight|probability/i;

/**
 * Decimal places of a column: 4 for ratios, 2 for every other measured value (ONS publishes £
 * million, pay, rates and per-head figures to at most 2 decimals). Whole numbers (years, counts)
 * are written as they are.
 */
export function columnDecimals(column: string): number {
  return RATIO.test(column) ? 4 : 2;
}

/** A cell as Excel should see it: rounded if a number, quoted inert if text starting like a formula. */
export function excelCell(v: unknown, decimals: number): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    if (Number.isInteger(v)) return String(v);
    const r = Number(v.toFixed(decimals));
    return String(Object.is(r, -0) ? 0 : r);
  }
  const s = cellText(v);
  // =, +, -, @, tab or carriage return first: Excel would run it (a payee named "=HYPERLINK(…)")
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** The Excel CSV of a flat table: byte-order mark, rounded numbers, inert text, a blank line and the source. */
export function excelCsvText(flat: Flat, source: string): string {
  const decimals = flat.columns.map(columnDecimals);
  const body = stringify(
    flat.records.map((r) => flat.columns.map((c, i) => excelCell(r[c], decimals[i]!))),
    { header: true, columns: flat.columns.map((c) => excelCell(c, 0)), record_delimiter: 'windows' },
  );
  return `\uFEFF${body}\r\n${stringify([[`Source: ${source}`]], { record_delimiter: 'windows' })}`;
}

/** The source line of an answer: its `source`, or its sources' titles, else what asked for it. */
export function sourceOf(answer: unknown, fallback: string): string {
  const a = answer as { source?: unknown; sources?: unknown } | null;
  if (a && typeof a.source === 'string' && a.source) return a.source;
  if (a && Array.isArray(a.sources)) {
    const titles = a.sources
      .map((s) => (typeof s === 'string' ? s : ((s as { title?: unknown })?.title ?? null)))
      .filter((t): t is string => typeof t === 'string');
    if (titles.length) return [...new Set(titles)].join('; ');
  }
  const layers = (a as { layers?: { source?: unknown } } | null)?.layers;
  if (layers && typeof layers.source === 'string') return layers.source;
  return fallback;
}
