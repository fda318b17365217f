import { UsageError } from '../core/errors.ts';
import { resolveIndustry } from '../core/sic.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import {
  areaTotals,
  demandVector,
  extractLayer,
  ghoshModel,
  interregionalShock,
  interregionalSystem,
  layerAt,
  layerBasket,
  layerInteraction,
  linkages,
  multipliers,
  multipliersTable,
  regionalModel,
  rollUp,
  shock,
  toLayers,
  type IoModel,
  type MultiplierRow,
  type ShockResult,
  type Split,
} from '../models/io/index.ts';
import type { Store } from '../store/db.ts';
import { cached } from './cache.ts';
import { ioCentroids, ioContext, ioLevel, ioSizes, type IoContext } from './io.ts';
import { linksBetween } from './panels.ts';

/** Options shared by every input–output question. */
export interface IoOptions {
  area?: string;
  year?: number;
  delta?: number;
  variant?: 'flq' | 'aflq';
}

function checkDelta(delta: number | undefined): void {
  if (delta !== undefined && !(delta >= 0 && delta < 1))
    throw new UsageError(`invalid delta: ${delta} (FLQ δ must be in [0, 1))`);
}

/** The model to answer with: national, or the area's FLQ model (δ band 0.1–0.4). */
async function modelFor(store: Store, taxonomy: Taxonomy, o: IoOptions) {
  checkDelta(o.delta);
  const ctx = await ioContext(store, taxonomy, o.year);
  if (!o.area || o.area === 'K02000001')
    return { ctx, model: ctx.national as IoModel, regional: null, notes: [] as string[] };
  const level = ioLevel(o.area);
  const { sizes, year } = await ioSizes(store, ctx, level);
  if (!sizes.areas.includes(o.area)) throw new UsageError(`unknown area: ${o.area}`, 'not_found', 404);
  const regional = regionalModel(ctx.national, sizes, o.area, {
    delta: o.delta ?? 0.3,
    variant: o.variant ?? 'flq',
    band: [0.1, 0.4],
    layers: ctx.layers,
  });
  const notes = [
    `Regionalised by FLQ (δ = ${regional.delta}, ${regional.variant.toUpperCase()}; λ* = ${regional.lambda.toFixed(4)}) from ${level.toUpperCase()} GVA by industry, ${year}; the band gives δ from 0.1 to 0.4.`,
    ...sizes.flags.slice(0, 20),
  ];
  return { ctx, model: regional as IoModel, regional, notes };
}

/** Multipliers (Type I and II, split direct/indirect/induced) for the nation or an area, with the δ band for areas. */
export async function ioMultipliers(store: Store, taxonomy: Taxonomy, o: IoOptions & { type?: 1 | 2 }) {
  const { ctx, regional, model, notes } = await modelFor(store, taxonomy, o);
  const rows = regional
    ? multipliersTable(regional.multipliers, regional.band)
    : multipliersTable(multipliers(model));
  const keep = (column: string) => o.type !== 1 || !/type2|induced/.test(column);
  const columns = Object.keys(rows[0] ?? {}).filter(keep);
  return {
    area: o.area ?? 'K02000001',
    year: ctx.year,
    type: o.type ?? 2,
    delta: regional?.delta ?? null,
    taxonomy: taxonomy.id,
    columns,
    rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])) as MultiplierRow),
    source: ctx.source,
    notes: [...notes, ...ctx.notes],
  };
}

/** Λ (£1 of final demand for layer j draws Λ_kj of output from layer k in the area) and linkages. */
export async function ioLayers(store: Store, taxonomy: Taxonomy, o: IoOptions) {
  const { ctx, model, regional, notes } = await modelFor(store, taxonomy, o);
  const K = ctx.layers.k;
  const lambda =
    regional?.interaction ??
    layerInteraction(model.lu, ctx.layers, layerBasket(ctx.layers, ctx.national.finalDemand));
  const matrix = Array.from({ length: K }, (_, k) => Array.from({ length: K }, (_, j) => lambda[k * K + j]!));
  const link = linkages(
    model,
    ghoshModel(
      model.a.map((a, i) => a * model.output[i % model.n]!),
      model.output,
      model.n,
    ),
  );
  return {
    area: o.area ?? 'K02000001',
    year: ctx.year,
    taxonomy: taxonomy.id,
    layers: ctx.layers.layers,
    matrix,
    linkages: model.codes.map((industry, j) => ({
      industry,
      name: model.names[j] ?? '',
      backward: link.backward[j]!,
      forward: link.forward[j]!,
      forwardGhosh: link.forwardGhosh?.[j] ?? null,
      key: link.key[j]!,
    })),
    source: ctx.source,
    notes: [
      `Λ[k][j]: output of layer k (rows) drawn by £1 of final demand for layer j (columns), Type I, inside the area.`,
      ...notes,
      ...ctx.layers.flags,
    ],
  };
}

/** Hypothetical extraction of a layer: what the rest of the economy loses without its local supply. */
export async function ioExtract(store: Store, taxonomy: Taxonomy, o: IoOptions & { layer: string }) {
  const { ctx, model, notes } = await modelFor(store, taxonomy, o);
  checkLayer(ctx, o.layer);
  const e = extractLayer(model, ctx.layers, o.layer);
  const before = toLayers(ctx.layers, e.baseline);
  const after = toLayers(ctx.layers, e.extracted);
  return {
    area: o.area ?? 'K02000001',
    year: ctx.year,
    layer: o.layer,
    lostOutput: e.lossTotal,
    lossLayer: e.lossLayer,
    lossRest: e.lossRest,
    restShare: e.restShare,
    byLayer: ctx.layers.layers.map((layer, k) => ({
      layer,
      baseline: before[k]!,
      extracted: after[k]!,
      loss: before[k]! - after[k]!,
    })),
    unit: '£ million',
    source: ctx.source,
    notes: [
      'Output in £ million at basic prices; the extracted layer neither buys nor sells inside the economy modelled.',
      ...notes,
    ],
  };
}

function checkLayer(ctx: IoContext, layer: string): void {
  if (!ctx.layers.layers.includes(layer)) {
    throw new UsageError(
      `unknown layer: ${layer} (taxonomy ${ctx.layers.taxonomy} has ${ctx.layers.layers.join(', ')})`,
    );
  }
  layerAt(ctx.layers, layer);
}

/**
 * The input–output industry a user means: its exact code (`Q87 & Q88`), or a SIC division
 * written with or without its section letter (`Q87`, `87`) when one industry covers it.
 */
export function ioIndustry(codes: readonly string[], asked: string): string {
  const exact = codes.find((c) => c.toLowerCase() === asked.trim().toLowerCase());
  if (exact) return exact;
  const m = /^[A-U]?(\d{2})$/i.exec(asked.trim());
  const hits = m ? codes.filter((c) => resolveIndustry(c).divisions.includes(m[1]!)) : [];
  if (hits.length === 1) return hits[0]!;
  const hint =
    hits.length > 1
      ? `division ${m![1]} is split across ${hits.join(', ')}`
      : `input-output industries are codes such as ${codes.slice(96, 99).join(', ')}`;
  throw new UsageError(`unknown industry: ${asked} (${hint}; see strata io multipliers)`);
}

function sum(v: Float64Array): number {
  return v.reduce((s, x) => s + x, 0);
}

function splitTotals(s: Split | null) {
  return s
    ? { direct: sum(s.direct), indirect: sum(s.indirect), induced: sum(s.induced), total: sum(s.total) }
    : null;
}

/**
 * Effects by layer. A many-area result holds layers area by area (N × K): `only` picks one
 * area's block; otherwise the blocks are summed (the effect wherever it lands).
 */
function layerRows(r: ShockResult, K: number, only?: number) {
  const l = r.layers!;
  const at = (v: Float64Array, k: number) => {
    if (only !== undefined) return v[only * K + k]!;
    let t = 0;
    for (let a = k; a < v.length; a += K) t += v[a]!;
    return t;
  };
  const pick = (s: Split | null, k: number) =>
    s
      ? {
          direct: at(s.direct, k),
          indirect: at(s.indirect, k),
          induced: at(s.induced, k),
          total: at(s.total, k),
        }
      : null;
  return l.ids.map((layer, k) => ({
    layer,
    output: pick(l.output, k)!,
    gva: pick(l.gva, k)!,
    compensation: pick(l.compensation, k)!,
    employment: pick(l.employment, k),
  }));
}

/** A change in final demand (£) for an industry in an area, or nationally: effects by layer, and with `interregional` by area. */
export async function ioShock(
  store: Store,
  taxonomy: Taxonomy,
  o: IoOptions & { industry: string; amount: number; interregional?: boolean; beta?: number },
) {
  if (!Number.isFinite(o.amount)) throw new UsageError(`invalid amount: ${o.amount}`);
  if (o.beta !== undefined && !(o.beta >= 0 && o.beta <= 10)) {
    throw new UsageError(`invalid beta: ${o.beta} (distance decay in [0, 10])`);
  }
  const industry = ioIndustry((await ioContext(store, taxonomy, o.year)).national.codes, o.industry);
  o = { ...o, industry };
  const millions = o.amount / 1e6;
  if (o.interregional) return interregional(store, taxonomy, o, millions);
  const { ctx, model, notes } = await modelFor(store, taxonomy, o);
  const r = shock(model, demandVector(model.codes, [{ industry: o.industry, amount: millions }]), ctx.layers);
  return {
    area: o.area ?? 'K02000001',
    industry: o.industry,
    amount: o.amount,
    year: ctx.year,
    interregional: false,
    total: splitTotals(r.output)!.total,
    totals: {
      output: splitTotals(r.output),
      gva: splitTotals(r.gva),
      compensation: splitTotals(r.compensation),
      employment: splitTotals(r.employment),
    },
    byLayer: layerRows(r, ctx.layers.k),
    byArea: [],
    convergence: null,
    unit: '£ million (employment in jobs)',
    source: ctx.source,
    notes: [
      `Effects inside ${o.area ?? 'the UK'} only; use interregional to follow what leaks to other areas.`,
      ...notes,
    ],
  };
}

async function interregional(
  store: Store,
  taxonomy: Taxonomy,
  o: IoOptions & { industry: string; interregional?: boolean; beta?: number; amount: number },
  millions: number,
) {
  checkDelta(o.delta);
  if (!o.area) throw new UsageError('an interregional shock needs --area');
  const level = ioLevel(o.area);
  const ctx = await ioContext(store, taxonomy, o.year);
  const { sizes, year } = await ioSizes(store, ctx, level);
  const delta = o.delta ?? 0.3;
  const beta = o.beta ?? 1;
  // The system is built from the national model and sizes alone (like io-sizes): no taxonomy in its key.
  const sys = await cached(
    store,
    `io-system:${ctx.year}:${level}:${delta}:${o.variant ?? 'flq'}:${beta}`,
    async () =>
      interregionalSystem(ctx.national, sizes, await ioCentroids(store, level, sizes.areas), {
        delta,
        variant: o.variant ?? 'flq',
        beta,
      }),
  );
  const r = interregionalShock(
    sys,
    ctx.national.factors,
    [{ area: o.area, industry: o.industry, amount: millions }],
    { layers: ctx.layers, tol: 1e-9 },
  );
  const N = sys.areas.length;
  const outputByArea = areaTotals(r.output.total, N);
  const gvaByArea = areaTotals(r.gva.total, N);
  const jobsByArea = r.employment ? areaTotals(r.employment.total, N) : null;
  const byArea = sys.areas
    .map((areacd, i) => ({
      areacd,
      output: outputByArea[i]!,
      gva: gvaByArea[i]!,
      employment: jobsByArea?.[i] ?? null,
    }))
    .sort((a, b) => b.output - a.output);
  return {
    area: o.area,
    industry: o.industry,
    amount: o.amount,
    year: ctx.year,
    interregional: true,
    total: sum(r.output.total),
    totals: {
      output: splitTotals(r.output),
      gva: splitTotals(r.gva),
      compensation: splitTotals(r.compensation),
      employment: splitTotals(r.employment),
    },
    byLayer: layerRows(r, ctx.layers.k),
    byLayerInArea: layerRows(r, ctx.layers.k, sys.areas.indexOf(o.area)),
    byArea,
    rollup: await rollups(store, level, sys.areas, outputByArea),
    convergence: r.convergence,
    unit: '£ million (employment in jobs)',
    source: ctx.source,
    notes: [
      `Interregional model of ${N} ${level.toUpperCase()} areas (GVA ${year}): leakage 1 − min(FLQ, 1) supplied by other areas by gravity (size / distance^${beta}); δ = ${delta}. Computed at full detail, then summed.`,
      ...sys.flags.slice(0, 10),
    ],
  };
}

/** Output by area summed up ITL3 → ITL2 → ITL1 → UK (LADs first to ITL3), after computing at full detail. */
async function rollups(store: Store, level: 'itl3' | 'lad', areas: string[], values: Float64Array) {
  const out: Record<string, { areacd: string; output: number }[]> = {};
  let codes = areas;
  let v = values;
  const chain: [string, string][] =
    level === 'lad'
      ? [
          ['ltla', 'itl3'],
          ['itl3', 'itl2'],
          ['itl2', 'itl1'],
          ['itl1', 'uk'],
        ]
      : [
          ['itl3', 'itl2'],
          ['itl2', 'itl1'],
          ['itl1', 'uk'],
        ];
  for (const [child, parent] of chain) {
    const links = (await linksBetween(store, child, parent)).filter((l) => codes.includes(l.child));
    const up = rollUp(codes, v, links);
    out[parent] = up.parents.map((areacd, i) => ({ areacd, output: up.values[i]! }));
    codes = up.parents;
    v = up.values;
  }
  return out;
}

export type { IoContext };
