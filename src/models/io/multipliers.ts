import { luSolveTranspose } from './lu.ts';
import type { IoModel } from './model.ts';
import { type2Row } from './type2.ts';

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
export function factorEffect(model: MultiplierModel, s: Float64Array): Effect {
  // The closure already solved for the compensation row (q = h(I − A)⁻¹): reuse it.
  const total1 = s === model.closure.h ? Float64Array.from(model.closure.q) : luSolveTranspose(model.lu, s);
  const total2 = type2Row(model.closure, total1);
  const n = model.n;
  const e: Effect = {
    direct: Float64Array.from(s),
    indirect: new Float64Array(n),
    induced: new Float64Array(n),
    total1,
    total2,
    type1: new Float64Array(n),
    type2: new Float64Array(n),
  };
  for (let j = 0; j < n; j++) {
    e.indirect[j] = total1[j] - s[j];
    e.induced[j] = total2[j] - total1[j];
    e.type1[j] = s[j] === 0 ? NaN : total1[j] / s[j];
    e.type2[j] = s[j] === 0 ? NaN : total2[j] / s[j];
  }
  return e;
}

/** All multipliers of a model (Miller & Blair 2009, ch. 6). */
export function multipliers(model: MultiplierModel): Multipliers {
  const f = model.factors;
  return {
    codes: model.codes,
    names: model.names,
    output: factorEffect(model, new Float64Array(model.n).fill(1)),
    gva: factorEffect(model, f.gva),
    compensation: factorEffect(model, f.compensation),
    employment: f.employment ? factorEffect(model, f.employment) : null,
  };
}
