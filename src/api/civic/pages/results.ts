// The results page: a table of every option — cost, support, funded or not, in the order the rule
// chose them — with the rule said in a sentence; the representativeness report beside it (never
// in its place); how anyone can check the result. The stylesheet prints it as a plain table.
import type { Consultation } from '../../../civic/service.ts';
import type { resultsFor } from '../results.ts';
import { h, money, pct, type Html } from './render.ts';

type Results = Awaited<ReturnType<typeof resultsFor>>;

/** A tally rule in a sentence for residents. */
export function ruleSentence(rule: string, c: Consultation): string {
  switch (rule) {
    case 'greedy':
    case 'greedy-no-skip':
      return `Projects were funded from the most supported down${rule === 'greedy' ? ', skipping any that no longer fit the budget' : ', stopping at the first that did not fit'}.`;
    case 'equalshares':
    case 'equalshares/add1':
    case 'equalshares-comparison':
    case 'equalshares/add1-comparison':
      return `Method of Equal Shares: the budget was split equally between the voters, and a project was funded when its supporters could pay for it together from their shares, cheapest per supporter first — so every group of residents gets projects in proportion to its size${rule.includes('add1') ? '; the shares were then raised step by step to spend what was left' : ''}.`;
    case 'approval':
      return `The ${c.seats ?? 1} option${(c.seats ?? 1) > 1 ? 's' : ''} ticked by most voters won.`;
    case 'borda':
      return `Ranks were turned into points (more points for a higher rank, none for unranked options), and the options with most points won.`;
    case 'mean':
      return 'Each goal’s weight is the average of the points voters gave it.';
    case 'median':
      return 'Each goal’s weight is the middle value of the points voters gave it.';
    case 'trimmed-mean':
      return 'Each goal’s weight is the average of the points voters gave it, leaving out the highest and lowest answers.';
    default:
      return `Counted with the published rule ${rule}.`;
  }
}

const name = (c: Consultation, id: string) => c.options.find((o) => o.id === id)?.name ?? id;

function budgetTable(r: Results, support: Record<string, number>, currency: string): Html {
  const c = r.consultation;
  const o = r.outcome;
  const selected = o?.kind === 'budget' ? o.selected : [];
  const order = [...selected, ...c.options.map((x) => x.id).filter((id) => !selected.includes(id))];
  const rows = order.map((id, i) => {
    const funded = selected.includes(id);
    return h`<tr class="${funded ? 'funded' : 'not-funded'}"><td class="num">${funded ? i + 1 : ''}</td><th scope="row">${name(c, id)}</th>
<td class="num">${money(c.options.find((x) => x.id === id)?.cost, currency)}</td><td class="num">${support[id] ?? 0}</td><td>${funded ? 'Funded' : 'Not funded'}</td></tr>`;
  });
  const spent =
    o?.kind === 'budget'
      ? selected.reduce((a, id) => a + Number(c.options.find((x) => x.id === id)?.cost ?? 0), 0)
      : 0;
  return h`<table class="results"><caption>Projects in the order they were funded, then the rest. Budget ${money(c.budget, currency)}, spent ${money(spent, currency)}.</caption>
<thead><tr><th scope="col">Order</th><th scope="col">Project</th><th scope="col">Cost</th><th scope="col">Voters supporting</th><th scope="col">Result</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function scoreTable(r: Results, support: Record<string, number>): Html {
  const c = r.consultation;
  const o = r.outcome;
  if (o?.kind === 'weights') {
    const rows = o.weights.map(
      (w) =>
        h`<tr><th scope="row">${name(c, w.id)}</th><td class="num">${w.share.toFixed(1)}%</td><td class="num">${(support[w.id] ?? 0).toFixed(1)}</td></tr>`,
    );
    return h`<table class="results"><caption>The goals’ agreed weights</caption><thead><tr><th scope="col">Goal</th><th scope="col">Weight</th><th scope="col">Average points</th></tr></thead><tbody>${rows}</tbody></table>`;
  }
  const scores = o?.kind === 'ranking' ? o.scores : [];
  const winners = o?.kind === 'ranking' ? o.winners : [];
  const rows = scores.map(
    (s, i) =>
      h`<tr><td class="num">${i + 1}</td><th scope="row">${name(c, s.id)}</th><td class="num">${s.score}</td><td class="num">${support[s.id] ?? 0}</td><td>${winners.includes(s.id) ? 'Chosen' : ''}</td></tr>`,
  );
  return h`<table class="results"><caption>Options by score</caption><thead><tr><th scope="col">Place</th><th scope="col">Option</th><th scope="col">Score</th><th scope="col">Voters naming it</th><th scope="col">Result</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function representativeness(r: Results): Html {
  const rep = r.representativeness;
  if (!rep)
    return h`<p>No population estimates for this area are in the store, so the people taking part cannot be compared with everyone who lives here.</p>`;
  if (rep.declared === 0)
    return h`<p>${rep.counted === 0 ? 'Nobody voted' : rep.counted === 1 ? 'The one voter did not tell us their age band' : `None of the ${rep.counted} voters told us their age band`}, so who took part cannot be compared with everyone who lives here.</p>`;
  const ps = rep.poststratification;
  const uncovered =
    ps.uncoveredShare > 0
      ? ` Nobody took part from age groups making up ${pct(ps.uncoveredShare)} of the population.`
      : '';
  const strata = ps.strata.map(
    (
      s,
    ) => h`<tr><th scope="row">${s.ageBand}${s.sex ? ' ' + s.sex : ''}</th><td class="num">${pct(s.populationShare)}</td>
<td class="num">${s.respondents}</td><td class="num">${pct(s.sampleShare)}</td></tr>`,
  );
  return h`<p>${rep.declared} of ${rep.counted} voters told us their age band. They are compared below with the population aged 16 and over (${rep.source}).${uncovered}</p>
<table><caption>Who took part, against who lives here</caption><thead><tr><th scope="col">Age band</th><th scope="col">Share of population</th><th scope="col">Voters</th><th scope="col">Share of voters</th></tr></thead><tbody>${strata}</tbody></table>`;
}

/** The results page body. */
export function resultsBody(r: Results, support: Record<string, number>, currency: string): Html {
  const c = r.consultation;
  const table = r.outcome?.kind === 'budget' ? budgetTable(r, support, currency) : scoreTable(r, support);
  const outcome = r.outcome ? table : h`<p>There is no result: no ballots could be counted.</p>`;
  return h`<section aria-labelledby="outcome"><h2 id="outcome">The result</h2>
<p>${r.counted} ballot${r.counted === 1 ? ' was' : 's were'} counted (each voter’s last). ${ruleSentence(c.rule, c)}</p>
${outcome}</section>
<section aria-labelledby="rep"><h2 id="rep">Who took part</h2>${representativeness(r)}</section>
<section aria-labelledby="verify" class="no-print-break"><h2 id="verify">Check it yourself</h2>
<p><a href="/participate/check?consultation=${c.id}">Check your receipt</a>: find your ballot in the published log.</p>
<p>Last entry of the log: <code>${r.head.hash}</code></p>
<ol>${r.verify.map((s) => h`<li>${s}</li>`)}</ol>
<p><a href="/api/v1/civic/consultations/${c.id}/export" download>Download the anonymised log</a> · <a href="/api/v1/civic/consultations/${c.id}/heads" download="${c.id}-heads.json">Download the signed head series</a></p></section>`;
}
