// Rows of a finance run: for each policy, measure, report year and area, the percentiles
// p5–p95 and the mean. An area's row is its multiplier times the UK-wide series' summary (a
// negative multiplier turns the percentiles round). A probability row gives the Monte Carlo
// estimate as p50 and mean, and its 90 % Wilson interval as p05 and p95.
import type { AreaData } from './area-data.ts';
import type { OutputSpec, SimulationPlan } from './plan.ts';
import { PERCENTILES, wilson90 } from './quantiles.ts';
import { SUMMARY_WIDTH } from './simulate.ts';

export const UK = 'K02000001';

/** One row: a measure for a policy, year and area, as a fan of percentiles with the mean. */
export interface FinanceRow {
  policy: string;
  year: number;
  areacd: string;
  level: 'uk' | 'itl3' | 'lad';
  measure: string;
  unit: string;
  p05: number;
  p10: number | null;
  p25: number | null;
  p50: number;
  p75: number | null;
  p90: number | null;
  p95: number;
  mean: number;
}

type Fan = [number, number, number, number, number, number, number];

function fanOf(
  o: OutputSpec,
  plan: SimulationPlan,
  stats: Float64Array,
  r: number,
): { fan: Fan; mean: number } | null {
  if (o.series === null) {
    const v = o.values![r]!;
    return { fan: [v, v, v, v, v, v, v], mean: v };
  }
  const at = (o.series * plan.report.length + r) * SUMMARY_WIDTH;
  const s = stats.subarray(at, at + SUMMARY_WIDTH);
  if (Number.isNaN(s[PERCENTILES.length]!)) return null;
  return { fan: Array.from(s.subarray(0, PERCENTILES.length)) as Fan, mean: s[PERCENTILES.length]! };
}

function scaled(
  base: Omit<FinanceRow, 'p05' | 'p10' | 'p25' | 'p50' | 'p75' | 'p90' | 'p95' | 'mean'>,
  fan: Fan,
  mean: number,
  m: number,
): FinanceRow {
  const f = fan.map((v) => v * m);
  if (m < 0) f.reverse();
  return {
    ...base,
    p05: f[0]!,
    p10: f[1]!,
    p25: f[2]!,
    p50: f[3]!,
    p75: f[4]!,
    p90: f[5]!,
    p95: f[6]!,
    mean: mean * m,
  };
}

function probabilityRow(
  base: Parameters<typeof scaled>[0],
  o: OutputSpec,
  plan: SimulationPlan,
  stats: Float64Array,
  r: number,
): FinanceRow {
  const below = stats[(o.series! * plan.report.length + r) * SUMMARY_WIDTH + PERCENTILES.length + 1]!;
  const p = below / plan.paths;
  const [lo, hi] = wilson90(below, plan.paths);
  return { ...base, p05: lo, p10: null, p25: null, p50: p, p75: null, p90: null, p95: hi, mean: p };
}

/** Every row of a run, policy by policy in the file's order; UK, then ITL3 areas, then districts. */
export function financeRows(plan: SimulationPlan, stats: Float64Array, areas: AreaData): FinanceRow[] {
  const rows: FinanceRow[] = [];
  for (const o of plan.outputs)
    plan.years.forEach((year, r) => {
      const base = { policy: o.policy, year, measure: o.measure, unit: o.unit };
      if (o.probability) {
        rows.push(probabilityRow({ ...base, areacd: UK, level: 'uk' }, o, plan, stats, r));
        return;
      }
      const f = fanOf(o, plan, stats, r);
      if (!f) return;
      const k = o.perYear?.[r] ?? 1;
      if (k !== 1) {
        f.fan = f.fan.map((v) => v * k) as Fan;
        f.mean *= k;
      }
      rows.push(scaled({ ...base, areacd: UK, level: 'uk' }, f.fan, f.mean, o.uk));
      const each = (codes: string[], m: Float64Array | null, level: 'itl3' | 'lad') => {
        if (!m) return;
        codes.forEach((areacd, i) => {
          if (!Number.isNaN(m[i]!)) rows.push(scaled({ ...base, areacd, level }, f.fan, f.mean, m[i]!));
        });
      };
      each(areas.itl3, o.itl3, 'itl3');
      each(areas.lads, o.lad, 'lad');
    });
  return rows;
}
