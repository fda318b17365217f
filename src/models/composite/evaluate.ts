// The Monte Carlo inner loop, shared by the main thread and the worker threads: for each
// planned run, aggregate the cached normalised matrix with the run's weights, rank, and add
// the ranks (and the run's 0–100 rescaled scores) to per-area histograms. Histograms, not
// stored runs, so memory stays n × n whatever the number of runs, and partial results from
// workers add up exactly.
// Speed: rows are taken in groups sharing a matrix and aggregation, four runs per pass over
// the matrix (each value loaded once for four dot products); geometric runs are ranked on the
// weighted mean of logs (exp is monotone) and exponentiated only when their scores are binned.
import { copeland } from './aggregate.ts';
import type { AggregationMethod } from './pipeline.ts';
import { rankScratch, ranksDescending } from './rank.ts';
import type { Forms } from './run.ts';

/** Score histograms have bins of 0.5 on the 0–100 rescaled score: 201 bins (small enough to stay in cache). */
export const SCORE_BINS = 201;

/** What every run reads: the cached forms for each (imputation, normalisation) pair, and the nominal ranks. */
export interface Prepared {
  n: number;
  d: number;
  /** Indexed by imputation × normalisations.length + normalisation. */
  forms: Forms[];
  aggregations: AggregationMethod[];
  nominalRanks: Int32Array;
}

/** The runs to do: effective weights (rows × d), the forms and aggregation of each row. */
export interface Plan {
  rows: number;
  /** Rows before this index are Monte Carlo draws and enter the histograms; the rest serve Sobol only. */
  mcRows: number;
  weights: Float64Array;
  form: Uint16Array;
  aggregation: Uint8Array;
}

/** The outcome of rows [from, to): each row's mean absolute rank shift, and the histograms. */
export interface Partial {
  from: number;
  to: number;
  shift: Float64Array;
  rankCounts: Int32Array;
  scoreCounts: Int32Array;
}

/** Evaluates planned rows [from, to) — the hot loop. */
export function evaluate(prepared: Prepared, plan: Plan, from: number, to: number): Partial {
  const { n, d } = prepared;
  const part: Partial = {
    from,
    to,
    shift: new Float64Array(to - from),
    rankCounts: new Int32Array(n * n),
    scoreCounts: new Int32Array(n * SCORE_BINS),
  };
  const scores = [0, 1, 2, 3].map(() => new Float64Array(n));
  const ranks = new Int32Array(n);
  const scratch = rankScratch(n);
  const rows = rowsByKey(plan, from, to);
  for (let g = 0; g < rows.length;) {
    const r0 = rows[g]!;
    const method = prepared.aggregations[plan.aggregation[r0]!]!;
    const forms = prepared.forms[plan.form[r0]!]!;
    let size = 1;
    while (size < 4 && g + size < rows.length && sameKey(plan, rows[g + size]!, r0)) size++;
    const group = rows.subarray(g, g + size);
    if (method === 'copeland')
      copeland(forms.signs!, n, d, plan.weights.subarray(r0 * d, r0 * d + d), scores[0]);
    else dots(method === 'geometric' ? forms.logs : forms.normalised, n, d, plan.weights, group, scores);
    for (let b = 0; b < (method === 'copeland' ? 1 : size); b++)
      finish(prepared, plan, group[b]!, method, scores[b]!, ranks, scratch, part);
    g += method === 'copeland' ? 1 : size;
  }
  return part;
}

// Row indices [from, to) ordered by (form, aggregation) so equal keys sit together.
function rowsByKey(plan: Plan, from: number, to: number): Int32Array {
  const rows = Int32Array.from({ length: to - from }, (_, i) => from + i);
  const key = (r: number) => plan.form[r]! * 256 + plan.aggregation[r]!;
  return rows.sort((a, b) => key(a) - key(b) || a - b);
}

function sameKey(plan: Plan, a: number, b: number): boolean {
  return plan.form[a] === plan.form[b] && plan.aggregation[a] === plan.aggregation[b];
}

// Up to four matrix–vector products in one pass over the matrix (m is n × d, row-major).
function dots(
  m: Float64Array,
  n: number,
  d: number,
  w: Float64Array,
  group: Int32Array,
  out: Float64Array[],
): void {
  const size = group.length;
  const o0 = group[0]! * d;
  const o1 = (size > 1 ? group[1]! : group[0]!) * d;
  const o2 = (size > 2 ? group[2]! : group[0]!) * d;
  const o3 = (size > 3 ? group[3]! : group[0]!) * d;
  const [s0, s1, s2, s3] = out as [Float64Array, Float64Array, Float64Array, Float64Array];
  for (let i = 0, k = 0; i < n; i++) {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let j = 0; j < d; j++, k++) {
      const x = m[k]!;
      a0 += x * w[o0 + j]!;
      a1 += x * w[o1 + j]!;
      a2 += x * w[o2 + j]!;
      a3 += x * w[o3 + j]!;
    }
    s0[i] = a0;
    s1[i] = a1;
    s2[i] = a2;
    s3[i] = a3;
  }
}

function finish(
  prepared: Prepared,
  plan: Plan,
  r: number,
  method: AggregationMethod,
  scores: Float64Array,
  ranks: Int32Array,
  scratch: ReturnType<typeof rankScratch>,
  part: Partial,
): void {
  const { n, nominalRanks } = prepared;
  ranksDescending(scores, ranks, scratch);
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(ranks[i]! - nominalRanks[i]!);
  part.shift[r - part.from] = s / n;
  if (r >= plan.mcRows) return;
  for (let i = 0; i < n; i++) part.rankCounts[i * n + ranks[i]! - 1]!++;
  if (method === 'geometric') {
    for (let i = 0; i < n; i++) scores[i] = Math.exp(scores[i]!);
    binScores(scores, Math.exp(scratch.min), Math.exp(scratch.max), part.scoreCounts);
  } else binScores(scores, scratch.min, scratch.max, part.scoreCounts);
}

function binScores(scores: Float64Array, min: number, max: number, counts: Int32Array): void {
  const n = scores.length;
  const scale = max > min ? (SCORE_BINS - 1) / (max - min) : 0;
  for (let i = 0; i < n; i++) {
    const bin = max > min ? Math.floor((scores[i]! - min) * scale + 0.5) : (SCORE_BINS - 1) / 2;
    counts[i * SCORE_BINS + bin]!++;
  }
}
