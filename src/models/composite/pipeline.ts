// A composite index as a declared pipeline (METHODS.md §4; OECD/JRC Handbook 2008; COINr):
// indicators with direction → screening → imputation → outlier treatment → normalisation →
// weights (indicators → pillars → index) → aggregation, plus the uncertainty analysis to run.
// It is plain data, validated here, so an index can be stored, shared and replayed.
import { z } from 'zod';

const imputationMethod = z.enum(['none', 'mean', 'median', 'group-mean', 'knn']);
const normalisationMethod = z.enum(['minmax', 'goalposts', 'zscore', 'rank']);
const aggregationMethod = z.enum(['arithmetic', 'geometric', 'copeland']);

export type ImputationMethod = z.infer<typeof imputationMethod>;
export type NormalisationMethod = z.infer<typeof normalisationMethod>;
export type AggregationMethod = z.infer<typeof aggregationMethod>;

const indicator = z.object({
  id: z.string().min(1),
  /** +1: higher is better; −1: lower is better (the value is turned round before normalising). */
  direction: z.union([z.literal(1), z.literal(-1)]),
  pillar: z.string().min(1).optional(),
  /** Fixed bounds for `goalposts` normalisation, in the indicator's own unit. */
  goalposts: z.object({ lower: z.number(), upper: z.number() }).optional(),
});

const weightsUncertainty = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('uniform'), spread: z.number().min(0).max(1).default(0.25) }),
  z.object({ kind: z.literal('dirichlet'), concentration: z.number().positive().default(100) }),
  z.object({ kind: z.literal('fixed') }),
]);

const weightTable = z.record(z.string(), z.number().nonnegative()).prefault({});

export const pipelineSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().optional(),
    indicators: z.array(indicator).min(1),
    screening: z.object({ minCoverage: z.number().min(0).max(1).default(0) }).prefault({}),
    imputation: z
      .object({ method: imputationMethod.default('none'), k: z.number().int().min(1).default(5) })
      .prefault({}),
    outliers: z
      .object({
        method: z.enum(['winsorise', 'none']).default('winsorise'),
        skewness: z.number().positive().default(2),
        kurtosis: z.number().default(3.5),
        maxPoints: z.number().int().min(0).default(5),
        then: z.enum(['log', 'none']).default('log'),
      })
      .prefault({}),
    normalisation: z.object({ method: normalisationMethod.default('minmax') }).prefault({}),
    weights: weightTable,
    pillarWeights: weightTable,
    aggregation: z.object({ method: aggregationMethod.default('arithmetic') }).prefault({}),
    uncertainty: z
      .object({
        runs: z.number().int().min(2).default(1000),
        seed: z.number().int().default(1),
        weights: weightsUncertainty.prefault({ kind: 'uniform' }),
        normalisation: z.array(normalisationMethod).min(1).optional(),
        aggregation: z.array(aggregationMethod).min(1).optional(),
        imputation: z.array(imputationMethod).min(1).optional(),
        sobol: z.boolean().default(true),
      })
      .prefault({}),
  })
  .superRefine(checkReferences);

/** A validated pipeline with every default filled in. */
export type Pipeline = z.output<typeof pipelineSchema>;
/** A pipeline as written by a user (defaults may be left out). */
export type PipelineInput = z.input<typeof pipelineSchema>;

/** Validates a pipeline; errors name the path: `invalid pipeline: weights.gva: expected number …`. */
export function parsePipeline(input: unknown): Pipeline {
  const result = pipelineSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`invalid pipeline: ${lines.join('; ')}`);
}

type Draft = z.input<typeof pipelineSchema> & { indicators: z.output<typeof indicator>[] };

function checkReferences(p: Draft, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const ids = new Set<string>();
  p.indicators.forEach((ind, i) => {
    if (ids.has(ind.id)) issue(['indicators', i, 'id'], `duplicate indicator: ${ind.id}`);
    ids.add(ind.id);
    if (ind.goalposts && !(ind.goalposts.lower < ind.goalposts.upper))
      issue(['indicators', i, 'goalposts'], 'lower must be below upper');
  });
  for (const key of Object.keys(p.weights ?? {}))
    if (!ids.has(key)) issue(['weights', key], `not a declared indicator: ${key}`);
  const pillars = new Set(p.indicators.map((i) => i.pillar).filter((x) => x !== undefined));
  if (pillars.size > 0)
    p.indicators.forEach((ind, i) => {
      if (ind.pillar === undefined)
        issue(['indicators', i, 'pillar'], 'every indicator needs a pillar when any has one');
    });
  for (const key of Object.keys(p.pillarWeights ?? {}))
    if (!pillars.has(key)) issue(['pillarWeights', key], `not a declared pillar: ${key}`);
  const normalisations = [p.normalisation?.method ?? 'minmax', ...(p.uncertainty?.normalisation ?? [])];
  if (normalisations.includes('goalposts'))
    p.indicators.forEach((ind, i) => {
      if (!ind.goalposts) issue(['indicators', i, 'goalposts'], 'required for goalposts normalisation');
    });
}
