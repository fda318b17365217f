// Representativeness: post-stratification weights (Holt & Smith 1979; Little 1993). Respondents
// who declared an age band (and sex, when the population estimates are split by sex) fall into a
// stratum h; each gets w_h = (N_h / N) / (n_h / n), N_h the area's population in the stratum and
// n_h the respondents in it, over the strata that have respondents. Respondents who declared
// nothing, and population strata with no respondents, cannot be weighted: both are reported,
// never hidden. The weighted figures are shown beside the tally under the published rule and
// never replace it.
import type { Ballot, Consultation } from './consultation.ts';

/** Age bands a participant may declare (those of the ONS mid-year estimates via Nomis, 16+). */
export const AGE_BANDS: readonly string[] = ['16-24', '25-49', '50-64', '65+'];
export const SEXES: readonly string[] = ['female', 'male'];

/** An area's population in one stratum; `sex` null when the estimates are for persons only. */
export interface PopulationCell {
  ageBand: string;
  sex: string | null;
  population: number;
}

/** What a respondent declared (null: not said). */
export interface Respondent {
  ageBand: string | null;
  sex: string | null;
}

/** One stratum: population and sample shares and the weight its respondents get. */
export interface Stratum {
  ageBand: string;
  sex: string | null;
  population: number;
  populationShare: number;
  respondents: number;
  sampleShare: number;
  weight: number | null;
}

/** Weights for each respondent (null: not weighted) and the report behind them. */
export interface PostStratification {
  weights: (number | null)[];
  strata: Stratum[];
  included: number;
  excluded: number;
  /** Share of the population in strata without any respondent (not represented by the weights). */
  uncoveredShare: number;
  /** Kish's effective sample size (Σw)² / Σw². */
  effectiveN: number;
}

const keyOf = (ageBand: string | null, sex: string | null, bySex: boolean): string | null =>
  ageBand === null || (bySex && sex === null) ? null : bySex ? `${ageBand}|${sex}` : ageBand;

/** Post-stratification weights of respondents against an area's population cells. */
export function postStratify(
  cells: readonly PopulationCell[],
  respondents: readonly Respondent[],
): PostStratification {
  const bySex = cells.some((c) => c.sex !== null);
  const pop = new Map(cells.map((c) => [keyOf(c.ageBand, c.sex, bySex)!, c.population]));
  const keys = respondents.map((r) => {
    const k = keyOf(r.ageBand, r.sex, bySex);
    return k !== null && (pop.get(k) ?? 0) > 0 ? k : null;
  });
  const n = new Map<string, number>();
  for (const k of keys) if (k !== null) n.set(k, (n.get(k) ?? 0) + 1);
  const included = keys.filter((k) => k !== null).length;
  const total = cells.reduce((s, c) => s + c.population, 0);
  const covered = [...n.keys()].reduce((s, k) => s + pop.get(k)!, 0);
  const weightOf = (k: string) => pop.get(k)! / covered / (n.get(k)! / included);
  const weights = keys.map((k) => (k === null ? null : weightOf(k)));
  const ws = weights.filter((w): w is number => w !== null);
  const sum = ws.reduce((s, w) => s + w, 0);
  const sumSq = ws.reduce((s, w) => s + w * w, 0);
  const strata = cells.map((c) => {
    const k = keyOf(c.ageBand, c.sex, bySex)!;
    const m = n.get(k) ?? 0;
    return {
      ageBand: c.ageBand,
      sex: c.sex,
      population: c.population,
      populationShare: total ? c.population / total : 0,
      respondents: m,
      sampleShare: included ? m / included : 0,
      weight: m ? weightOf(k) : null,
    };
  });
  return {
    weights,
    strata,
    included,
    excluded: respondents.length - included,
    uncoveredShare: total ? 1 - covered / total : 1,
    effectiveN: sumSq ? (sum * sum) / sumSq : 0,
  };
}

/** One option's mean score per ballot: raw over every counted ballot, weighted over those weighted. */
export interface WeightedOption {
  id: string;
  raw: number;
  weighted: number | null;
}

/** The weighted view of a tally: what each option scores per ballot, raw and weighted. */
export interface WeightedTally {
  /** approvals: share of ballots approving (0–1); borda points; points out of 100. */
  measure: 'approval share' | 'borda points' | 'goal points';
  options: WeightedOption[];
  notes: string[];
}

/** The score a ballot gives each option under the consultation's kind of ballot. */
function scoreOf(c: Consultation, ballot: Ballot, id: string): number {
  switch (c.ballot) {
    case 'approval':
    case 'knapsack':
      return (ballot as string[]).includes(id) ? 1 : 0;
    case 'ranking': {
      const list = ballot as string[];
      const k = list.indexOf(id);
      return k < 0 ? 0 : list.length - k;
    }
    case 'points':
      return (ballot as Record<string, number>)[id] ?? 0;
    default:
      throw new Error(`invalid ballot kind: ${String(c.ballot)}`);
  }
}

const MEASURE = {
  approval: 'approval share',
  knapsack: 'approval share',
  ranking: 'borda points',
  points: 'goal points',
} as const;

/** Mean score per option, raw and post-stratified, with notes on what the weights can and cannot say. */
export function weightedTally(
  c: Consultation,
  ballots: readonly Ballot[],
  weights: readonly (number | null)[],
): WeightedTally {
  const wsum = weights.reduce<number>((s, w) => s + (w ?? 0), 0);
  const options = c.options.map((o) => {
    let raw = 0;
    let weighted = 0;
    ballots.forEach((b, i) => {
      const x = scoreOf(c, b, o.id);
      raw += x;
      weighted += (weights[i] ?? 0) * x;
    });
    return {
      id: o.id,
      raw: ballots.length ? raw / ballots.length : 0,
      weighted: wsum ? weighted / wsum : null,
    };
  });
  const notes = [
    'Weighted figures re-weight respondents who declared an age band (and sex) to the area population; the result under the published rule is the unweighted tally.',
  ];
  if (c.ballot === 'approval' || c.ballot === 'knapsack')
    if (c.rule !== 'approval')
      notes.push(
        `The ${c.rule} rule is not re-run with weights: the weighted approval shares show how support would shift.`,
      );
  return { measure: MEASURE[c.ballot], options, notes };
}
