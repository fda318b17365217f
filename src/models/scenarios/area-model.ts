// One area's regional models at the δ nodes, reduced to what an appraisal needs: the channel
// rows M = S L (Type I) or S L̄ (Type II) — the channels per £ million of final demand for each
// industry — and H = M c^r, the channels per £ million of household income spent in the area.
// The coefficients and LU are those of src/models/io/regional.ts (same functions, same order), so
// the central node answers exactly as `strata io shock` does.
import { lambdaStar, localConsumption, regionalLeontief, simpleLq, type FlqVariant } from '../io/flq.ts';
import { luFactorDominant } from '../io/lu.ts';
import type { NationalModel } from '../io/national.ts';
import { scratchArena } from '../io/simd.ts';
import type { RegionalSizes } from '../io/sizes.ts';
import { closeToHouseholds } from '../io/type2.ts';
import { solveRows } from './solve-rows.ts';

/** The IO part of the national model an area model needs (plain arrays: it crosses to worker threads). */
export type NationalParts = Pick<NationalModel, 'n' | 'a' | 'output' | 'closure' | 'codes'>;

export interface AreaModel {
  area: string;
  nodes: number[];
  /** Per node: channel rows per £m of final demand, io × n. */
  rows: Float64Array[];
  /** Per node: channels per £m of household income in the area (io). */
  income: Float64Array[];
  /** The area's estimated output by industry, £m (national output shared by its size). */
  output: Float64Array;
}

/** How the area models are made. */
export interface AreaModelOptions {
  nodes: number[];
  variant: FlqVariant;
  type: 1 | 2;
}

/** Σ over areas of each industry's size, and the grand total. */
export function nationSizes(sizes: RegionalSizes): { nation: Float64Array; total: number } {
  const n = sizes.codes.length;
  const nation = new Float64Array(n);
  for (let r = 0; r < sizes.areas.length; r++)
    for (let i = 0; i < n; i++) nation[i]! += sizes.size[r * n + i]!;
  return { nation, total: nation.reduce((s, v) => s + v, 0) };
}

/** The area's estimated output x^r_i = x_i · size^r_i / Σ_s size^s_i. */
export function areaOutput(output: Float64Array, region: Float64Array, nation: Float64Array): Float64Array {
  return output.map((x, i) => (nation[i]! > 0 ? (x * region[i]!) / nation[i]! : 0));
}

/** Builds area r's model at every node from the channel rows S (io × n). */
export function areaModel(
  national: NationalParts,
  sizes: RegionalSizes,
  r: number,
  nation: { nation: Float64Array; total: number },
  s: Float64Array,
  io: number,
  o: AreaModelOptions,
): AreaModel {
  const n = national.n;
  // I − R written by the FLQ kernel and factored in place in this thread's WebAssembly scratch
  // memory (the same bits as regionalCoefficients, identityMinus and the JavaScript LU; faster).
  const arena = scratchArena(8 * (2 * n * n + 2 * n) + 64);
  const a = arena.take(n * n);
  a.set(national.a);
  const m = arena.take(n * n);
  const work = { colScale: arena.take(n), rowFactor: arena.take(n) };
  const region = sizes.size.subarray(r * n, (r + 1) * n);
  let total = 0;
  for (let i = 0; i < n; i++) total += region[i]!;
  if (!(total > 0)) throw new Error(`area has no size: ${sizes.areas[r]}`);
  const slq = simpleLq(region, nation.nation, total, nation.total);
  const out: AreaModel = {
    area: sizes.areas[r]!,
    nodes: o.nodes,
    rows: [],
    income: [],
    output: areaOutput(national.output, region, nation.nation),
  };
  for (const delta of o.nodes) {
    const lambda = lambdaStar(total / nation.total, delta);
    regionalLeontief(a, n, slq, lambda, o.variant, m, arena.flqRows, work);
    const lu = luFactorDominant(m, n, 'I − R', arena.rank4);
    const c = localConsumption(national.closure.c, slq, lambda);
    const rows = solveRows(lu, s, io);
    if (o.type === 2) closeRows(rows, io, n, closeToHouseholds(lu, national.closure.h, c));
    out.rows.push(rows);
    out.income.push(rowsTimes(rows, io, n, c));
  }
  return out;
}

/** Type II rows from Type I rows p: p + q (c·p) / (1 − loop) (Sherman–Morrison, as type2Row). */
function closeRows(
  rows: Float64Array,
  io: number,
  n: number,
  cl: ReturnType<typeof closeToHouseholds>,
): void {
  for (let r = 0; r < io; r++) {
    const o = r * n;
    let cp = 0;
    for (let i = 0; i < n; i++) cp += cl.c[i]! * rows[o + i]!;
    const k = cp / (1 - cl.loop);
    for (let i = 0; i < n; i++) rows[o + i] = rows[o + i]! + cl.q[i]! * k;
  }
}

/** M v for rows M (io × n). */
export function rowsTimes(rows: Float64Array, io: number, n: number, v: Float64Array): Float64Array {
  const out = new Float64Array(io);
  for (let r = 0; r < io; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += rows[r * n + i]! * v[i]!;
    out[r] = s;
  }
  return out;
}
