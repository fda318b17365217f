// The scenario lab's answers: `strata scenario run|frontier|compare|rollup` and
// /api/v1/scenarios/*. Every table flattens to the CSV columns
// scenario,intervention,areacd,goal,value,p05,p95 (the lab's one row shape) except the frontier
// and the comparison, whose rows are candidates and goals.
import { z } from 'zod';
import { maybe, Notes } from './common.ts';
import { table } from './table.ts';

/** One goal's figure for an intervention (or `all`) in an area (or `K02000001`, the total), with its 5–95 % band. */
export const ScenarioRow = z
  .strictObject({
    intervention: z.string(),
    areacd: z.string(),
    areanm: z.string(),
    goal: z.string(),
    value: maybe,
    p05: maybe,
    p95: maybe,
  })
  .meta({ id: 'ScenarioRow' });
export type ScenarioRow = z.infer<typeof ScenarioRow>;

/** A goal as reported: its id, label, unit, polarity, whether it adds up, and what it means. */
export const GoalInfo = z
  .strictObject({
    id: z.string(),
    label: z.string(),
    unit: z.string(),
    polarity: z.union([z.literal(1), z.literal(-1)]),
    additive: z.boolean(),
    meaning: z.string(),
  })
  .meta({ id: 'ScenarioGoal' });
export type GoalInfo = z.infer<typeof GoalInfo>;

/** A declared parameter as the appraisal used it, with its source. */
export const ParameterInfo = z
  .strictObject({
    name: z.string(),
    value: z.number(),
    distribution: z.string(),
    low: maybe,
    high: maybe,
    sd: maybe,
    source: z.string(),
  })
  .meta({ id: 'ScenarioParameter' });
export type ParameterInfo = z.infer<typeof ParameterInfo>;

export const InterventionInfo = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    kind: z.string(),
    vertical: z.boolean(),
    target: z.string(),
    coverage: z.enum(['good', 'proxy', 'partial']).nullable(),
    areas: z.array(z.string()),
    split: z.string(),
    start: z.number(),
    years: z.number(),
    costPerYear: z.number(),
    optimismBias: z.string(),
    annuity: z.number(),
    parameters: z.array(ParameterInfo),
    additionality: z.array(ParameterInfo),
    notes: Notes,
  })
  .meta({ id: 'ScenarioIntervention' });
export type InterventionInfo = z.infer<typeof InterventionInfo>;

/** The region model a scenario ran with. */
export const ScenarioModel = z
  .strictObject({
    level: z.enum(['lad', 'itl3']).optional(),
    delta: z.number(),
    band: z.tuple([z.number(), z.number()]).nullable(),
    variant: z.enum(['flq', 'aflq']),
    type: z.union([z.literal(1), z.literal(2)]),
    interregional: z.boolean(),
    beta: z.number(),
  })
  .meta({ id: 'ScenarioModel' });

/** A scenario's appraisal: every goal per intervention, area and in total, with bands. */
export const ScenarioReport = z
  .strictObject({
    scenario: z.strictObject({
      id: z.string(),
      title: z.string(),
      example: z.boolean(),
      description: z.string().nullable(),
      source: z.string(),
      level: z.enum(['lad', 'itl3']),
      model: ScenarioModel.extend({ nodes: z.array(z.number()) }),
      baseYear: z.number(),
      draws: z.number(),
      seed: z.number(),
    }),
    goals: z.array(GoalInfo),
    interventions: z.array(InterventionInfo),
    rows: z.array(ScenarioRow),
    sources: Notes,
    notes: Notes,
  })
  .meta({ id: 'ScenarioReport' });
export type ScenarioReport = z.infer<typeof ScenarioReport>;

/** The lab's CSV columns, every table of rows. */
export const SCENARIO_COLUMNS = [
  'scenario',
  'intervention',
  'areacd',
  'goal',
  'value',
  'p05',
  'p95',
] as const;

function rowsView<T>(rows: (a: T) => readonly ScenarioRow[], scenario: (a: T) => string) {
  return table<T, ScenarioRow & { scenario: string }>(
    (a) => rows(a).map((r) => ({ ...r, scenario: scenario(a) })),
    SCENARIO_COLUMNS,
  );
}

export const scenarioView = rowsView(
  (r: ScenarioReport) => r.rows,
  (r) => r.scenario.id,
);

/** A candidate intervention on the two goals, with its cost and weighted score. */
export const FrontierCandidate = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    kind: z.string(),
    vertical: z.boolean(),
    x: maybe,
    xP05: maybe,
    xP95: maybe,
    y: maybe,
    yP05: maybe,
    yP95: maybe,
    /** Present value of costs, £. */
    cost: z.number(),
    score: maybe,
    frontier: z.boolean(),
    chosen: z.boolean(),
  })
  .meta({ id: 'FrontierCandidate' });
export type FrontierCandidate = z.infer<typeof FrontierCandidate>;

export const Portfolio = z
  .strictObject({
    budget: z.number(),
    chosen: z.array(z.string()),
    cost: z.number(),
    score: z.number(),
    bound: z.number(),
    method: z.string(),
    exact: z.boolean(),
    weights: z.array(z.strictObject({ goal: z.string(), weight: z.number() })),
    /** The chosen candidates' goals added up (additive goals). */
    totals: z.array(z.strictObject({ goal: z.string(), value: z.number() })),
    weightsSource: z.string(),
  })
  .meta({ id: 'ScenarioPortfolio' });

/** The Pareto frontier of a scenario's interventions on two goals, and the best portfolio under a budget. */
export const FrontierReport = z
  .strictObject({
    scenario: z.strictObject({
      id: z.string(),
      title: z.string(),
      source: z.string(),
      draws: z.number(),
      seed: z.number(),
    }),
    x: GoalInfo,
    y: GoalInfo,
    candidates: z.array(FrontierCandidate),
    portfolio: Portfolio.nullable(),
    notes: Notes,
  })
  .meta({ id: 'FrontierReport' });
export type FrontierReport = z.infer<typeof FrontierReport>;

export const frontierView = table(
  (r: FrontierReport) => r.candidates,
  (r: FrontierReport) => [
    ['candidate', (c: FrontierCandidate) => c.id] as const,
    'kind' as const,
    [r.x.id, (c: FrontierCandidate) => c.x] as const,
    [`${r.x.id}_p05`, (c: FrontierCandidate) => c.xP05] as const,
    [`${r.x.id}_p95`, (c: FrontierCandidate) => c.xP95] as const,
    [r.y.id, (c: FrontierCandidate) => c.y] as const,
    [`${r.y.id}_p05`, (c: FrontierCandidate) => c.yP05] as const,
    [`${r.y.id}_p95`, (c: FrontierCandidate) => c.yP95] as const,
    ['pv_cost', (c: FrontierCandidate) => c.cost] as const,
    'score' as const,
    ['frontier', (c: FrontierCandidate) => (c.frontier ? 'yes' : 'no')] as const,
    ['chosen', (c: FrontierCandidate) => (c.chosen ? 'yes' : 'no')] as const,
  ],
);

export const CompareRow = z
  .strictObject({
    goal: z.string(),
    unit: z.string(),
    a: maybe,
    aP05: maybe,
    aP95: maybe,
    b: maybe,
    bP05: maybe,
    bP95: maybe,
    /** b − a, central values. */
    difference: maybe,
  })
  .meta({ id: 'ScenarioCompareRow' });
export type CompareRow = z.infer<typeof CompareRow>;

const ScenarioRef = z.strictObject({ id: z.string(), title: z.string(), source: z.string() });

/** Two scenarios (or one and its horizontal twin) side by side on every goal, in total. */
export const CompareReport = z
  .strictObject({
    mode: z.enum(['files', 'vertical-horizontal']),
    a: ScenarioRef,
    b: ScenarioRef,
    rows: z.array(CompareRow),
    notes: Notes,
  })
  .meta({ id: 'ScenarioCompareReport' });
export type CompareReport = z.infer<typeof CompareReport>;

export const compareView = table(
  (r: CompareReport) => r.rows,
  [
    'goal',
    'unit',
    'a',
    ['a_p05', (x) => x.aP05],
    ['a_p95', (x) => x.aP95],
    'b',
    ['b_p05', (x) => x.bP05],
    ['b_p95', (x) => x.bP95],
    'difference',
  ],
);

const Spill = z.strictObject({
  own: z.number(),
  total: z.number(),
  elsewhere: z.number(),
  into: z.record(z.string(), z.number()),
});

/** Local plans rolled up with the interregional model: spillovers, displacement, regions and the UK. */
export const RollupReport = z
  .strictObject({
    level: z.enum(['lad', 'itl3']),
    model: ScenarioModel,
    draws: z.number(),
    seed: z.number(),
    plans: z.array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        source: z.string(),
        areas: z.array(z.string()),
        /** Central jobs and GVA (£m a year) in the plan's own areas, in total, elsewhere, and in each other plan's areas. */
        jobs: Spill,
        gva: Spill,
      }),
    ),
    /** Jobs and GVA each plan says it displaces (its declared displacement), and the part in each other plan's areas. */
    displacement: z.array(
      z.strictObject({
        plan: z.string(),
        jobs: z.number(),
        gva: z.number(),
        into: z.record(z.string(), z.strictObject({ jobs: z.number(), gva: z.number() })),
      }),
    ),
    rows: z.array(ScenarioRow),
    notes: Notes,
  })
  .meta({ id: 'ScenarioRollupReport' });
export type RollupReport = z.infer<typeof RollupReport>;

export const rollupView = rowsView(
  (r: RollupReport) => r.rows,
  () => 'rollup',
);

/** An example scenario shipped with Strata (marked EXAMPLE), to run or edit and post back. */
export const ScenarioExample = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    interventions: z.number(),
    /** The file as written (JSON), ready to post to /api/v1/scenarios/run. */
    file: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'ScenarioExample' });
export type ScenarioExample = z.infer<typeof ScenarioExample>;

export const ScenarioExamples = z
  .strictObject({ examples: z.array(ScenarioExample), notes: Notes })
  .meta({ id: 'ScenarioExamples' });
export type ScenarioExamples = z.infer<typeof ScenarioExamples>;

export const examplesView = table(
  (r: ScenarioExamples) => r.examples,
  ['id', 'title', 'description', 'interventions'],
);
