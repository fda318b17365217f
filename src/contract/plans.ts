// `strata plans`, /api/v1/plans: a scenario's expected outcome or a finance plan's path, frozen
// with an id, its file's checksum, the method version and the data vintages; and, where a
// published indicator measures a figure, its forecast against outturn in parts that add up exactly.
import { z } from 'zod';
import { Part, Vintage } from './accountability.ts';
import { table } from './table.ts';

/** Where a figure meets a published indicator: the level expected once the effect is added to the baseline. */
export const PlanLink = z
  .strictObject({
    indicator: z.string(),
    unit: z.string(),
    baselinePeriod: z
      .number()
      .meta({ description: 'the year of the baseline value (the scenario’s base year or before)' }),
    baseline: z.number(),
    effect: z.number().meta({ description: 'the figure in the indicator’s unit' }),
    effectP05: z.number().nullable(),
    effectP95: z.number().nullable(),
    expected: z.number().meta({ description: 'baseline + effect' }),
    exact: z.string().meta({ description: 'expected as recorded (shortest round-trip decimal)' }),
  })
  .meta({ id: 'PlanLink' });
export type PlanLink = z.infer<typeof PlanLink>;

/** One frozen figure: a goal (scenario) or measure (finance) for an intervention or policy, area and year, with its band. */
export const PlanPoint = z
  .strictObject({
    series: z
      .string()
      .meta({ description: 'the intervention (or all) of a scenario; the policy of a finance plan' }),
    measure: z.string().meta({ description: 'the goal (scenario) or measure (finance)' }),
    areacd: z.string(),
    year: z.number(),
    unit: z.string(),
    value: z
      .number()
      .nullable()
      .meta({ description: 'the central figure: a scenario’s value, a finance path’s median' }),
    bands: z.record(z.string(), z.number().nullable()).meta({
      description: 'p05 and p95 (scenario); p05, p10, p25, p50, p75, p90, p95 and mean (finance)',
    }),
    link: PlanLink.nullable(),
  })
  .meta({ id: 'PlanPoint' });
export type PlanPoint = z.infer<typeof PlanPoint>;

/** A frozen plan. */
export const Plan = z
  .strictObject({
    id: z.string().meta({ description: 'S-YYYY-NNN (scenario) or F-YYYY-NNN (finance); never reused' }),
    kind: z.enum(['scenario', 'finance']),
    title: z.string(),
    source: z.string().meta({ description: 'the file it was run from' }),
    fingerprint: z.string().meta({ description: 'sha256 of the file' }),
    method: z.string().meta({ description: 'method and version (scenario-lab@1, finance-paths@1)' }),
    parameters: z.record(z.string(), z.number()),
    areas: z.array(z.string()),
    points: z.array(PlanPoint),
    vintages: z.array(Vintage),
    frozenOn: z.string(),
    who: z.string(),
  })
  .meta({ id: 'Plan' });
export type Plan = z.infer<typeof Plan>;

export const PlanList = z.strictObject({ plans: z.array(Plan) }).meta({ id: 'PlanList' });
export type PlanList = z.infer<typeof PlanList>;

export const planListView = table(
  (l: PlanList) => l.plans,
  [
    'id',
    'kind',
    'title',
    'source',
    'method',
    ['areas', (p) => p.areas.join(' ')],
    ['points', (p) => p.points.length],
    'frozenOn',
    'fingerprint',
  ],
);

/** A linked figure against its outturn, the difference split into parts that add up exactly — or why there is none yet. */
export const PlanOutturn = z
  .strictObject({
    series: z.string(),
    measure: z.string(),
    areacd: z.string(),
    year: z.number(),
    indicator: z.string(),
    expected: z.number(),
    outturn: z.number().nullable(),
    reprojected: z.number().nullable().meta({ description: 'today’s baseline value + the same effect' }),
    error: z.strictObject({ total: Part, revision: Part, policy: Part, rest: Part }).nullable(),
    pending: z.string().nullable().meta({ description: 'no outturn yet: why' }),
  })
  .meta({ id: 'PlanOutturn' });
export type PlanOutturn = z.infer<typeof PlanOutturn>;

/** A frozen plan with forecast against outturn for each figure a published indicator measures. */
export const PlanDetail = z
  .strictObject({
    plan: Plan,
    outturns: z.array(PlanOutturn),
    unmeasured: z.string().nullable().meta({
      description: 'what no published series measures, said plainly (no outturn is invented for it)',
    }),
  })
  .meta({ id: 'PlanDetail' });
export type PlanDetail = z.infer<typeof PlanDetail>;

export const planDetailView = table(
  (d: PlanDetail) => d.outturns,
  [
    'series',
    'measure',
    'areacd',
    'year',
    'indicator',
    'expected',
    'outturn',
    ['total', (o) => o.error?.total.exact ?? null],
    ['revision', (o) => o.error?.revision.exact ?? null],
    ['policy', (o) => o.error?.policy.exact ?? null],
    ['rest', (o) => o.error?.rest.exact ?? null],
    'pending',
  ],
);
