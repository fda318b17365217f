// Consultations to and from the pabulib `.pb` format: a participatory budget exported for
// researchers (voters as pseudonyms), or a published pabulib instance loaded as a consultation.
import type { Ballot, BallotKind, Consultation } from './consultation.ts';
import type { PbInstance } from './pabulib.ts';
import type { Outcome } from './tally/outcome.ts';

/** A voter's counted ballot, the voter named by id or pseudonym. */
export interface CastBallot {
  voter: string;
  ballot: Ballot;
}

function kindOf(voteType: string): BallotKind {
  switch (voteType) {
    case 'approval':
    case 'choose-1':
      return 'approval';
    case 'ordinal':
      return 'ranking';
    default:
      throw new Error(`invalid vote type for a consultation: ${voteType}`);
  }
}

function optionalInt(text: string | undefined): number | undefined {
  return text === undefined || text === '' ? undefined : Number.parseInt(text, 10);
}

/** Loads a pabulib instance as a consultation (its META rule unless `rule` is given) and its ballots. */
export function consultationFromPb(
  pb: PbInstance,
  id: string,
  rule = pb.meta.rule,
): { consultation: Consultation; ballots: CastBallot[] } {
  if (rule === undefined) throw new Error('pabulib instance has no META rule');
  const ballot = kindOf(pb.voteType);
  const consultation: Consultation = {
    id,
    title: pb.meta.description ?? id,
    ballot,
    options: pb.projects.map((p) => ({ id: p.id, name: p.fields.name ?? p.id, cost: p.cost })),
    rule,
    budget: pb.budget,
    minLength: optionalInt(pb.meta.min_length),
    maxLength: optionalInt(pb.meta.max_length),
  };
  const order = new Map(pb.projects.map((p, j) => [p.id, j]));
  const ballots = pb.votes.map((v) => ({
    voter: v.voterId,
    ballot: ballot === 'approval' ? [...v.vote].sort((a, b) => order.get(a)! - order.get(b)!) : [...v.vote],
  }));
  return { consultation, ballots };
}

/**
 * A budget consultation and its counted ballots as a pabulib instance: `extraMeta` adds the
 * fields pabulib asks for that a consultation does not hold (country, unit, instance, dates);
 * a budget `outcome` fills the `selected` column.
 */
export function consultationToPb(
  c: Consultation,
  ballots: readonly CastBallot[],
  outcome?: Outcome,
  extraMeta: Record<string, string> = {},
): PbInstance {
  if (c.ballot !== 'approval' && c.ballot !== 'knapsack' && c.ballot !== 'ranking')
    throw new Error(`invalid ballot kind for pabulib export: ${c.ballot}`);
  const voteType = c.ballot === 'ranking' ? 'ordinal' : 'approval';
  const votes = new Map(c.options.map((o) => [o.id, 0]));
  for (const b of ballots) for (const id of b.ballot as string[]) votes.set(id, votes.get(id)! + 1);
  const selected = new Set(outcome?.kind === 'budget' ? outcome.selected : []);
  const budget = c.budget ?? '0';
  const meta: Record<string, string> = {
    description: c.title,
    ...extraMeta,
    num_projects: String(c.options.length),
    num_votes: String(ballots.length),
    budget,
    vote_type: voteType,
    rule: c.rule,
  };
  if (c.minLength !== undefined) meta.min_length = String(c.minLength);
  if (c.maxLength !== undefined) meta.max_length = String(c.maxLength);
  const projectColumns = ['project_id', 'cost', 'votes', 'name', ...(outcome ? ['selected'] : [])];
  const projects = c.options.map((o) => {
    const fields: Record<string, string> = {
      project_id: o.id,
      cost: o.cost ?? '0',
      votes: String(votes.get(o.id)),
      name: o.name ?? o.id,
    };
    if (outcome) fields.selected = selected.has(o.id) ? '1' : '0';
    return { id: o.id, cost: o.cost ?? '0', fields };
  });
  const pbVotes = ballots.map((b) => {
    const vote = b.ballot as string[];
    return { voterId: b.voter, vote: [...vote], fields: { voter_id: b.voter, vote: vote.join(',') } };
  });
  return {
    meta,
    voteType,
    budget,
    projectColumns,
    projects,
    voteColumns: ['voter_id', 'vote'],
    votes: pbVotes,
  };
}
