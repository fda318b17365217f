// A consultation as published before it opens: its options, the kind of ballot, and the
// tally rule. Ballots are checked and put in canonical form here, before they reach the log.
import { commonScale, toUnits } from './money.ts';
import { knapsackCheck } from './tally/knapsack.ts';
import { goalPoints } from './tally/goal-weighting.ts';

/** approval: a set of options; knapsack: a set of projects within the budget; ranking: options most preferred first; points: 100 points split across goals. */
export type BallotKind = 'approval' | 'knapsack' | 'ranking' | 'points';

/** A project, proposal or goal. `cost` (decimal text) for budget consultations. */
export interface ConsultationOption {
  id: string;
  name?: string;
  cost?: string;
}

/** Everything a tally needs, published before the consultation opens. */
export interface Consultation {
  id: string;
  title: string;
  ballot: BallotKind;
  options: ConsultationOption[];
  /** The published tally rule (see rules.ts). */
  rule: string;
  /** Budget (decimal text) for participatory-budget rules and knapsack ballots. */
  budget?: string;
  /** Trim fraction per side for `trimmed-mean`. */
  trim?: number;
  /** Winners reported by `approval` and `borda` (default 1). */
  seats?: number;
  /** Fewest and most options an approval or ranking ballot may name. */
  minLength?: number;
  maxLength?: number;
  /**
   * Published as an open poll: anyone may take part and nothing stops one person voting more
   * than once, so its results are not a vote. Part of the published consultation, so the log
   * commits to it and it cannot be dropped later.
   */
  openPoll?: true;
}

/** A ballot in canonical form: option ids (approval sets in published order), or goal → points. */
export type Ballot = string[] | Record<string, number>;

const BUDGET_RULES = [
  'greedy',
  'greedy-no-skip',
  'equalshares',
  'equalshares/add1',
  'equalshares-comparison',
  'equalshares/add1-comparison',
];

/** The ballot kinds each rule can tally. */
export function ballotsFor(rule: string): BallotKind[] {
  if (BUDGET_RULES.includes(rule)) return ['approval', 'knapsack'];
  switch (rule) {
    case 'approval':
      return ['approval', 'knapsack'];
    case 'borda':
      return ['ranking'];
    case 'mean':
    case 'median':
    case 'trimmed-mean':
      return ['points'];
    default:
      throw new Error(`invalid tally rule: ${rule}`);
  }
}

/** True for the participatory-budget rules, which need costs and a budget. */
export function isBudgetRule(rule: string): boolean {
  return BUDGET_RULES.includes(rule);
}

/** Checks that a consultation is complete and its rule fits its ballot; throws naming the problem. */
export function checkConsultation(c: Consultation): void {
  if (!ballotsFor(c.rule).includes(c.ballot))
    throw new Error(`rule ${c.rule} cannot tally ${c.ballot} ballots`);
  const ids = new Set(c.options.map((o) => o.id));
  if (ids.size !== c.options.length) throw new Error(`duplicate option id in consultation ${c.id}`);
  if (c.options.length === 0) throw new Error(`consultation ${c.id} has no options`);
  // Ids are keys of points ballots and of the voters' notes: `constructor` or `__proto__` there
  // would read or set what every object inherits.
  for (const o of c.options)
    if (o.id in Object.prototype) throw new Error(`invalid option id: ${o.id} (a name every object has)`);
  const needsCosts = isBudgetRule(c.rule) || c.ballot === 'knapsack';
  if (needsCosts && c.budget === undefined) throw new Error(`consultation ${c.id} needs a budget`);
  if (needsCosts)
    for (const o of c.options) if (o.cost === undefined) throw new Error(`option ${o.id} needs a cost`);
  if (c.rule === 'trimmed-mean' && !(c.trim !== undefined && c.trim >= 0 && c.trim < 0.5))
    throw new Error(`invalid trim fraction: ${c.trim}`);
  checkAmounts(c);
}

/** Budget and costs must be decimal text the tallies can hold exactly, or no ballot could be counted. */
function checkAmounts(c: Consultation): void {
  const amounts = [c.budget, ...c.options.map((o) => o.cost)].filter((a) => a !== undefined);
  const scale = commonScale(amounts);
  for (const a of amounts) toUnits(a, scale);
}

function checkLength(c: Consultation, n: number): void {
  if (c.minLength !== undefined && n < c.minLength)
    throw new Error(`ballot names ${n} options, fewer than ${c.minLength}`);
  if (c.maxLength !== undefined && n > c.maxLength)
    throw new Error(`ballot names ${n} options, more than ${c.maxLength}`);
}

/** What checking a ballot needs from its consultation: the option ids, and for knapsack ballots the budget check. */
interface BallotRules {
  known: ReadonlySet<string>;
  fits?: (chosen: readonly string[]) => void;
}

// A log holds many ballots of one consultation (a commit's batch, an export being verified):
// the rules are worked out once per consultation object, not for every ballot.
const rulesCache = new WeakMap<Consultation, BallotRules>();

function rulesOf(c: Consultation): BallotRules {
  let r = rulesCache.get(c);
  if (!r) {
    const known = new Set(c.options.map((o) => o.id));
    const costs = c.options as { id: string; cost: string }[];
    r = c.ballot === 'knapsack' ? { known, fits: knapsackCheck(c.budget!, costs) } : { known };
    rulesCache.set(c, r);
  }
  return r;
}

function optionList(c: Consultation, ballot: unknown): string[] {
  if (!Array.isArray(ballot) || !ballot.every((x) => typeof x === 'string'))
    throw new Error(`${c.ballot} ballot must be a list of option ids`);
  const { known } = rulesOf(c);
  for (const id of ballot) if (!known.has(id)) throw new Error(`ballot names an unknown option: ${id}`);
  if (new Set(ballot).size !== ballot.length) throw new Error('ballot names an option twice');
  checkLength(c, ballot.length);
  return ballot;
}

/** Checks a ballot against the consultation and returns its canonical form; throws naming the fault. */
export function canonicalBallot(c: Consultation, ballot: unknown): Ballot {
  switch (c.ballot) {
    case 'ranking':
      return [...optionList(c, ballot)];
    case 'approval':
    case 'knapsack': {
      const chosen = new Set(optionList(c, ballot));
      const set = c.options.filter((o) => chosen.has(o.id)).map((o) => o.id);
      rulesOf(c).fits?.(set);
      return set;
    }
    case 'points': {
      if (typeof ballot !== 'object' || ballot === null || Array.isArray(ballot))
        throw new Error('points ballot must map goal ids to points');
      const goals = c.options.map((o) => o.id);
      const points = goalPoints(goals, ballot as Record<string, number>);
      const out: Record<string, number> = {};
      goals.forEach((g, j) => {
        if (points[j]) out[g] = points[j]!;
      });
      return out;
    }
    default:
      throw new Error(`invalid ballot kind: ${String(c.ballot)}`);
  }
}
