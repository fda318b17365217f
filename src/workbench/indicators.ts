import { levelOfCode } from '../core/area.ts';
import { notFound } from '../core/errors.ts';
import { list, query, type Store } from '../store/db.ts';
import { itl2025To2021, type AreaRef } from './areas.ts';
import type { Level } from './panels.ts';

/** Headline indicators an area profile shows, in order (ONS Explore Local Statistics ids). */
export const HEADLINE = [
  'gross-median-weekly-pay',
  'gross-value-added:gross-value-added-per-hour-worked',
  'employment-rate:employment-rate',
  'gigabit-capable-broadband',
  'premises-below-30',
  'gross-disposable-household-income-per-head',
] as const;

/** One published value with its interval, the same for the comparators. */
export interface IndicatorPoint {
  areacd: string;
  areanm: string;
  value: number | null;
  lci95: number | null;
  uci95: number | null;
  status: string | null;
}

export interface IndicatorValue extends IndicatorPoint {
  indicator: string;
  label: string;
  period: string;
  unit: string;
  source: string;
  /** Region (or country) and UK at the same period, where published. */
  comparators: IndicatorPoint[];
  /** The code the publisher used when it differs from the one asked for (ITL 2025 codes for the same area). */
  publishedAs?: string;
  /** For ITL areas, where the indicator is published only for local authorities: the LADs inside. */
  within: IndicatorPoint[];
}

interface ObsRow extends IndicatorPoint {
  indicator: string;
  period: string;
  unit: string;
  label: string | null;
  source: string;
}

/** The latest published value of each headline indicator for an area, with region and UK beside it. */
export async function headlineIndicators(
  store: Store,
  code: string,
  level: Level,
  region: AreaRef | null,
  lads: AreaRef[],
  alias: AreaRef | null = null,
): Promise<IndicatorValue[]> {
  const codes = [code, alias?.areacd, region?.areacd, 'K02000001', ...lads.map((l) => l.areacd)].filter(
    (c): c is string => Boolean(c),
  );
  const rows = await query<ObsRow>(
    store,
    `SELECT o.areacd, o.areanm, o.indicator, o.period, o.observation AS value, o.lci95, o.uci95, o.status, o.unit,
            json_extract_string(i.meta, '$.label') AS label, d.publisher || ', ' || d.title AS source
       FROM observations o JOIN current_datasets d ON d.id = o.dataset_id
       LEFT JOIN indicators i ON i.dataset_id = o.dataset_id AND i.id = o.indicator
      WHERE list_contains(?, o.indicator) AND list_contains(?, o.areacd)`,
    [list(HEADLINE), list(codes)],
  );
  const out: IndicatorValue[] = [];
  for (const id of HEADLINE) {
    const mine = rows.filter((r) => r.indicator === id);
    const own = latest(mine.filter((r) => r.areacd === code || r.areacd === alias?.areacd));
    const ladRows = lads.length ? mine.filter((r) => lads.some((l) => l.areacd === r.areacd)) : [];
    const period = own?.period ?? latest(ladRows)?.period;
    if (!period) continue;
    const at = (c: string | undefined) => mine.find((r) => r.areacd === c && r.period === period);
    const any = own ?? ladRows[0]!;
    out.push({
      indicator: id,
      label: any.label ?? id,
      period,
      unit: any.unit,
      source: any.source,
      areacd: code,
      areanm: own?.areanm ?? code,
      value: own?.value ?? null,
      lci95: own?.lci95 ?? null,
      uci95: own?.uci95 ?? null,
      status: own ? own.status : 'not published at this level',
      ...(own && own.areacd !== code ? { publishedAs: own.areacd } : {}),
      comparators: [at(region?.areacd), at('K02000001')].filter((r): r is ObsRow => Boolean(r)).map(point),
      within: level === 'lad' ? [] : ladRows.filter((r) => r.period === period).map(point),
    });
  }
  return out;
}

function latest<T extends { period: string }>(rows: T[]): T | undefined {
  return rows.reduce<T | undefined>((best, r) => (!best || r.period > best.period ? r : best), undefined);
}

function point(r: IndicatorPoint): IndicatorPoint {
  return {
    areacd: r.areacd,
    areanm: r.areanm,
    value: r.value,
    lci95: r.lci95,
    uci95: r.uci95,
    status: r.status,
  };
}

/** An indicator in the store: id, label, unit, what periods and places it covers, its source. */
export interface IndicatorSummary {
  id: string;
  label: string;
  unit: string;
  periods: string[];
  latest: string;
  areas: number;
  withIntervals: number;
  source: string;
  meta: Record<string, unknown> | null;
}

/** Every indicator the store holds, with its coverage. */
export async function listIndicators(store: Store): Promise<IndicatorSummary[]> {
  const rows = await query<{
    id: string;
    label: string | null;
    unit: string;
    periods: string[];
    areas: bigint;
    ci: bigint;
    source: string;
    meta: string | null;
  }>(
    store,
    `SELECT o.indicator AS id, any_value(json_extract_string(i.meta, '$.label')) AS label, any_value(o.unit) AS unit,
            list(DISTINCT o.period ORDER BY o.period) AS periods, count(DISTINCT o.areacd) AS areas,
            count(o.lci95) AS ci, any_value(d.publisher || ', ' || d.title) AS source, any_value(i.meta) AS meta
       FROM observations o JOIN current_datasets d ON d.id = o.dataset_id
       LEFT JOIN indicators i ON i.dataset_id = o.dataset_id AND i.id = o.indicator
      GROUP BY o.indicator ORDER BY o.indicator`,
  );
  return rows.map((r) => ({
    id: r.id,
    label: r.label ?? r.id,
    unit: r.unit,
    periods: r.periods,
    latest: r.periods.at(-1)!,
    areas: Number(r.areas),
    withIntervals: Number(r.ci),
    source: r.source,
    meta: r.meta ? (JSON.parse(r.meta) as Record<string, unknown>) : null,
  }));
}

/** One indicator for every area (at a level, for a period: the latest by default), with its published interval and status. */
export async function indicatorValues(
  store: Store,
  id: string,
  opts: { level?: string; period?: string } = {},
) {
  const known = await query<{ period: string }>(
    store,
    `SELECT DISTINCT period FROM observations o JOIN current_datasets d ON d.id = o.dataset_id WHERE o.indicator = ? ORDER BY period`,
    [id],
  );
  if (known.length === 0) throw notFound('indicator', id);
  const period = opts.period ?? known.at(-1)!.period;
  if (!known.some((k) => k.period === period)) throw notFound(`period of ${id}`, period);
  const rows = await query<IndicatorPoint & { geography: string }>(
    store,
    `SELECT o.areacd, o.areanm, o.geography, o.observation AS value, o.lci95, o.uci95, o.status
       FROM observations o JOIN current_datasets d ON d.id = o.dataset_id
      WHERE o.indicator = ? AND o.period = ? ORDER BY o.areacd`,
    [id, period],
  );
  const level = opts.level === 'lad' ? 'ltla' : opts.level;
  let filtered: (IndicatorPoint & { geography: string; publishedAs?: string })[] = level
    ? rows.filter((r) => levelOfCode(r.areacd) === level)
    : rows;
  if (level?.startsWith('itl')) {
    // ITL levels are served on the January 2021 codes of the GVA tables and boundaries; values
    // published on 2025 codes for the same local authorities move there, saying so.
    const { map, codes2021 } = await itl2025To2021(store);
    const mine = new Set(filtered.map((r) => r.areacd));
    filtered = filtered.flatMap((r) => {
      if (codes2021.has(r.areacd)) return [r];
      const old = map.get(r.areacd);
      return old && !mine.has(old) ? [{ ...r, areacd: old, publishedAs: r.areacd }] : [];
    });
  }
  return { indicator: id, period, periods: known.map((k) => k.period), rows: filtered };
}
