// One indicator's yearly values for one area, as the accountability rules and projections read
// them: the registry's series (published or derived), the area's rows, years ascending.
import { levelOf } from '../core/levels.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { Observation } from '../models/accountability/index.ts';
import type { Ctx } from './context.ts';
import { indicatorSeries } from './indicator-series.ts';

/** The area's values of `indicator` by year (missing values left out), and the series' source. */
export async function areaSeries(
  ctx: Ctx,
  indicator: string,
  area: string,
  taxonomy: Taxonomy,
): Promise<{ points: Observation[]; source: string }> {
  const level = levelOf(area);
  const s = await indicatorSeries(ctx, indicator, taxonomy, level?.startsWith('itl') ? level : 'lad');
  // One value a year: where a year has several periods, the latest published.
  const byYear = new Map<number, { period: string; value: number }>();
  for (const r of s.rows) {
    if (r.areacd !== area || r.value === null || !Number.isFinite(r.value)) continue;
    const had = byYear.get(r.year);
    if (!had || r.period > had.period) byYear.set(r.year, { period: r.period, value: r.value });
  }
  const points = [...byYear]
    .map(([period, v]) => ({ period, value: v.value }))
    .sort((a, b) => a.period - b.period);
  return { points, source: s.source };
}
