// POST /api/v1/composite, GET /api/v1/composite/example and `strata composite run FILE`: a
// composite index declared as data, with its rank intervals and sensitivity analysis.
import { z } from 'zod';
import { Notes } from './common.ts';
import { table } from './table.ts';

const IMPUTATION = ['none', 'mean', 'median', 'group-mean', 'knn'] as const;
const NORMALISATION = ['minmax', 'goalposts', 'zscore', 'rank'] as const;
const AGGREGATION = ['arithmetic', 'geometric', 'copeland'] as const;

/** Fields a file may leave out (defaults apply) and the validated pipeline always has. */
function field<T extends z.ZodType>(schema: T, asWritten: boolean) {
  return asWritten ? schema.optional() : schema;
}

// The pipeline's shape, written once: as validated (every default filled) or as written in a file.
function pipelineShape(asWritten: boolean) {
  const f = <T extends z.ZodType>(s: T) => field(s, asWritten);
  return {
    id: z.string(),
    title: z.string().optional(),
    indicators: z.array(
      z.strictObject({
        id: z.string(),
        direction: z.union([z.literal(1), z.literal(-1)]),
        pillar: z.string().optional(),
        goalposts: z.strictObject({ lower: z.number(), upper: z.number() }).optional(),
      }),
    ),
    screening: f(z.strictObject({ minCoverage: f(z.number()) })),
    imputation: f(z.strictObject({ method: f(z.enum(IMPUTATION)), k: f(z.number()) })),
    outliers: f(
      z.strictObject({
        method: f(z.enum(['winsorise', 'none'])),
        skewness: f(z.number()),
        kurtosis: f(z.number()),
        maxPoints: f(z.number()),
        then: f(z.enum(['log', 'none'])),
      }),
    ),
    normalisation: f(z.strictObject({ method: f(z.enum(NORMALISATION)) })),
    weights: f(z.record(z.string(), z.number())),
    pillarWeights: f(z.record(z.string(), z.number())),
    aggregation: f(z.strictObject({ method: f(z.enum(AGGREGATION)) })),
    uncertainty: f(
      z.strictObject({
        runs: f(z.number()),
        seed: f(z.number()),
        weights: f(
          z.discriminatedUnion('kind', [
            z.strictObject({ kind: z.literal('uniform'), spread: f(z.number()) }),
            z.strictObject({ kind: z.literal('dirichlet'), concentration: f(z.number()) }),
            z.strictObject({ kind: z.literal('fixed') }),
          ]),
        ),
        normalisation: z.array(z.enum(NORMALISATION)).optional(),
        aggregation: z.array(z.enum(AGGREGATION)).optional(),
        imputation: z.array(z.enum(IMPUTATION)).optional(),
        sobol: f(z.boolean()),
      }),
    ),
  };
}

/** A validated pipeline, every default filled in. */
export const Pipeline = z.strictObject(pipelineShape(false)).meta({ id: 'Pipeline' });

/** A composite file as written: the pipeline, and where its table comes from (level, period). */
export const CompositeFile = z
  .strictObject({
    ...pipelineShape(true),
    data: z
      .strictObject({
        level: z.enum(['lad', 'itl3']).optional(),
        period: z.union([z.enum(['latest-common', 'latest']), z.number()]).optional(),
      })
      .optional(),
  })
  .meta({ id: 'CompositeFile' });
export type CompositeFile = z.infer<typeof CompositeFile>;

/** One area: never a rank without its interval. */
export const CompositeRow = z
  .strictObject({
    areacd: z.string(),
    areanm: z.string(),
    score: z.number(),
    rank: z.number(),
    medianRank: z.number(),
    rankP05: z.number(),
    rankP95: z.number(),
    scoreP05: z.number(),
    scoreMedian: z.number(),
    scoreP95: z.number(),
  })
  .meta({ id: 'CompositeRow' });

const Factor = z.enum(['weights', 'normalisation', 'aggregation', 'imputation']);

/** A composite index: scores, declared ranks, median ranks and 5–95% rank intervals, Sobol indices per input. */
export const CompositeReport = z
  .strictObject({
    id: z.string(),
    title: z.string().nullable(),
    level: z.string(),
    periods: z.array(z.strictObject({ indicator: z.string(), period: z.string(), areas: z.number() })),
    rows: z.array(CompositeRow),
    weights: z.array(z.strictObject({ indicator: z.string(), weight: z.number() })),
    sobol: z.array(z.strictObject({ input: Factor, first: z.number(), total: z.number() })),
    runs: z.number(),
    evaluations: z.number(),
    seed: z.number(),
    factors: z.array(Factor),
    meanRankShift: z.number(),
    imputed: z.array(
      z.strictObject({
        area: z.string(),
        indicator: z.string(),
        value: z.number(),
        method: z.enum(IMPUTATION),
      }),
    ),
    screenedOut: z.array(z.string()),
    treated: z.array(
      z.strictObject({
        indicator: z.string(),
        action: z.enum(['winsorised', 'log', 'failed']),
        areas: z.number(),
        skewness: z.number(),
        kurtosis: z.number(),
      }),
    ),
    notes: Notes,
    pipeline: Pipeline,
  })
  .meta({ id: 'CompositeReport' });
export type CompositeReport = z.infer<typeof CompositeReport>;

export const compositeView = table(
  (r: CompositeReport) => r.rows,
  [
    'rank',
    'areacd',
    'areanm',
    'score',
    ['median_rank', (x) => x.medianRank],
    ['rank_p05', (x) => x.rankP05],
    ['rank_p95', (x) => x.rankP95],
    ['score_p05', (x) => x.scoreP05],
    ['score_median', (x) => x.scoreMedian],
    ['score_p95', (x) => x.scoreP95],
  ],
);
