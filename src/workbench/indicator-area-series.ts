// One area's series of a registry indicator (`GET /api/v1/registry/{id}/series?area=`): every
// period it is published (or derived) for the area, with its limits and the nation's value beside.
import { notFound, UsageError } from '../core/errors.ts';
import { levelOf } from '../core/levels.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { IndicatorAreaSeries } from '../contract/registry.ts';
import type { Ctx } from './context.ts';
import { indicatorSeries } from './indicator-series.ts';
import { infoOf, nationalAt } from './verdicts.ts';

/** An area's values of an indicator in period order, each with the nation's value at that period. */
export async function indicatorAreaSeries(
  ctx: Ctx,
  taxonomy: Taxonomy,
  id: string,
  area: string,
): Promise<IndicatorAreaSeries> {
  const level = levelOf(area);
  if (level === null) throw new UsageError(`invalid area code: ${area}`);
  const s = await indicatorSeries(ctx, id, taxonomy, level);
  if (!s.entry.levels.includes(level as never))
    throw new UsageError(`${id} is not published at ${level} level (${s.entry.levels.join(', ')})`);
  const mine = s.rows.filter((r) => r.areacd === area).sort((a, b) => a.period.localeCompare(b.period));
  if (mine.length === 0) throw notFound(`area with values of ${id}`, area);
  return {
    indicator: infoOf(s),
    areacd: area,
    areanm: mine.at(-1)!.areanm,
    level,
    rows: mine.map((r) => ({ ...r, national: nationalAt(s, r.period)?.value ?? null })),
    notes: s.notes,
  };
}
