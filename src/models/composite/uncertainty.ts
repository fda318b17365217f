// Uncertainty and sensitivity analysis of a composite (OECD/JRC Handbook 2008 §1.7; Saisana,
// Saltelli & Tarantola 2005): Monte Carlo over weights, normalisation, aggregation and
// imputation; each area's median rank and 5–95% rank interval; Sobol first-order and total
// indices of each uncertain input for the output Y = mean absolute shift of the areas' ranks
// from the declared ranking, R̄_S = (1/n) Σ_a |rank_run(a) − rank_declared(a)|.
// Planning and summarising are pure and synchronous; the evaluation between them is handed to
// whoever runs it (in process, or split over worker threads — see parallel.ts).
import { findGaps, type CompositeData } from './data.ts';
import { SCORE_BINS, type Partial, type Plan, type Prepared } from './evaluate.ts';
import type { Pipeline } from './pipeline.ts';
import { buildPlan, factorsOf, prepare, uncertaintyChoices, type Choices, type Factor } from './plan.ts';
import { histogramQuantile } from './rank.ts';
import { saltelliDesign, sobolIndices } from './sobol.ts';
import { createRandom } from '../random.ts';
import { weightStructure } from './weights.ts';

/** Everything needed to evaluate and then summarise an analysis. */
export interface AnalysisPlan {
  prepared: Prepared;
  plan: Plan;
  factors: Factor[];
  choices: Choices;
  /** Base sample N of the Saltelli design (0 when Sobol indices are not computed). */
  base: number;
  seed: number;
}

/** Sobol indices of one input. */
export interface Sensitivity {
  input: Factor;
  first: number;
  total: number;
}

/** The result of the analysis, per area in the order of the pipeline's data. */
export interface UncertaintyResult {
  runs: number;
  evaluations: number;
  seed: number;
  factors: Factor[];
  choices: Choices;
  medianRank: Int32Array;
  rankP05: Int32Array;
  rankP95: Int32Array;
  /** Quantiles of each run's scores rescaled min–max to 0–100 over the areas (comparable across methods). */
  scoreP05: Float64Array;
  scoreMedian: Float64Array;
  scoreP95: Float64Array;
  meanRankShift: number;
  sobol: Sensitivity[];
}

/** Plans the runs: cached forms per choice, the design (Saltelli when Sobol is on), the weights per run. */
export function planAnalysis(p: Pipeline, data: CompositeData, nominalRanks: Int32Array): AnalysisPlan {
  const choices = uncertaintyChoices(p, findGaps(data).length > 0);
  const factors = factorsOf(choices);
  const { runs, seed, sobol } = p.uncertainty;
  const rng = createRandom(seed);
  const k = factors.length;
  const base = sobol && k > 0 ? Math.ceil(runs / 2) : 0;
  const mcRows = base > 0 ? 2 * base : runs;
  const design =
    base > 0 ? saltelliDesign(k, base, rng) : Float64Array.from({ length: runs * k }, () => rng.uniform());
  const prepared = prepare(p, data, choices, nominalRanks);
  const plan = buildPlan(design, factors, mcRows, choices, weightStructure(p), seed);
  return { prepared, plan, factors, choices, base, seed };
}

/** Adds up partial results (any split of the rows) and derives the intervals and indices. */
export function summarise(a: AnalysisPlan, partials: Partial[]): UncertaintyResult {
  const { n } = a.prepared;
  const { rows, mcRows } = a.plan;
  const shift = new Float64Array(rows);
  const rankCounts = new Int32Array(n * n);
  const scoreCounts = new Int32Array(n * SCORE_BINS);
  let covered = 0;
  for (const part of partials) {
    shift.set(part.shift, part.from);
    covered += part.to - part.from;
    for (let i = 0; i < rankCounts.length; i++) rankCounts[i]! += part.rankCounts[i]!;
    for (let i = 0; i < scoreCounts.length; i++) scoreCounts[i]! += part.scoreCounts[i]!;
  }
  if (covered !== rows) throw new Error(`evaluated ${covered} of ${rows} runs`);
  const rankAt = (p: number) =>
    Int32Array.from({ length: n }, (_, i) => histogramQuantile(rankCounts, i * n, n, mcRows, p));
  const scoreAt = (p: number) =>
    Float64Array.from(
      { length: n },
      (_, i) =>
        ((histogramQuantile(scoreCounts, i * SCORE_BINS, SCORE_BINS, mcRows, p) - 1) * 100) /
        (SCORE_BINS - 1),
    );
  let meanShift = 0;
  for (let r = 0; r < mcRows; r++) meanShift += shift[r]! / mcRows;
  const indices = a.base > 0 ? sobolIndices(shift, a.factors.length, a.base) : undefined;
  return {
    runs: mcRows,
    evaluations: rows,
    seed: a.seed,
    factors: a.factors,
    choices: a.choices,
    medianRank: rankAt(0.5),
    rankP05: rankAt(0.05),
    rankP95: rankAt(0.95),
    scoreP05: scoreAt(0.05),
    scoreMedian: scoreAt(0.5),
    scoreP95: scoreAt(0.95),
    meanRankShift: meanShift,
    sobol: indices
      ? a.factors.map((input, i) => ({ input, first: indices.first[i]!, total: indices.total[i]! }))
      : [],
  };
}
