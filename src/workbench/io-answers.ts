// Input–output answers for the nation or an area (METHODS.md §3): multipliers, the layer
// interaction matrix Λ with linkages, and hypothetical extraction of a layer.
import { UsageError } from '../core/errors.ts';
import { resolveIndustry } from '../core/sic.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { IoExtraction, IoLayers, IoMultipliers } from '../contract/io.ts';
import {
  extractLayer,
  ghoshModel,
  layerAt,
  layerBasket,
  layerInteraction,
  linkages,
  multipliers,
  multipliersTable,
  regionalModel,
  toLayers,
  type IoModel,
  type RegionalModel,
} from '../models/io/index.ts';
import type { Ctx } from './context.ts';
import { ioContext, ioLevel, ioSizes, type IoContext } from './io.ts';

/** Options shared by every input–output question (the model's defaults apply where one is left out). */
export interface IoOptions {
  area?: string;
  year?: number;
  delta?: number;
  variant?: 'flq' | 'aflq';
}

/** A δ the caller set must lie in [0, 1) (the model checks its own default). */
export function checkDelta(delta: number | undefined): void {
  if (delta !== undefined && !(delta >= 0 && delta < 1))
    throw new UsageError(`invalid delta: ${delta} (FLQ δ must be in [0, 1))`);
}

/** The model to answer with: national, or the area's FLQ model with its δ band. */
export async function modelFor(
  ctx: Ctx,
  taxonomy: Taxonomy,
  o: IoOptions,
): Promise<{ io: IoContext; model: IoModel; regional: RegionalModel | null; notes: string[] }> {
  checkDelta(o.delta);
  const io = await ioContext(ctx, taxonomy, o.year);
  if (!o.area || o.area === 'K02000001') return { io, model: io.national, regional: null, notes: [] };
  const level = ioLevel(o.area);
  const { sizes, year } = await ioSizes(ctx, io, level);
  if (!sizes.areas.includes(o.area)) throw new UsageError(`unknown area: ${o.area}`, 'not_found', 404);
  const regional = regionalModel(io.national, sizes, o.area, {
    ...(o.delta !== undefined ? { delta: o.delta } : {}),
    ...(o.variant !== undefined ? { variant: o.variant } : {}),
    layers: io.layers,
  });
  const [low, high] = regional.band.deltas;
  const notes = [
    `Regionalised by FLQ (δ = ${regional.delta}, ${regional.variant.toUpperCase()}; λ* = ${regional.lambda.toFixed(4)}) from ${level.toUpperCase()} GVA by industry, ${year}; the band gives δ from ${low} to ${high}.`,
    ...sizes.flags.slice(0, 20),
  ];
  return { io, model: regional, regional, notes };
}

/** Multipliers (Type I and II, split direct/indirect/induced) for the nation or an area, with the δ band for areas. */
export async function ioMultipliers(
  ctx: Ctx,
  taxonomy: Taxonomy,
  o: IoOptions & { type?: 1 | 2 },
): Promise<IoMultipliers> {
  const { io, regional, model, notes } = await modelFor(ctx, taxonomy, o);
  const rows = regional
    ? multipliersTable(regional.multipliers, regional.band)
    : multipliersTable(multipliers(model));
  const keep = (column: string) => o.type !== 1 || !/type2|induced/.test(column);
  const columns = Object.keys(rows[0] ?? {}).filter(keep);
  return {
    area: o.area ?? 'K02000001',
    year: io.year,
    type: o.type ?? 2,
    delta: regional?.delta ?? null,
    taxonomy: taxonomy.id,
    columns,
    rows: rows.map((r) => ({
      industry: String(r['industry']),
      name: String(r['name']),
      ...Object.fromEntries(columns.slice(2).map((c) => [c, typeof r[c] === 'number' ? r[c] : null])),
    })),
    source: io.source,
    notes: [...notes, ...io.notes],
  };
}

/** Λ (£1 of final demand for layer j draws Λ_kj of output from layer k in the area) and linkages. */
export async function ioLayers(ctx: Ctx, taxonomy: Taxonomy, o: IoOptions): Promise<IoLayers> {
  const { io, model, regional, notes } = await modelFor(ctx, taxonomy, o);
  const K = io.layers.k;
  const lambda =
    regional?.interaction ??
    layerInteraction(model.lu, io.layers, layerBasket(io.layers, io.national.finalDemand));
  const matrix = Array.from({ length: K }, (_, k) => Array.from({ length: K }, (_, j) => lambda[k * K + j]!));
  const flows = model.a.map((a, i) => a * model.output[i % model.n]!);
  const link = linkages(model, ghoshModel(flows, model.output, model.n));
  return {
    area: o.area ?? 'K02000001',
    year: io.year,
    taxonomy: taxonomy.id,
    layers: io.layers.layers,
    matrix,
    linkages: model.codes.map((industry, j) => ({
      industry,
      name: model.names[j] ?? '',
      backward: link.backward[j]!,
      forward: link.forward[j]!,
      forwardGhosh: link.forwardGhosh?.[j] ?? null,
      key: link.key[j]!,
    })),
    source: io.source,
    notes: [
      `Λ[k][j]: output of layer k (rows) drawn by £1 of final demand for layer j (columns), Type I, inside the area.`,
      ...notes,
      ...io.layers.flags,
    ],
  };
}

/** Hypothetical extraction of a layer: what the rest of the economy loses without its local supply. */
export async function ioExtract(
  ctx: Ctx,
  taxonomy: Taxonomy,
  o: IoOptions & { layer: string },
): Promise<IoExtraction> {
  const { io, model, notes } = await modelFor(ctx, taxonomy, o);
  if (!io.layers.layers.includes(o.layer))
    throw new UsageError(
      `unknown layer: ${o.layer} (taxonomy ${io.layers.taxonomy} has ${io.layers.layers.join(', ')})`,
    );
  layerAt(io.layers, o.layer);
  const e = extractLayer(model, io.layers, o.layer);
  const before = toLayers(io.layers, e.baseline);
  const after = toLayers(io.layers, e.extracted);
  return {
    area: o.area ?? 'K02000001',
    year: io.year,
    layer: o.layer,
    lostOutput: e.lossTotal,
    lossLayer: e.lossLayer,
    lossRest: e.lossRest,
    restShare: e.restShare,
    byLayer: io.layers.layers.map((layer, k) => ({
      layer,
      baseline: before[k]!,
      extracted: after[k]!,
      loss: before[k]! - after[k]!,
    })),
    unit: '£ million',
    source: io.source,
    notes: [
      'Output in £ million at basic prices; the extracted layer neither buys nor sells inside the economy modelled.',
      ...notes,
    ],
  };
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
