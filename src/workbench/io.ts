import { IOAT_KEYS } from '../core/io-table.ts';
import { notFound, UsageError } from '../core/errors.ts';
import type { NomisRecord } from '../core/records.ts';
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
import { query, type Store } from '../store/db.ts';
import { ioTableYears, loadIoTable } from '../store/io-tables.ts';
import { analysisLevel } from './areas.ts';
import { codeChanges } from './boundaries.ts';
import { cached } from './cache.ts';
import { taxonomyKey } from './layers.ts';
import { loadPanel } from './panels.ts';
import { currentDataset, SOURCES } from './sources.ts';

/** The national model of a year with its employment and layer map, built once per store state. */
export interface IoContext {
  year: number;
  national: NationalModel;
  employment: IoatEmployment;
  layers: LayerMap;
  source: string;
  notes: string[];
}

/** Nomis rows of a dataset rebuilt as the reader gave them. */
async function nomisRecords(store: Store, source: string): Promise<NomisRecord[]> {
  const ds = await currentDataset(store, source);
  const rows = await query<{
    date: string;
    geography_code: string;
    geography_name: string;
    geography_type: string;
    dims: string;
    measures: string;
    value: number | null;
    status: string;
    status_name: string;
  }>(
    store,
    `SELECT date, geography_code, geography_name, geography_type, dims, measures, value, status, status_name FROM nomis_obs WHERE dataset_id = ?`,
    [ds.id],
  );
  return rows.map((r) => ({
    date: r.date,
    geographyCode: r.geography_code,
    geographyName: r.geography_name,
    geographyType: r.geography_type,
    dims: JSON.parse(r.dims),
    measures: r.measures,
    value: r.value,
    status: r.status,
    statusName: r.status_name,
  }));
}

/** The newest input–output year in the store unless one is asked for. */
async function ioYear(store: Store, year?: number): Promise<number> {
  const years = await ioTableYears(store);
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
export async function ioContext(store: Store, taxonomy: Taxonomy, year?: number): Promise<IoContext> {
  const y = await ioYear(store, year);
  return cached(store, `io:${y}:${taxonomyKey(taxonomy)}`, async () => {
    const table = (await loadIoTable(store, y))!;
    const employment = employmentByIoat(table.codes, await nomisRecords(store, SOURCES.bres), {
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
  store: Store,
  ctx: IoContext,
  level: 'itl3' | 'lad',
): Promise<{ sizes: RegionalSizes; year: number }> {
  return cached(store, `io-sizes:${ctx.year}:${level}`, async () => {
    const { panel } = await loadPanel(store, level, 'gva_cp');
    const year = panel.years.includes(ctx.year)
      ? ctx.year
      : panel.years.reduce((b, y) => (Math.abs(y - ctx.year) < Math.abs(b - ctx.year) ? y : b));
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
    return { sizes: regionalSizes(ctx.national.codes, ctx.national.gva, areas), year };
  });
}

/** The level an area is modelled at: ITL3 or LAD (GVA by industry is published for both). */
export function ioLevel(area: string): 'itl3' | 'lad' {
  const level = analysisLevel(area);
  if (level !== 'itl3' && level !== 'lad') {
    throw new UsageError(
      `input-output models are built for ITL3 areas and local authorities, not ${level} (${area}); regional results roll up from ITL3`,
    );
  }
  return level;
}

/** Centroids (British National Grid metres) of the areas, in order, from the imported boundaries. */
export async function ioCentroids(
  store: Store,
  level: 'itl3' | 'lad',
  areas: readonly string[],
): Promise<{ x: Float64Array; y: Float64Array }> {
  const rows = await query<{ areacd: string; x: number; y: number }>(
    store,
    `SELECT areacd, any_value(x) AS x, any_value(y) AS y FROM area_geometry
      WHERE level = ? AND dataset_id IN (SELECT id FROM current_datasets) GROUP BY areacd`,
    [level === 'lad' ? 'ltla' : 'itl3'],
  );
  const at = new Map(rows.map((r) => [r.areacd, r]));
  // Boundaries still published under a retired code stand in for the code the statistics use.
  for (const [old, change] of codeChanges())
    if (!at.has(change.code) && at.has(old)) at.set(change.code, at.get(old)!);
  const missing = areas.filter((a) => !at.has(a));
  if (missing.length) throw notFound(`centroid for ${missing.length} areas`, missing.slice(0, 5).join(', '));
  return {
    x: Float64Array.from(areas, (a) => at.get(a)!.x),
    y: Float64Array.from(areas, (a) => at.get(a)!.y),
  };
}
