// Borda count for ranked ballots, partial rankings allowed (the modified Borda count of
// Emerson, "The original Borda count and partial voting", Social Choice and Welfare 2013; the
// points pabulib gives ordinal votes without a points column): a ballot ranking k options
// gives its first choice k points, the next k−1, …, its last 1, and unranked options 0, so
// ranking more options never weakens a voter's top choices. Ballots are strict orders (no
// ties inside a ballot). Options rank by total points, ties in published order.
import { rank } from './approval.ts';
import type { RankingOutcome } from './outcome.ts';

/** Modified Borda count over ranked ballots (most preferred first). */
export function borda(
  options: readonly string[],
  ballots: readonly (readonly string[])[],
  seats = 1,
): RankingOutcome {
  const index = new Map(options.map((id, j) => [id, j]));
  const score = options.map(() => 0);
  for (const ballot of ballots) {
    if (new Set(ballot).size !== ballot.length)
      throw new Error(`ranking names an option twice: ${ballot.join(',')}`);
    ballot.forEach((id, r) => {
      const j = index.get(id);
      if (j === undefined) throw new Error(`ranking names an unknown option: ${id}`);
      score[j]! += ballot.length - r;
    });
  }
  return rank('borda', options, score, seats);
}
