import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { LEVELS, parseLevel } from '../../core/levels.ts';
import { layerTableView, MEASURES } from '../../contract/layers-table.ts';
import type { Io } from '../output.ts';
import { formatOf, notes, print, withFormat, withWorkbench } from './common.ts';
import { oneOf } from './options.ts';

/** `strata layers --level L --year Y --measure M`: the layered economy of every area at a level. */
export function registerLayers(program: Command, io: Io): void {
  withFormat(
    program
      .command('layers')
      .description('value, share and location quotient by layer for every area at a level')
      .option('--level <level>', `area level: ${LEVELS.join(', ')}`, 'itl3')
      .option('--year <year>', 'year (default: the latest the source has; "all" for every year)')
      .option('--measure <measure>', `measure: ${MEASURES.join(', ')}`, 'gva_cp')
      .option('--taxonomy <file>', 'a layer taxonomy JSON file (default foundational-economy-v1)'),
  ).action(
    async (
      opts: { level: string; year?: string; measure: string; taxonomy?: string; format?: string },
      cmd: Command,
    ) => {
      const format = formatOf(io, opts.format);
      const q = {
        level: parseLevel(opts.level, LEVELS),
        measure: oneOf('measure', opts.measure, MEASURES),
        year:
          opts.year === 'all'
            ? ('all' as const)
            : opts.year === undefined
              ? ('latest' as const)
              : yearOf(opts.year),
      };
      const t = await withWorkbench(cmd, { taxonomy: opts.taxonomy }, (wb) => wb.layers(q));
      const flat = layerTableView.flatten(t);
      // One year: the year column says nothing a table reader needs.
      if (q.year !== 'all') flat.columns = flat.columns.filter((c) => c !== 'year');
      print(io, flat, format);
      notes(io, [`taxonomy ${t.taxonomy}; source ${t.source}`, ...t.notes]);
    },
  );
}

function yearOf(v: string): number {
  if (!/^\d{4}$/.test(v)) throw new UsageError(`invalid year: ${v}`);
  return Number(v);
}
