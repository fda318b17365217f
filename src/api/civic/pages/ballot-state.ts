// What a ballot form shows: the voter's recorded ballot, or what they just sent (so a refused
// ballot comes back as entered), and the plain-English reason a ballot cannot be recorded,
// naming options by their titles.
import type { Ballot, Consultation } from '../../../civic/service.ts';
import { money } from './render.ts';

/** The form's values: ticked options, ranks and points as typed, and the optional self-description. */
export interface BallotState {
  chosen: Set<string>;
  ranks: Map<string, string>;
  points: Map<string, string>;
  ageBand: string | null;
  sex: string | null;
}

export type FormFields = Record<string, string | string[]>;

export const one = (v: string | string[] | undefined): string =>
  Array.isArray(v) ? (v[0] ?? '') : (v ?? '');

/** The state of a recorded ballot (or an empty form). */
export function stateOf(
  own: Ballot | null,
  declared: { ageBand: string | null; sex: string | null },
): BallotState {
  const list = Array.isArray(own) ? own : [];
  const pts = own && !Array.isArray(own) ? own : {};
  return {
    chosen: new Set(list),
    ranks: new Map(list.map((id, k) => [id, String(k + 1)])),
    points: new Map(Object.entries(pts).map(([k, v]) => [k, String(v)])),
    ...declared,
  };
}

/** The state of a submitted form, as entered. */
export function stateFromForm(c: Consultation, f: FormFields): BallotState {
  const options = f.option === undefined ? [] : Array.isArray(f.option) ? f.option : [f.option];
  return {
    chosen: new Set(options),
    ranks: new Map(c.options.map((o) => [o.id, one(f[`rank:${o.id}`]).trim()])),
    points: new Map(c.options.map((o) => [o.id, one(f[`points:${o.id}`]).trim()])),
    ageBand: one(f.ageBand) || null,
    sex: one(f.sex) || null,
  };
}

/** The ballot a state stands for, in the form the service checks. */
export function ballotOf(c: Consultation, s: BallotState): Ballot {
  switch (c.ballot) {
    case 'approval':
    case 'knapsack': {
      // options in published order; anything else sent (only a tampered form) goes on for the service to refuse
      const known = c.options.filter((o) => s.chosen.has(o.id)).map((o) => o.id);
      return [...known, ...[...s.chosen].filter((id) => !known.includes(id))];
    }
    case 'ranking':
      return c.options
        .filter((o) => (s.ranks.get(o.id) ?? '') !== '')
        .sort((a, b) => Number(s.ranks.get(a.id)) - Number(s.ranks.get(b.id)))
        .map((o) => o.id);
    case 'points':
      return Object.fromEntries(c.options.map((o) => [o.id, Number(s.points.get(o.id) || 0)]));
    default:
      throw new Error(`invalid ballot kind: ${String(c.ballot)}`);
  }
}

/** Whether the ballot names nothing (worth a confirmation before it replaces a real one). */
export function isEmpty(b: Ballot): boolean {
  return Array.isArray(b) ? b.length === 0 : Object.values(b).every((v) => v === 0);
}

const titleOf = (c: Consultation, id: string) => c.options.find((o) => o.id === id)?.name ?? id;

/** Why a ballot cannot be recorded, said to the voter; null when the service should decide. */
export function ballotProblem(c: Consultation, s: BallotState, currency: string): string | null {
  const b = ballotOf(c, s);
  if (c.ballot === 'ranking') {
    const byRank = new Map<string, string[]>();
    for (const o of c.options) {
      const r = s.ranks.get(o.id) ?? '';
      if (r !== '') byRank.set(r, [...(byRank.get(r) ?? []), titleOf(c, o.id)]);
    }
    const twice = [...byRank].find(([, names]) => names.length > 1);
    if (twice) return `${twice[1].join(' and ')} both have rank ${twice[0]}: give each rank once.`;
  }
  if (c.ballot === 'points') {
    const values = [...s.points.values()].map((v) => (v === '' ? 0 : Number(v)));
    if (values.some((v) => !Number.isInteger(v) || v < 0)) return 'Points must be whole numbers, 0 or more.';
    const sum = values.reduce((a, x) => a + x, 0);
    if (sum !== 100) return `Your points add up to ${sum}; they must add up to 100.`;
  }
  if (c.ballot === 'knapsack' && Array.isArray(b) && c.budget !== undefined) {
    const total = b.reduce((a, id) => a + Number(c.options.find((o) => o.id === id)?.cost ?? 0), 0);
    if (total > Number(c.budget))
      return `The projects you chose cost ${money(total, currency)} in all, more than the budget of ${money(c.budget, currency)}. Untick one or more.`;
  }
  if (Array.isArray(b) && c.maxLength !== undefined && b.length > c.maxLength)
    return `You chose ${b.length} options; at most ${c.maxLength} may be chosen.`;
  if (Array.isArray(b) && b.length > 0 && c.minLength !== undefined && b.length < c.minLength)
    return `You chose ${b.length} options; at least ${c.minLength} must be chosen.`;
  return null;
}

/** A refusal from the service with option ids replaced by their titles. */
export function withTitles(c: Consultation, message: string): string {
  return message.replace(
    /: ([^:]+)$/,
    (_, list: string) =>
      `: ${list
        .split(',')
        .map((id) => (c.options.some((o) => o.id === id) ? `“${titleOf(c, id)}”` : id))
        .join(', ')}`,
  );
}
