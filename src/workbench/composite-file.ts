import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import {
  findGaps,
  runComposite,
  type CompositeData,
  type CompositeResult,
  type WorkerPool,
} from '../models/composite/index.ts';
import { pipelineSchema, type Pipeline } from '../models/composite/pipeline.ts';
import { CompositeFile, type CompositeReport } from '../contract/composite.ts';
import type { Ctx } from './context.ts';
import { DataFileError, readDataFile, validateFile, type ParsedFile } from './data-file.ts';
import { lads2023 } from './geography.ts';
import { indicatorSeries, type Series } from './indicator-series.ts';
import type { Registry } from './registry.ts';

const EXAMPLE = new URL('../../data/indicators/composites/example-local-prosperity.yaml', import.meta.url)
  .pathname;

/** The example composite shipped with Strata (marked EXAMPLE), as a file to edit and post back. */
export function compositeExample(): CompositeFile {
  return CompositeFile.parse(readDataFile(EXAMPLE).value);
}

/** A composite refused because values are missing and the pipeline declares no imputation; lists every gap. */
export class MissingValuesError extends UsageError {
  readonly gaps: string[];
  constructor(gaps: string[], message: string) {
    super(message, 'missing_values', 422, { gaps });
    this.gaps = gaps;
  }
}

/** Where the areas × indicators table comes from: Strata's addition to the declared pipeline. */
const dataSchema = z.strictObject({
  level: z.enum(['lad', 'itl3']).default('lad'),
  /** `latest-common`: the latest year every indicator has; `latest`: each its own latest; or a year. */
  period: z
    .union([z.enum(['latest-common', 'latest']), z.number().int().min(1990).max(2100)])
    .default('latest-common'),
});
const fileSchema = z.looseObject({ data: dataSchema.prefault({}) });

/**
 * Runs a composite declared in a file (JSON or YAML): validates it against the pipeline schema
 * and the registry (errors name the path), builds the areas × indicators table from the store at
 * the declared period, and runs the index with its uncertainty and sensitivity analysis.
 */
export async function runCompositeFile(
  ctx: Ctx,
  taxonomy: Taxonomy,
  file: ParsedFile,
  opts: { workers?: number; pool?: WorkerPool } = {},
): Promise<CompositeReport> {
  const { data: spec } = validateFile(file, fileSchema);
  const { data: _data, ...rest } = file.value as Record<string, unknown>;
  const pipeline = validateFile({ ...file, value: rest }, pipelineSchema);
  const notes = checkAgainstRegistry(file, pipeline, await ctx.registry(), spec.level);
  const series = await Promise.all(
    pipeline.indicators.map((i) => indicatorSeries(ctx, i.id, taxonomy, spec.level)),
  );
  const { data, periods, names } = await buildTable(ctx, series, spec);
  const gaps = findGaps(data);
  if (gaps.length && pipeline.imputation.method === 'none')
    throw new MissingValuesError(
      gaps,
      `composite ${pipeline.id}: ${gaps.length} values missing and imputation is none (declare imputation.method mean, median, group-mean or knn, or drop the indicator): ${gaps.join(', ')}`,
    );
  const workers = opts.workers ?? Math.min(2, availableParallelism());
  let r: CompositeResult;
  try {
    r = await runComposite(pipeline, data, opts.pool ? { pool: opts.pool } : { workers });
  } catch (e) {
    // the model's errors here come from the declared pipeline meeting this data (a constant indicator, …)
    if (e instanceof UsageError || !(e instanceof Error)) throw e;
    throw new UsageError(`composite ${pipeline.id}: ${e.message}`);
  }
  return report(pipeline, spec.level, r, periods, names, [...notes, ...gapNotes(gaps, pipeline)]);
}

function checkAgainstRegistry(file: ParsedFile, p: Pipeline, registry: Registry, level: string): string[] {
  const notes: string[] = [];
  const issues = p.indicators.flatMap((ind, i) => {
    const at = file.locate(['indicators', i, 'id']);
    const refuse = (message: string) => [
      { path: `indicators.${i}.id`, line: at?.line ?? null, column: at?.column ?? null, message },
    ];
    const e = registry.indicators.find((x) => x.id === ind.id);
    if (!e) return refuse(`unknown indicator: ${ind.id}`);
    if (e.kind === 'industry') return refuse(`${ind.id} is published by industry, not by area`);
    if (!e.levels.includes(level as never))
      return refuse(`${ind.id} is not published at ${level} level (${e.levels.join(', ')})`);
    const declared = e.polarity === 'higher-is-better' ? 1 : e.polarity === 'lower-is-better' ? -1 : 0;
    if (declared !== 0 && declared !== ind.direction)
      notes.push(
        `${ind.id}: direction ${ind.direction} runs against the registry's polarity (${e.polarity})`,
      );
    return [];
  });
  if (issues.length) throw new DataFileError(file.name, issues);
  return notes;
}

async function buildTable(ctx: Ctx, series: Series[], spec: z.output<typeof dataSchema>) {
  const areas =
    spec.level === 'lad'
      ? (await lads2023(ctx)).map((l) => ({ code: l.areacd, name: l.areanm, group: l.region }))
      : itl3Areas(series);
  const years = series.map(
    (s) => new Set(s.rows.filter((r) => r.level === spec.level && r.value !== null).map((r) => r.year)),
  );
  const year = chooseYear(series, years, spec.period);
  const n = areas.length;
  const d = series.length;
  const values = new Float64Array(n * d).fill(NaN);
  const index = new Map(areas.map((a, i) => [a.code, i]));
  const periods = series.map((s, j) => {
    const y = year ?? Math.max(...years[j]!);
    const rows = s.rows.filter((r) => r.level === spec.level && r.year === y && r.value !== null);
    const last = rows.reduce((p, r) => (r.period > p ? r.period : p), '');
    let count = 0;
    for (const r of rows.filter((x) => x.period === last)) {
      const i = index.get(r.areacd);
      if (i === undefined) continue;
      values[i * d + j] = r.value!;
      count++;
    }
    return { indicator: s.entry.id, period: last, areas: count };
  });
  const data: CompositeData = {
    areas: areas.map((a) => a.code),
    indicators: series.map((s) => s.entry.id),
    values,
    groups: areas.map((a) => a.group),
  };
  return { data, periods, names: new Map(areas.map((a) => [a.code, a.name])) };
}

function itl3Areas(series: Series[]) {
  const m = new Map<string, string>();
  for (const s of series) for (const r of s.rows) if (r.level === 'itl3') m.set(r.areacd, r.areanm);
  return [...m].sort().map(([code, name]) => ({ code, name, group: code.slice(0, 3) }));
}

function chooseYear(
  series: Series[],
  years: Set<number>[],
  period: number | 'latest' | 'latest-common',
): number | null {
  if (period === 'latest') return null;
  if (typeof period === 'number') {
    const lacking = series.filter((_, j) => !years[j]!.has(period)).map((s) => s.entry.id);
    if (lacking.length) throw new UsageError(`no values in ${period} for: ${lacking.join(', ')}`);
    return period;
  }
  const common = [...years[0]!].filter((y) => years.every((s) => s.has(y)));
  if (common.length === 0)
    throw new UsageError(
      `the indicators share no year (${series.map((s, j) => `${s.entry.id} ${Math.min(...years[j]!)}–${Math.max(...years[j]!)}`).join('; ')}): declare data.period: latest or drop one`,
    );
  return Math.max(...common);
}

function gapNotes(gaps: string[], p: Pipeline): string[] {
  if (!gaps.length) return [];
  return [`${gaps.length} missing values filled by ${p.imputation.method} imputation (listed under imputed)`];
}

function report(
  pipeline: Pipeline,
  level: string,
  r: CompositeResult,
  periods: CompositeReport['periods'],
  names: Map<string, string>,
  notes: string[],
): CompositeReport {
  const rows = r.areas
    .map((areacd, i) => ({
      areacd,
      areanm: names.get(areacd) ?? areacd,
      score: r.scores[i]!,
      rank: r.ranks[i]!,
      medianRank: r.medianRank[i]!,
      rankP05: r.rankP05[i]!,
      rankP95: r.rankP95[i]!,
      scoreP05: r.scoreP05[i]!,
      scoreMedian: r.scoreMedian[i]!,
      scoreP95: r.scoreP95[i]!,
    }))
    .sort((a, b) => a.rank - b.rank || (a.areacd < b.areacd ? -1 : 1));
  return {
    id: pipeline.id,
    title: pipeline.title ?? null,
    level,
    periods,
    rows,
    weights: r.indicators.map((indicator, j) => ({ indicator, weight: r.weights[j]! })),
    sobol: r.sobol,
    runs: r.runs,
    evaluations: r.evaluations,
    seed: r.seed,
    factors: r.factors,
    meanRankShift: r.meanRankShift,
    imputed: r.steps.imputed.map((c) => ({ ...c })),
    screenedOut: r.steps.screenedOut,
    treated: r.steps.treated.map((t) => ({
      indicator: t.indicator,
      action: t.action,
      areas: t.rows.length,
      skewness: t.skewness,
      kurtosis: t.kurtosis,
    })),
    notes: [
      ...notes,
      `Ranks: 1 = best; median rank and 5–95% interval over ${r.runs} Monte Carlo runs varying ${r.factors.join(', ') || 'nothing'}.`,
    ],
    pipeline,
  };
}
