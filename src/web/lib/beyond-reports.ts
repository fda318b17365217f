// The shapes of the mission, entitlement and gender reports, as the HTTP API returns them.

/** on / off track, not-yet-measurable (one year of data), no-data. */
export type Track = 'on' | 'off' | 'not-yet-measurable' | 'no-data';

/** GET /api/v1/missions (one entry). */
export interface MissionSummary {
  id: string;
  title: string;
  goal: string;
  example: boolean;
}

/** One indicator of a mission for one area (or the nation). */
export interface MissionIndicator {
  indicator: string;
  baselineYear: number | null;
  baseline: number | null;
  targetYear: number;
  target: number | null;
  latestYear: number | null;
  latest: number | null;
  lower: number | null;
  upper: number | null;
  expected: number | null;
  track: Track;
  /** clear / uncertain (the 95% interval straddles the line) / no-interval; null without a verdict. */
  confidence: string | null;
  pOnTrack: number | null;
  /** Change since the baseline (improving / maintaining / worsening); null without data. */
  status: string | null;
  rule: string;
  unit: string;
}

export interface MissionArea {
  areacd: string;
  areanm: string;
  track: Track;
  indicators: MissionIndicator[];
}

export type Tally = Record<Track, { areas: number; weight: number }>;

/** GET /api/v1/missions/{id} */
export interface MissionReport {
  mission: { id: string; title: string; goal: string; example: boolean; source: string; statusRule: string };
  areas: MissionArea[];
  national: MissionArea;
  rollup: {
    tally: Tally;
    onTrackShare: number;
    indicators: {
      indicator: string;
      tally: Tally;
      weightedLatest: number | null;
      weightedExpected: number | null;
    }[];
    weight: string;
  };
  notes: string[];
}

/** Projected year of meeting a floor on the least-squares trend. */
export interface Projection {
  points: number;
  slope: number | null;
  yearP05: number | null;
  yearP95: number | null;
  pByDeadline: number | null;
  kind: 'projected' | 'not-on-trend' | 'met' | 'insufficient-data';
  year: number | null;
}

/** The cost to close a gap: low / central / high. */
export interface Costs {
  costLow: number;
  costCentral: number;
  costHigh: number;
  recurring: 'one-off' | 'annual';
}

/** One area against one floor. */
export interface EntitlementRow extends Costs {
  areacd: string;
  areanm: string;
  floor: string;
  rule: string;
  period: string | null;
  value: number | null;
  below: boolean | null;
  shortfall: number | null;
  population: number | null;
  peopleToFloor: number;
  peopleWithout: number;
  units: number;
  status: 'below' | 'meets' | 'no-data';
  projection: Projection;
}

/** The national summary of one floor. */
export interface FloorSummary extends Costs {
  floor: string;
  title: string;
  rule: string;
  rationale: string;
  costRationale: string;
  period: string | null;
  national: { areacd: string; areanm: string; value: number | null; below: boolean | null } | null;
  areasAssessed: number;
  areasBelow: number;
  populationBelow: number;
  peopleToFloor: number;
  peopleWithout: number;
  projectedByDeadline: number;
}

/** GET /api/v1/entitlements */
export interface EntitlementReport {
  floors: { id: string; title: string; source: string; note: string | null };
  summary: FloorSummary[];
  rows: EntitlementRow[];
  ranking: {
    areacd: string;
    areanm: string;
    perHead: number;
    rank: number;
    medianRank: number;
    rankP05: number;
    rankP95: number;
    floorsBelow: number;
  }[];
  notes: string[];
}

/** One floor of GET /api/v1/entitlements/floors (what the report rows leave out). */
export interface FloorSpec {
  id: string;
  title: string;
  indicator: string;
  unit: string;
  direction: 'at-least' | 'at-most';
  floor: number;
  by: number;
  population: string;
  basis: 'share' | 'area';
  cost: { per: string; low: number; central: number; high: number; recurring: string };
}

/** A local pay gap (null value: suppressed `x` or not published, as `status` says). */
export interface LocalGap {
  areacd: string;
  areanm: string;
  basis: 'workplace' | 'residence';
  statistic: 'median' | 'mean';
  pattern: 'all' | 'full-time' | 'part-time';
  value: number | null;
  status: string | null;
  national: number | null;
}

/** Weighted quantiles of employers' gaps in a group (layer, or layer and size band). */
export interface GapDistribution {
  layer: string;
  size: string;
  employers: number;
  weight: number;
  mean: number;
  p10: number;
  p25: number;
  median: number;
  p75: number;
  p90: number;
  shareMenPaidMore: number;
}

/** GET /api/v1/gender */
export interface GenderReport {
  local: { period: string; source: string; rows: LocalGap[] };
  employers: {
    period: string;
    statistic: 'median' | 'mean';
    source: string;
    taxonomy: string;
    byLayer: GapDistribution[];
    byLayerAndSize: GapDistribution[];
    partial: boolean;
  };
  industries: {
    layer: string;
    industry: string;
    name: string;
    value: number | null;
    status: string | null;
  }[];
  notes: string[];
}
