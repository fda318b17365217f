// Where a goal moves a mission indicator, the scenario's effect on the mission: the indicator's
// latest value shifted by the goal's change (converted to the indicator's unit), judged again by
// the mission's own declared rule (src/models/missions/status.ts). The goal is the change in the
// number of the mission's indicators on track in the area.
import { indicatorStatus, type IndicatorStatus, type Track } from '../missions/status.ts';

/** The area figures conversions need. */
export interface MissionArea {
  population: number | null;
  workingAge: number | null;
}

/** A goal that moves an indicator, and how its change converts to the indicator's unit (null: cannot). */
export interface MissionLink {
  indicator: string;
  goal: string;
  convert: (value: number, area: MissionArea) => number | null;
  note: string;
}

export const MISSION_LINKS: readonly MissionLink[] = [
  {
    indicator: 'greenhouse-gas-emissions',
    goal: 'emissions',
    convert: (kt, a) => (a.population ? (kt * 1000) / a.population : null),
    note: 'emissions (thousand tonnes CO2e) ÷ population: tonnes per person; a production-based change read against territorial emissions',
  },
  {
    indicator: 'foundational-share-gva',
    goal: 'foundational_share_gva',
    convert: (pp) => pp,
    note: "the foundational layers' share of GVA, percentage points",
  },
  {
    indicator: 'employment-rate:employment-rate',
    goal: 'jobs',
    convert: (jobs, a) => (a.workingAge ? (100 * jobs) / a.workingAge : null),
    note: 'jobs ÷ people aged 16–64, as if every job went to a resident not in work: an upper bound',
  },
];

/** What re-judging an indicator needs from the mission file. */
export interface IndicatorRule {
  rule: 'trajectory' | 'target-met';
  tolerance: number;
  polarity: 'higher-is-better' | 'lower-is-better';
}

/** The indicator's track once its latest value moves by delta (the status's own baseline and target). */
export function trackAfter(s: IndicatorStatus, rule: IndicatorRule, delta: number): Track {
  if (s.track === 'no-data' || s.track === 'not-yet-measurable' || delta === 0) return s.track;
  if (s.baseline === null || s.latest === null || s.latestYear === null || s.target === null) return s.track;
  const points = [
    { year: s.baselineYear, value: s.baseline },
    { year: s.latestYear, value: s.latest + delta },
  ].filter((p, i, all) => i === all.length - 1 || p.year !== all.at(-1)!.year);
  return indicatorStatus(
    points,
    {
      id: s.indicator,
      rule: rule.rule,
      tolerance: rule.tolerance,
      baseline: { year: s.baselineYear, value: s.baseline },
      target: { year: s.targetYear, value: s.target },
    },
    rule.polarity,
  ).track;
}

/** Indicators on track among statuses, after their linked goals' changes (0 where not linked). */
export function onTrack(
  statuses: readonly IndicatorStatus[],
  rules: readonly IndicatorRule[],
  deltas: readonly number[],
): number {
  return statuses.reduce((n, s, k) => n + (trackAfter(s, rules[k]!, deltas[k] ?? 0) === 'on' ? 1 : 0), 0);
}
