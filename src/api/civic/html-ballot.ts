// The ballot page: the consultation, the evidence behind its options, and the form — checkboxes
// for approval and budget ballots, a rank per option for ranked ballots, points per goal — with
// an optional age band and sex for the representativeness report.
import type { Ballot } from '../../civic/consultation.ts';
import type { StoredConsultation } from '../../civic/service/consultations.ts';
import { AGE_BANDS, SEXES } from '../../civic/weighting.ts';
import { esc, notice, pct } from './html.ts';
import type { evidenceFor } from './results.ts';

type Evidence = Awaited<ReturnType<typeof evidenceFor>>;

const num = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : x.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** A value with its unit: currency before (£533.9), anything else after (67.9 %). */
function withUnit(value: number | null, unit: string): string {
  if (value === null) return '—';
  return unit === '£' ? `£${num(value)}` : `${num(value)} ${esc(unit)}`;
}

/** The evidence panel: the area's layered economy and headline indicators with their intervals. */
export function evidenceHtml(e: Evidence): string {
  const notes = e.notes.map((n) => `<p><small>${esc(n)}</small></p>`).join('');
  if (!e.layers)
    return `<section aria-labelledby="evidence"><h2 id="evidence">Evidence</h2>${notes}</section>`;
  const layers = e.layers.rows
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.layer)}</th><td class="num">${pct(r.share)}</td><td class="num">${num(r.value)}</td><td class="num">${num(r.lq)}</td></tr>`,
    )
    .join('');
  const indicators = e.indicators
    .map((i) => {
      const ci =
        i.lci95 === null || i.uci95 === null ? 'not published' : `${num(i.lci95)} to ${num(i.uci95)}`;
      const comp = i.comparators.map((x) => `${esc(x.areanm)}: ${num(x.value)}`).join('; ');
      return `<tr><th scope="row">${esc(i.label)}</th><td>${esc(i.period)}</td><td class="num">${withUnit(i.value, i.unit)}</td><td>${esc(ci)}</td><td>${comp}</td></tr>`;
    })
    .join('');
  return `<section aria-labelledby="evidence"><h2 id="evidence">Evidence: ${esc(e.area)}</h2>
<table><caption>The layered economy in ${esc(e.layers.year)}: share of GVA at current prices (${esc(e.taxonomy)}); ${esc(e.layers.source)}</caption>
<thead><tr><th scope="col">Layer</th><th scope="col">Share</th><th scope="col">£ million</th><th scope="col">Location quotient</th></tr></thead><tbody>${layers}</tbody></table>
<table><caption>Headline indicators with 95% confidence intervals where published</caption>
<thead><tr><th scope="col">Indicator</th><th scope="col">Period</th><th scope="col">Value</th><th scope="col">95% interval</th><th scope="col">Region and UK</th></tr></thead><tbody>${indicators}</tbody></table>
${notes}</section>`;
}

function optionLabel(s: StoredConsultation, id: string): string {
  const o = s.spec.options.find((x) => x.id === id)!;
  const cost = o.cost !== undefined ? ` — costs ${esc(o.cost)}` : '';
  const note = s.meta.notes[id] ? `<br><small>${esc(s.meta.notes[id])}</small>` : '';
  return `${esc(o.name ?? o.id)}${cost}${note}`;
}

function choiceFields(s: StoredConsultation, own: Ballot | null): string {
  const chosen = new Set(Array.isArray(own) ? own : []);
  return s.spec.options
    .map(
      (
        o,
        i,
      ) => `<p><input type="checkbox" id="opt-${i}" name="option" value="${esc(o.id)}"${chosen.has(o.id) ? ' checked' : ''}>
      <label for="opt-${i}">${optionLabel(s, o.id)}</label></p>`,
    )
    .join('');
}

function rankFields(s: StoredConsultation, own: Ballot | null): string {
  const ranks = new Map((Array.isArray(own) ? own : []).map((id, k) => [id, k + 1]));
  const n = s.spec.options.length;
  return s.spec.options
    .map((o, i) => {
      const opts = ['<option value="">not ranked</option>']
        .concat(
          Array.from(
            { length: n },
            (_, k) =>
              `<option value="${k + 1}"${ranks.get(o.id) === k + 1 ? ' selected' : ''}>${k + 1}</option>`,
          ),
        )
        .join('');
      return `<p><label for="rank-${i}">${optionLabel(s, o.id)}</label><br><select id="rank-${i}" name="rank:${esc(o.id)}">${opts}</select></p>`;
    })
    .join('');
}

function pointFields(s: StoredConsultation, own: Ballot | null): string {
  const pts = own && !Array.isArray(own) ? own : {};
  return s.spec.options
    .map(
      (o, i) => `<p><label for="pts-${i}">${optionLabel(s, o.id)}</label><br>
      <input id="pts-${i}" name="points:${esc(o.id)}" type="number" min="0" max="100" step="1" inputmode="numeric" value="${esc(pts[o.id] ?? 0)}"></p>`,
    )
    .join('');
}

const HOW: Record<string, string> = {
  approval: 'Tick every option you support.',
  knapsack: 'Tick the projects you would fund; their total cost must fit the budget.',
  ranking: 'Give your preferred options ranks 1, 2, 3 …; leave the rest unranked. Each rank once.',
  points: 'Split 100 points across the goals (whole numbers adding up to 100).',
};

function selectField(name: string, label: string, values: readonly string[]): string {
  const opts = [
    '<option value="">prefer not to say</option>',
    ...values.map((v) => `<option value="${esc(v)}">${esc(v)}</option>`),
  ].join('');
  return `<p><label for="${name}">${label}</label><br><select id="${name}" name="${name}">${opts}</select></p>`;
}

/** The ballot form for an eligible participant, pre-filled with their current ballot. */
export function ballotForm(s: StoredConsultation, csrf: string, own: Ballot | null): string {
  const fields =
    s.spec.ballot === 'ranking'
      ? rankFields(s, own)
      : s.spec.ballot === 'points'
        ? pointFields(s, own)
        : choiceFields(s, own);
  const budget = s.spec.budget !== undefined ? ` The budget is ${esc(s.spec.budget)}.` : '';
  return `<form method="post" action="/participate/${esc(s.spec.id)}/ballot">
<input type="hidden" name="_csrf" value="${esc(csrf)}">
<fieldset><legend>Your ballot</legend><p>${esc(HOW[s.spec.ballot])}${budget} You can change it until the consultation closes; only your last ballot counts.</p>
${fields}</fieldset>
<fieldset><legend>About you (optional)</legend><p>Used only to check how well those taking part reflect the area's population; never published with your ballot.</p>
${selectField('ageBand', 'Age band', AGE_BANDS)}${selectField('sex', 'Sex', SEXES)}</fieldset>
<p><button type="submit">${own ? 'Change my ballot' : 'Cast my ballot'}</button></p></form>`;
}

/** The code form shown to someone not signed in while voting runs. */
export function codeForm(s: StoredConsultation, csrf: string): string {
  const accounts =
    s.meta.electorate !== 'codes'
      ? ' Or <a href="/participate/login?next=/participate/' +
        esc(s.spec.id) +
        '">sign in</a> with a participant account.'
      : '';
  return `<form method="post" action="/participate/${esc(s.spec.id)}/redeem">
<input type="hidden" name="_csrf" value="${esc(csrf)}">
<p><label for="code">Invitation code</label><br><input id="code" name="code" autocomplete="off" required maxlength="64" placeholder="XXXXX-XXXXX-XXXXX-XXXXX"></p>
<p><button type="submit">Use my code</button></p></form><p>Each code works once.${accounts}</p>`;
}

/** The head of the log while voting runs. */
export function headHtml(head: { hash: string; count: number } | null): string {
  if (!head) return '';
  const note = head.count
    ? ` Note it: in the log exported after the close, entry ${head.count - 1} must have this hash, so nobody can rewrite what came before.`
    : '';
  return `<p>Ballot log: <strong>${head.count}</strong> entries, head <code>${esc(head.hash)}</code>.${note}</p>`;
}

/** The receipt box after a ballot is cast. */
export function receiptHtml(r: { seq: number; hash: string } | null): string {
  return r
    ? notice(
        'ok',
        `Your ballot is in the log as entry ${r.seq}, receipt <code>${esc(r.hash)}</code>. Keep the receipt to find your entry in the exported log.`,
      )
    : '';
}
