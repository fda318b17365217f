// The consultations held in the area: each with its electorate, schedule and, once closed, the
// outcome under its published rule and what anyone needs to check it — the closed log's head, the
// last signed head published by the report's date and the command that verifies the export.
import type { ReportConsultation } from '../contract/reports.ts';
import { esc, section } from './html.ts';
import type { ReportInput } from './input.ts';

const ELECTORATES: Record<string, string> = {
  codes: 'invitation codes',
  accounts: 'accounts with an eligibility check',
  'codes-or-accounts': 'invitation codes or accounts with an eligibility check',
};

function facts(c: ReportConsultation): string {
  const who = ELECTORATES[c.electorate] ?? c.electorate;
  const rows: [string, string][] = [
    [
      'Who could take part',
      esc(who) + (c.openPoll ? ' — <strong>an open poll: its results are not a vote</strong>' : ''),
    ],
    ['Open', `${esc(c.opensAt)} to ${esc(c.closesAt)}`],
    ['Rule', `<code>${esc(c.rule)}</code>`],
  ];
  if (c.state === 'closed') {
    rows.push(['Closed', esc(c.closedAt)], ['Ballots counted', String(c.ballots ?? 0)]);
    if (c.head)
      rows.push(['Log head at close', `<code>${esc(c.head.hash)}</code> (${c.head.count} entries)`]);
  }
  rows.push([
    'Signed heads',
    c.signed
      ? `${c.signedCount} published by this date; the last, no. ${c.signed.seq} at ${esc(c.signed.at)}, covers ${c.signed.count} entries, signed by key <code>${esc(c.signed.key)}</code>; ${finalText(c)}`
      : 'none published',
  ]);
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

/** Whether the last signed head is the final one, published at the close. */
function finalText(c: ReportConsultation): string {
  if (c.signed?.final)
    return '<strong>the final signed head</strong>, published at the close: it states the whole log';
  return c.state === 'closed'
    ? 'not the final head: no final signed head had been published by this date'
    : 'not the final head: voting was still open';
}

function result(c: ReportConsultation): string {
  if (c.state === 'open') return '<p>Voting had not closed by this date: no result is reported.</p>';
  if (c.result.length === 0) return '<p>No result: the rule could not tally the ballots cast.</p>';
  return `<p>Result under the published rule${c.openPoll ? ' (an open poll, not a vote)' : ''}:</p><pre>${esc(c.result.join('\n'))}</pre>`;
}

function verify(c: ReportConsultation): string {
  if (c.state === 'open' || !c.head) return '';
  const id = esc(c.id);
  const series = c.signed
    ? ` and its signed heads (<code>strata civic heads export ${id} --out ${id}-heads.json</code>), then run <code>strata civic verify ${id}.jsonl --heads ${id}-heads.json --key FINGERPRINT</code> with the key the organiser published`
    : `, then run <code>strata civic verify ${id}.jsonl --head ${esc(c.head.hash)}</code>`;
  return `<p>To check it: save the anonymised log (<code>strata civic export ${id} --out ${id}.jsonl</code>, or the results page’s download)${series}. A log that verifies and reproduces this result is the one counted.</p>`;
}

/** Every consultation opened in the area by the report's date. */
export function consultationsSection(r: Pick<ReportInput, 'consultations'>): string {
  const rows = [...r.consultations].sort(
    (a, b) => a.opensAt.localeCompare(b.opensAt) || a.id.localeCompare(b.id),
  );
  const body = rows.length
    ? rows
        .map(
          (c) =>
            `<h3>${esc(c.title)} <small>(${esc(c.id)}, ${c.state === 'closed' ? 'closed' : 'open'})</small></h3>\n${facts(c)}\n${result(c)}\n${verify(c)}`,
        )
        .join('\n')
    : '<p>No consultation held in this area is on record.</p>';
  return section('consultations', 'Consultations and their verified results', body);
}
