import type { Command } from 'commander';
import { indicatorTableView, REGISTRY_COLUMNS, registryListView } from '../../contract/registry.ts';
import type { Io } from '../output.ts';
import { formatOf, notes, print, printJson, withFormat, withWorkbench } from './common.ts';
import { withChoices } from './options.ts';

/** The columns a terminal shows of the registry (CSV and JSON hold every one). */
const LIST_TABLE = ['id', 'unit', 'polarity', 'levels', 'boundaries', 'first', 'last', 'interval'];

/** `strata indicators` (the registry) and `strata indicator ID` (one indicator for every area, compared and classified). */
export function registerIndicators(program: Command, io: Io): void {
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
      const format = formatOf(io, opts.format);
      const list = await withWorkbench(cmd, opts, (wb) => wb.registryList(opts.group));
      const flat = registryListView.flatten(list);
      if (format === 'table') {
        for (const r of flat.records) r['interval'] = String(r['interval']).split(/[ :]/)[0];
        flat.columns = LIST_TABLE;
      } else flat.columns = [...REGISTRY_COLUMNS];
      print(io, flat, format);
      if (format === 'table')
        notes(io, [
          `${list.indicators.length} indicators; --format csv or json for every field`,
          ...list.limits,
        ]);
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
      const format = formatOf(io, opts.format);
      const q = { level: opts.level, ...(opts.period ? { period: opts.period } : {}) };
      const t = await withWorkbench(cmd, opts, (wb) => wb.indicatorTable(id, q));
      if (format === 'json') return printJson(io, t);
      print(io, indicatorTableView.flatten(t), format);
      const i = t.indicator;
      notes(io, [
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
