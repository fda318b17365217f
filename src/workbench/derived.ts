// Derived indicators from the layer model (registry `kind: derived`): a layer group's share of
// GVA or of residents in employment, or GVA per head by layer.
import { levelOf, type Level } from '../core/levels.ts';
import { requireLayer, type Taxonomy } from '../core/taxonomy.ts';
import type { SeriesRow } from '../contract/registry.ts';
import type { LayerTable } from '../models/layers/layer-table.ts';
import { NO_LIMITS, wilsonPercent } from '../models/registry/limits.ts';
import type { Derivation, RegistryEntry } from '../models/registry/entry.ts';
import { datasetValues } from '../store/queries/observations.ts';
import type { Ctx } from './context.ts';
import { lads2023, ladPopulation } from './geography.ts';
import type { Series } from './indicator-series.ts';
import { layersAll, type LayersResult } from './layers.ts';
import { requireDataset, sourceText, SOURCES } from './sources.ts';
import { taxonomyKey } from './taxonomies.ts';

/** A numerator and denominator for one area and year: the layers' value and the area's total (or population). */
interface Ratio {
  areacd: string;
  areanm: string;
  year: number;
  part: number;
  whole: number;
}

const LAD_FAMILY = new Set(['lad', 'rgn', 'ctry']);

/**
 * A derived indicator from the layer model. LAD tables give LADs with their regions and the
 * nation summed from the same table; ITL tables give ITL3/2/1 and the UK.
 */
export function derivedSeries(
  ctx: Ctx,
  entry: RegistryEntry,
  taxonomy: Taxonomy,
  level: string,
): Promise<Series> {
  const d = entry.derive!;
  if (d.layers !== 'all') for (const l of d.layers) requireLayer(taxonomy, l);
  const family = LAD_FAMILY.has(level) ? 'lad' : 'itl';
  return ctx.cached(`beyond:derived:${entry.id}:${family}:${taxonomyKey(taxonomy)}`, async () => {
    const { ratios, source, notes } =
      family === 'lad' ? await ladRatios(ctx, d, taxonomy) : await itlRatios(ctx, d, taxonomy);
    const rows = ratios.map((r) => toRow(r, d));
    return { entry, rows, source, notes: [`taxonomy ${taxonomy.id}`, ...notes] };
  });
}

function toRow(r: Ratio, d: Derivation): SeriesRow {
  const ok = r.whole > 0 && Number.isFinite(r.part);
  const value = !ok ? null : d.kind === 'layer-share' ? (100 * r.part) / r.whole : (r.part * 1e6) / r.whole;
  const limits =
    d.kind === 'layer-share' && d.measure === 'residents_in_employment'
      ? wilsonPercent(value, r.whole)
      : NO_LIMITS;
  return {
    areacd: r.areacd,
    areanm: r.areanm,
    level: levelOf(r.areacd) ?? 'uk',
    period: String(r.year),
    year: r.year,
    value,
    status: null,
    ...limits,
  };
}

/** Sum of the chosen layers' values for area a, year index k. */
function partOf(t: LayerTable, layers: Derivation['layers'], a: number, k: number): number {
  const L = t.layers.length;
  const base = (a * t.years.length + k) * L;
  let s = 0;
  for (let l = 0; l < L; l++) if (layers === 'all' || layers.includes(t.layers[l]!)) s += t.values[base + l]!;
  return s;
}

function tableRatios(
  r: LayersResult,
  layers: Derivation['layers'],
  whole?: (code: string, year: number) => number | undefined,
): Ratio[] {
  const t = r.table;
  const out: Ratio[] = [];
  t.areas.forEach((areacd, a) =>
    t.years.forEach((year, k) => {
      const w = whole ? whole(areacd, year) : t.totals[a * t.years.length + k]!;
      if (w === undefined) return;
      out.push({
        areacd,
        areanm: r.names.get(areacd) ?? areacd,
        year,
        part: partOf(t, layers, a, k),
        whole: w,
      });
    }),
  );
  return out;
}

// LADs, then their regions and the nation as sums over the same LAD table.
async function ladRatios(ctx: Ctx, d: Derivation, taxonomy: Taxonomy) {
  const r = await layersAll(ctx, 'lad', d.measure, taxonomy);
  const notes = [...r.notes];
  let ratios: Ratio[];
  if (d.kind === 'per-head') {
    const pop = await ladPopulation(ctx);
    ratios = tableRatios(r, d.layers, (code, year) => (year === pop.year ? pop.all.get(code) : undefined));
    notes.push(`population: ${pop.source}; local authority GVA per head exists for ${pop.year} only`);
  } else ratios = tableRatios(r, d.layers);
  const region = new Map(
    (await lads2023(ctx)).map((l) => [l.areacd, { code: l.region, name: l.regionName }]),
  );
  const sums = new Map<string, Ratio>();
  const add = (code: string, name: string, x: Ratio) => {
    const key = `${code}|${x.year}`;
    const s = sums.get(key) ?? { areacd: code, areanm: name, year: x.year, part: 0, whole: 0 };
    s.part += x.part;
    s.whole += x.whole;
    sums.set(key, s);
  };
  const nation = nationOf(r.table.areas);
  for (const x of ratios) {
    const g = region.get(x.areacd);
    if (g) add(g.code, g.name, x);
    add(nation.code, nation.name, x);
  }
  notes.push(`regions and ${nation.name} are sums over the local authorities in the same table`);
  return { ratios: [...ratios, ...sums.values()], source: sourceText(r.source), notes };
}

/** The national aggregate a set of LAD codes makes: UK, Great Britain or England and Wales. */
function nationOf(codes: readonly string[]): { code: string; name: string } {
  const has = (p: string) => codes.some((c) => c.startsWith(p));
  if (has('N09') && has('S12')) return { code: 'K02000001', name: 'United Kingdom' };
  if (has('S12')) return { code: 'K03000001', name: 'Great Britain' };
  return { code: 'K04000001', name: 'England and Wales' };
}

// ITL3, ITL2, ITL1 and the UK from the ITL tables (population from GVA Table 6 for per head).
async function itlRatios(ctx: Ctx, d: Derivation, taxonomy: Taxonomy) {
  const levels: Level[] = ['itl3', 'itl2', 'itl1', 'uk'];
  const tables = await Promise.all(levels.map((l) => layersAll(ctx, l, d.measure, taxonomy)));
  const pop = d.kind === 'per-head' ? await itlPopulation(ctx) : null;
  const ratios = tables.flatMap((r) =>
    tableRatios(r, d.layers, pop ? (code, year) => pop.get(`${code}|${year}`) : undefined),
  );
  const notes = [...tables[0]!.notes];
  if (pop) notes.push('population: Office for National Statistics, Regional GVA Table 6 resident population');
  return { ratios, source: sourceText(tables[0]!.source), notes };
}

async function itlPopulation(ctx: Ctx): Promise<Map<string, number>> {
  const ds = await requireDataset(ctx.store, SOURCES.population);
  const rows = await datasetValues(ctx.store, ds.id, 'population');
  return new Map(rows.map((r) => [`${r.areacd === 'UK' ? 'K02000001' : r.areacd}|${r.period}`, r.value]));
}
