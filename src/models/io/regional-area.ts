import { lambdaStar, localConsumption, regionalLeontief, simpleLq, type FlqRows } from './flq.ts';
import { dot } from './leontief.ts';
import { luFactorDominant, luSolve, type Lu } from './lu.ts';
import { luSolveRows } from './lu-many.ts';
import { scratchArena } from './simd.ts';
import type { Rank4 } from './rank4.ts';
import { fillEffect } from './multipliers.ts';
import type { RegionalPlan } from './regional-plan.ts';
import { keptIndex, slot, type RegionalSlab } from './regional-slab.ts';

/**
 * Scratch arrays one thread reuses area after area, in WebAssembly memory so that the LU and the
 * solves run simd.ts's kernel (the same bits as the JavaScript one, twice as fast).
 */
export interface Scratch {
  m: Float64Array;
  x: Float64Array;
  c: Float64Array;
  /** The national A, and the FLQ's column scales and row factors, for the FLQ kernel. */
  a: Float64Array;
  work: { colScale: Float64Array; rowFactor: Float64Array };
  kernel: Rank4;
  flqRows: FlqRows;
}

export function newScratch(plan: RegionalPlan): Scratch {
  const { n, k, factors } = plan;
  const arena = scratchArena(8 * (2 * n * n + (factors + k + 3) * n) + 128);
  const scratch = {
    m: arena.take(n * n),
    x: arena.take((factors + k) * n),
    c: arena.take(n),
    a: arena.take(n * n),
    work: { colScale: arena.take(n), rowFactor: arena.take(n) },
    kernel: arena.rank4,
    flqRows: arena.flqRows,
  };
  scratch.a.set(plan.a);
  return scratch;
}

/**
 * Builds area r at every δ of the plan into slot s of the slab (METHODS.md §3). The LQs and the area's
 * share are worked out once for all δ. At each δ, I − R is written and factored in place, and
 * every multiplier and Λ row comes from one blocked solve with (I − R)ᵀ of the plan's stacked
 * rows. A kept δ also keeps the LU and the closure (with (I − R)⁻¹c for shocks); R itself is
 * worked out again only when a model's `a` is read (regional-views.ts).
 */
export function buildArea(
  plan: RegionalPlan,
  slab: RegionalSlab,
  r: number,
  s: number,
  scratch: Scratch,
): void {
  const { n, deltas } = plan;
  const region = plan.size.subarray(r * n, (r + 1) * n);
  let total = 0;
  for (let i = 0; i < n; i++) total += region[i]!;
  if (!(total > 0)) throw new Error(`area has no size: ${plan.areas[r]}`);
  const slq = slot(slab.slq, s, 1, 0, n);
  slq.set(simpleLq(region, plan.nation, total, plan.nationTotal));
  const output = slot(slab.output, s, 1, 0, n);
  for (let i = 0; i < n; i++)
    output[i] = plan.nation[i]! > 0 ? (plan.output[i]! * region[i]!) / plan.nation[i]! : 0;
  const share = total / plan.nationTotal;
  for (let d = 0; d < deltas.length; d++) {
    const lambda = lambdaStar(share, deltas[d]!);
    slab.lambda[s * deltas.length + d] = lambda;
    buildDelta(plan, slab, { s, d, slq, lambda }, scratch);
  }
}

/** Slot s at δ number d: the area's LQs and λ* there. */
interface At {
  s: number;
  d: number;
  slq: Float64Array;
  lambda: number;
}

/** The multipliers at one δ; and, for a kept δ, the LU, closure and Λ too. */
function buildDelta(plan: RegionalPlan, slab: RegionalSlab, at: At, scratch: Scratch): void {
  const { n, k } = plan;
  const kept = plan.keep[at.d]!;
  regionalLeontief(scratch.a, n, at.slq, at.lambda, plan.variant, scratch.m, scratch.flqRows, scratch.work);
  const lu = luFactorDominant(scratch.m, n, 'I − R', scratch.kernel);
  const x = solveRows(plan, lu, scratch, plan.factors + (kept ? k : 0));
  const c = localConsumption(plan.c, at.slq, at.lambda, scratch.c);
  const q = x.subarray(2 * n, 3 * n);
  // hᵀ(I − R)⁻¹c = q·c: the compensation row already solved gives the loop without another solve.
  const loop = kept ? keep(plan, slab, at, lu, x, scratch) : checkLoop(dot(q, c));
  slab.loop[at.s * plan.deltas.length + at.d] = loop;
  fillEffects(plan, slab, at.s, at.d, x, { c, q, loop });
}

/** Keeps the LU, c^r, q, v = (I − R)⁻¹c^r (for shocks) and Λ in the slab; returns the loop h·v. */
function keep(
  plan: RegionalPlan,
  slab: RegionalSlab,
  at: At,
  lu: Lu,
  x: Float64Array,
  scratch: Scratch,
): number {
  const { n, k } = plan;
  const f = keptIndex(plan, at.d);
  const part = (a: Float64Array, len: number) => slot(a, at.s, slab.kept, f, len);
  part(slab.lu, n * n).set(scratch.m);
  const c = part(slab.c, n);
  c.set(scratch.c);
  part(slab.q, n).set(x.subarray(2 * n, 3 * n));
  const v = luSolve(lu, c, part(slab.v, n));
  if (k > 0) interaction(plan, x, part(slab.interaction, k * k));
  return checkLoop(dot(plan.h, v));
}

/** The plan's first `m` rows times (I − R)⁻¹, in scratch space. */
function solveRows(plan: RegionalPlan, lu: Lu, scratch: Scratch, m: number): Float64Array {
  const x = scratch.x.subarray(0, m * plan.n);
  x.set(plan.rows.subarray(0, m * plan.n));
  return luSolveRows(lu, x, m, scratch.kernel);
}

function checkLoop(loop: number): number {
  if (!(loop < 1)) throw new Error(`non-productive household closure: h(I − A)⁻¹c = ${loop}`);
  return loop;
}

/** Each factor's effect (Type I total from the solve, Type II by Sherman–Morrison) into the slab. */
function fillEffects(
  plan: RegionalPlan,
  slab: RegionalSlab,
  s: number,
  d: number,
  x: Float64Array,
  closure: { c: Float64Array; q: Float64Array; loop: number },
): void {
  const { n, factors } = plan;
  const size = 7 * n;
  const base = (s * plan.deltas.length + d) * factors * size;
  for (let t = 0; t < factors; t++) {
    const block = slab.effects.subarray(base + t * size, base + (t + 1) * size);
    block.set(x.subarray(t * n, (t + 1) * n), 3 * n);
    fillEffect(closure, plan.rows.subarray(t * n, (t + 1) * n), block);
  }
}

/** Λ = (P L) D from P's rows already solved: K × K. */
function interaction(plan: RegionalPlan, x: Float64Array, out: Float64Array): void {
  const { n, k, factors, basket } = plan;
  for (let l = 0; l < k; l++) {
    const pl = (factors + l) * n;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += x[pl + i]! * basket[i * k + j]!;
      out[l * k + j] = s;
    }
  }
}
