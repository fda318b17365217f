// From a pipeline's uncertainty block to a plan of runs. Each uncertain input (a "factor") is
// driven by one uniform number per run, so the same mapping serves plain Monte Carlo and the
// Saltelli design: a discrete choice is the ⌊u·m⌋-th of its m options; the weights are one
// factor, drawn from a generator seeded by u (swapping u between design rows swaps the whole
// weight vector, which is how Sobol indices of "the weights" as a group are defined).
import type { CompositeData } from './data.ts';
import type { Plan, Prepared } from './evaluate.ts';
import { deriveSeed, createRandom } from '../random.ts';
import type { AggregationMethod, ImputationMethod, NormalisationMethod, Pipeline } from './pipeline.ts';
import { forms, treat } from './run.ts';
import { effectiveWeights, sampleWeights, type WeightStructure, type WeightUncertainty } from './weights.ts';

/** The options each run samples from; the declared method is always first. */
export interface Choices {
  imputation: ImputationMethod[];
  normalisation: NormalisationMethod[];
  aggregation: AggregationMethod[];
  weights: WeightUncertainty;
}

/** An uncertain input of the analysis. */
export type Factor = 'weights' | 'normalisation' | 'aggregation' | 'imputation';

/**
 * The options declared in the pipeline's uncertainty block, or the defaults: normalisation
 * {declared, min–max, z-score}, aggregation {declared, arithmetic, geometric}, imputation
 * {declared, mean, median} (only {none} when none is declared). Imputation is moot without gaps.
 */
export function uncertaintyChoices(p: Pipeline, hasGaps: boolean): Choices {
  const u = p.uncertainty;
  const declaredImputation = p.imputation.method;
  const imputation = !hasGaps
    ? [declaredImputation]
    : (u.imputation ?? (declaredImputation === 'none' ? ['none'] : ['mean', 'median']));
  return {
    imputation: unique([declaredImputation, ...imputation]),
    normalisation: unique([p.normalisation.method, ...(u.normalisation ?? ['minmax', 'zscore'])]),
    aggregation: unique([p.aggregation.method, ...(u.aggregation ?? ['arithmetic', 'geometric'])]),
    weights: u.weights,
  };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** The factors that actually vary, in a fixed order. */
export function factorsOf(c: Choices): Factor[] {
  const out: Factor[] = [];
  if (c.weights.kind !== 'fixed') out.push('weights');
  if (c.normalisation.length > 1) out.push('normalisation');
  if (c.aggregation.length > 1) out.push('aggregation');
  if (c.imputation.length > 1) out.push('imputation');
  return out;
}

/** Imputes, treats and normalises once per (imputation, normalisation) pair: the runs only reweight. */
export function prepare(p: Pipeline, data: CompositeData, c: Choices, nominalRanks: Int32Array): Prepared {
  const n = data.areas.length;
  const copeland = c.aggregation.includes('copeland');
  const all = c.imputation.flatMap((method) => {
    const treated = treat(p, data, method);
    return c.normalisation.map((norm) => forms(p, treated.values, n, norm, copeland));
  });
  return { n, d: data.indicators.length, forms: all, aggregations: c.aggregation, nominalRanks };
}

/** Turns design rows (rows × factors uniforms) into runs. */
export function buildPlan(
  design: Float64Array,
  factors: Factor[],
  mcRows: number,
  c: Choices,
  structure: WeightStructure,
  seed: number,
): Plan {
  const k = factors.length;
  const rows = k === 0 ? mcRows : design.length / k;
  const d = structure.indicator.length;
  const plan: Plan = {
    rows,
    mcRows,
    weights: new Float64Array(rows * d),
    form: new Uint16Array(rows),
    aggregation: new Uint8Array(rows),
  };
  const declared = effectiveWeights(structure);
  const pick = (r: number, f: Factor, m: number) => {
    const i = factors.indexOf(f);
    return i < 0 ? 0 : Math.min(m - 1, Math.floor(design[r * k + i]! * m));
  };
  for (let r = 0; r < rows; r++) {
    const w = plan.weights.subarray(r * d, r * d + d);
    const iw = factors.indexOf('weights');
    if (iw < 0) w.set(declared);
    else
      sampleWeights(
        structure,
        c.weights,
        createRandom(deriveSeed(seed, design[r * k + iw]! * 4294967296)),
        w,
      );
    plan.form[r] =
      pick(r, 'imputation', c.imputation.length) * c.normalisation.length +
      pick(r, 'normalisation', c.normalisation.length);
    plan.aggregation[r] = pick(r, 'aggregation', c.aggregation.length);
  }
  return plan;
}
