// The input–output context an answer is built on: the national model of a year with employment
// and the layer map, GVA by industry for every area at a level, and area centroids.
import { IOAT_KEYS } from '../core/io-table.ts';
import { notFound, UsageError } from '../core/errors.ts';
import { levelIn, LEVELS, storedLevel } from '../core/levels.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import {
  employmentByIoat,
  layerMap,
  nationalModel,
  regionalSizes,
  type IoatEmployment,
  type LayerMap,
  type NationalModel,
  type RegionalSizes,
} from '../models/io/index.ts';
import { ioTableYears, loadIoTable } from '../store/io-tables.ts';
import { centroidRows } from '../store/queries/areas.ts';
import { nomisRecords } from '../store/queries/nomis.ts';
import type { Ctx } from './context.ts';
import { loadPanel } from './panels.ts';
import { requireDataset, SOURCES } from './sources.ts';
import { taxonomyKey } from './taxonomies.ts';

/** The national model of a year with its employment and layer map, built once per store state. */
export interface IoContext {
  year: number;
  national: NationalModel;
  employment: IoatEmployment;
  layers: LayerMap;
  source: string;
  notes: string[];
}

/** The newest input–output year in the store unless one is asked for. */
async function ioYear(ctx: Ctx, year?: number): Promise<number> {
  const years = await ioTableYears(ctx.store);
  if (years.length === 0)
    throw new UsageError(
      'no input-output table in the store: import the ONS input-output analytical tables',
      'no_data',
      409,
    );
  if (year === undefined) return years.at(-1)!;
  if (!years.includes(year))
    throw new UsageError(`no input-output table for ${year} (the store has ${years.join(', ')})`);
  return year;
}

/** National model, employees by industry and the layer map for a year and taxonomy. */
export async function ioContext(ctx: Ctx, taxonomy: Taxonomy, year?: number): Promise<IoContext> {
  const y = await ioYear(ctx, year);
  return ctx.cached(`io:${y}:${taxonomyKey(taxonomy)}`, async () => {
    const table = (await loadIoTable(ctx.store, y))!;
    const bres = await requireDataset(ctx.store, SOURCES.bres);
    const employment = employmentByIoat(table.codes, await nomisRecords(ctx.store, bres.id), {
      weights: table.primaryInputs[IOAT_KEYS.compensation],
    });
    const national = nationalModel(table, { employment: employment.employment });
    const layers = layerMap(table.codes, taxonomy, employment.byDivision);
    return {
      year: y,
      national,
      employment,
      layers,
      source: `Office for National Statistics, UK input-output analytical tables ${y}; employees from BRES 2021 (Nomis), Great Britain`,
      notes: [...employment.flags, ...layers.flags],
    };
  });
}

/** GVA by IOAT industry for every area at a level (ITL3 or LAD) in the table's year (or the nearest published). */
export async function ioSizes(
  ctx: Ctx,
  io: IoContext,
  level: 'itl3' | 'lad',
): Promise<{ sizes: RegionalSizes; year: number }> {
  return ctx.cached(`io-sizes:${io.year}:${level}`, async () => {
    const { panel } = await loadPanel(ctx, level, 'gva_cp');
    const year = panel.years.includes(io.year)
      ? io.year
      : panel.years.reduce((b, y) => (Math.abs(y - io.year) < Math.abs(b - io.year) ? y : b));
    const yi = panel.years.indexOf(year);
    const I = panel.industries.length;
    const Y = panel.years.length;
    const areas = panel.areas.map((area, a) => ({
      area,
      values: panel.industries.map((code, i) => {
        const v = panel.values[(a * Y + yi) * I + i]!;
        return { code, value: Number.isNaN(v) ? null : v };
      }),
    }));
    return { sizes: regionalSizes(io.national.codes, io.national.gva, areas), year };
  });
}

/** The level an area is modelled at: ITL3 or LAD (GVA by industry is published for both). */
export function ioLevel(area: string): 'itl3' | 'lad' {
  const level = levelIn(area, LEVELS);
  if (level !== 'itl3' && level !== 'lad') {
    throw new UsageError(
      `input-output models are built for ITL3 areas and local authorities, not ${level} (${area}); regional results roll up from ITL3`,
    );
  }
  return level;
}

/** Centroids (British National Grid metres) of the areas, in order, from the imported boundaries. */
export async function ioCentroids(
  ctx: Ctx,
  level: 'itl3' | 'lad',
  areas: readonly string[],
): Promise<{ x: Float64Array; y: Float64Array }> {
  const at = new Map((await centroidRows(ctx.store, storedLevel(level))).map((r) => [r.areacd, r]));
  // Boundaries still published under a retired code stand in for the code the statistics use.
  for (const [old, change] of ctx.lookups.codeChanges)
    if (!at.has(change.code) && at.has(old)) at.set(change.code, at.get(old)!);
  const missing = areas.filter((a) => !at.has(a));
  if (missing.length) throw notFound(`centroid for ${missing.length} areas`, missing.slice(0, 5).join(', '));
  return {
    x: Float64Array.from(areas, (a) => at.get(a)!.x),
    y: Float64Array.from(areas, (a) => at.get(a)!.y),
  };
}
