// A participatory budget as the tallies see it: integer costs and budget, voters as indices,
// and for each project the voters who approve it. Built from a pabulib file or from the
// ballots of a consultation.
import { commonScale, toUnits } from './money.ts';
import type { PbInstance } from './pabulib.ts';

/** A project with its cost in integer units. */
export interface BudgetProject {
  id: string;
  cost: number;
}

/** The input of every participatory-budget tally. */
export interface BudgetProblem {
  /** Budget in integer units of 10^-scale currency. */
  budget: number;
  /** Decimal places of the units (`unit` = 10^scale units make one currency unit). */
  scale: number;
  /** In published order: the order is the last tie-break of every rule. */
  projects: BudgetProject[];
  voters: number;
  /** For each project, the indices of the voters who approve it (ascending). */
  approvers: Int32Array[];
  /** Score per project for greedy: approvals, or points for ordinal/cumulative/scoring ballots. */
  scores: number[];
  /** True when the ballots are approval ballots (Equal Shares with cost utilities needs them). */
  approval: boolean;
  /** Cumulative or scoring ballots: each supporter's points, Equal Shares' cardinal utilities. */
  cardinal?: CardinalUtilities;
  /** pabulib META `min_project_score_threshold`: `greedy-threshold` funds only projects scoring at least this. */
  threshold?: number;
}

/** Points as utilities: for each project the voters giving it points, and the points as integers. */
export interface CardinalUtilities {
  /** For each project, the voters giving it positive points (ascending). */
  voters: Int32Array[];
  /** Their points × 10^scale (whole numbers), parallel to `voters`. */
  points: Float64Array[];
  /** Decimal places the points were scaled by. */
  scale: number;
  /** The first negative point found (`voter v gives -1 to project p`): Equal Shares refuses them. */
  negative?: string;
}

/** One currency unit in the problem's integer units. */
export function currencyUnit(p: BudgetProblem): number {
  return 10 ** p.scale;
}

/** Builds a problem from approval ballots, each a list of project ids. */
export function approvalProblem(
  budget: string,
  projects: readonly { id: string; cost: string }[],
  ballots: readonly (readonly string[])[],
): BudgetProblem {
  const scale = commonScale([budget, ...projects.map((p) => p.cost)]);
  const index = new Map(projects.map((p, i) => [p.id, i]));
  const lists: number[][] = projects.map(() => []);
  ballots.forEach((ballot, voter) => {
    if (new Set(ballot).size !== ballot.length)
      throw new Error(`ballot names a project twice: ${ballot.join(',')}`);
    for (const id of ballot) {
      const j = index.get(id);
      if (j === undefined) throw new Error(`ballot names an unknown project: ${id}`);
      lists[j]!.push(voter);
    }
  });
  return {
    budget: toUnits(budget, scale),
    scale,
    projects: projects.map((p) => ({ id: p.id, cost: toUnits(p.cost, scale) })),
    voters: ballots.length,
    approvers: lists.map((l) => Int32Array.from(l)),
    scores: lists.map((l) => l.length),
    approval: true,
  };
}

/**
 * Builds a problem from a pabulib instance. Scores follow pabulib: approvals count 1, ordinal
 * votes without points give the k listed projects k, k-1, …, 1 points, otherwise `points`.
 */
export function pbProblem(pb: PbInstance): BudgetProblem {
  const ballots = pb.votes.map((v) => v.vote);
  const problem = { ...approvalProblem(pb.budget, pb.projects, ballots), ...thresholdOf(pb) };
  if (pb.voteType === 'approval' || pb.voteType === 'choose-1') return problem;
  const index = new Map(pb.projects.map((p, i) => [p.id, i]));
  const scores = pb.projects.map(() => 0);
  for (const v of pb.votes) {
    v.vote.forEach((id, k) => {
      scores[index.get(id)!]! += v.points ? v.points[k]! : v.vote.length - k;
    });
  }
  const cardinal = pb.voteType === 'cumulative' || pb.voteType === 'scoring' ? cardinalOf(pb) : undefined;
  return { ...problem, scores, approval: false, ...(cardinal ? { cardinal } : {}) };
}

function thresholdOf(pb: PbInstance): { threshold?: number } {
  const t = pb.meta.min_project_score_threshold;
  if (t === undefined || t === '') return {};
  if (!/^-?\d+(\.\d+)?$/.test(t)) throw new Error(`invalid min_project_score_threshold: ${t}`);
  return { threshold: Number(t) };
}

/** Decimal places of a number read from short decimal text (at most 6 are kept). */
function places(x: number): number {
  return Math.min(6, String(Math.abs(x)).split('.')[1]?.length ?? 0);
}

/** The points of cumulative or scoring ballots as whole-number utilities. */
function cardinalOf(pb: PbInstance): CardinalUtilities {
  let scale = 0;
  for (const v of pb.votes) for (const x of v.points ?? []) scale = Math.max(scale, places(x));
  const index = new Map(pb.projects.map((p, i) => [p.id, i]));
  const voters: number[][] = pb.projects.map(() => []);
  const points: number[][] = pb.projects.map(() => []);
  let negative: string | undefined;
  pb.votes.forEach((v, i) => {
    v.vote.forEach((id, k) => {
      const x = v.points![k]!;
      if (x < 0) negative ??= `voter ${v.voterId} gives ${x} to project ${id}`;
      if (x <= 0) return;
      const j = index.get(id)!;
      voters[j]!.push(i);
      points[j]!.push(Math.round(x * 10 ** scale));
    });
  });
  return {
    voters: voters.map((l) => Int32Array.from(l)),
    points: points.map((l) => Float64Array.from(l)),
    scale,
    ...(negative ? { negative } : {}),
  };
}
