// The results page: the outcome under the published rule, the representativeness report beside
// it (never in its place), and how anyone can verify the result from the exported log.
import { esc, pct } from './html.ts';
import type { resultsFor } from './results.ts';

type Results = Awaited<ReturnType<typeof resultsFor>>;

const fixed = (x: number | null) => (x === null ? '—' : x.toFixed(3));

function representativenessHtml(r: Results): string {
  const rep = r.representativeness;
  if (!rep)
    return '<p>No population estimates for this area are in the store, so the participants cannot be compared with its population.</p>';
  const ps = rep.poststratification;
  const strata = ps.strata
    .map(
      (
        s,
      ) => `<tr><th scope="row">${esc(s.ageBand)}${s.sex ? ' ' + esc(s.sex) : ''}</th><td class="num">${pct(s.populationShare)}</td>
      <td class="num">${s.respondents}</td><td class="num">${pct(s.sampleShare)}</td><td class="num">${fixed(s.weight)}</td></tr>`,
    )
    .join('');
  const names = new Map(r.consultation.options.map((o) => [o.id, o.name ?? o.id]));
  const options = rep.weighted.options
    .map(
      (o) =>
        `<tr><th scope="row">${esc(names.get(o.id))}</th><td class="num">${fixed(o.raw)}</td><td class="num">${fixed(o.weighted)}</td></tr>`,
    )
    .join('');
  const sexNote = ps.strata.some((s) => s.sex)
    ? ''
    : ' The estimates in the store are for persons, so the strata are age bands only.';
  return `<p>${rep.declared} of ${rep.counted} counted voters declared an age band. Weighted to the population aged 16+ (${esc(rep.source)}).${sexNote}
Population not represented by any respondent: ${pct(ps.uncoveredShare)}. Effective sample size ${ps.effectiveN.toFixed(1)}.</p>
<table><caption>Who took part, against the population</caption><thead><tr><th scope="col">Stratum</th><th scope="col">Population share</th><th scope="col">Respondents</th><th scope="col">Respondent share</th><th scope="col">Weight</th></tr></thead><tbody>${strata}</tbody></table>
<table><caption>Mean ${esc(rep.weighted.measure)} per ballot: raw beside weighted</caption><thead><tr><th scope="col">Option</th><th scope="col">Raw</th><th scope="col">Weighted</th></tr></thead><tbody>${options}</tbody></table>
${rep.weighted.notes.map((n) => `<p><small>${esc(n)}</small></p>`).join('')}`;
}

/** The results page body. */
export function resultsBody(r: Results): string {
  const id = r.consultation.id;
  return `<section aria-labelledby="outcome"><h2 id="outcome">Result under the published rule</h2>
<p>${r.counted} ballots counted (each voter's last); the log holds ${r.head.count} entries.</p>
<ul>${r.lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></section>
<section aria-labelledby="rep"><h2 id="rep">Representativeness (beside the result, not replacing it)</h2>${representativenessHtml(r)}</section>
<section aria-labelledby="verify"><h2 id="verify">Check it yourself</h2>
<p>Head of the log: <code>${esc(r.head.hash)}</code></p>
<ol>${r.verify.map((s) => `<li>${esc(s)}</li>`).join('')}</ol>
<p><a href="/api/v1/civic/consultations/${esc(id)}/export" download>Download the anonymised log</a></p></section>`;
}
