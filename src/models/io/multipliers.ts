import { luSolveTranspose } from './lu.ts';
import type { IoModel } from './model.ts';
import type { Type2Closure } from './type2.ts';

/**
 * Effects per £1 of final demand for industry j's output, split as METHODS.md §3 asks:
 * direct (the industry's own coefficient), indirect (its supply chain: Type I total − direct),
 * induced (household spending of the wages: Type II total − Type I total). Ratios divide
 * the totals by the direct coefficient; NaN where the direct coefficient is zero.
 */
export interface Effect {
  direct: Float64Array;
  indirect: Float64Array;
  induced: Float64Array;
  /** Type I total effect, (sL)_j. */
  total1: Float64Array;
  /** Type II total effect, (s̄L̄)_j over industries. */
  total2: Float64Array;
  /** Type I multiplier (sL)_j / s_j. */
  type1: Float64Array;
  /** Type II multiplier (s̄L̄)_j / s_j. */
  type2: Float64Array;
}

/** Output, GVA, compensation and (when the model has it) employment multipliers of a model. */
export interface Multipliers {
  codes: string[];
  names: string[];
  output: Effect;
  gva: Effect;
  compensation: Effect;
  employment: Effect | null;
}

/** What multipliers need of a model. */
export type MultiplierModel = Pick<IoModel, 'codes' | 'names' | 'n' | 'lu' | 'closure' | 'factors'>;

/** The effect of coefficient row s: one transposed solve for Type I, Sherman–Morrison for Type II. */
export function factorEffect(
  model: MultiplierModel,
  s: Float64Array,
  block = new Float64Array(7 * model.n),
): Effect {
  const n = model.n;
  const total1 = block.subarray(3 * n, 4 * n);
  // The closure already solved for the compensation row (q = h(I − A)⁻¹): reuse it.
  if (s === model.closure.h) total1.set(model.closure.q);
  else luSolveTranspose(model.lu, s, total1);
  return effectOf(model.closure, s, block);
}

/**
 * The effect of row s given its Type I total s(I − A)⁻¹, already in `block` (7n values, the
 * fourth n of them): fills the other six parts of the block from it and the closure.
 */
export function effectOf(closure: Type2Closure, s: Float64Array, block: Float64Array): Effect {
  fillEffect(closure, s, block);
  return effectViews(block, s.length);
}

/** effectOf's arithmetic on the block's parts by index, making no views (regional-area.ts runs it per area and δ). */
export function fillEffect(closure: Type2Closure, s: Float64Array, block: Float64Array): void {
  const n = s.length;
  const t1 = 3 * n;
  // Type II row effect s̄L̄ on industries by Sherman–Morrison: total2 = total1 + q (c·total1) / (1 − loop)
  let ct = 0;
  for (let j = 0; j < n; j++) ct += closure.c[j]! * block[t1 + j]!;
  const k = ct / (1 - closure.loop);
  for (let j = 0; j < n; j++) {
    const sj = s[j]!;
    const total1 = block[t1 + j]!;
    const total2 = total1 + closure.q[j]! * k;
    block[j] = sj;
    block[n + j] = total1 - sj;
    block[2 * n + j] = total2 - total1;
    block[4 * n + j] = total2;
    block[5 * n + j] = sj === 0 ? NaN : total1 / sj;
    block[6 * n + j] = sj === 0 ? NaN : total2 / sj;
  }
}

/** An effect's seven arrays as views of one block of 7n values, in the order of `Effect`. */
export function effectViews(block: Float64Array, n: number): Effect {
  const view = (k: number) => block.subarray(k * n, (k + 1) * n);
  return {
    direct: view(0),
    indirect: view(1),
    induced: view(2),
    total1: view(3),
    total2: view(4),
    type1: view(5),
    type2: view(6),
  };
}

/** All multipliers of a model (Miller & Blair 2009, ch. 6), their arrays views of one block. */
export function multipliers(model: MultiplierModel): Multipliers {
  const f = model.factors;
  const n = model.n;
  const block = new Float64Array(4 * 7 * n);
  const part = (k: number) => block.subarray(k * 7 * n, (k + 1) * 7 * n);
  return {
    codes: model.codes,
    names: model.names,
    output: factorEffect(model, new Float64Array(n).fill(1), part(0)),
    gva: factorEffect(model, f.gva, part(1)),
    compensation: factorEffect(model, f.compensation, part(2)),
    employment: f.employment ? factorEffect(model, f.employment, part(3)) : null,
  };
}
