// Published indicators as the store holds them: what it has (`GET /api/v1/indicators`), one for
// every area at a period (`GET /api/v1/indicators/{id}`), and an area profile's headline ones.
import { levelOfCode } from '../core/area.ts';
import { notFound } from '../core/errors.ts';
import { storedLevel, type AreaLevel, type Level } from '../core/levels.ts';
import type {
  IndicatorList,
  IndicatorPoint,
  IndicatorValue,
  IndicatorValues,
} from '../contract/indicators.ts';
import {
  indicatorAt,
  indicatorCoverage,
  indicatorPeriods,
  observationsFor,
  observationsOf,
  type LabelledObservation,
} from '../store/queries/observations.ts';
import { itl2025To2021, type AreaRef } from './areas.ts';
import type { Ctx } from './context.ts';

/** Headline indicators an area profile shows, in order (ONS Explore Local Statistics ids). */
export const HEADLINE = [
  'gross-median-weekly-pay',
  'gross-value-added:gross-value-added-per-hour-worked',
  'employment-rate:employment-rate',
  'gigabit-capable-broadband',
  'premises-below-30',
  'gross-disposable-household-income-per-head',
] as const;

/** Where an area sits, for its headline indicators: its region, the LADs inside it, its 2025 code. */
export interface Around {
  region: AreaRef | null;
  lads: AreaRef[];
  alias: AreaRef | null;
}

/** How the headline rows of some areas are read: every area's once per store state, or the store asked each time. */
export type HeadlineRows = (ctx: Ctx, codes: string[]) => Promise<LabelledObservation[]>;

/** Every area's headline observations, read once per store state and kept by area. */
export const cachedHeadlineRows: HeadlineRows = async (ctx, codes) => {
  const byArea = await ctx.cached('headline-rows', async () => {
    const out = new Map<string, LabelledObservation[]>();
    for (const r of await observationsOf(ctx.store, HEADLINE)) {
      const rows = out.get(r.areacd);
      if (rows) rows.push(r);
      else out.set(r.areacd, [r]);
    }
    return out;
  });
  return codes.flatMap((c) => byArea.get(c) ?? []);
};

/** The reference for cachedHeadlineRows: the store asked for these areas' rows. */
export const queriedHeadlineRows: HeadlineRows = (ctx, codes) => observationsFor(ctx.store, HEADLINE, codes);

const byAreaAndPeriod = (a: LabelledObservation, b: LabelledObservation) =>
  a.indicator.localeCompare(b.indicator) ||
  a.areacd.localeCompare(b.areacd) ||
  a.period.localeCompare(b.period);

/** The latest published value of each headline indicator for an area, with region and UK beside it. */
export async function headlineIndicators(
  ctx: Ctx,
  code: string,
  level: Level,
  { region, lads, alias }: Around,
  rowsOf: HeadlineRows = cachedHeadlineRows,
): Promise<IndicatorValue[]> {
  const codes = [code, alias?.areacd, region?.areacd, 'K02000001', ...lads.map((l) => l.areacd)].filter(
    (c): c is string => Boolean(c),
  );
  const rows = [...new Set(await rowsOf(ctx, codes))].sort(byAreaAndPeriod);
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
      comparators: [at(region?.areacd), at('K02000001')]
        .filter((r): r is LabelledObservation => Boolean(r))
        .map(point),
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

/** Every indicator the store holds, with its coverage. */
export async function listIndicators(ctx: Ctx): Promise<IndicatorList> {
  const rows = await indicatorCoverage(ctx.store);
  return {
    indicators: rows.map((r) => ({
      id: r.id,
      label: r.label ?? r.id,
      unit: r.unit,
      periods: r.periods,
      latest: r.periods.at(-1)!,
      areas: r.areas,
      withIntervals: r.withIntervals,
      source: r.source,
      meta: r.meta ? JSON.parse(r.meta) : null,
    })),
  };
}

/** One indicator for every area (at a level, for a period: the latest by default), with its published interval and status. */
export async function indicatorValues(
  ctx: Ctx,
  id: string,
  opts: { level?: AreaLevel; period?: string } = {},
): Promise<IndicatorValues> {
  const periods = await indicatorPeriods(ctx.store, id);
  if (periods.length === 0) throw notFound('indicator', id);
  const period = opts.period ?? periods.at(-1)!;
  if (!periods.includes(period)) throw notFound(`period of ${id}`, period);
  const rows = await indicatorAt(ctx.store, id, period);
  const level = opts.level;
  let filtered: IndicatorValues['rows'] = level
    ? rows.filter((r) => levelOfCode(r.areacd) === storedLevel(level))
    : rows;
  if (level?.startsWith('itl')) {
    // ITL levels are served on the January 2021 codes of the GVA tables and boundaries; values
    // published on 2025 codes for the same local authorities move there, saying so.
    const { map, codes2021 } = await itl2025To2021(ctx);
    const mine = new Set(filtered.map((r) => r.areacd));
    filtered = filtered.flatMap((r) => {
      if (codes2021.has(r.areacd)) return [r];
      const old = map.get(r.areacd);
      return old && !mine.has(old) ? [{ ...r, areacd: old, publishedAs: r.areacd }] : [];
    });
  }
  return { indicator: id, period, periods, rows: filtered };
}
