import type { Command } from 'commander';
import { areaProfileViews, type AreaProfile } from '../../contract/areas.ts';
import { renderTable, type Io } from '../output.ts';
import { formatOf, print, printJson, withFormat, withWorkbench } from './common.ts';
import { codeOf, oneOf } from './options.ts';

/** `strata area CODE`: the profile of one place. */
export function registerArea(program: Command, io: Io): void {
  withFormat(
    program
      .command('area')
      .description(
        'profile of one area: layered economy over time, specialisations, real growth, headline indicators',
      )
      .argument('<code>', 'a local authority code (E06000001), an ITL code (TLC11, TLC1, TLC) or K02000001')
      .option('--taxonomy <file>', 'a layer taxonomy JSON file (default foundational-economy-v1)')
      .option(
        '--view <section>',
        'with --format csv: all (every section in one long table: section, item, name, period, measure, value, unit, limits, source), layers, specialisations, growth or indicators',
        'all',
      ),
  ).action(async (code: string, opts: { format?: string; taxonomy?: string; view: string }, cmd: Command) => {
    const format = formatOf(io, opts.format);
    const view = oneOf('view', opts.view, Object.keys(areaProfileViews) as (keyof typeof areaProfileViews)[]);
    const p = await withWorkbench(cmd, { taxonomy: opts.taxonomy }, (wb) => wb.profile(codeOf(code)));
    if (format === 'json') printJson(io, p);
    else if (format === 'csv') print(io, areaProfileViews[view].flatten(p), format);
    else io.out(readout(p));
  });
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '');

/** The human-readable profile: one section per question a user asks. */
function readout(p: AreaProfile): string {
  const out: string[] = [];
  const a = p.area;
  out.push(`${a.areanm} (${a.areacd}, ${a.level.toUpperCase()})`);
  if (a.parents.length) out.push(`within ${a.parents.map((x) => `${x.areanm} (${x.areacd})`).join(' › ')}`);
  out.push('', `Layered economy: share of GVA at current prices by layer (${p.taxonomy})`);
  const layers = [...new Set(p.layers.rows.map((r) => r.layer))];
  const byYear = p.layers.years.map((year) => {
    const row: Record<string, unknown> = { year };
    let total = 0;
    for (const r of p.layers.rows.filter((x) => x.year === year)) {
      row[r.layer] = pct(r.share);
      total += r.value;
    }
    row['total £m'] = Math.round(total);
    return row;
  });
  out.push(renderTable(byYear, ['year', ...layers, 'total £m']));
  const last = p.layers.years.at(-1)!;
  out.push(`In ${last}: value, share and location quotient (LQ > 1.25 is a common mark of specialisation)`);
  out.push(
    renderTable(
      p.layers.rows
        .filter((r) => r.year === last)
        .map((r) => ({ layer: r.layer, '£m': Math.round(r.value), share: pct(r.share), lq: r.lq })),
      undefined,
      2,
    ),
  );
  out.push(
    `Top specialisations by published industry, ${p.specialisations.year} (LQ with the £m it rests on)`,
  );
  out.push(
    renderTable(
      p.specialisations.rows.map((r) => ({
        industry: r.industry,
        name: r.name.length > 44 ? r.name.slice(0, 43) + '…' : r.name,
        '£m': r.value,
        share: pct(r.share),
        lq: r.lq,
        layer: r.layers.join(' + '),
      })),
      undefined,
      2,
    ),
  );
  const g = p.growth;
  out.push(`Real growth by layer (chained volume, ${g.years[0]}–${g.years.at(-1)})`);
  out.push(
    renderTable(
      g.layers.map((l) => ({
        layer: l.layer,
        'last year': pct(l.lastYear),
        '5-year a year': pct(l.fiveYearAnnual),
        [`since ${g.years[0]}`]: pct(l.sinceStart),
      })),
    ),
  );
  out.push('Headline indicators (95% confidence interval where published)');
  out.push(
    renderTable(
      p.indicators.map((i) => ({
        indicator: i.label,
        period: i.period.slice(0, 10),
        value:
          i.value === null
            ? (i.status ?? '')
            : `${fmt(i.value)} ${i.unit}${i.publishedAs ? ` (as ${i.publishedAs})` : ''}`,
        '95% CI': i.lci95 !== null && i.uci95 !== null ? `${fmt(i.lci95)}–${fmt(i.uci95)}` : '',
        ...Object.fromEntries(i.comparators.map((c) => [c.areanm, c.value === null ? '' : fmt(c.value)])),
      })),
    ),
  );
  for (const i of p.indicators.filter((x) => x.within.length)) {
    out.push(`${i.label} (${i.period.slice(0, 10)}) in the local authorities within ${a.areanm}`);
    out.push(
      renderTable(
        i.within.map((w) => ({ area: w.areanm, value: w.value, lci95: w.lci95, uci95: w.uci95 })),
        undefined,
        1,
      ),
    );
  }
  out.push(
    `Sources: ${[...new Set([p.layers.source, g.source, ...p.indicators.map((i) => i.source)])].join('; ')}.`,
  );
  out.push(...p.notes.map((n) => `Note: ${n}`), '');
  return out.join('\n');
}

function fmt(x: number): string {
  return x.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}
