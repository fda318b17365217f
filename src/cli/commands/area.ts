import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { groupComparatorsView, type AreaGroupProfile } from '../../contract/area-group.ts';
import { areaProfileViews, type AreaProfile } from '../../contract/areas.ts';
import { excelCsvText } from '../../contract/excel-csv.ts';
import type { ParsedFile } from '../../workbench.ts';
import { groupFromList } from '../../workbench/area-group.ts';
import { readDataFile } from '../../workbench/data-file.ts';
import { renderTable, type Io } from '../output.ts';
import { formatOf, print, printJson, withFormat, withWorkbench } from './common.ts';
import { codeOf, oneOf } from './options.ts';

/** `strata area CODE`: the profile of one place; `--group FILE` or `--areas a,b,c`: of a custom group. */
export function registerArea(program: Command, io: Io): void {
  withFormat(
    program
      .command('area')
      .description(
        'profile of one area, or of a custom group of areas: layered economy over time, specialisations, real growth, headline indicators',
      )
      .argument(
        '[code]',
        'a local authority code (E06000001), an ITL code (TLC11, TLC1, TLC), a combined authority (E47000006) or K02000001',
      )
      .option(
        '--group <file>',
        'a group file (YAML or JSON: name, description, areas) to profile as one place, summed from its members',
      )
      .option('--areas <codes>', 'a group as comma-separated codes (with --name)')
      .option('--name <name>', 'what to call the group given by --areas', 'custom group')
      .option('--taxonomy <file>', 'a layer taxonomy JSON file (default foundational-economy-v1)')
      .option(
        '--excel',
        'with --format csv: a CSV made for Excel (byte-order mark, numbers rounded to the published precision, formula guard, a source line)',
      )
      .option(
        '--view <section>',
        'with --format csv: all (every section in one long table: section, item, name, period, measure, value, unit, limits, source), layers, specialisations, growth, indicators, or comparators (a group beside England and the UK)',
        'all',
      ),
  ).action(async (code: string | undefined, opts: AreaOptions, cmd: Command) => {
    const format = formatOf(io, opts.format);
    if (opts.excel && format !== 'csv') throw new UsageError('--excel goes with --format csv');
    const views = { ...areaProfileViews, comparators: groupComparatorsView };
    const view = oneOf('view', opts.view, Object.keys(views) as (keyof typeof views)[]);
    const group = groupOf(code, opts);
    if (view === 'comparators' && !group) throw new UsageError('--view comparators is for a group');
    const p = await withWorkbench(cmd, { taxonomy: opts.taxonomy }, (wb) =>
      group ? wb.groupProfile(group) : wb.profile(codeOf(code!)),
    );
    if (format === 'json') printJson(io, p);
    else if (format === 'csv') {
      const flat =
        view === 'comparators'
          ? groupComparatorsView.flatten(p as AreaGroupProfile)
          : areaProfileViews[view].flatten(p);
      if (opts.excel) io.out(excelCsvText(flat, profileSources(p)));
      else print(io, flat, format);
    } else io.out(readout(p));
  });
}

/** Every source a profile rests on, for the Excel CSV's source line. */
function profileSources(p: AreaProfile): string {
  return [...new Set([p.layers.source, p.growth.source, ...p.indicators.map((i) => i.source)])].join('; ');
}

interface AreaOptions {
  excel?: boolean;
  format?: string;
  taxonomy?: string;
  view: string;
  group?: string;
  areas?: string;
  name: string;
}

/** The group asked for (a file or a list), none for one area; exactly one of a code, --group and --areas. */
function groupOf(code: string | undefined, opts: AreaOptions): ParsedFile | null {
  const given = [code !== undefined, opts.group !== undefined, opts.areas !== undefined].filter(Boolean);
  if (given.length !== 1) throw new UsageError('give one of: an area code, --group FILE or --areas a,b,c');
  if (opts.group !== undefined) return readDataFile(opts.group);
  if (opts.areas !== undefined)
    return groupFromList(
      opts.areas
        .split(',')
        .map((c) => codeOf(c))
        .filter(Boolean),
      opts.name,
    );
  return null;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '');

/** The human-readable profile: one section per question a user asks. */
function readout(p: AreaProfile): string {
  const out: string[] = [];
  const a = p.area;
  out.push(
    'group' in p ? `${a.areanm} (custom group)` : `${a.areanm} (${a.areacd}, ${a.level.toUpperCase()})`,
  );
  if (a.parents.length) out.push(`within ${a.parents.map((x) => `${x.areanm} (${x.areacd})`).join(' › ')}`);
  if ('group' in p) out.push(...groupLines(p as AreaGroupProfile));
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
  if (p.indicators.length) out.push('Headline indicators (95% confidence interval where published)');
  if (p.indicators.length)
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

/** A group's members and the group beside England and the UK. */
function groupLines(p: AreaGroupProfile): string[] {
  const c = p.comparators;
  return [
    `A derived group of ${p.group.members.length}: ${p.group.members.map((m) => `${m.areanm} (${m.areacd})`).join(', ')}`,
    '',
    `Beside England and the UK in ${c.year} (real growth ${c.growthYears[0]}–${c.growthYears.at(-1)})`,
    renderTable(
      c.rows.map((r) => ({
        layer: r.layer,
        area: r.areanm,
        '£m': Math.round(r.value),
        share: pct(r.share),
        lq: r.lq,
        'real growth': r.sinceStart === null ? '' : pct(r.sinceStart),
      })),
      undefined,
      2,
    ),
  ];
}

function fmt(x: number): string {
  return x.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}
