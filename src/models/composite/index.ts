// The composite-index model in one call, so `strata composite run FILE` stays thin:
// validate the pipeline, replay it as declared, run the uncertainty and sensitivity analysis,
// and return scores, ranks, rank intervals and Sobol indices per input.
import type { CompositeData } from './data.ts';
import { evaluate } from './evaluate.ts';
import { createWorkerPool, type WorkerPool } from './parallel.ts';
import { parsePipeline, type Pipeline } from './pipeline.ts';
import { pipelineData, replay, type Replay } from './run.ts';
import { planAnalysis, summarise, type UncertaintyResult } from './uncertainty.ts';

export type { CompositeData } from './data.ts';
export type { Pipeline, PipelineInput } from './pipeline.ts';
export { parsePipeline } from './pipeline.ts';
export { findGaps } from './data.ts';
export { replay } from './run.ts';
export { createWorkerPool };
export type { WorkerPool };

/**
 * How to run: `workers` threads in all (this one plus workers − 1 new worker threads; 1 = this
 * thread only), or this thread plus a pool the caller keeps between analyses.
 */
export interface CompositeOptions {
  workers?: number;
  pool?: WorkerPool;
}

/** The declared result and its uncertainty, per area (in `areas` order). */
export type CompositeResult = Omit<Replay, 'normalised'> & UncertaintyResult & { pipeline: Pipeline };

/** Runs a composite index: declared scores and ranks, Monte Carlo rank intervals, Sobol indices. */
export async function runComposite(
  pipelineInput: unknown,
  data: CompositeData,
  options: CompositeOptions = {},
): Promise<CompositeResult> {
  const pipeline = parsePipeline(pipelineInput);
  // start workers first: their start-up overlaps the replay and the planning below
  const own =
    !options.pool && (options.workers ?? 1) > 1 ? createWorkerPool(options.workers! - 1) : undefined;
  try {
    const declared = replay(pipeline, data);
    const { data: used } = pipelineData(pipeline, data);
    const analysis = planAnalysis(pipeline, used, declared.ranks);
    const pool = options.pool ?? own;
    const partials = pool
      ? await pool.evaluate(analysis.prepared, analysis.plan)
      : [evaluate(analysis.prepared, analysis.plan, 0, analysis.plan.rows)];
    const { normalised: _normalised, ...rest } = declared;
    return { pipeline, ...rest, ...summarise(analysis, partials) };
  } finally {
    await own?.close();
  }
}

/** One row of a league table: never a rank without its interval. */
export interface LeagueRow {
  area: string;
  score: number;
  rank: number;
  medianRank: number;
  rankP05: number;
  rankP95: number;
}

/** The areas in declared rank order, each with its median rank and 5–95% rank interval. */
export function leagueTable(r: CompositeResult): LeagueRow[] {
  return r.areas
    .map((area, i) => ({
      area,
      score: r.scores[i]!,
      rank: r.ranks[i]!,
      medianRank: r.medianRank[i]!,
      rankP05: r.rankP05[i]!,
      rankP95: r.rankP95[i]!,
    }))
    .sort((a, b) => a.rank - b.rank || (a.area < b.area ? -1 : 1));
}
