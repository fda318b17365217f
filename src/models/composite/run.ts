// Replays a declared pipeline step by step, deterministically: screen → impute → treat
// outliers → normalise → weight → aggregate → rank. Each step's record is kept so the index
// can be explained and rebuilt with other choices.
import { aggregate, pairSigns } from './aggregate.ts';
import { screenAreas, selectIndicators, type CompositeData } from './data.ts';
import { impute, type ImputedCell } from './impute.ts';
import { normalise, positive } from './normalise.ts';
import { treatColumn, type Treatment } from './outliers.ts';
import type { AggregationMethod, ImputationMethod, NormalisationMethod, Pipeline } from './pipeline.ts';
import { ranksDescending } from './rank.ts';
import { effectiveWeights, weightStructure } from './weights.ts';

/** Completed, treated values (areas × indicators) for one imputation choice. */
export interface Treated {
  values: Float64Array;
  imputed: ImputedCell[];
  treated: Treatment[];
}

/** The forms of a normalised matrix the aggregations read. */
export interface Forms {
  normalised: Float64Array;
  /** ln of the [1, 100] rescale, for the geometric mean. */
  logs: Float64Array;
  /** Pairwise signs, for Copeland (only when asked for). */
  signs?: Int8Array;
}

/** The deterministic result of a pipeline as declared. */
export interface Replay {
  areas: string[];
  indicators: string[];
  scores: Float64Array;
  ranks: Int32Array;
  weights: Float64Array;
  normalised: Float64Array;
  steps: { screenedOut: string[]; imputed: ImputedCell[]; treated: Treatment[] };
}

/** Selects the pipeline's indicators and screens areas: the table every later step reads. */
export function pipelineData(
  pipeline: Pipeline,
  data: CompositeData,
): { data: CompositeData; screenedOut: string[] } {
  const selected = selectIndicators(
    data,
    pipeline.indicators.map((i) => i.id),
  );
  const { data: screened, dropped } = screenAreas(selected, pipeline.screening.minCoverage);
  return { data: screened, screenedOut: dropped };
}

/** Imputes by `method`, then treats outliers column by column. */
export function treat(pipeline: Pipeline, data: CompositeData, method: ImputationMethod): Treated {
  const { values, imputed } = impute(data, method, pipeline.imputation.k);
  const n = data.areas.length;
  const d = data.indicators.length;
  const out = values.slice();
  const treated: Treatment[] = [];
  const column = new Float64Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) column[i] = out[i * d + j]!;
    const t = treatColumn(column, pipeline.outliers, data.indicators[j]!);
    if (!t) continue;
    treated.push(t);
    for (let i = 0; i < n; i++) out[i * d + j] = column[i]!;
  }
  return { values: out, imputed, treated };
}

/** Normalises every column by `method` and derives the forms the aggregations need. */
export function forms(
  pipeline: Pipeline,
  values: Float64Array,
  n: number,
  method: NormalisationMethod,
  signs: boolean,
): Forms {
  const d = pipeline.indicators.length;
  const normalised = new Float64Array(n * d);
  const logs = new Float64Array(n * d);
  const column = new Float64Array(n);
  pipeline.indicators.forEach((ind, j) => {
    for (let i = 0; i < n; i++) column[i] = values[i * d + j]!;
    const v = normalise(column, ind.direction, method, ind.goalposts, ind.id);
    const p = positive(v, method);
    for (let i = 0; i < n; i++) {
      normalised[i * d + j] = v[i]!;
      logs[i * d + j] = Math.log(p[i]!);
    }
  });
  return { normalised, logs, ...(signs ? { signs: pairSigns(normalised, n, d) } : {}) };
}

/** Scores and ranks from forms, weights and an aggregation. */
export function score(f: Forms, n: number, d: number, w: Float64Array, method: AggregationMethod) {
  const scores = aggregate(method, f, n, d, w);
  return { scores, ranks: ranksDescending(scores) };
}

/** Runs the pipeline exactly as declared. */
export function replay(pipeline: Pipeline, input: CompositeData): Replay {
  const { data, screenedOut } = pipelineData(pipeline, input);
  const n = data.areas.length;
  const d = data.indicators.length;
  const t = treat(pipeline, data, pipeline.imputation.method);
  const f = forms(
    pipeline,
    t.values,
    n,
    pipeline.normalisation.method,
    pipeline.aggregation.method === 'copeland',
  );
  const weights = effectiveWeights(weightStructure(pipeline));
  const { scores, ranks } = score(f, n, d, weights, pipeline.aggregation.method);
  return {
    areas: [...data.areas],
    indicators: [...data.indicators],
    scores,
    ranks,
    weights,
    normalised: f.normalised,
    steps: { screenedOut, imputed: t.imputed, treated: t.treated },
  };
}
