// Verifying a ballot log: recompute every hash and link from the published consultation,
// and name the first fault. A changed entry no longer matches its own hash (or, rehashed,
// breaks its successor's link); a removed one leaves a gap in seq; reordered entries come out
// of seq order; an inserted one repeats a seq or breaks a link; a cut tail or a wholly
// rewritten log no longer ends at the published head hash and count.
import { canonicalJson } from './canonical.ts';
import { genesisHash, entryHash, type ChainCheck, type ChainFault, type LogEntry } from './chain.ts';
import { canonicalBallot, type Consultation } from './consultation.ts';

/** What the log must end with, as published when the consultation closed. */
export interface PublishedHead {
  head?: string;
  count?: number;
}

function fault(seq: number, kind: ChainFault['kind'], detail: string): ChainCheck {
  return { ok: false, fault: { seq, kind, detail } };
}

function seqFault(entries: readonly LogEntry[], at: number, seen: Set<number>): ChainCheck | undefined {
  const e = entries[at]!;
  if (seen.has(e.seq)) return fault(e.seq, 'inserted', `a second entry with seq ${e.seq}`);
  if (e.seq === at) return undefined;
  if (e.seq < at) return fault(e.seq, 'reordered', `seq ${e.seq} comes after seq ${entries[at - 1]?.seq}`);
  const later = entries.slice(at + 1).some((x) => x.seq === at);
  return later
    ? fault(at, 'reordered', `seq ${at} comes after seq ${e.seq}`)
    : fault(at, 'removed', `seq ${at} is missing (next is ${e.seq})`);
}

function ballotFault(c: Consultation, e: LogEntry): ChainCheck | undefined {
  try {
    const canonical = canonicalBallot(c, e.ballot);
    if (canonicalJson(canonical) === canonicalJson(e.ballot)) return undefined;
    return fault(e.seq, 'invalid', 'ballot is not in canonical form');
  } catch (err) {
    return fault(e.seq, 'invalid', (err as Error).message);
  }
}

/** Checks a whole log against its consultation and, when given, the published head and count. */
export function verifyChain(
  c: Consultation,
  entries: readonly LogEntry[],
  published: PublishedHead = {},
): ChainCheck {
  let prev = genesisHash(c);
  const seen = new Set<number>();
  for (let at = 0; at < entries.length; at++) {
    const e = entries[at]!;
    const bad = seqFault(entries, at, seen);
    if (bad) return bad;
    if (e.consultationId !== c.id)
      return fault(e.seq, 'inserted', `entry of another consultation: ${e.consultationId}`);
    if (entryHash(e) !== e.hash) return fault(e.seq, 'changed', 'entry does not match its hash');
    if (e.prevHash !== prev)
      return at === 0
        ? fault(
            0,
            'changed',
            'first entry does not commit to this consultation (rule, options or budget changed)',
          )
        : fault(
            e.seq,
            'link',
            `entry does not commit to seq ${at - 1}: that entry was rewritten, or this one inserted`,
          );
    const invalid = ballotFault(c, e);
    if (invalid) return invalid;
    seen.add(e.seq);
    prev = e.hash;
  }
  const n = entries.length;
  if (published.count !== undefined && n < published.count)
    return fault(n, 'removed', `log has ${n} entries, ${published.count} were published`);
  if (published.count !== undefined && n > published.count)
    return fault(published.count, 'inserted', `log has ${n} entries, ${published.count} were published`);
  if (published.head !== undefined && prev !== published.head)
    return fault(n, 'head', `log ends at ${prev}, the published head is ${published.head}`);
  return { ok: true, head: prev, count: n };
}
