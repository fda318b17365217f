// Universal basic infrastructure as entitlements (METHODS.md §5): every local authority against
// every floor, a need ranking with intervals and the national summary: `strata entitlements`,
// `GET|POST /api/v1/entitlements`.
import { notFound } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import {
  FloorsFile,
  type EntitlementReport,
  type EntitlementRow,
  type FloorSummary,
} from '../contract/entitlements.ts';
import { projectFloor } from '../models/entitlements/projection.ts';
import { rankByNeed } from '../models/entitlements/ranking.ts';
import { floorsSchema, type Floor, type Floors } from '../models/entitlements/schema.ts';
import { shortfallOf } from '../models/entitlements/shortfall.ts';
import { createRandom, deriveSeed } from '../models/random.ts';
import type { Ctx } from './context.ts';
import { readDataFile, validateFile, type ParsedFile } from './data-file.ts';
import { lads2023, ladPopulation, type Lad } from './geography.ts';
import { indicatorSeries, type Series } from './indicator-series.ts';
import type { Registry } from './registry.ts';
import { byArea, nationalAt } from './verdicts.ts';

/** Strata's default floors (illustrative, with their rationale). */
export const DEFAULT_FLOORS = new URL('../../data/entitlements/floors-default.yaml', import.meta.url)
  .pathname;

/** The default floors file, named by its place in the repository. */
export function defaultFloors(): ParsedFile {
  return readDataFile(DEFAULT_FLOORS, 'data/entitlements/floors-default.yaml');
}

/** The default floors as written, to edit and post back (GET /api/v1/entitlements/floors). */
export function defaultFloorsFile(registry: Registry): FloorsFile {
  const file = defaultFloors();
  loadFloors(registry, file);
  return FloorsFile.parse(file.value);
}

/** Validates a floors file against its schema and the registry; errors name the path in the file. */
export function loadFloors(registry: Registry, file: ParsedFile): Floors {
  return validateFile(
    file,
    floorsSchema((id) => registry.indicators.find((e) => e.id === id)),
  );
}

/** Every LAD against every floor, before the need ranking: what a report reads. */
export interface FloorRows {
  floors: Floors;
  file: ParsedFile;
  pop: Awaited<ReturnType<typeof ladPopulation>>;
  lads: Lad[];
  perFloor: ReturnType<typeof floorRows>[];
}

/** Every LAD against every floor: shortfall, people affected, cost to close, trend and projected year; the national summary. */
export async function floorRowsOf(ctx: Ctx, taxonomy: Taxonomy, file: ParsedFile): Promise<FloorRows> {
  const f = loadFloors(await ctx.registry(), file);
  const lads = await lads2023(ctx);
  const pop = await ladPopulation(ctx);
  const series = await Promise.all(f.floors.map((fl) => indicatorSeries(ctx, fl.indicator, taxonomy, 'lad')));
  const perFloor = f.floors.map((fl, k) =>
    floorRows(
      fl,
      series[k]!,
      lads,
      fl.population === 'all' ? pop.all : pop.workingAge,
      deriveSeed(f.uncertainty.seed, k),
      f.uncertainty.runs,
    ),
  );
  return { floors: f, file, pop, lads, perFloor };
}

/** The rows of every LAD, floor by floor within each LAD. */
export function floorRowList(r: FloorRows): EntitlementRow[] {
  return r.lads.flatMap((_, i) => r.perFloor.map((p) => p.rows[i]!));
}

/** Every LAD against every floor: shortfall, people affected, cost to close, trend and projected year, need ranking, national summary. */
export async function entitlements(
  ctx: Ctx,
  taxonomy: Taxonomy,
  file: ParsedFile = defaultFloors(),
  opts: { area?: string } = {},
): Promise<EntitlementReport> {
  loadFloors(await ctx.registry(), file);
  if (opts.area && !(await lads2023(ctx)).some((l) => l.areacd === opts.area))
    throw notFound('local authority (April 2023 code)', opts.area);
  const all = await floorRowsOf(ctx, taxonomy, file);
  const { floors: f, pop, lads, perFloor } = all;
  const rows = floorRowList(all);
  const ranks = rankByNeed(
    lads.map((l, i) => ({
      population: pop.all.get(l.areacd) ?? 0,
      units: Float64Array.from(perFloor, (p) => p.rows[i]!.units ?? NaN),
    })),
    f.floors.map((fl) => {
      const k = fl.cost.recurring === 'annual' ? f.ranking.annualCostYears : 1;
      return { low: fl.cost.low * k, central: fl.cost.central * k, high: fl.cost.high * k };
    }),
    f.uncertainty.runs,
    createRandom(deriveSeed(f.uncertainty.seed, 999)),
  );
  const ranking = lads
    .map((l, i) => ({
      areacd: l.areacd,
      areanm: l.areanm,
      ...ranks[i]!,
      floorsBelow: perFloor.filter((p) => p.rows[i]!.below).length,
    }))
    .sort((a, b) => a.rank - b.rank || (a.areacd < b.areacd ? -1 : 1));
  return {
    floors: { id: f.id, title: f.title, source: file.name, note: f.note ?? null },
    summary: perFloor.map((p) => p.summary),
    rows: opts.area ? rows.filter((r) => r.areacd === opts.area) : rows,
    ranking: opts.area ? ranking.filter((r) => r.areacd === opts.area) : ranking,
    notes: [
      `Floors: ${f.title} (${file.name}).`,
      `Population: ${pop.source}, on April 2023 local authorities.`,
      `Ranking: cost per head to meet every floor at central unit costs (annual costs counted for ${f.ranking.annualCostYears} years), rank 1 = greatest need; median and 5–95% rank interval over draws of the unit costs.`,
      'Projected year: least-squares line through the published years, with 5–95% limits from its standard errors; one published year gives no trend.',
    ],
  };
}

/** The rule of a floor, in words: `gigabit-capable-broadband ≥ 99 % by 2030`. */
export function floorRule(fl: Floor): string {
  return `${fl.indicator} ${fl.direction === 'at-least' ? '≥' : '≤'} ${fl.floor} ${fl.unit} by ${fl.by}`;
}

function floorRows(
  fl: Floor,
  s: Series,
  lads: Lad[],
  population: Map<string, number>,
  seed: number,
  runs: number,
) {
  const series = byArea(s.rows);
  const ladRows = s.rows.filter((r) => r.level === 'lad' && r.value !== null);
  const period = ladRows.reduce<string | null>((p, r) => (p === null || r.period > p ? r.period : p), null);
  const rng = createRandom(seed);
  const rule = floorRule(fl);
  const rows = lads.map((l): EntitlementRow => {
    const own = (series.get(l.areacd) ?? []).filter((r) => r.value !== null);
    const latest = own.find((r) => r.period === period);
    const sf = shortfallOf(latest?.value ?? null, fl, population.get(l.areacd) ?? null);
    const points = own
      .filter((r) => r.period <= (period ?? ''))
      .map((r) => ({ year: r.year, value: r.value! }));
    return {
      areacd: l.areacd,
      areanm: l.areanm,
      floor: fl.id,
      rule,
      period,
      ...sf,
      status: sf.below === null ? 'no-data' : sf.below ? 'below' : 'meets',
      recurring: fl.cost.recurring,
      projection: projectFloor(points, fl.floor, fl.direction, fl.by, rng, runs),
    };
  });
  return { rows, summary: summarise(fl, rule, s, period, rows) };
}

function summarise(
  fl: Floor,
  rule: string,
  s: Series,
  period: string | null,
  rows: EntitlementRow[],
): FloorSummary {
  const below = rows.filter((r) => r.status === 'below');
  const sum = (xs: (number | null)[]) => xs.reduce<number>((t, x) => t + (x ?? 0), 0);
  const nat = period === null ? null : nationalAt(s, period);
  return {
    floor: fl.id,
    title: fl.title,
    rule,
    rationale: fl.rationale,
    costRationale: fl.cost.rationale,
    period,
    national: nat
      ? {
          areacd: nat.areacd,
          areanm: nat.areanm,
          value: nat.value,
          below: shortfallOf(nat.value, fl, null).below,
        }
      : null,
    areasAssessed: rows.filter((r) => r.status !== 'no-data').length,
    areasBelow: below.length,
    populationBelow: sum(below.map((r) => r.population)),
    peopleToFloor: sum(below.map((r) => r.peopleToFloor)),
    peopleWithout: sum(below.map((r) => r.peopleWithout)),
    costLow: sum(below.map((r) => r.costLow)),
    costCentral: sum(below.map((r) => r.costCentral)),
    costHigh: sum(below.map((r) => r.costHigh)),
    recurring: fl.cost.recurring,
    projectedByDeadline: below.filter(
      (r) => r.projection.kind === 'projected' && r.projection.year !== null && r.projection.year <= fl.by,
    ).length,
  };
}
