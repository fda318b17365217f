// The evidence panel in words: what each layer of the area's economy holds and how its share
// compares with the UK, then the headline indicators; the figures and technical terms (location
// quotients, intervals, ISO periods) one click away in a disclosure.
import type { evidenceFor } from '../results.ts';
import { h, none, pct, type Html } from './render.ts';

type Evidence = Awaited<ReturnType<typeof evidenceFor>>;
export interface LayerName {
  id: string;
  name: string;
  description: string;
}

const num = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : x.toLocaleString('en-GB', { maximumFractionDigits: 2 });

/** A value with its unit: currency before (£533.90), anything else after (67.9 %). */
function withUnit(value: number | null, unit: string): string {
  if (value === null) return '—';
  return unit === '£' ? `£${num(value)}` : `${num(value)} ${unit}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** An ISO period for people: 2023-01-01/P1Y → 2023; 2023-04-01/P1Y → 2023/24; 2025-04-30 → April 2025. */
export function periodText(period: string): string {
  const day = /^(\d{4})-(\d{2})-\d{2}$/.exec(period);
  if (day) return `${MONTHS[Number(day[2]) - 1] ?? day[2]} ${day[1]}`;
  const m = /^(\d{4})-(\d{2})-01\/P1Y$/.exec(period);
  if (!m) return period;
  const y = Number(m[1]);
  return m[2] === '01' ? String(y) : `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
}

function compared(lq: number | null): string {
  if (lq === null) return '';
  if (lq > 1.05) return ', more than across the UK';
  if (lq < 0.95) return ', less than across the UK';
  return ', about the same as across the UK';
}

/** One sentence per layer, largest first. */
function layerSentences(e: Evidence, names: readonly LayerName[]): Html[] {
  const rows = [...(e.layers?.rows ?? [])].sort((a, b) => b.share - a.share);
  return rows.map((r) => {
    const n = names.find((x) => x.id === r.layer);
    const what = n
      ? h`<strong>${n.name}</strong> (${n.description.replace(/\.$/, '').toLowerCase()})`
      : h`${r.layer}`;
    return h`<li>${what}: ${pct(r.share)} of ${e.area}’s economy${compared(r.lq)}.</li>`;
  });
}

function indicatorItems(e: Evidence): Html[] {
  return e.indicators.map((i) => {
    const comp = i.comparators.map((x) => `${x.areanm} ${withUnit(x.value, i.unit)}`).join(', ');
    return h`<li>${i.label}: <strong>${withUnit(i.value, i.unit)}</strong> in ${periodText(i.period)}${
      comp ? ` (${comp})` : ''
    }.</li>`;
  });
}

function figures(e: Evidence, names: readonly LayerName[]): Html {
  if (!e.layers) return none;
  const layers = e.layers.rows.map(
    (r) =>
      h`<tr><th scope="row">${names.find((n) => n.id === r.layer)?.name ?? r.layer}</th><td class="num">${pct(r.share)}</td><td class="num">${num(r.value)}</td><td class="num">${num(r.lq)}</td></tr>`,
  );
  const indicators = e.indicators.map((i) => {
    const ci = i.lci95 === null || i.uci95 === null ? 'not published' : `${num(i.lci95)} to ${num(i.uci95)}`;
    return h`<tr><th scope="row">${i.label}</th><td>${i.period}</td><td class="num">${withUnit(i.value, i.unit)}</td><td>${ci}</td></tr>`;
  });
  return h`<details><summary>The figures behind this</summary>
<table><caption>Share of gross value added (GVA, current prices) by layer, ${e.layers.year}; ${e.layers.source}. The location quotient is the share here divided by the UK share.</caption>
<thead><tr><th scope="col">Layer</th><th scope="col">Share</th><th scope="col">£ million</th><th scope="col">Location quotient</th></tr></thead><tbody>${layers}</tbody></table>
<table><caption>Headline indicators with 95% confidence intervals where published (periods in ISO 8601)</caption>
<thead><tr><th scope="col">Indicator</th><th scope="col">Period</th><th scope="col">Value</th><th scope="col">95% interval</th></tr></thead><tbody>${indicators}</tbody></table></details>`;
}

/** The evidence section of a ballot page. */
export function evidenceSection(e: Evidence, names: readonly LayerName[]): Html {
  const notes = e.notes.map((n) => h`<p class="hint">${n}</p>`);
  if (!e.layers)
    return h`<section aria-labelledby="evidence"><h2 id="evidence">About the area</h2>${notes}</section>`;
  return h`<section aria-labelledby="evidence"><h2 id="evidence">About ${e.area}’s economy</h2>
<ul class="evidence">${layerSentences(e, names)}</ul>
${e.indicators.length ? h`<ul class="evidence">${indicatorItems(e)}</ul>` : none}
${figures(e, names)}${notes}</section>`;
}
