// A small consultation and its ballot log, shared by the chain tests.
import { appendEntry, pseudonym, type LogEntry } from '../../src/civic/chain.ts';
import type { Consultation } from '../../src/civic/consultation.ts';

export const CONSULTATION: Consultation = {
  id: 'riverside-2026',
  title: 'Riverside neighbourhood fund',
  ballot: 'approval',
  options: [
    { id: 'A', name: 'Play area', cost: '20' },
    { id: 'B', name: 'Bike racks', cost: '10' },
    { id: 'C', name: 'Tree planting', cost: '20' },
  ],
  budget: '30',
  rule: 'equalshares/add1',
};

export const SECRET = 'never-exported';

/** The add1 example of the Equal Shares tests (outcome A, B), one entry per voter. */
export const VOTES: [string, string[]][] = [
  ['alice', ['A', 'B']],
  ['bob', ['B', 'A']],
  ['carol', ['C', 'A']],
  ['dan', ['A']],
];

export function buildLog(votes = VOTES): LogEntry[] {
  const out: LogEntry[] = [];
  for (const [voter, ballot] of votes)
    out.push(appendEntry(CONSULTATION, out.at(-1), pseudonym(SECRET, CONSULTATION.id, voter), ballot));
  return out;
}
