// The exported, anonymised ballot log: JSON Lines. Line 1 is the header
//   {"format":"strata-ballot-log/1","consultation":{…},"count":N,"head":"…","outcome":{…}}
// (`outcome` optional: the result published at close), then one entry per line in seq order,
//   {"ballot":…,"consultationId":…,"hash":…,"prevHash":…,"seq":…,"voter":…}
// each in canonical JSON. Voters appear only as pseudonyms; the pseudonym secret is not
// exported. `verifyExport` recomputes the chain and the tally with the published rule.
import { SourceError } from '../core/errors.ts';
import { canonicalJson } from './canonical.ts';
import { genesisHash, tallyLog, type ChainFault, type LogEntry } from './chain.ts';
import { verifyChain } from './chain-verify.ts';
import type { Consultation } from './consultation.ts';
import type { PublishedKey } from './head-series.ts';
import { verifyHeads, type HeadsReport } from './head-verify.ts';
import type { Outcome } from './tally/outcome.ts';

export const LOG_FORMAT = 'strata-ballot-log/1';

/** The header line of an exported log. */
export interface LogHeader {
  format: string;
  consultation: Consultation;
  count: number;
  head: string;
  outcome?: Outcome;
}

/** Exports a log (and optionally the published outcome) as JSON Lines. */
export function exportLog(c: Consultation, entries: readonly LogEntry[], outcome?: Outcome): string {
  const head = entries.length ? entries[entries.length - 1]!.hash : genesisHash(c);
  const header: LogHeader = { format: LOG_FORMAT, consultation: c, count: entries.length, head, outcome };
  return [header, ...entries].map(canonicalJson).join('\n') + '\n';
}

function isEntry(x: unknown): x is LogEntry {
  const e = x as LogEntry;
  return (
    typeof e === 'object' &&
    e !== null &&
    Number.isSafeInteger(e.seq) &&
    [e.prevHash, e.consultationId, e.voter, e.hash].every((s) => typeof s === 'string') &&
    typeof e.ballot === 'object' &&
    e.ballot !== null
  );
}

/** Reads an exported log; throws SourceError naming the file, line and fault. */
export function parseLog(
  text: string,
  file = 'ballot-log.jsonl',
): { header: LogHeader; entries: LogEntry[] } {
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const values = lines.map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new SourceError({ file, line: i + 1, value: line }, 'not a JSON line');
    }
  });
  const header = values[0] as LogHeader | undefined;
  if (!header || header.format !== LOG_FORMAT)
    throw new SourceError({ file, line: 1, value: header?.format }, `header must have format ${LOG_FORMAT}`);
  if (typeof header.consultation !== 'object' || header.consultation === null)
    throw new SourceError({ file, line: 1 }, 'header has no consultation');
  const entries = values.slice(1).map((v, i) => {
    if (!isEntry(v))
      throw new SourceError(
        { file, line: i + 2 },
        'not a log entry (seq, prevHash, consultationId, voter, ballot, hash)',
      );
    return v;
  });
  return { header, entries };
}

/** What `strata civic verify` reports. */
export interface VerifyReport {
  consultation: Consultation;
  entries: number;
  head: string;
  fault?: ChainFault;
  /** The tally recomputed from the log with the published rule (when the chain holds). */
  outcome?: Outcome;
  /** Why the rule could not tally the log (e.g. goal weighting with no ballots), as at the close. */
  note?: string;
  /** Whether it equals the outcome in the header, when the header has one. */
  matchesPublished?: boolean;
  /**
   * The head published while voting ran that the log was checked against, and how many entries
   * it commits to (0: the consultation as published, before any ballot). Without one, only the
   * log's internal consistency was checked: a log rewritten wholesale would pass.
   */
  proven?: { head: string; count: number };
  /** The signed head series checked against the log (`--heads`). */
  heads?: HeadsReport;
}

/** How many entries a published head commits to in this (intact) log, or undefined when it is none of its heads. */
export function headCount(c: Consultation, entries: readonly LogEntry[], head: string): number | undefined {
  if (head === genesisHash(c)) return 0;
  const at = entries.findIndex((e) => e.hash === head);
  return at < 0 ? undefined : at + 1;
}

/** The part of an outcome that is the result (not the working notes). */
export function resultOf(o: Outcome): unknown {
  switch (o.kind) {
    case 'budget':
      return { rule: o.rule, selected: o.selected, spent: o.spent };
    case 'ranking':
      return { rule: o.rule, scores: o.scores, winners: o.winners };
    case 'weights':
      return { rule: o.rule, weights: o.weights.map((w) => [w.id, w.fraction]) };
    default:
      throw new Error(`invalid outcome kind: ${String((o as Outcome).kind)}`);
  }
}

/**
 * Verifies an exported log: the chain from the consultation's hash through every entry to the
 * header's head and count, then recomputes the tally with the published rule and compares it
 * with the header's outcome. With `heads`, the signed head series is checked against the log
 * (head-verify.ts) and its last head proves the log up to its count. `publishedHead` is a head announced independently while voting ran
 * (on the ballot page, by `civic open`, in the signed head series): it must be the hash of one
 * of the log's entries — or of the consultation itself, before the first ballot — and the
 * report says up to which entry it proves the log.
 */
export function verifyExport(
  text: string,
  opts: { file?: string; publishedHead?: string; heads?: { series: unknown; pinned?: PublishedKey } } = {},
): VerifyReport {
  const { header, entries } = parseLog(text, opts.file);
  const c = header.consultation;
  const check = verifyChain(c, entries, { head: header.head, count: header.count });
  const external = opts.publishedHead;
  const report: VerifyReport = { consultation: c, entries: entries.length, head: header.head };
  if (!check.ok) return { ...report, fault: check.fault };
  if (external !== undefined) {
    const count = headCount(c, entries, external);
    if (count === undefined)
      return {
        ...report,
        fault: {
          seq: entries.length,
          kind: 'head',
          detail: `the published head ${external} is not the hash of any entry of this log, nor of the consultation: the log was rewritten, or it is not the one published`,
        },
      };
    report.proven = { head: external, count };
  }
  if (opts.heads) {
    report.heads = verifyHeads(c, entries, opts.heads.series, opts.heads.pinned);
    if (report.heads.fault) return report;
    const last = report.heads.last;
    if (last && (!report.proven || last.count > report.proven.count))
      report.proven = { head: last.head, count: last.count };
  }
  const { outcome, note } = tallyLog(c, entries);
  if (!outcome) return { ...report, note, matchesPublished: header.outcome ? false : undefined };
  const matchesPublished = header.outcome
    ? canonicalJson(resultOf(header.outcome)) === canonicalJson(resultOf(outcome))
    : undefined;
  return { ...report, outcome, matchesPublished };
}
