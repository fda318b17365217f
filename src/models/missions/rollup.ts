// Local missions rolled up to the nation (DESIGN.md: devolution vs national coherence): how many
// areas, and how many people, live where the mission is on or off track; and, per indicator, the
// weighted mean of local latest values against the weighted mean of local expected values.
import type { IndicatorStatus, Track } from './status.ts';

/** One area's result, with its weight (population, or 1). */
export interface AreaResult {
  areacd: string;
  weight: number;
  track: Track;
  indicators: IndicatorStatus[];
}

/** Counts and weights by track. */
export type Tally = Record<Track, { areas: number; weight: number }>;

/** The roll-up of one indicator: tallies and the weighted local values against the weighted local trajectories. */
export interface IndicatorRollup {
  indicator: string;
  tally: Tally;
  /** Σ w·latest / Σ w and Σ w·expected / Σ w over areas judged on or off (same areas in both). */
  weightedLatest: number | null;
  weightedExpected: number | null;
}

export interface Rollup {
  tally: Tally;
  /** Share of the weight of judged areas that is on track. */
  onTrackShare: number | null;
  indicators: IndicatorRollup[];
}

function emptyTally(): Tally {
  const z = () => ({ areas: 0, weight: 0 });
  return { on: z(), off: z(), 'not-yet-measurable': z(), 'no-data': z() };
}

/** Rolls area results up: tallies by track, the on-track share of weight, and per-indicator weighted means. */
export function rollUp(areas: readonly AreaResult[], indicators: readonly string[]): Rollup {
  const tally = emptyTally();
  for (const a of areas) {
    tally[a.track].areas++;
    tally[a.track].weight += a.weight;
  }
  const judged = tally.on.weight + tally.off.weight;
  return {
    tally,
    onTrackShare: judged > 0 ? tally.on.weight / judged : null,
    indicators: indicators.map((id) => indicatorRollup(areas, id)),
  };
}

function indicatorRollup(areas: readonly AreaResult[], id: string): IndicatorRollup {
  const tally = emptyTally();
  let w = 0;
  let latest = 0;
  let expected = 0;
  for (const a of areas) {
    const s = a.indicators.find((x) => x.indicator === id);
    if (!s) continue;
    tally[s.track].areas++;
    tally[s.track].weight += a.weight;
    if ((s.track === 'on' || s.track === 'off') && s.latest !== null && s.expected !== null) {
      w += a.weight;
      latest += a.weight * s.latest;
      expected += a.weight * s.expected;
    }
  }
  return {
    indicator: id,
    tally,
    weightedLatest: w > 0 ? latest / w : null,
    weightedExpected: w > 0 ? expected / w : null,
  };
}
