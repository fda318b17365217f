import { notFound, UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import { compareLevels, type Comparison, type Estimate } from '../models/indicators/compare.ts';
import { classifyTrend, type TrendResult } from '../models/indicators/trend.ts';
import type { Store } from '../store/db.ts';
import { lads2023, NATIONAL_CODES } from './geography.ts';
import { indicatorSeries, type Series, type SeriesRow } from './indicator-series.ts';
import { intervalText, trendText, type Registry, type RegistryEntry } from './registry.ts';

/** An indicator's declared properties, as every beyond-GDP output repeats them. */
export interface IndicatorInfo {
  id: string;
  label: string;
  unit: string;
  polarity: RegistryEntry['polarity'];
  rationale: string;
  boundaries: string[];
  interval: string;
  trendRule: string;
  source: string;
}

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

/** A comparator value: the nation, a region, the mean of a set. */
export interface ComparatorRef {
  areacd: string;
  areanm: string;
  value: number | null;
}

/** Verdicts at the two PHE levels. */
export type Verdict = Record<'95' | '99.8', Comparison>;

/** One area in an indicator table. */
export interface TableRow extends SeriesRow {
  region: string | null;
  vsNational: Verdict;
  vsRegion: Verdict;
  trend: TrendResult;
}

/** An indicator for every area at a level and period, with comparisons and trends: what a map with intervals needs. */
export interface IndicatorTable {
  indicator: IndicatorInfo;
  level: string;
  period: string;
  periods: string[];
  national: ComparatorRef | null;
  regions: ComparatorRef[];
  rows: TableRow[];
  notes: string[];
}

/** Rows of a series by area, in period order. */
export function byArea(rows: readonly SeriesRow[]): Map<string, SeriesRow[]> {
  const m = new Map<string, SeriesRow[]>();
  for (const r of rows) {
    const list = m.get(r.areacd) ?? [];
    list.push(r);
    m.set(r.areacd, list);
  }
  for (const list of m.values()) list.sort((a, b) => (a.period < b.period ? -1 : 1));
  return m;
}

/** The estimate compareLevels reads. */
export function estimateOf(r: SeriesRow | undefined): Estimate | undefined {
  if (!r || r.value === null) return undefined;
  return {
    value: r.value,
    ...(r.lci95 !== null && r.uci95 !== null ? { ci95: { lower: r.lci95, upper: r.uci95 } } : {}),
    ...(r.lci998 !== null && r.uci998 !== null ? { ci998: { lower: r.lci998, upper: r.uci998 } } : {}),
  };
}

const NOT_COMPARED: Verdict = { '95': 'not-compared', '99.8': 'not-compared' };

/**
 * Area vs a comparator value at 95% and 99.8% (PHE: the comparator's value is taken as fixed;
 * the area's interval decides).
 */
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
export function trendOf(
  rows: readonly SeriesRow[] | undefined,
  period: string,
  e: RegistryEntry,
): TrendResult {
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

/** The region (or ITL1 area) an area is compared with: a LAD's region, an ITL area's ITL1. */
export async function regionMap(store: Store, level: string): Promise<Map<string, string[]>> {
  if (level === 'lad') return new Map((await lads2023(store)).map((l) => [l.areacd, [l.region, l.itl1]]));
  return new Map(); // ITL areas: computed from the code below
}

export function regionCodesOf(code: string, regions: Map<string, string[]>): string[] {
  if (/^TL[C-N]/.test(code) && code.length > 3) return [code.slice(0, 3)];
  return regions.get(code) ?? [];
}

/** One indicator for every area at a level, at a period (latest by default), compared with its region and the nation, with its trend. */
export async function indicatorTable(
  store: Store,
  registry: Registry,
  taxonomy: Taxonomy,
  id: string,
  opts: { level?: string; period?: string } = {},
): Promise<IndicatorTable> {
  const level = opts.level ?? 'lad';
  const s = await indicatorSeries(store, registry, id, taxonomy, level);
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
  const regions = await regionMap(store, level);
  const at = (code: string) => series.get(code)?.find((r) => r.period === period);
  const areas =
    level === 'lad' ? (await lads2023(store)).map((l) => [l.areacd, l.areanm] as const) : undefined;
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
