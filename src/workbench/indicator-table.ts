// One registry indicator for every area at a level and period, compared with its region and the
// nation at 95% and 99.8% (PHE method) and classified by its trend rule: `GET /api/v1/registry/{id}`.
import { notFound, UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { ComparatorRef } from '../contract/common.ts';
import type { IndicatorTable, SeriesRow, TableRow } from '../contract/registry.ts';
import type { Ctx } from './context.ts';
import { lads2023 } from './geography.ts';
import { indicatorSeries } from './indicator-series.ts';
import { byArea, infoOf, nationalAt, regionCodesOf, regionMap, trendOf, verdict } from './verdicts.ts';

/** One indicator for every area at a level, at a period (latest by default), compared with its region and the nation, with its trend. */
export async function indicatorTable(
  ctx: Ctx,
  taxonomy: Taxonomy,
  id: string,
  opts: { level?: string; period?: string } = {},
): Promise<IndicatorTable> {
  const level = opts.level ?? 'lad';
  const s = await indicatorSeries(ctx, id, taxonomy, level);
  if (!s.entry.levels.includes(level as never))
    throw new UsageError(`${id} is not published at ${level} level (${s.entry.levels.join(', ')})`);
  const atLevel = s.rows.filter((r) => r.level === level);
  const periods = [...new Set(atLevel.filter((r) => r.value !== null).map((r) => r.period))].sort();
  if (periods.length === 0)
    throw new UsageError(`no values of ${id} at ${level} level in the store`, 'no_data', 409);
  const period = opts.period ?? periods.at(-1)!;
  if (!periods.includes(period)) throw notFound(`period of ${id} at ${level} level`, period);
  const series = byArea(s.rows);
  const national = nationalAt(s, period);
  const regions = await regionMap(ctx, level);
  const at = (code: string) => series.get(code)?.find((r) => r.period === period);
  const areas = level === 'lad' ? (await lads2023(ctx)).map((l) => [l.areacd, l.areanm] as const) : undefined;
  const base = areas
    ? areas.map(([code, name]) => at(code) ?? missingRow(code, name, period))
    : atLevel.filter((r) => r.period === period);
  const regionRefs = new Map<string, ComparatorRef>();
  const rows = base.map((r): TableRow => {
    const regionRow = regionCodesOf(r.areacd, regions)
      .map(at)
      .find((x) => x && x.value !== null);
    if (regionRow)
      regionRefs.set(regionRow.areacd, {
        areacd: regionRow.areacd,
        areanm: regionRow.areanm,
        value: regionRow.value,
      });
    return {
      ...r,
      region: regionRow?.areacd ?? null,
      vsNational: verdict(r, national?.value, s.entry),
      vsRegion: verdict(r, regionRow?.value, s.entry),
      trend: trendOf(series.get(r.areacd), period, s.entry),
    };
  });
  const missing = rows.filter((r) => r.value === null).length;
  return {
    indicator: infoOf(s),
    level,
    period,
    periods,
    national,
    regions: [...regionRefs.values()].sort((a, b) => (a.areacd < b.areacd ? -1 : 1)),
    rows,
    notes: [
      ...s.notes,
      ...(missing
        ? [
            `${missing} of ${rows.length} areas have no value at ${period} (suppressed, not published, or on other boundaries)`,
          ]
        : []),
      'Comparisons: the area’s 95% and 99.8% intervals against the comparator’s value (PHE method); no interval → not compared.',
    ],
  };
}

function missingRow(areacd: string, areanm: string, period: string): SeriesRow {
  return {
    areacd,
    areanm,
    level: 'lad',
    period,
    year: Number(period.slice(0, 4)),
    value: null,
    status: 'not published on April 2023 codes',
    lci95: null,
    uci95: null,
    lci998: null,
    uci998: null,
  };
}
