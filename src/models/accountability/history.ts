// A commitment's status history is append-only (METHODS.md §9): each entry has a sequence number, a
// date, a status from the vocabulary, the evidence, a reason and who recorded it. An entry can be
// added after the last one; nothing before it can change. These checks are the rule the store's
// triggers enforce, written once so both the importer and the store can give the same answer.
import { parseStatus, type Status } from './vocabulary.ts';

/** One recorded status of a commitment. */
export interface HistoryEntry {
  seq: number;
  /** ISO date (YYYY-MM-DD) the status was recorded for. */
  date: string;
  status: Status;
  /** The status rule that gave it (`trajectory@1`), or `assessed` when a person judged it. */
  rule: string;
  evidence: string;
  reason: string;
  who: string;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Checks an ISO calendar date (`2025-02-30` is refused); returns it. */
export function isoDate(s: string, what = 'date'): string {
  if (!ISO_DATE.test(s) || new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) !== s)
    throw new Error(`invalid ${what}: ${s} (a calendar date YYYY-MM-DD)`);
  return s;
}

/** The entry that may follow `history`, or an error saying why it may not. */
export function nextEntry(history: readonly HistoryEntry[], e: Omit<HistoryEntry, 'seq'>): HistoryEntry {
  const last = history.at(-1);
  isoDate(e.date);
  parseStatus(e.status);
  if (last && e.date < last.date)
    throw new Error(`history is append-only: ${e.date} is before the last entry's date ${last.date}`);
  for (const k of ['evidence', 'reason', 'who', 'rule'] as const)
    if (!e[k].trim()) throw new Error(`a history entry needs ${k}`);
  return { ...e, seq: (last?.seq ?? 0) + 1 };
}

/**
 * Compares a history as stored with one offered again (a re-import of the register, a restore): the
 * offer may only extend it. Returns the entries to append; any difference in the common prefix is
 * refused naming the first entry that differs.
 */
export function extension(stored: readonly HistoryEntry[], offered: readonly HistoryEntry[]): HistoryEntry[] {
  if (offered.length < stored.length)
    throw new Error(`history is append-only: ${stored.length} entries are stored, ${offered.length} offered`);
  stored.forEach((s, i) => {
    const o = offered[i]!;
    for (const k of ['seq', 'date', 'status', 'rule', 'evidence', 'reason', 'who'] as const)
      if (s[k] !== o[k])
        throw new Error(
          `history is append-only: entry ${s.seq} would change its ${k} from ${JSON.stringify(s[k])} to ${JSON.stringify(o[k])}`,
        );
  });
  let out: HistoryEntry[] = [...stored];
  for (const o of offered.slice(stored.length)) out = [...out, nextEntry(out, o)];
  return out.slice(stored.length);
}
