import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import {
  layerRows,
  layersAll,
  loadTaxonomy,
  LEVELS,
  MEASURES,
  parseLevel,
  parseMeasure,
} from '../../workbench.ts';
import { print, withFormat, withStore } from './common.ts';

/** `strata layers --level L --year Y --measure M`: the layered economy of every area at a level. */
export function registerLayers(program: Command): void {
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
      const level = parseLevel(opts.level);
      const measure = parseMeasure(opts.measure);
      const taxonomy = loadTaxonomy(opts.taxonomy);
      const r = await withStore(cmd, (store) => layersAll(store, level, measure, taxonomy), true);
      const year =
        opts.year === 'all'
          ? undefined
          : opts.year === undefined
            ? r.years.at(-1)!
            : parseYearOption(opts.year);
      const columns = [
        'areacd',
        'areanm',
        ...(year === undefined ? ['year'] : []),
        'layer',
        'value',
        'share',
        'lq',
      ];
      print(layerRows(r, year) as unknown as Record<string, unknown>[], opts.format, columns);
      for (const note of [
        `taxonomy ${r.taxonomy}; source ${r.source.publisher}, ${r.source.title} (${r.source.vintage})`,
        ...r.notes,
      ]) {
        process.stderr.write(`note: ${note}\n`);
      }
    },
  );
}

function parseYearOption(v: string): number {
  if (!/^\d{4}$/.test(v)) throw new UsageError(`invalid year: ${v}`);
  return Number(v);
}
