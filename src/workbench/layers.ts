import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.ts';
import { parseTaxonomy, type Taxonomy } from '../core/taxonomy.ts';
import { layerTable, type LayerTable } from '../models/layers/layer-table.ts';
import type { Panel } from '../models/layers/panel.ts';
import { layerWeights, type LayerWeights } from '../models/layers/split.ts';
import type { Store } from '../store/db.ts';
import { cached } from './cache.ts';
import { loadPanel, type LayerMeasure, type Level, type SourcedPanel } from './panels.ts';
import { splitBasis } from './split-basis.ts';

export const DEFAULT_TAXONOMY = new URL('../../data/taxonomies/foundational-economy-v1.json', import.meta.url)
  .pathname;

/** Loads a layer taxonomy file (the default unless a path is given); a bad file is a usage error naming it. */
export function loadTaxonomy(path = DEFAULT_TAXONOMY): Taxonomy {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read taxonomy ${path}: ${(e as Error).message.split('\n')[0]}`);
  }
  try {
    return parseTaxonomy(json, path);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** One row of the layer table, as `strata layers` prints it. */
export interface LayerRow {
  areacd: string;
  areanm: string;
  year: number;
  layer: string;
  value: number;
  share: number;
  lq: number;
}

export interface LayersResult {
  level: Level;
  measure: LayerMeasure;
  taxonomy: string;
  years: number[];
  table: LayerTable;
  names: Map<string, string>;
  source: SourcedPanel['source'];
  notes: string[];
  /** What the table was built from: the industry panel, its published names, and the industry → layer weights. */
  panel: Panel;
  industryNames: Map<string, string>;
  weights: LayerWeights;
}

/** The layered economy of every area at a level, for every year the source has. */
export async function layersAll(
  store: Store,
  level: Level,
  measure: LayerMeasure,
  taxonomy: Taxonomy,
): Promise<LayersResult> {
  const sp = await loadPanel(store, level, measure);
  const w = layerWeights(sp.panel.industries, taxonomy, await splitBasis(store, measure));
  const table = layerTable(sp.panel, w);
  return {
    level,
    measure,
    taxonomy: taxonomy.id,
    years: sp.panel.years,
    table,
    names: sp.names,
    source: sp.source,
    notes: [...sp.notes, ...w.notes],
    panel: sp.panel,
    industryNames: sp.industryNames,
    weights: w,
  };
}

/** A taxonomy's id and a digest of its content, so an edited copy that keeps the id is not mistaken for it. */
export function taxonomyKey(t: Taxonomy): string {
  return `${t.id}:${createHash('sha1').update(JSON.stringify(t)).digest('hex').slice(0, 12)}`;
}

/** The layer table of `layersAll`, computed once per store state and shared by every result built on it. */
export function layersCached(
  store: Store,
  level: Level,
  measure: LayerMeasure,
  taxonomy: Taxonomy,
): Promise<LayersResult> {
  return cached(store, `layers:${level}:${measure}:${taxonomyKey(taxonomy)}`, () =>
    layersAll(store, level, measure, taxonomy),
  );
}

/** Rows of a layer table for one year (or every year when `year` is undefined). */
export function layerRows(r: LayersResult, year?: number, only?: string): LayerRow[] {
  const t = r.table;
  if (year !== undefined && !t.years.includes(year)) {
    throw new UsageError(
      `no ${r.measure} for ${year} at ${r.level} level (years ${t.years[0]}–${t.years.at(-1)})`,
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
        rows.push({
          areacd,
          areanm: r.names.get(areacd) ?? '',
          year: y,
          layer: t.layers[l]!,
          value: t.values[i]!,
          share: t.shares[i]!,
          lq: t.lq[i]!,
        });
      }
    });
  });
  return rows;
}

const TAXONOMY_DIR = new URL('../../data/taxonomies/', import.meta.url).pathname;
/** Built-in taxonomies, by id (file name without .json). */
export const TAXONOMY_IDS = readdirSync(TAXONOMY_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));

const builtIn = new Map<string, Taxonomy>();

/** A built-in taxonomy by id (the HTTP API never reads a path a client names). */
export function taxonomyById(id = 'foundational-economy-v1'): Taxonomy {
  if (!TAXONOMY_IDS.includes(id)) {
    throw new UsageError(`unknown taxonomy: ${id} (${TAXONOMY_IDS.join(', ')})`, 'not_found', 404);
  }
  let t = builtIn.get(id);
  if (!t) builtIn.set(id, (t = loadTaxonomy(TAXONOMY_DIR + id + '.json')));
  return t;
}
