// Plain-text reports of tallies and log verification, for `strata civic verify` and friends.
import type { VerifyReport } from './chain-export.ts';
import type { Consultation } from './consultation.ts';
import { commonScale, fromUnits } from './money.ts';
import type { Outcome } from './tally/outcome.ts';

function amountScale(c: Consultation): number {
  return commonScale([c.budget ?? '0', ...c.options.map((o) => o.cost ?? '0')]);
}

/** An outcome as text lines: the funded projects, the ranking, or the goal weights. */
export function formatOutcome(o: Outcome, c: Consultation): string[] {
  const name = new Map(c.options.map((x) => [x.id, x.name ?? x.id]));
  const label = (id: string): string => (name.get(id) === id ? id : `${id} ${name.get(id)}`);
  const lines = [`rule: ${o.rule}`];
  switch (o.kind) {
    case 'budget':
      lines.push(`selected (${o.selected.length}), in order:`, ...o.selected.map((id) => `  ${label(id)}`));
      lines.push(`spent: ${fromUnits(o.spent, amountScale(c))} of ${c.budget}`);
      break;
    case 'ranking':
      lines.push(
        ...o.scores.map((s, i) => `  ${i + 1}. ${label(s.id)}: ${s.score}`),
        `winners: ${o.winners.join(', ')}`,
      );
      break;
    case 'weights':
      lines.push(`ballots: ${o.ballots}`);
      lines.push(...o.weights.map((w) => `  ${label(w.id)}: ${w.fraction} (${w.share.toFixed(2)}%)`));
      break;
  }
  return [...lines, ...o.notes.map((n) => `note: ${n}`)];
}

/** What the check proves: up to which entry a published head holds the log, or that only its consistency was checked. */
function provenLines(r: VerifyReport): string[] {
  if (!r.proven)
    return [
      'checked: internal consistency only. A log rewritten wholesale (a vote changed and every hash after it recomputed) would also pass;',
      '  give the signed head series (--heads FILE) or a head published while voting ran (--head HASH) to prove the entries before it were not changed.',
    ];
  const { head, count } = r.proven;
  const upTo =
    count === 0
      ? 'the consultation as published (no entry yet)'
      : `entries 0 to ${count - 1} (${count} of ${r.entries})`;
  const after = r.entries > count ? `; entries ${count} to ${r.entries - 1} came after that head` : '';
  return [`published head ${head} proves ${upTo}${after}`];
}

/** What the head series check found, as text lines. */
function headsLines(r: VerifyReport): string[] {
  const h = r.heads;
  if (!h) return [];
  if (h.fault)
    return [
      `head series: BROKEN at ${h.fault.index < 0 ? 'the file' : `entry ${h.fault.index}`} (${h.fault.kind}): ${h.fault.detail}`,
    ];
  const keys = h.keys.join(', ') || 'none';
  const whose = h.pinned
    ? 'the key you gave'
    : 'the keys the series itself carries, which proves nothing against the organiser, who holds the key: pin with --key the fingerprint published before voting opened, and compare with heads saved while voting ran';
  const lines = [
    `head series: ${h.entries} signed entr${h.entries === 1 ? 'y' : 'ies'}, chained, at most one per interval; signed by ${keys} (${whose})`,
  ];
  if (h.last)
    lines.push(
      `  every published head is in this log at its stated count; the last, published ${h.last.at}, commits to ${h.last.count} entries`,
    );
  if (h.last?.final)
    lines.push(
      `  it is the final head, signed at the close: the log is complete, no entry added or removed after`,
    );
  return lines;
}

/** A verification report as text: the chain's state, then the recomputed outcome. */
export function formatVerifyReport(r: VerifyReport): string {
  const lines = [`consultation: ${r.consultation.id} — ${r.consultation.title}`, `entries: ${r.entries}`];
  if (r.consultation.openPoll)
    lines.push(
      'OPEN POLL: published as an open poll, so its results are not a vote (one person could answer more than once)',
    );
  if (r.fault) {
    lines.push(`chain: BROKEN at seq ${r.fault.seq} (${r.fault.kind}): ${r.fault.detail}`);
    return lines.join('\n') + '\n';
  }
  lines.push(`chain: intact, head ${r.head}`);
  if (r.heads?.fault) return [...lines, ...headsLines(r)].join('\n') + '\n';
  lines.push(...headsLines(r), ...provenLines(r));
  if (r.outcome) lines.push(...formatOutcome(r.outcome, r.consultation));
  else if (r.note) lines.push(`no outcome: ${r.note}`);
  if (r.matchesPublished !== undefined)
    lines.push(
      r.matchesPublished
        ? 'published outcome: reproduced'
        : 'published outcome: DIFFERS from the recomputed one',
    );
  return lines.join('\n') + '\n';
}
