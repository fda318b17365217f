// What every comparison of an indicator shares: its declared properties, its rows by area, the
// national figure and region to compare with, the verdicts at 95% and 99.8%, the trend.
import { NATIONAL_CODES } from '../core/levels.ts';
import type { ComparatorRef, Trend, Verdict } from '../contract/common.ts';
import type { IndicatorInfo, SeriesRow } from '../contract/registry.ts';
import { compareLevels, type Estimate } from '../models/indicators/compare.ts';
import { classifyTrend } from '../models/indicators/trend.ts';
import type { Ctx } from './context.ts';
import { lads2023 } from './geography.ts';
import type { Series } from './indicator-series.ts';
import { intervalText, trendText, type RegistryEntry } from './registry.ts';

/** An indicator's declared properties, as every beyond-GDP answer repeats them. */
export function infoOf(s: Series): IndicatorInfo {
  const e = s.entry;
  return {
    id: e.id,
    label: e.label,
    unit: e.unit,
    polarity: e.polarity,
    rationale: e.rationale,
    boundaries: e.boundaries,
    interval: intervalText(e),
    trendRule: trendText(e),
    source: s.source,
  };
}

/** Rows of a series by area, in period order. */
export function byArea(rows: readonly SeriesRow[]): Map<string, SeriesRow[]> {
  const m = new Map<string, SeriesRow[]>();
  for (const r of rows) {
    const list = m.get(r.areacd);
    if (list) list.push(r);
    else m.set(r.areacd, [r]);
  }
  for (const list of m.values()) list.sort((a, b) => (a.period < b.period ? -1 : 1));
  return m;
}

/** The estimate compareLevels reads. */
function estimateOf(r: SeriesRow | undefined): Estimate | undefined {
  if (!r || r.value === null) return undefined;
  return {
    value: r.value,
    ...(r.lci95 !== null && r.uci95 !== null ? { ci95: { lower: r.lci95, upper: r.uci95 } } : {}),
    ...(r.lci998 !== null && r.uci998 !== null ? { ci998: { lower: r.lci998, upper: r.uci998 } } : {}),
  };
}

const NOT_COMPARED: Verdict = { '95': 'not-compared', '99.8': 'not-compared' };

/** Area vs a comparator value at 95% and 99.8% (PHE: the comparator's value is taken as fixed; the area's interval decides). */
export function verdict(
  area: SeriesRow | undefined,
  comparator: number | null | undefined,
  e: RegistryEntry,
): Verdict {
  const est = estimateOf(area);
  if (!est || comparator === null || comparator === undefined) return NOT_COMPARED;
  return compareLevels(est, { value: comparator }, e.polarity);
}

/** The declared trend rule applied to an area's series up to `period`. */
export function trendOf(rows: readonly SeriesRow[] | undefined, period: string, e: RegistryEntry): Trend {
  const points = (rows ?? [])
    .filter((r) => r.period <= period && r.value !== null)
    .map((r) => ({
      period: r.year,
      value: r.value!,
      ...(r.lci95 !== null ? { lower: r.lci95 } : {}),
      ...(r.uci95 !== null ? { upper: r.uci95 } : {}),
    }));
  return classifyTrend(points, e.trend, e.polarity);
}

/** The national figure of a series at a period: the widest the publisher gives (UK, GB, E&W, England). */
export function nationalAt(s: Series, period: string): ComparatorRef | null {
  for (const code of NATIONAL_CODES) {
    const r = s.rows.find((x) => x.areacd === code && x.period === period && x.value !== null);
    if (r) return { areacd: r.areacd, areanm: r.areanm, value: r.value };
  }
  return null;
}

/** The region (or ITL1 area) a LAD is compared with; ITL areas' come from their codes (see regionCodesOf). */
export async function regionMap(ctx: Ctx, level: string): Promise<Map<string, string[]>> {
  if (level === 'lad') return new Map((await lads2023(ctx)).map((l) => [l.areacd, [l.region, l.itl1]]));
  return new Map();
}

export function regionCodesOf(code: string, regions: Map<string, string[]>): string[] {
  if (/^TL[C-N]/.test(code) && code.length > 3) return [code.slice(0, 3)];
  return regions.get(code) ?? [];
}
