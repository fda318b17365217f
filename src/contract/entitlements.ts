// GET|POST /api/v1/entitlements, GET /api/v1/entitlements/floors and `strata entitlements`:
// universal basic infrastructure as floors, every local authority against each one.
import { z } from 'zod';
import { maybe, Notes } from './common.ts';
import { table } from './table.ts';

const Recurring = z.enum(['one-off', 'annual']);

/** One floor as a floors file declares it (METHODS.md §5). */
export const Floor = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    indicator: z.string(),
    unit: z.string(),
    direction: z.enum(['at-least', 'at-most']),
    floor: z.number(),
    by: z.number(),
    rationale: z.string(),
    population: z.enum(['all', 'working-age']).optional(),
    basis: z.enum(['share', 'area']),
    cost: z.strictObject({
      per: z.enum(['premises', 'person', 'person-minute']),
      low: z.number(),
      central: z.number(),
      high: z.number(),
      recurring: Recurring,
      peoplePerPremises: z.number().optional(),
      rationale: z.string(),
    }),
  })
  .meta({ id: 'Floor' });
export type Floor = z.infer<typeof Floor>;

/** A floors file as written (the defaults Strata ships, to edit and post back). */
export const FloorsFile = z
  .strictObject({
    id: z.string(),
    title: z.string(),
    note: z.string().optional(),
    uncertainty: z.strictObject({ runs: z.number().optional(), seed: z.number().optional() }).optional(),
    ranking: z.strictObject({ annualCostYears: z.number().optional() }).optional(),
    floors: z.array(Floor),
  })
  .meta({ id: 'FloorsFile' });
export type FloorsFile = z.infer<typeof FloorsFile>;

/** When an area meets a floor on its least-squares trend. */
export const Projection = z
  .strictObject({
    points: z.number(),
    slope: maybe,
    yearP05: maybe,
    yearP95: maybe,
    pByDeadline: maybe,
    kind: z.enum(['projected', 'not-on-trend', 'met', 'insufficient-data']),
    year: maybe,
  })
  .meta({ id: 'Projection' });

/** One area against one floor. */
export const EntitlementRow = z
  .strictObject({
    areacd: z.string(),
    areanm: z.string(),
    floor: z.string(),
    rule: z.string(),
    period: z.string().nullable(),
    value: maybe,
    below: z.boolean().nullable(),
    shortfall: maybe,
    population: maybe,
    peopleToFloor: maybe,
    peopleWithout: maybe,
    units: maybe,
    costLow: maybe,
    costCentral: maybe,
    costHigh: maybe,
    status: z.enum(['meets', 'below', 'no-data']),
    recurring: Recurring,
    projection: Projection,
  })
  .meta({ id: 'EntitlementRow' });
export type EntitlementRow = z.infer<typeof EntitlementRow>;

/** One floor for the nation: who is left below it. */
export const FloorSummary = z
  .strictObject({
    floor: z.string(),
    title: z.string(),
    rule: z.string(),
    rationale: z.string(),
    costRationale: z.string(),
    period: z.string().nullable(),
    national: z
      .strictObject({ areacd: z.string(), areanm: z.string(), value: maybe, below: z.boolean().nullable() })
      .nullable(),
    areasAssessed: z.number(),
    areasBelow: z.number(),
    populationBelow: z.number(),
    peopleToFloor: z.number(),
    peopleWithout: z.number(),
    costLow: z.number(),
    costCentral: z.number(),
    costHigh: z.number(),
    recurring: Recurring,
    projectedByDeadline: z.number(),
  })
  .meta({ id: 'FloorSummary' });
export type FloorSummary = z.infer<typeof FloorSummary>;

export const NeedRank = z
  .strictObject({
    areacd: z.string(),
    areanm: z.string(),
    perHead: z.number(),
    rank: z.number(),
    medianRank: z.number(),
    rankP05: z.number(),
    rankP95: z.number(),
    floorsBelow: z.number(),
  })
  .meta({ id: 'NeedRank' });

export const EntitlementReport = z
  .strictObject({
    floors: z.strictObject({
      id: z.string(),
      title: z.string(),
      source: z.string(),
      note: z.string().nullable(),
    }),
    summary: z.array(FloorSummary),
    rows: z.array(EntitlementRow),
    ranking: z.array(NeedRank),
    notes: Notes,
  })
  .meta({ id: 'EntitlementReport' });
export type EntitlementReport = z.infer<typeof EntitlementReport>;

export const ENTITLEMENT_VIEWS = ['rows', 'summary', 'ranking'] as const;
type Report = EntitlementReport;

/** The tables of an entitlement report: every area and floor, the national summary, the need ranking. */
export const entitlementViews = {
  rows: table(
    (r: Report) => r.rows,
    [
      'areacd',
      'areanm',
      'floor',
      'rule',
      'period',
      'value',
      'status',
      'shortfall',
      'population',
      ['people_to_floor', (x) => x.peopleToFloor],
      ['people_without', (x) => x.peopleWithout],
      ['cost_low', (x) => x.costLow],
      ['cost_central', (x) => x.costCentral],
      ['cost_high', (x) => x.costHigh],
      'recurring',
      ['trend_per_year', (x) => x.projection.slope],
      ['projection', (x) => x.projection.kind],
      ['projected_year', (x) => x.projection.year],
      ['projected_p05', (x) => x.projection.yearP05],
      ['projected_p95', (x) => x.projection.yearP95],
      ['p_by_deadline', (x) => x.projection.pByDeadline],
    ],
  ),
  summary: table(
    (r: Report) => r.summary,
    [
      'floor',
      'rule',
      'period',
      ['national', (s) => s.national?.areanm ?? null],
      ['national_value', (s) => s.national?.value ?? null],
      ['areas_assessed', (s) => s.areasAssessed],
      ['areas_below', (s) => s.areasBelow],
      ['population_below', (s) => s.populationBelow],
      ['people_to_floor', (s) => s.peopleToFloor],
      ['people_without', (s) => s.peopleWithout],
      ['cost_low', (s) => s.costLow],
      ['cost_central', (s) => s.costCentral],
      ['cost_high', (s) => s.costHigh],
      'recurring',
      ['projected_by_deadline', (s) => s.projectedByDeadline],
    ],
  ),
  ranking: table(
    (r: Report) => r.ranking,
    [
      'rank',
      'areacd',
      'areanm',
      ['cost_per_head', (x) => x.perHead],
      ['median_rank', (x) => x.medianRank],
      ['rank_p05', (x) => x.rankP05],
      ['rank_p95', (x) => x.rankP95],
      ['floors_below', (x) => x.floorsBelow],
    ],
  ),
};
