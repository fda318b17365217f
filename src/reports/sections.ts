// The report's sections, each from its part of the input: the layered economy and how it
// changed, headline indicators against the region and the UK, commitments with their status,
// forecasts against outturn, and the appendix of datasets and methods.
import { intervalChart, layerShareChart } from './charts.ts';
import { esc, figure, htmlTable, num, pct, section } from './html.ts';
import type { ReportInput } from './input.ts';

/** GVA by layer in the first and latest years the store has. */
export function layersSection(r: ReportInput): string {
  const l = r.profile.layers;
  if (!l.years.length) return section('layers', 'The layered economy', '<p>No layer data for this area.</p>');
  const first = l.years[0]!;
  const last = l.years.at(-1)!;
  const at = (y: number) => l.rows.filter((x) => x.year === y);
  const rows = [...at(first), ...at(last)].sort((a, b) => a.layer.localeCompare(b.layer) || a.year - b.year);
  const name = r.profile.area.areanm;
  const alt = `Bar chart: share of ${name}'s GVA by layer in ${first} and ${last}. ${at(last)
    .map((x) => `${x.layer} ${pct(x.share)}`)
    .join(', ')} in ${last}.`;
  const table = htmlTable(
    `GVA by layer, ${first} and ${last} (£ million, current prices; LQ against all areas at this level)`,
    ['Layer', 'Year', 'GVA £m', 'Share', 'LQ'],
    rows.map((x) => [esc(x.layer), String(x.year), num(x.value, 0), pct(x.share), num(x.lq, 2)]),
  );
  return section(
    'layers',
    'The layered economy and how it changed',
    `<p>Source: ${esc(l.source)}. Taxonomy: ${esc(r.profile.taxonomy)}.</p>\n` +
      figure(`Share of GVA by layer, ${first} and ${last}`, layerShareChart(rows, alt), table),
  );
}

/** Each headline indicator with its 95% interval beside the region and the UK. */
export function indicatorsSection(r: ReportInput): string {
  const parts = [...r.profile.indicators]
    .sort((a, b) => a.indicator.localeCompare(b.indicator))
    .map((i) => {
      const pts = [i, ...i.comparators].filter((p) => p.value !== null);
      const rows = pts.map((p) => ({ name: p.areanm, value: p.value!, lo: p.lci95, hi: p.uci95 }));
      const alt = `Dot chart with 95% intervals: ${i.label}, ${i.period}: ${rows.map((p) => `${p.name} ${num(p.value)}`).join(', ')}.`;
      const table = htmlTable(
        `${i.label} (${i.unit}), ${i.period}`,
        ['Area', 'Value', 'Lower 95%', 'Upper 95%'],
        pts.map((p) => [esc(p.areanm), num(p.value), num(p.lci95), num(p.uci95)]),
      );
      return `<h3>${esc(i.label)}</h3>\n<p>Source: ${esc(i.source)}.</p>\n${
        rows.length ? figure(`${i.label}, ${i.period}`, intervalChart(rows, i.unit, alt), table) : table
      }`;
    });
  return section(
    'indicators',
    'Headline indicators against the region and the UK',
    parts.join('\n') || '<p>No headline indicators for this area.</p>',
  );
}

/** The commitments covering this area, with the rule that gave each status. */
export function commitmentsSection(r: ReportInput): string {
  const rows = [...r.commitments].sort((a, b) => a.id.localeCompare(b.id));
  const examples = rows.some((c) => c.example)
    ? '<p class="example"><strong>EXAMPLE</strong> rows are invented to show the register, not real promises.</p>'
    : '';
  const body = rows.length
    ? examples +
      htmlTable(
        'Commitments and their latest status',
        ['Id', 'Who', 'What', 'Deadline', 'Status', 'As of', 'Rule', 'Reason'],
        rows.map((c) => [
          esc(c.id),
          esc(c.who),
          esc(c.what),
          esc(c.deadline),
          `<strong>${esc(c.status)}</strong>`,
          esc(c.statusDate),
          esc(c.rule),
          esc(c.reason),
        ]),
      )
    : '<p>No commitments for this area are in the register.</p>';
  return section('commitments', 'Commitments and their status', body);
}

/** Frozen projections for this area and, where the outturn is in, the error split into parts. */
export function forecastsSection(r: ReportInput): string {
  const rows = [...r.projections].sort((a, b) => a.projection.id.localeCompare(b.projection.id));
  const body = rows.length
    ? htmlTable(
        'Frozen projections against outturn (outturn − projection = revision + policy + rest, exactly; shown to 2 decimals, the exact values are in the report’s input)',
        [
          'Id',
          'Indicator',
          'Year',
          'Method',
          'Frozen on',
          'Projected',
          'Outturn',
          'Revision',
          'Policy',
          'Rest',
        ],
        rows.map(({ projection: p, outturn: o }) => [
          esc(p.id),
          esc(p.indicator),
          String(p.period),
          esc(p.method),
          esc(p.frozenOn),
          num(p.value, 2),
          o ? num(o.outturn, 2) : 'not yet published',
          o ? num(o.error.revision.value, 2) : '—',
          o ? num(o.error.policy.value, 2) : '—',
          o ? num(o.error.rest.value, 2) : '—',
        ]),
      )
    : '<p>No projections for this area are in the register.</p>';
  return section('forecasts', 'Forecasts against outturn', body);
}

/** Every dataset and method the report rests on, and how to rebuild it. */
export function appendixSection(r: ReportInput): string {
  const datasets = htmlTable(
    'Datasets in the store',
    ['Publisher', 'Title', 'Vintage', 'Licence', 'sha256'],
    r.datasets.map((d) => [
      esc(d.publisher),
      esc(d.title),
      esc(d.vintage),
      esc(d.licence),
      `<code>${esc(d.sha256)}</code>`,
    ]),
  );
  const methods = htmlTable(
    'Methods',
    ['Method', 'Version', 'Parameters'],
    r.methods.map((m) => [esc(m.name), esc(m.version), esc(m.parameters)]),
  );
  return section(
    'appendix',
    'Appendix: data, methods and how to rebuild this report',
    `${datasets}\n${methods}\n<p>Built by ${esc(r.version)}, as of ${esc(r.asOf)}. The same store, commit and as-of date give this file byte for byte: <code>${esc(r.rebuild)}</code></p>`,
  );
}
