import type { Command } from 'commander';
import { indicatorTable, indicatorTableRows, listRegistry } from '../../workbench.ts';
import { render, resolveFormat } from '../output.ts';
import { choices, notes, withChoices } from './beyond-options.ts';
import { withFormat, withStore } from './common.ts';

const LIST_TABLE = ['id', 'unit', 'polarity', 'levels', 'boundaries', 'first', 'last', 'interval'];
const LIST_ALL = [
  'id',
  'label',
  'kind',
  'group',
  'unit',
  'polarity',
  'rationale',
  'levels',
  'boundaries',
  'period',
  'first',
  'last',
  'areas',
  'interval',
  'trend',
  'source',
  'publisher',
];

/** `strata indicators` (the registry) and `strata indicator ID` (one indicator for every area, compared and classified). */
export function registerIndicators(program: Command): void {
  withChoices(
    withFormat(
      program
        .command('indicators')
        .description(
          'the indicator registry: every indicator with its polarity, unit, levels, boundary vintage, interval method, trend rule and source',
        )
        .option(
          '--group <group>',
          'only one group (pay, jobs, productivity, income, business, education, connectivity, access, environment, gender, layers, population)',
        ),
    ),
  ).action(
    async (opts: { format?: string; group?: string; registry?: string; taxonomy?: string }, cmd: Command) => {
      const format = resolveFormat(opts.format);
      const { registry } = choices(opts);
      const rows = await withStore(cmd, (store) => listRegistry(store, registry), true);
      const picked = opts.group ? rows.filter((r) => r.group === opts.group) : rows;
      const shown =
        format === 'table' ? picked.map((r) => ({ ...r, interval: r.interval.split(/[ :]/)[0] })) : picked;
      process.stdout.write(render(shown as never, format, format === 'table' ? LIST_TABLE : LIST_ALL));
      if (format === 'table')
        notes([`${picked.length} indicators; --format csv or json for every field`, ...registry.limits]);
    },
  );

  withChoices(
    withFormat(
      program
        .command('indicator')
        .description(
          'one indicator for every area at a level: value, 95% and 99.8% limits, comparison with region and nation, trend by its declared rule',
        )
        .argument('<id>', 'a registry id, e.g. gross-median-weekly-pay')
        .option('--level <level>', 'lad, itl3, itl2, itl1, rgn, ctry, cty or cauth', 'lad')
        .option('--period <period>', 'a period as published, e.g. 2025-04-30 (default: the latest)'),
    ),
  ).action(
    async (
      id: string,
      opts: { format?: string; level: string; period?: string; registry?: string; taxonomy?: string },
      cmd: Command,
    ) => {
      const format = resolveFormat(opts.format);
      const { registry, taxonomy } = choices(opts);
      const t = await withStore(cmd, (store) => indicatorTable(store, registry, taxonomy, id, opts), true);
      if (format === 'json') return void process.stdout.write(JSON.stringify(t, null, 2) + '\n');
      const { rows, columns } = indicatorTableRows(t);
      process.stdout.write(render(rows, format, columns));
      const i = t.indicator;
      notes([
        `${i.label} (${i.unit}), ${t.level}, ${t.period}; polarity ${i.polarity}; interval ${i.interval}; trend rule ${i.trendRule}`,
        t.national
          ? `national comparator: ${t.national.areanm} ${t.national.value}`
          : 'no national figure at this period',
        `source: ${i.source}`,
        ...t.notes,
      ]);
    },
  );
}
