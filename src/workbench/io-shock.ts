// A change in final demand for an industry, in an area or the nation (METHODS.md §3): output,
// GVA, compensation and employees by layer, split direct/indirect/induced; with `interregional`, by
// area through the gravity model, rolled up ITL3 → ITL2 → ITL1 → UK.
import { UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import type { IoShock } from '../contract/io.ts';
import {
  areaTotals,
  demandVector,
  interregionalShock,
  interregionalSystem,
  INTERREGIONAL_DEFAULTS,
  REGIONAL_DEFAULTS,
  rollUp,
  shock,
  type ShockResult,
  type Split,
} from '../models/io/index.ts';
import type { Ctx } from './context.ts';
import { checkDelta, ioIndustry, modelFor, type IoOptions } from './io-answers.ts';
import { shockPlaces } from './io-shock-places.ts';
import { ioCentroids, ioContext, ioLevel, ioSizes } from './io.ts';
import { requireLinks } from './panels.ts';

/** A shock: an industry, an amount of final demand (£), whether to follow it to other areas, the gravity decay β. */
export type ShockOptions = IoOptions & {
  industry: string;
  amount: number;
  interregional?: boolean;
  beta?: number;
};

/** One word for employment throughout: BRES counts employees (employee jobs), Great Britain. */
const UNIT = '£ million; employment in employees (BRES, Great Britain)';

function sum(v: Float64Array): number {
  return v.reduce((s, x) => s + x, 0);
}

function splitTotals(s: Split | null) {
  return s
    ? { direct: sum(s.direct), indirect: sum(s.indirect), induced: sum(s.induced), total: sum(s.total) }
    : null;
}

function totalsOf(r: ShockResult) {
  return {
    output: splitTotals(r.output),
    gva: splitTotals(r.gva),
    compensation: splitTotals(r.compensation),
    employment: splitTotals(r.employment),
  };
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
export async function ioShock(ctx: Ctx, taxonomy: Taxonomy, o: ShockOptions): Promise<IoShock> {
  if (!Number.isFinite(o.amount)) throw new UsageError(`invalid amount: ${o.amount}`);
  if (o.beta !== undefined && !(o.beta >= 0 && o.beta <= 10)) {
    throw new UsageError(`invalid beta: ${o.beta} (distance decay in [0, 10])`);
  }
  const industry = ioIndustry((await ioContext(ctx, taxonomy, o.year)).national.codes, o.industry);
  o = { ...o, industry };
  const millions = o.amount / 1e6;
  if (o.interregional) return interregional(ctx, taxonomy, o, millions);
  const { io, model, notes } = await modelFor(ctx, taxonomy, o);
  const r = shock(model, demandVector(model.codes, [{ industry: o.industry, amount: millions }]), io.layers);
  return {
    area: o.area ?? 'K02000001',
    industry: o.industry,
    amount: o.amount,
    year: io.year,
    interregional: false,
    total: splitTotals(r.output)!.total,
    totals: totalsOf(r),
    byLayer: layerRows(r, io.layers.k),
    byArea: [],
    convergence: null,
    unit: UNIT,
    source: io.source,
    notes: [
      `Effects inside ${o.area ?? 'the UK'} only; use interregional to follow what leaks to other areas.`,
      ...notes,
    ],
  };
}

async function interregional(
  ctx: Ctx,
  taxonomy: Taxonomy,
  o: ShockOptions,
  millions: number,
): Promise<IoShock> {
  checkDelta(o.delta);
  if (!o.area) throw new UsageError('an interregional shock needs --area');
  const level = ioLevel(o.area);
  const io = await ioContext(ctx, taxonomy, o.year);
  const { sizes, year } = await ioSizes(ctx, io, level);
  const { delta, variant, beta } = { ...INTERREGIONAL_DEFAULTS, ...definedOf(o) };
  const area = o.area;
  // The system is built from the national model and sizes alone (like io-sizes): no taxonomy in its key.
  const solveAt = async (d: number) => {
    const sys = await ctx.cached(`io-system:${io.year}:${level}:${d}:${variant}:${beta}`, async () =>
      interregionalSystem(io.national, sizes, await ioCentroids(ctx, level, sizes.areas), {
        delta: d,
        variant,
        beta,
      }),
    );
    const r = interregionalShock(
      sys,
      io.national.factors,
      [{ area, industry: o.industry, amount: millions }],
      {
        layers: io.layers,
        tol: 1e-9,
      },
    );
    return { sys, r };
  };
  const { sys, r } = await solveAt(delta);
  const deltas = [...REGIONAL_DEFAULTS.band] as [number, number];
  const ends = { delta, deltas, results: [(await solveAt(deltas[0])).r, (await solveAt(deltas[1])).r] };
  const N = sys.areas.length;
  const outputByArea = areaTotals(r.output.total, N);
  const gvaByArea = areaTotals(r.gva.total, N);
  const employeesByArea = r.employment ? areaTotals(r.employment.total, N) : null;
  const byArea = sys.areas
    .map((areacd, i) => ({
      areacd,
      output: outputByArea[i]!,
      gva: gvaByArea[i]!,
      employment: employeesByArea?.[i] ?? null,
    }))
    .sort((a, b) => b.output - a.output);
  return {
    area: o.area,
    industry: o.industry,
    amount: o.amount,
    year: io.year,
    interregional: true,
    total: sum(r.output.total),
    totals: totalsOf(r),
    byLayer: layerRows(r, io.layers.k),
    byLayerInArea: layerRows(r, io.layers.k, sys.areas.indexOf(o.area)),
    byArea,
    places: await shockPlaces(ctx, level, area, r, ends),
    rollup: await rollups(ctx, level, sys.areas, outputByArea),
    convergence: r.convergence,
    unit: UNIT,
    source: io.source,
    notes: [
      `Interregional model of ${N} ${level.toUpperCase()} areas (GVA ${year}): leakage 1 − min(FLQ, 1) supplied by other areas by gravity (size / distance^${beta}); δ = ${delta}. Computed at full detail, then summed.`,
      `By place: the ranges are the effects with δ at ${deltas[0]} and ${deltas[1]} (the FLQ δ band); a higher δ keeps less in each area.`,
      ...sys.flags.slice(0, 10),
    ],
  };
}

/** The options a caller set (so the model's defaults fill the rest). */
function definedOf(o: ShockOptions) {
  return {
    ...(o.delta !== undefined ? { delta: o.delta } : {}),
    ...(o.variant !== undefined ? { variant: o.variant } : {}),
    ...(o.beta !== undefined ? { beta: o.beta } : {}),
  };
}

/** Output by area summed up ITL3 → ITL2 → ITL1 → UK (LADs first to ITL3), after computing at full detail. */
async function rollups(ctx: Ctx, level: 'itl3' | 'lad', areas: string[], values: Float64Array) {
  const out: Record<string, { areacd: string; output: number }[]> = {};
  let codes = areas;
  let v = values;
  const chain: [string, string][] = [
    ['ltla', 'itl3'],
    ['itl3', 'itl2'],
    ['itl2', 'itl1'],
    ['itl1', 'uk'],
  ];
  for (const [child, parent] of level === 'lad' ? chain : chain.slice(1)) {
    const links = (await requireLinks(ctx, child, parent)).filter((l) => codes.includes(l.child));
    const up = rollUp(codes, v, links);
    out[parent] = up.parents.map((areacd, i) => ({ areacd, output: up.values[i]! }));
    codes = up.parents;
    v = up.values;
  }
  return out;
}
