// GET /api/v1/missions[/{id}], POST /api/v1/missions/status and `strata missions`: goals
// measured by registry indicators against declared trajectories, for every area and the nation.
import { z } from 'zod';
import { maybe, Notes, TrendStatus } from './common.ts';
import { table } from './table.ts';

export const Track = z.enum(['on', 'off', 'not-yet-measurable', 'no-data']);
export type Track = z.infer<typeof Track>;

/** An example mission shipped with Strata (marked EXAMPLE: replace it). */
export const MissionSummary = z
  .strictObject({ id: z.string(), title: z.string(), goal: z.string(), example: z.boolean() })
  .meta({ id: 'MissionSummary' });

export const MissionList = z.strictObject({ missions: z.array(MissionSummary) }).meta({ id: 'MissionList' });
export type MissionList = z.infer<typeof MissionList>;

export const missionListView = table((l: MissionList) => l.missions, ['id', 'title', 'goal', 'example']);

/** One indicator's verdict for an area, with the numbers behind it and the rule that gave it. */
export const MissionIndicator = z
  .strictObject({
    indicator: z.string(),
    baselineYear: z.number(),
    baseline: maybe,
    targetYear: z.number(),
    target: maybe,
    latestYear: maybe,
    latest: maybe,
    lower: maybe,
    upper: maybe,
    expected: maybe.meta({ description: 'where the trajectory (or target) puts the latest year' }),
    track: Track,
    confidence: z.enum(['clear', 'uncertain', 'no-interval']).nullable(),
    pOnTrack: maybe,
    status: TrendStatus.nullable(),
    rule: z.string(),
    unit: z.string(),
  })
  .meta({ id: 'MissionIndicator' });
export type MissionIndicator = z.infer<typeof MissionIndicator>;

/** The mission for one area (or the nation). */
export const AreaMission = z
  .strictObject({
    areacd: z.string(),
    areanm: z.string(),
    track: Track,
    indicators: z.array(MissionIndicator),
  })
  .meta({ id: 'AreaMission' });
export type AreaMission = z.infer<typeof AreaMission>;

const count = z.strictObject({ areas: z.number(), weight: z.number() });
/** Counts and weights by track. */
export const Tally = z
  .strictObject({ on: count, off: count, 'not-yet-measurable': count, 'no-data': count })
  .meta({ id: 'Tally' });
export type Tally = z.infer<typeof Tally>;

export const MissionReport = z
  .strictObject({
    mission: z.strictObject({
      id: z.string(),
      title: z.string(),
      goal: z.string(),
      example: z.boolean(),
      source: z.string(),
      statusRule: z.string(),
    }),
    areas: z.array(AreaMission),
    national: AreaMission,
    rollup: z.strictObject({
      tally: Tally,
      onTrackShare: maybe.meta({ description: 'share of the weight of judged areas that is on track' }),
      indicators: z.array(
        z.strictObject({
          indicator: z.string(),
          tally: Tally,
          weightedLatest: maybe,
          weightedExpected: maybe,
        }),
      ),
      weight: z.string(),
    }),
    notes: Notes,
  })
  .meta({ id: 'MissionReport' });
export type MissionReport = z.infer<typeof MissionReport>;

/** A mission as a table: the nation first, then every area, one row per indicator with its rule. */
export const missionView = table(
  (r: MissionReport) =>
    [r.national, ...r.areas].flatMap((area) => area.indicators.map((indicator) => ({ area, indicator }))),
  [
    ['areacd', (x) => x.area.areacd],
    ['areanm', (x) => x.area.areanm],
    ['mission_track', (x) => x.area.track],
    ['indicator', (x) => x.indicator.indicator],
    ['rule', (x) => x.indicator.rule],
    ['baseline_year', (x) => x.indicator.baselineYear],
    ['baseline', (x) => x.indicator.baseline],
    ['target_year', (x) => x.indicator.targetYear],
    ['target', (x) => x.indicator.target],
    ['latest_year', (x) => x.indicator.latestYear],
    ['latest', (x) => x.indicator.latest],
    ['lci95', (x) => x.indicator.lower],
    ['uci95', (x) => x.indicator.upper],
    ['expected', (x) => x.indicator.expected],
    ['track', (x) => x.indicator.track],
    ['confidence', (x) => x.indicator.confidence],
    ['p_on_track', (x) => x.indicator.pOnTrack],
    ['status', (x) => x.indicator.status],
  ],
);
