// What every kind of intervention turns into, area by area: parts, each a unit response scaled by
// a coefficient θ that depends only on the drawn parameters (never on the area). A part is a
// final-demand change (£ million by industry), household income spent in the area (£ million),
// and effects the IO model does not produce (jobs from labour supply, units of an entitlement).
import { CHANNEL, channelsOf } from '../channels.ts';
import type { AreaData, NationalData } from '../context.ts';
import type { Parameter } from '../parameter.ts';
import type { Target } from '../targets.ts';

export interface Part {
  df?: Float64Array;
  income?: number;
  direct?: Float64Array;
}

/** A kind's declared parameter, by name (its draws are keyed `<intervention>/<name>`). */
export interface NamedParam {
  name: string;
  param: Parameter;
}

/** What every compiled intervention carries, whatever its kind. */
export interface CompiledBase {
  id: string;
  title: string;
  areas: string[];
  /** Each area's share of an amount split among the areas (1 for a single area). */
  areaShares: number[];
  target: Target;
  /** The kind's parameters, in the order θ reads their values. */
  params: NamedParam[];
  /** Public cost, £ a year (central). */
  costPerYear: number;
}

/** The area's basis for spreading over a target's industries: its output or its share of a national column. */
export function basisOf(nat: NationalData, area: AreaData, basis: Target['basis']): Float64Array {
  if (basis === 'output') return area.output;
  const col = nat.columns[basis];
  return col.map((v, i) => v * area.share[i]!);
}

/** £m spread over a target's industries in proportion to membership × the area's basis. */
export function spread(millions: number, target: Target, basis: Float64Array, where: string): Float64Array {
  const n = basis.length;
  const out = new Float64Array(n);
  // an area whose share of a split amount is nil (none of the targeted industries there) gets nothing
  if (millions === 0) return out;
  let total = 0;
  for (let i = 0; i < n; i++) total += target.weights[i]! * Math.max(0, basis[i]!);
  const single = target.weights.filter((w) => w > 0).length === 1;
  if (single) {
    // one industry takes the whole amount, whether or not the area already has it
    out[target.weights.findIndex((w) => w > 0)] = millions;
    return out;
  }
  if (!(total > 0))
    throw new Error(`${where}: the area has none of the targeted industries (${target.label})`);
  for (let i = 0; i < n; i++) out[i] = (millions * target.weights[i]! * Math.max(0, basis[i]!)) / total;
  return out;
}

/** The job channels (jobs, women's jobs, foundational jobs, jobs by layer) of an output vector; other channels 0. */
export function jobChannels(nat: NationalData, x: Float64Array): Float64Array {
  const all = channelsOf(nat.rows, nat.layout.io, x, new Float64Array(nat.layout.m));
  const out = new Float64Array(nat.layout.m);
  for (const c of [CHANNEL.jobs, CHANNEL.jobsFemale, CHANNEL.foundationalJobs]) out[c] = all[c]!;
  for (let k = 0; k < nat.layout.layers.length; k++) out[CHANNEL.layers + k] = all[CHANNEL.layers + k]!;
  return out;
}

/** The target's part of the area's output: membership × x^r. */
export function targetOutput(target: Target, area: AreaData): Float64Array {
  return area.output.map((x, i) => x * target.weights[i]!);
}

/** Σ_i row_i x_i. */
export function dotRow(row: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += row[i]! * x[i]!;
  return s;
}
