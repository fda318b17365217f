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

/** The probabilities a policy can report, each the chance of an outcome one would not want. */
export const RISKS = [
  { measure: 'pot_below_baseline', title: 'Chance a median saver’s pot ends smaller than without the reform' },
  { measure: 'income_below_dc', title: 'Chance collective DC pays less than individual DC' },
  { measure: 'capital_ratio_below_minimum', title: 'Chance the bank’s capital ratio is below its minimum' },
  { measure: 'fund_below_start', title: 'Chance the fund is worth less than the capital it started with' },
  { measure: 'fund_depleted', title: 'Chance the fund is used up' },
] as const;

/** The probabilities a policy reports, in the page's order. */
export function risksOf(r: FinanceReport, policy: string): (typeof RISKS)[number][] {
  return RISKS.filter((k) => fanRows(r, policy, k.measure).length > 0);
}

/** A probability by year with its 90% Wilson interval (the row's p05 and p95). */
export function riskTable(rows: FinanceRow[]): Table {
  const f = (v: string | number | null) => valueText(typeof v === 'number' ? v : null, 'probability');
  return {
    columns: ['Year', 'Probability', '90% interval from', 'to'],
    rows: rows.map((x) => [String(x.year), x.p50, x.p05, x.p95]),
    formats: [null, f, f, f],
  };
}

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

/** A number in a policy file the builder lets one change: where it is, what it is called, its group. */
export interface Parameter {
  path: (string | number)[];
  label: string;
  value: number;
  /** The fieldset it is shown in: the whole file, or one policy by its id. */
  group: string;
}

/** Where the builder stops looking: numbers nested deeper than this stay in the file. */
const DEPTH = 3;

/** The numbers of a settings object and of the objects nested in it (not lists), in file order. */
function numbersIn(
  obj: Record<string, unknown>,
  path: (string | number)[],
  group: string,
  skip: ReadonlySet<string>,
  depth: number,
): Parameter[] {
  const out: Parameter[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (skip.has(k)) continue;
    const at = [...path, k];
    const label = at.slice(path[0] === 'policies' ? 2 : 0).join('.');
    if (typeof v === 'number') out.push({ path: at, label, value: v, group });
    else if (v && typeof v === 'object' && !Array.isArray(v) && depth < DEPTH)
      out.push(...numbersIn(v as Record<string, unknown>, at, group, new Set(), depth + 1));
  }
  return out;
}

/**
 * The numbers of a policy file the builder shows: the file's own (horizon, seed, fund weights,
 * the mandate, …) and each policy's, nested settings included (a bond's capacity, a fund's
 * payout), grouped by policy. Lists (a correlation matrix, pots by size) stay in the file.
 */
export function mainParameters(policy: Record<string, unknown>): Parameter[] {
  const top = numbersIn(policy, [], 'file', new Set(['policies', 'paths']), 1);
  const policies = (policy['policies'] ?? []) as Record<string, unknown>[];
  return [
    ...top,
    ...policies.flatMap((p, i) => numbersIn(p, ['policies', i], String(p['id'] ?? i + 1), new Set(), 1)),
  ];
}

/** Parameters by group, in order of first appearance. */
export function parameterGroups(ps: Parameter[]): [string, Parameter[]][] {
  const m = new Map<string, Parameter[]>();
  for (const p of ps) m.set(p.group, [...(m.get(p.group) ?? []), p]);
  return [...m];
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
