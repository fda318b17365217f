// The hash-chained ballot log. Each accepted ballot becomes an entry committing to the
// previous entry's hash, the consultation, the voter's pseudonym and the canonical ballot:
//   hash = sha256(canonicalJson({ ballot, consultationId, prevHash, seq, voter }))
// The first entry's prevHash is the hash of the published consultation (options, rule,
// budget), so the chain also commits to the rule the tally must use. Entries carry no
// timestamp: arrival times could re-identify voters, and the chain must be reproducible by
// anyone from the exported file alone.
import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from './canonical.ts';
import { canonicalBallot, type Ballot, type Consultation } from './consultation.ts';
import type { Outcome } from './tally/outcome.ts';
import { tally } from './tally/rules.ts';

/** One accepted ballot in the log. */
export interface LogEntry {
  seq: number;
  prevHash: string;
  consultationId: string;
  /** HMAC-SHA256 pseudonym of the voter (see `pseudonym`). */
  voter: string;
  ballot: Ballot;
  hash: string;
}

/** Where and why a log fails verification. */
export interface ChainFault {
  /** The seq at which the fault is seen (for a missing tail, the first missing seq). */
  seq: number;
  kind: 'changed' | 'removed' | 'reordered' | 'inserted' | 'link' | 'invalid' | 'head';
  detail: string;
}

/** The result of checking a chain: its head and length, or the first fault. */
export type ChainCheck = { ok: true; head: string; count: number } | { ok: false; fault: ChainFault };

/** sha256 of UTF-8 text, hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hash the first entry's prevHash must hold: of the published consultation. */
export function genesisHash(c: Consultation): string {
  return sha256Hex(canonicalJson({ consultation: c, format: 'strata-ballot-log/1' }));
}

/**
 * A voter's pseudonym: HMAC-SHA256 keyed with the consultation's secret over
 * "consultationId\nvoterId". The secret never leaves the server, so the log shows one
 * stable pseudonym per voter per consultation, unlinkable across consultations and to ids.
 */
export function pseudonym(secret: string | Uint8Array, consultationId: string, voterId: string): string {
  return createHmac('sha256', secret).update(`${consultationId}\n${voterId}`, 'utf8').digest('hex');
}

/** The hash of an entry's fields (everything but `hash`). */
export function entryHash(e: Omit<LogEntry, 'hash'>): string {
  const { seq, prevHash, consultationId, voter, ballot } = e;
  return sha256Hex(canonicalJson({ ballot, consultationId, prevHash, seq, voter }));
}

/** Appends a ballot after `head` (undefined for the first): checks it, puts it in canonical form, chains it. Pure. */
export function appendEntry(
  c: Consultation,
  head: LogEntry | undefined,
  voter: string,
  ballot: unknown,
): LogEntry {
  const fields = {
    seq: head ? head.seq + 1 : 0,
    prevHash: head ? head.hash : genesisHash(c),
    consultationId: c.id,
    voter,
    ballot: canonicalBallot(c, ballot),
  };
  return { ...fields, hash: entryHash(fields) };
}

/** Each voter's counted ballot, their last entry (a voter may change their ballot while it is open), in the order of those entries. */
export function countedByVoter(entries: readonly LogEntry[]): { voter: string; ballot: Ballot }[] {
  const last = new Map<string, Ballot>();
  for (const e of entries) {
    last.delete(e.voter);
    last.set(e.voter, e.ballot);
  }
  return [...last].map(([voter, ballot]) => ({ voter, ballot }));
}

/** The ballots that count: each pseudonym's last (see `countedByVoter`). */
export function countedBallots(entries: readonly LogEntry[]): Ballot[] {
  return countedByVoter(entries).map((b) => b.ballot);
}

/**
 * The tally of a log under its consultation's published rule, or null with the reason when the
 * rule cannot tally the ballots cast (goal weighting with none): the close and `verify` both use it.
 */
export function tallyLog(
  c: Consultation,
  entries: readonly LogEntry[],
): { outcome: Outcome | null; note?: string } {
  try {
    return { outcome: tally(c, countedBallots(entries)) };
  } catch (e) {
    return { outcome: null, note: (e as Error).message };
  }
}
