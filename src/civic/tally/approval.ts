// Approval count: each ballot is a set of options; an option scores the number of ballots
// approving it. Options rank by score, ties in published order; the first `seats` win.
import type { RankingOutcome } from './outcome.ts';

/** Ranks `options` by the scores given, highest first, ties in published order. */
export function rank(
  rule: string,
  options: readonly string[],
  score: readonly number[],
  seats: number,
): RankingOutcome {
  const order = options.map((_, j) => j).sort((a, b) => score[b]! - score[a]! || a - b);
  const scores = order.map((j) => ({ id: options[j]!, score: score[j]! }));
  const notes: string[] = [];
  const edge = scores[seats - 1];
  if (edge && scores[seats]?.score === edge.score)
    notes.push(`tie at score ${edge.score} across the last seat, broken by published order`);
  return { kind: 'ranking', rule, scores, winners: scores.slice(0, seats).map((s) => s.id), notes };
}

/** Approval count over ballots that each list approved option ids. */
export function approvalCount(
  options: readonly string[],
  ballots: readonly (readonly string[])[],
  seats = 1,
): RankingOutcome {
  const index = new Map(options.map((id, j) => [id, j]));
  const score = options.map(() => 0);
  for (const ballot of ballots)
    for (const id of new Set(ballot)) {
      const j = index.get(id);
      if (j === undefined) throw new Error(`ballot names an unknown option: ${id}`);
      score[j]!++;
    }
  return rank('approval', options, score, seats);
}
