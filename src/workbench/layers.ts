// The layered economy of every area at a level (METHODS.md §1): industries → layers by the
// taxonomy, with shares and location quotients; `GET /api/v1/layers` and `strata layers`.
import { UsageError } from '../core/errors.ts';
import type { Level } from '../core/levels.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { LayerMeasure, LayerRow, LayerTable } from '../contract/layers.ts';
import { layerTable, type LayerTable as Table } from '../models/layers/layer-table.ts';
import type { Panel } from '../models/layers/panel.ts';
import { layerWeights, type LayerWeights } from '../models/layers/split.ts';
import type { Ctx } from './context.ts';
import { loadPanel, type SourcedPanel } from './panels.ts';
import { sourceText } from './sources.ts';
import { splitBasis } from './split-basis.ts';
import { taxonomyKey } from './taxonomies.ts';

/** A level's layer table with what it was built from. */
export interface LayersResult {
  level: Level;
  measure: LayerMeasure;
  taxonomy: string;
  /** Every year the source publishes (the table may hold only one of them). */
  years: number[];
  table: Table;
  names: Map<string, string>;
  source: SourcedPanel['source'];
  notes: string[];
  /** What the table was built from: the industry panel, its published names, and the industry → layer weights. */
  panel: Panel;
  industryNames: Map<string, string>;
  weights: LayerWeights;
}

/** The layered economy of every area at a level, for every year the source has (computed once per store state). */
export function layersAll(
  ctx: Ctx,
  level: Level,
  measure: LayerMeasure,
  taxonomy: Taxonomy,
): Promise<LayersResult> {
  return ctx.cached(`layers:${level}:${measure}:${taxonomyKey(taxonomy)}`, () =>
    buildLayers(ctx, level, measure, taxonomy),
  );
}

/**
 * One year's layer table (or the latest's): what a command asking for one year needs, read
 * without the other years. Its rows equal that year's rows of layersAll (a test checks).
 */
export function layersOfYear(
  ctx: Ctx,
  level: Level,
  measure: LayerMeasure,
  taxonomy: Taxonomy,
  year: number | 'latest',
): Promise<LayersResult> {
  return ctx.cached(`layers:${level}:${measure}:${taxonomyKey(taxonomy)}:${year}`, () =>
    buildLayers(ctx, level, measure, taxonomy, year),
  );
}

/** The layer table built afresh from the store (what layersAll and layersOfYear cache). */
export async function buildLayers(
  ctx: Ctx,
  level: Level,
  measure: LayerMeasure,
  taxonomy: Taxonomy,
  only?: number | 'latest',
): Promise<LayersResult> {
  const sp = await loadPanel(ctx, level, measure, only);
  const w = layerWeights(sp.panel.industries, taxonomy, await splitBasis(ctx, measure));
  // Combined authorities are compared with the UK (every district), not with each other.
  const lad = () =>
    only === undefined
      ? layersAll(ctx, 'lad', measure, taxonomy)
      : layersOfYear(ctx, 'lad', measure, taxonomy, sp.panel.years[0] ?? only);
  const against = level === 'cauth' ? (await lad()).table.reference : undefined;
  return {
    level,
    measure,
    taxonomy: taxonomy.id,
    years: sp.published,
    table: layerTable(sp.panel, w, against),
    names: sp.names,
    source: sp.source,
    notes: [...sp.notes, ...w.notes],
    panel: sp.panel,
    industryNames: sp.industryNames,
    weights: w,
  };
}

/** Rows of a layer table for one year (or every year when `year` is undefined), optionally of one area. */
export function layerRows(r: LayersResult, year?: number, only?: string): LayerRow[] {
  const t = r.table;
  if (year !== undefined && !t.years.includes(year)) {
    throw new UsageError(
      `no ${r.measure} for ${year} at ${r.level} level (years ${r.years[0]}–${r.years.at(-1)})`,
    );
  }
  const rows: LayerRow[] = [];
  const L = t.layers.length;
  const Y = t.years.length;
  t.areas.forEach((areacd, a) => {
    if (only !== undefined && areacd !== only) return;
    t.years.forEach((y, k) => {
      if (year !== undefined && y !== year) return;
      for (let l = 0; l < L; l++) {
        const i = (a * Y + k) * L + l;
        const layer = t.layers[l]!;
        rows.push({
          areacd,
          areanm: r.names.get(areacd) ?? '',
          year: y,
          layer,
          value: t.values[i]!,
          share: t.shares[i]!,
          lq: t.lq[i]!,
        });
      }
    });
  });
  return rows;
}

/** What a layer table is asked for: a level, a measure, and a year, the latest, or all. */
export interface LayerQuery {
  level: Level;
  measure: LayerMeasure;
  year: number | 'latest' | 'all';
}

/** The layer table of every area at a level for a year (or every year). */
export async function layerTableOf(ctx: Ctx, q: LayerQuery, taxonomy: Taxonomy): Promise<LayerTable> {
  const r =
    q.year === 'all'
      ? await layersAll(ctx, q.level, q.measure, taxonomy)
      : await layersOfYear(ctx, q.level, q.measure, taxonomy, q.year);
  const year = q.year === 'all' ? undefined : q.year === 'latest' ? r.years.at(-1)! : q.year;
  return {
    level: q.level,
    measure: q.measure,
    taxonomy: r.taxonomy,
    years: r.years,
    source: sourceText(r.source),
    notes: r.notes,
    rows: layerRows(r, year),
  };
}
