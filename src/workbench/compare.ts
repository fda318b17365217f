// An area against the nation, its region, a chosen set and/or its statistically nearest
// neighbours, indicator by indicator: `GET /api/v1/compare/{code}` and `strata compare`.
import { UsageError } from '../core/errors.ts';
import { levelOf } from '../core/levels.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { AreaComparison, ComparatorResult, ComparisonRow } from '../contract/compare.ts';
import type { SeriesRow } from '../contract/registry.ts';
import { meanComparator } from '../models/indicators/compare.ts';
import { nearestNeighbours } from '../models/indicators/neighbours.ts';
import type { Ctx } from './context.ts';
import { lads2023 } from './geography.ts';
import { indicatorSeries, type Series } from './indicator-series.ts';
import { byArea, infoOf, nationalAt, regionCodesOf, regionMap, trendOf, verdict } from './verdicts.ts';

/** What to compare an area with. */
export interface CompareOptions {
  /** A user-chosen set of areas: compared with their mean (weighted by the denominator for a ratio). */
  with?: string[];
  /** Compare with the area's region (default true). */
  region?: boolean;
  /** The k statistically nearest areas on a profile of registry indicators. */
  nearest?: { k: number; profile: string[] };
  /** Indicators to compare (default: every area indicator with a value for the area). */
  indicators?: string[];
}

type Neighbour = AreaComparison['neighbours'][number];

/** An area against the nation, its region, a chosen set and/or its nearest neighbours, indicator by indicator. */
export async function compareAreas(
  ctx: Ctx,
  taxonomy: Taxonomy,
  code: string,
  opts: CompareOptions = {},
): Promise<AreaComparison> {
  const level = levelOf(code);
  if (level === null || level === 'uk') throw new UsageError(`invalid area code to compare: ${code}`);
  const ids =
    opts.indicators ??
    (await ctx.registry()).indicators
      .filter((e) => e.kind !== 'industry' && e.levels.includes(level as never))
      .map((e) => e.id);
  const all = await Promise.all(ids.map((id) => indicatorSeries(ctx, id, taxonomy, level)));
  const nearest = opts.nearest ? await neighboursOf(ctx, taxonomy, code, level, opts.nearest) : [];
  const regions = await regionMap(ctx, level);
  const notes: string[] = [];
  const rows = all.flatMap((s) => {
    const row = compareOne(s, code, regions, opts, nearest);
    if (!row && opts.indicators) notes.push(`${s.entry.id}: no value for ${code}`);
    return row ? [row] : [];
  });
  if (rows.length === 0) throw new UsageError(`no indicator has a value for ${code}`, 'not_found', 404);
  const names = new Map((await lads2023(ctx)).map((l) => [l.areacd, l.areanm]));
  return {
    areacd: code,
    areanm: rows[0]!.area.areanm || names.get(code) || code,
    level,
    neighbours: nearest,
    profile: opts.nearest?.profile ?? [],
    rows,
    notes: [
      ...notes,
      'Each indicator at its latest period with a value for the area; comparators at the same period.',
      'Sets and neighbours are compared with their mean — for a ratio of the layer model (a share of GVA, GVA per head) weighted by its denominator, so the set counts as one place; otherwise unweighted. The area’s 95% and 99.8% intervals decide (PHE method).',
    ],
  };
}

function compareOne(
  s: Series,
  code: string,
  regions: Map<string, string[]>,
  opts: CompareOptions,
  nearest: Neighbour[],
): ComparisonRow | null {
  const series = byArea(s.rows);
  const own = (series.get(code) ?? []).filter((r) => r.value !== null);
  const area = own.at(-1);
  if (!area) return null;
  const at = (c: string) => series.get(c)?.find((r) => r.period === area.period && r.value !== null);
  const single = (
    kind: 'national' | 'region',
    ref: { areacd: string; areanm: string; value: number | null },
  ) => ({
    kind,
    label: ref.areanm,
    areas: [ref.areacd],
    value: ref.value,
    verdict: verdict(area, ref.value, s.entry),
  });
  const out: ComparatorResult[] = [];
  const national = nationalAt(s, area.period);
  if (national) out.push(single('national', national));
  if (opts.region !== false) {
    const r = regionCodesOf(code, regions).map(at).find(Boolean);
    if (r) out.push(single('region', r));
  }
  if (opts.with?.length) out.push(setComparator('set', 'chosen areas', opts.with, at, area, s));
  if (nearest.length)
    out.push(
      setComparator(
        'nearest',
        `${nearest.length} nearest neighbours`,
        nearest.map((n) => n.area),
        at,
        area,
        s,
      ),
    );
  return {
    indicator: infoOf(s),
    period: area.period,
    area,
    comparators: out,
    trend: trendOf(series.get(code), area.period, s.entry),
  };
}

function setComparator(
  kind: 'set' | 'nearest',
  label: string,
  codes: string[],
  at: (c: string) => SeriesRow | undefined,
  area: SeriesRow,
  s: Series,
): ComparatorResult {
  const rows = codes.map(at).filter((r): r is SeriesRow => Boolean(r));
  // a ratio (a layer's share of GVA) is weighted by its denominator: Σ part ÷ Σ whole
  const weights = s.weights ? rows.map((r) => s.weights!.get(`${r.areacd}|${r.period}`) ?? NaN) : undefined;
  const weighted = weights !== undefined && weights.every((w) => w > 0);
  const value = rows.length
    ? meanComparator(
        rows.map((r) => r.value!),
        weighted ? weights : undefined,
      ).value
    : null;
  const mean = weighted ? 'weighted mean' : 'mean';
  return {
    kind,
    label: `${label} (${mean} of ${rows.length} of ${codes.length} with a value)`,
    areas: rows.map((r) => r.areacd),
    value,
    verdict: verdict(area, value, s.entry),
  };
}

/**
 * The k nearest areas at the same level on a profile of registry indicators (each at its latest
 * period), named as the April 2023 lookup names LADs, else as the profile's series name them.
 */
async function neighboursOf(
  ctx: Ctx,
  taxonomy: Taxonomy,
  code: string,
  level: string,
  spec: { k: number; profile: string[] },
): Promise<Neighbour[]> {
  if (spec.profile.length === 0)
    throw new UsageError('a nearest-neighbour profile names at least one indicator');
  const series = await Promise.all(spec.profile.map((id) => indicatorSeries(ctx, id, taxonomy, level)));
  const columns = series.map((s) => latestValues(s, level));
  const lads = level === 'lad' ? await lads2023(ctx) : [];
  const current = level === 'lad' ? new Set(lads.map((l) => l.areacd)) : null;
  const candidates = [...columns[0]!.keys()].filter(
    (a) => (!current || current.has(a)) && columns.every((c) => c.has(a)),
  );
  if (!candidates.includes(code))
    throw new UsageError(
      `${code} lacks a value for the profile: ${spec.profile.filter((_, j) => !columns[j]!.has(code)).join(', ')}`,
    );
  const values = new Float64Array(candidates.length * columns.length);
  candidates.forEach((a, i) => columns.forEach((c, j) => (values[i * columns.length + j] = c.get(a)!)));
  const names = new Map(series.flatMap((s) => s.rows.map((r) => [r.areacd, r.areanm] as const)));
  for (const l of lads) names.set(l.areacd, l.areanm);
  return nearestNeighbours({ areas: candidates, variables: spec.profile, values }, code, spec.k).map((n) => ({
    ...n,
    areanm: names.get(n.area) || n.area,
  }));
}

/** Each area's value at the indicator's latest period at the level. */
function latestValues(s: Series, level: string): Map<string, number> {
  const rows = s.rows.filter((r) => r.level === level && r.value !== null);
  const last = rows.reduce((p, r) => (r.period > p ? r.period : p), '');
  return new Map(rows.filter((r) => r.period === last).map((r) => [r.areacd, r.value!]));
}
