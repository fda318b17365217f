// Checking an exported ballot log against the signed head series published while voting ran:
// every entry signed by a published key (or the key the checker pinned), the entries chained
// from the consultation's genesis hash in order, at most one per declared interval, counts never
// falling, and every published head present in the log at the count it states. The final head
// (published at the close) may share its interval with the entry before it, nothing may follow
// it, and it must state the whole log: a ballot added or removed after the close breaks it. A log rewritten
// after a head was published (one vote changed, every later hash recomputed) no longer holds it.
import { genesisHash, type LogEntry } from './chain.ts';
import type { Consultation } from './consultation.ts';
import {
  HEAD_SERIES_FORMAT,
  headEntryHash,
  signatureHolds,
  slotOf,
  type HeadEntry,
  type HeadSeries,
  type PublishedKey,
} from './head-series.ts';

/** Where and why a head series fails. */
export interface HeadsFault {
  /** The series entry at fault (its position), or -1 for the file as a whole. */
  index: number;
  kind: 'format' | 'order' | 'key' | 'signature' | 'changed' | 'link' | 'schedule' | 'absent' | 'final';
  detail: string;
}

/** What checking a series found. */
export interface HeadsReport {
  entries: number;
  /** Fingerprints of the keys that signed them. */
  keys: string[];
  /** Whether the keys were pinned by the checker (else they come from the series file itself). */
  pinned: boolean;
  /** The last published head (it proves the log up to its count). */
  last?: HeadEntry;
  fault?: HeadsFault;
}

const fail = (index: number, kind: HeadsFault['kind'], detail: string): HeadsFault => ({
  index,
  kind,
  detail,
});

const isText = (x: unknown): x is string => typeof x === 'string';

function isHeadEntry(x: unknown): x is HeadEntry {
  const e = x as HeadEntry;
  return (
    typeof e === 'object' &&
    e !== null &&
    [e.seq, e.interval, e.count].every((n) => Number.isSafeInteger(n)) &&
    e.interval > 0 &&
    (e.final === undefined || e.final === true) &&
    [e.consultationId, e.at, e.head, e.prev, e.key, e.signature, e.hash].every(isText) &&
    !Number.isNaN(new Date(e.at).getTime())
  );
}

/** Reads a series file's value; a fault names what is missing. */
export function parseSeries(value: unknown, c: Consultation): HeadSeries | HeadsFault {
  const s = value as HeadSeries;
  if (typeof s !== 'object' || s === null || s.format !== HEAD_SERIES_FORMAT)
    return fail(-1, 'format', `not a head series: format must be ${HEAD_SERIES_FORMAT}`);
  if (s.consultationId !== c.id)
    return fail(
      -1,
      'format',
      `the series is of consultation ${String(s.consultationId)}, the log of ${c.id}`,
    );
  if (!Array.isArray(s.keys) || !Array.isArray(s.entries))
    return fail(-1, 'format', 'the series needs keys and entries arrays');
  const bad = s.entries.findIndex((e) => !isHeadEntry(e));
  if (bad >= 0)
    return fail(
      bad,
      'format',
      `entry ${bad} is not a head (consultationId, seq, at, interval, count, head, prev, key, signature, hash)`,
    );
  return s;
}

function entryFault(
  c: Consultation,
  log: readonly LogEntry[],
  entries: readonly HeadEntry[],
  i: number,
  keys: ReadonlyMap<string, PublishedKey>,
  pinned: boolean,
): HeadsFault | undefined {
  const e = entries[i]!;
  const when = `entry ${i} (published ${e.at}, ${e.count} ballots)`;
  if (e.seq !== i || e.consultationId !== c.id)
    return fail(
      i,
      'order',
      `entry ${i} has seq ${e.seq}${e.consultationId !== c.id ? ` of ${e.consultationId}` : ''}: the series was reordered, or an entry removed or inserted`,
    );
  const key = keys.get(e.key);
  if (!key)
    return fail(
      i,
      'key',
      `${when} was signed by key ${e.key}, which is not ${pinned ? 'the key given' : 'published in the series'}`,
    );
  if (!signatureHolds(e, key))
    return fail(
      i,
      'signature',
      `${when}: the signature does not verify — the entry was changed after it was signed, or its signature replaced`,
    );
  if (headEntryHash(e) !== e.hash) return fail(i, 'changed', `${when} does not match its hash`);
  const prev = i === 0 ? genesisHash(c) : entries[i - 1]!.hash;
  if (e.prev !== prev)
    return fail(
      i,
      'link',
      i === 0
        ? `${when} does not commit to this consultation as published`
        : `${when} does not commit to entry ${i - 1}: the series was reordered, or an entry removed or inserted`,
    );
  const before = entries[i - 1];
  if (before?.final)
    return fail(i, 'final', `${when} follows the final head (entry ${i - 1}): nothing is published after it`);
  if (before && !e.final && slotOf(e.at, e.interval) <= slotOf(before.at, e.interval))
    return fail(
      i,
      'schedule',
      `${when} comes within the same ${e.interval}-second interval as entry ${i - 1} (${before.at}): heads are published at most once per interval`,
    );
  if (before && e.count < before.count)
    return fail(i, 'order', `${when} has fewer ballots than entry ${i - 1} (${before.count})`);
  const at = e.count === 0 ? genesisHash(c) : log[e.count - 1]?.hash;
  if (at !== e.head)
    return fail(
      i,
      'absent',
      `${when} published head ${e.head}, but ${e.count === 0 ? 'the consultation’s hash' : `entry ${e.count - 1} of this log`} is ${at ?? 'missing'}: the log was rewritten after that head was published, or it is not the published log`,
    );
  if (e.final && e.count !== log.length)
    return fail(
      i,
      'final',
      `${when} is the final head, but this log has ${log.length} entries: ballots were ${log.length > e.count ? 'added' : 'removed'} after the close`,
    );
  return undefined;
}

/**
 * Checks a head series against a log whose own chain already verified. `pinned` is the public
 * key the checker obtained independently (from the key route, or the organiser): when given,
 * only it may have signed; otherwise the keys the series itself carries are used and the report
 * says so.
 */
export function verifyHeads(
  c: Consultation,
  log: readonly LogEntry[],
  value: unknown,
  pinned?: PublishedKey,
): HeadsReport {
  const parsed = parseSeries(value, c);
  if ('kind' in parsed) return { entries: 0, keys: [], pinned: pinned !== undefined, fault: parsed };
  const trusted = pinned ? [pinned] : parsed.keys;
  const keys = new Map(trusted.map((k) => [k.fingerprint, k]));
  const used = [...new Set(parsed.entries.map((e) => e.key))];
  const report: HeadsReport = { entries: parsed.entries.length, keys: used, pinned: pinned !== undefined };
  for (let i = 0; i < parsed.entries.length; i++) {
    const fault = entryFault(c, log, parsed.entries, i, keys, pinned !== undefined);
    if (fault) return { ...report, fault };
  }
  return { ...report, last: parsed.entries.at(-1) };
}
