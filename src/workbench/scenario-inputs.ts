// What the scenario models need from the store and the project's data files, loaded once per
// store state: the national input–output model with its layers, regional sizes at a level, women's
// share of jobs and GHG intensity by industry, and each area's population, living-wage share and
// entitlement shortfalls. Plain records out (models/scenarios/context.ts).
import { readdirSync } from 'node:fs';
import { UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { IoTable } from '../core/io-table.ts';
import type { AreaData, NationalData } from '../models/scenarios/context.ts';
import { areaData, nationalData } from '../models/scenarios/data.ts';
import { intensityByIndustry } from '../models/scenarios/emissions.ts';
import { femaleShares } from '../models/scenarios/female-share.ts';
import { greenBookSchema, type GreenBook } from '../models/scenarios/green-book.ts';
import { industryClasses, sectorsSchema, type Sectors } from '../models/scenarios/sectors.ts';
import type { RegionalSizes } from '../models/io/sizes.ts';
import { areaNameRows } from '../store/queries/areas.ts';
import { employerPeriods } from '../store/queries/gender.ts';
import {
  employerQuartiles,
  ghgIntensityRows,
  itlPopulationRows,
  sicClassCodes,
} from '../store/queries/scenarios.ts';
import { loadIoTable } from '../store/io-tables.ts';
import type { Ctx } from './context.ts';
import { readDataFile, validateFile } from './data-file.ts';
import { ladPopulation } from './geography.ts';
import { indicatorSeries } from './indicator-series.ts';
import { ioContext, ioSizes, type IoContext } from './io.ts';
import { taxonomyKey } from './taxonomies.ts';

const DATA = new URL('../../data/appraisal/', import.meta.url).pathname;

/** The Green Book discount schedule and optimism bias table (data/appraisal/green-book.yaml). */
export function greenBook(): GreenBook {
  return validateFile(
    readDataFile(`${DATA}green-book.yaml`, 'data/appraisal/green-book.yaml'),
    greenBookSchema,
  );
}

/** The sectors file (data/appraisal/industrial-strategy-sectors.yaml). */
export function sectors(): Sectors {
  return validateFile(
    readDataFile(
      `${DATA}industrial-strategy-sectors.yaml`,
      'data/appraisal/industrial-strategy-sectors.yaml',
    ),
    sectorsSchema,
  );
}

/** Every SIC 2007 class (4-digit) the store's SIC tables list. */
async function sicClasses(ctx: Ctx): Promise<string[]> {
  const codes = await sicClassCodes(ctx.store);
  if (codes.length === 0)
    throw new UsageError('no SIC 2007 classes in the store: import the SIC 2007 tables', 'no_data', 409);
  return codes;
}

/** Women's share of jobs by IOAT industry from the newest complete year of employer returns. */
async function femaleShareOf(ctx: Ctx, codes: readonly string[]) {
  const periods = await employerPeriods(ctx.store);
  const chosen = periods.filter((p) => !/partial/i.test(p.vintage)).at(-1);
  if (!chosen)
    throw new UsageError('no complete year of gender pay gap employer returns in the store', 'no_data', 409);
  const rows = await employerQuartiles(ctx.store, chosen.period);
  const returns = rows.map((r) => {
    const q = [r.q1, r.q2, r.q3, r.q4];
    return {
      sic: r.sic.split(','),
      female: q.every((x) => x !== null) ? (q as number[]).reduce((s, x) => s + x, 0) / 4 : null,
      size: r.size,
    };
  });
  const f = femaleShares(codes, returns);
  return {
    ...f,
    source: `${chosen.source}, ${chosen.period} (employers with 250 or more employees; mean of the four pay-quartile shares of women, weighted by size band)`,
  };
}

/** GHG intensity (ktCO2e per £m GVA) by IOAT industry in the year nearest the IO table's. */
async function ghgOf(ctx: Ctx, codes: readonly string[], year: number) {
  const rows = await ghgIntensityRows(ctx.store);
  if (rows.length === 0)
    throw new UsageError(
      'no greenhouse gas intensity by industry in the store: import the ONS atmospheric emissions table',
      'no_data',
      409,
    );
  const years = [...new Set(rows.map((r) => Number(r.period)))];
  const at = years.reduce((b, y) => (Math.abs(y - year) < Math.abs(b - year) ? y : b));
  const r = intensityByIndustry(
    codes,
    rows.filter((x) => Number(x.period) === at),
  );
  return { ...r, source: `${rows[0]!.source}, ${at} (thousand tonnes CO2e per £ million GVA)` };
}

/** The national record and where its pieces came from, for a taxonomy. */
export interface ScenarioNational {
  ctx: IoContext;
  table: IoTable;
  nat: NationalData;
  classes: string[][];
  sources: string[];
  notes: string[];
}

export function scenarioNational(ctx: Ctx, taxonomy: Taxonomy): Promise<ScenarioNational> {
  return ctx.cached(`scenario-national:${taxonomyKey(taxonomy)}`, async () => {
    const io = await ioContext(ctx, taxonomy);
    const table = (await loadIoTable(ctx.store, io.year))!;
    const codes = io.national.codes;
    const female = await femaleShareOf(ctx, codes);
    const ghg = await ghgOf(ctx, codes, io.year);
    const foundational = io.layers.layers.filter((l) => l.startsWith('foundational'));
    const nat = nationalData({
      national: io.national,
      finalDemand: table.finalDemand,
      layers: io.layers,
      foundational,
      femaleShare: female.share,
      ghgPerGva: ghg.value,
    });
    return {
      ctx: io,
      table,
      nat,
      classes: industryClasses(codes, await sicClasses(ctx)),
      sources: [io.source, `Women's share of jobs by industry: ${female.source}`, `Emissions: ${ghg.source}`],
      notes: [
        `Women's share: ${female.fallbacks.length} industries with fewer than 10 employers take a wider share (${female.fallbacks.slice(0, 4).join('; ')}${female.fallbacks.length > 4 ? '; …' : ''}).`,
        ...(ghg.notes.length
          ? [`GHG intensity: ${ghg.notes.slice(0, 6).join('; ')}${ghg.notes.length > 6 ? '; …' : ''}.`]
          : []),
      ],
    };
  });
}

/** Every area's record at a level, with the sizes it was built from. */
export interface ScenarioAreas {
  level: 'lad' | 'itl3';
  sizes: RegionalSizes;
  sizeYear: number;
  areas: AreaData[];
  index: Map<string, number>;
  names: Map<string, string>;
}

export function scenarioAreas(
  ctx: Ctx,
  taxonomy: Taxonomy,
  n: ScenarioNational,
  level: 'lad' | 'itl3',
): Promise<ScenarioAreas> {
  return ctx.cached(`scenario-areas:${taxonomyKey(taxonomy)}:${level}`, async () => {
    const { sizes, year } = await ioSizes(ctx, n.ctx, level);
    const pop = level === 'lad' ? await ladPopulation(ctx) : null;
    const itlPop = level === 'itl3' ? await itlPopulation(ctx) : null;
    const lw = level === 'lad' ? await livingWage(ctx, taxonomy) : new Map<string, number>();
    const areas = areaData(n.nat, sizes, (code) => ({
      population: pop?.all.get(code) ?? itlPop?.get(code) ?? null,
      workingAge: pop?.workingAge.get(code) ?? null,
      livingWage: lw.get(code) ?? null,
      floors: {},
    }));
    const names = new Map((await areaNameRows(ctx.store)).map((r) => [r.areacd, r.areanm]));
    names.set('K02000001', 'United Kingdom');
    return { level, sizes, sizeYear: year, areas, index: new Map(sizes.areas.map((a, i) => [a, i])), names };
  });
}

async function itlPopulation(ctx: Ctx): Promise<Map<string, number>> {
  const rows = await itlPopulationRows(ctx.store);
  return new Map(rows.map((r) => [r.areacd, Number(r.value)]));
}

/** Share (0–1) of employee jobs paid below the Living Wage Foundation rate by LAD, latest year. */
async function livingWage(ctx: Ctx, taxonomy: Taxonomy): Promise<Map<string, number>> {
  try {
    const s = await indicatorSeries(ctx, 'pct-jobs-below-lwf-all', taxonomy, 'lad');
    const latest = new Map<string, { period: string; value: number }>();
    for (const r of s.rows)
      if (r.value !== null && (latest.get(r.areacd)?.period ?? '') <= r.period)
        latest.set(r.areacd, { period: r.period, value: r.value });
    return new Map([...latest].map(([k, v]) => [k, v.value / 100]));
  } catch (e) {
    if (e instanceof UsageError) return new Map();
    throw e;
  }
}

/** Example scenario files (data/scenarios/examples/), by id. */
export const EXAMPLE_SCENARIOS_DIR = new URL('../../data/scenarios/examples/', import.meta.url).pathname;

export function exampleScenarios(): { id: string; path: string }[] {
  return readdirSync(EXAMPLE_SCENARIOS_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.(ya?ml|json)$/, ''), path: EXAMPLE_SCENARIOS_DIR + f }));
}
