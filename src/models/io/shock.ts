import { toLayers, type LayerMap } from './layers.ts';
import { luSolve } from './lu.ts';
import { industryIndex, type FactorRows, type IoModel } from './model.ts';
import { type2Output } from './type2.ts';

/** A change in final demand: £ million for an industry, optionally in an area. */
export interface DemandChange {
  industry: string;
  area?: string;
  amount: number;
}

/** A response split as METHODS.md §3 asks: direct (the demand itself), indirect (supply chains), induced (wages spent). */
export interface Split {
  direct: Float64Array;
  indirect: Float64Array;
  induced: Float64Array;
  total: Float64Array;
}

/** Output, GVA, compensation (£ million) and jobs, each split; by industry, and by layer when asked. */
export interface ShockResult {
  codes: string[];
  output: Split;
  gva: Split;
  compensation: Split;
  employment: Split | null;
  layers: { ids: string[]; output: Split; gva: Split; compensation: Split; employment: Split | null } | null;
}

/** Δf by industry from a list of changes; throws on an unknown industry or a non-finite amount. */
export function demandVector(codes: readonly string[], changes: readonly DemandChange[]): Float64Array {
  const at = industryIndex(codes);
  const f = new Float64Array(codes.length);
  for (const c of changes) {
    if (!Number.isFinite(c.amount))
      throw new Error(`demand change for ${c.industry} is not a number: ${c.amount}`);
    f[at(c.industry)]! += c.amount;
  }
  return f;
}

/** The Type I and II response of one model to Δf (METHODS.md §3). */
export function shock(model: IoModel, df: Float64Array, layers?: LayerMap): ShockResult {
  if (df.length !== model.n) throw new Error(`demand change: expected ${model.n} values, got ${df.length}`);
  const x1 = luSolve(model.lu, df);
  const x2 = type2Output(model.closure, x1);
  return splitResult(model.codes, model.factors, df, x1, x2, layers);
}

/** Splits a response given Δf, Type I output x1 and Type II output x2 (any length: one area or many). */
export function splitResult(
  codes: string[],
  factors: FactorRows,
  df: Float64Array,
  x1: Float64Array,
  x2: Float64Array,
  layers?: LayerMap,
): ShockResult {
  const n = codes.length;
  const output = split(df, x1, x2);
  const scaled = (s: Float64Array): Split => {
    const by = (v: Float64Array) => v.map((e, k) => e * s[k % n]!);
    return {
      direct: by(output.direct),
      indirect: by(output.indirect),
      induced: by(output.induced),
      total: by(output.total),
    };
  };
  const result: ShockResult = {
    codes,
    output,
    gva: scaled(factors.gva),
    compensation: scaled(factors.compensation),
    employment: factors.employment ? scaled(factors.employment) : null,
    layers: null,
  };
  if (layers) result.layers = byLayer(result, layers);
  return result;
}

function split(df: Float64Array, x1: Float64Array, x2: Float64Array): Split {
  return {
    direct: Float64Array.from(df),
    indirect: x1.map((v, k) => v - df[k]!),
    induced: x2.map((v, k) => v - x1[k]!),
    total: Float64Array.from(x2),
  };
}

/** Sums a result's industries into layers; for a many-area result, area by area (N × K). */
function byLayer(r: ShockResult, map: LayerMap): NonNullable<ShockResult['layers']> {
  const n = map.n;
  const to = (v: Float64Array) => {
    const areas = v.length / n;
    const out = new Float64Array(areas * map.k);
    for (let a = 0; a < areas; a++) out.set(toLayers(map, v.subarray(a * n, (a + 1) * n)), a * map.k);
    return out;
  };
  const each = (s: Split): Split => ({
    direct: to(s.direct),
    indirect: to(s.indirect),
    induced: to(s.induced),
    total: to(s.total),
  });
  return {
    ids: map.layers,
    output: each(r.output),
    gva: each(r.gva),
    compensation: each(r.compensation),
    employment: r.employment ? each(r.employment) : null,
  };
}
