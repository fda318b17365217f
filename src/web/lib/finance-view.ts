// The Finance page's views of a run: fans of percentiles over the years for one policy and
// measure, capital mobilised by district for the map, and the main parameters of a policy file
// for the builder (numbers at the top of the file and of each policy, edited in a copy).
import type { MapDatum } from './atlas.ts';
import { ranks } from './atlas.ts';
import type { FinanceReport, FinanceRow } from './api-types.ts';
import { money, num, pct } from './format.ts';
import type { Table } from './table.ts';

export const UK = 'K02000001';

/** The fans the page draws when a policy reports them: savers' pots, fund assets, payouts. */
export const FANS = [
  { measure: 'pot_median_saver', title: 'A median saver’s pot' },
  { measure: 'fund_assets', title: 'Fund assets' },
  { measure: 'fund_payout', title: 'Payouts from the fund' },
  { measure: 'income_replacement', title: 'Retirement income as a share of pay' },
  { measure: 'bank_equity', title: 'The bank’s equity' },
] as const;

/** Measures of capital reaching each district, in order of preference for the map. */
export const MAP_MEASURES = ['capital_mobilised', 'bank_new_lending', 'capital_flow'] as const;

/** A value in its unit: pounds in words, shares and probabilities as percentages, else a number. */
export function valueText(v: number | null, unit: string): string {
  if (v === null || !Number.isFinite(v)) return '–';
  if (unit.startsWith('£')) return (v < 0 ? '−' : '') + money(Math.abs(v));
  if (unit === 'share of pay' || unit === 'probability') return pct(v);
  return num(v);
}

/** One policy's measure in one area, year by year. */
export function fanRows(r: FinanceReport, policy: string, measure: string, areacd = UK): FinanceRow[] {
  return r.rows
    .filter((x) => x.policy === policy && x.measure === measure && x.areacd === areacd)
    .sort((a, b) => a.year - b.year);
}

/** The fans a policy has (with percentiles, not a probability), in the page's order. */
export function fansOf(r: FinanceReport, policy: string): (typeof FANS)[number][] {
  return FANS.filter((f) => fanRows(r, policy, f.measure).some((x) => x.p25 !== null));
}

/** A fan as a table: every percentile and the mean by year. */
export function fanTable(rows: FinanceRow[]): Table {
  const unit = rows[0]?.unit ?? '';
  const f = (v: string | number | null) => valueText(typeof v === 'number' ? v : null, unit);
  return {
    columns: ['Year', 'p5', 'p10', 'p25', 'Median', 'p75', 'p90', 'p95', 'Mean'],
    rows: rows.map((x) => [String(x.year), x.p05, x.p10, x.p25, x.p50, x.p75, x.p90, x.p95, x.mean]),
    formats: [null, f, f, f, f, f, f, f, f],
  };
}

/** The measure of capital the map shows for a policy (the first of MAP_MEASURES with district rows). */
export function mapMeasure(r: FinanceReport, policy: string): string | null {
  return (
    MAP_MEASURES.find((m) => r.rows.some((x) => x.policy === policy && x.measure === m && x.level === 'lad')) ??
    null
  );
}

/** Each district's median in a year, for the map. */
export function capitalData(
  r: FinanceReport,
  policy: string,
  measure: string,
  year: number,
): Map<string, MapDatum> {
  const rows = r.rows.filter(
    (x) => x.policy === policy && x.measure === measure && x.level === 'lad' && x.year === year,
  );
  const names = new Map(r.areas.map((a) => [a.areacd, a.areanm]));
  const rk = ranks(rows.map((x) => x.p50));
  return new Map(
    rows.map((x, i) => [
      x.areacd,
      {
        areacd: x.areacd,
        areanm: names.get(x.areacd) ?? x.areacd,
        value: x.p50,
        text: valueText(x.p50, x.unit),
        interval: `5–95%: ${valueText(x.p05, x.unit)} to ${valueText(x.p95, x.unit)}`,
        rank: rk[i] ?? null,
        of: rows.length,
        extra: [],
      },
    ]),
  );
}

/** The map's numbers: every district, largest first. */
export function capitalTable(data: Map<string, MapDatum>, r: FinanceReport, policy: string, measure: string, year: number): Table {
  const rows = r.rows
    .filter((x) => x.policy === policy && x.measure === measure && x.level === 'lad' && x.year === year)
    .sort((a, b) => b.p50 - a.p50);
  const unit = rows[0]?.unit ?? '£';
  const f = (v: string | number | null) => valueText(typeof v === 'number' ? v : null, unit);
  return {
    columns: ['Area', 'Code', 'p5', 'Median', 'p95', 'Mean'],
    rows: rows.map((x) => [data.get(x.areacd)?.areanm ?? x.areacd, x.areacd, x.p05, x.p50, x.p95, x.mean]),
    formats: [null, null, f, f, f, f],
    links: rows.map((x) => `/area/${x.areacd}`),
  };
}

/** A number in a policy file the builder lets one change: where it is and what it is called. */
export interface Parameter {
  path: (string | number)[];
  label: string;
  value: number;
}

const TOP = ['horizon', 'seed'] as const;

/** The main parameters: the horizon and seed, and every number set directly on each policy. */
export function mainParameters(policy: Record<string, unknown>): Parameter[] {
  const out: Parameter[] = [];
  for (const k of TOP)
    if (typeof policy[k] === 'number') out.push({ path: [k], label: k, value: policy[k] as number });
  const policies = (policy['policies'] ?? []) as Record<string, unknown>[];
  policies.forEach((p, i) => {
    for (const [k, v] of Object.entries(p))
      if (typeof v === 'number') out.push({ path: ['policies', i, k], label: `${String(p['id'])}: ${k}`, value: v });
  });
  return out;
}

/** A copy of the policy with the number at `path` set to `value`. */
export function withValue(
  policy: Record<string, unknown>,
  path: (string | number)[],
  value: number,
): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(policy)) as Record<string, unknown>; // a plain copy (page state is a proxy)
  let at: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[path.at(-1)!] = value;
  return copy;
}
