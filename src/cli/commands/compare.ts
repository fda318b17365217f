import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { compareAreas, comparisonRows } from '../../workbench.ts';
import { render, resolveFormat } from '../output.ts';
import { choices, intOf, listOf, notes, withChoices } from './beyond-options.ts';
import { withFormat, withStore } from './common.ts';

/** `strata compare CODE`: an area against the nation, its region, a chosen set or its nearest neighbours. */
export function registerCompare(program: Command): void {
  withChoices(
    withFormat(
      program
        .command('compare')
        .description(
          'an area against the nation, its region, a chosen set or its statistically nearest neighbours, judged by 95% and 99.8% intervals',
        )
        .argument('<code>', 'a local authority code (E06000001) or an ITL3 code')
        .option('--with <codes>', 'compare with the mean of these areas (comma-separated codes)')
        .option('--no-region', 'leave out the region')
        .option('--nearest <k>', 'compare with the mean of the k nearest areas on --profile')
        .option('--profile <ids>', 'registry indicators that define "nearest" (comma-separated)')
        .option(
          '--indicators <ids>',
          'registry indicators to compare (default: every one with a value for the area)',
        ),
    ),
  ).action(
    async (
      code: string,
      opts: {
        format?: string;
        with?: string;
        region: boolean;
        nearest?: string;
        profile?: string;
        indicators?: string;
        registry?: string;
        taxonomy?: string;
      },
      cmd: Command,
    ) => {
      const format = resolveFormat(opts.format);
      if ((opts.nearest === undefined) !== (opts.profile === undefined))
        throw new UsageError('--nearest and --profile go together');
      const { registry, taxonomy } = choices(opts);
      const nearest = opts.nearest
        ? { k: intOf('--nearest', opts.nearest, 1, 100), profile: listOf(opts.profile)! }
        : undefined;
      const c = await withStore(
        cmd,
        (store) =>
          compareAreas(store, registry, taxonomy, code.trim().toUpperCase(), {
            ...(opts.with ? { with: listOf(opts.with)! } : {}),
            region: opts.region,
            ...(nearest ? { nearest } : {}),
            ...(opts.indicators ? { indicators: listOf(opts.indicators)! } : {}),
          }),
        true,
      );
      if (format === 'json') return void process.stdout.write(JSON.stringify(c, null, 2) + '\n');
      const { rows, columns } = comparisonRows(c);
      process.stdout.write(render(rows, format, columns));
      notes([
        `${c.areanm} (${c.areacd})`,
        ...(c.neighbours.length
          ? [
              `nearest on ${c.profile.join(', ')}: ${c.neighbours.map((n) => `${n.areanm} (${n.distance.toFixed(2)})`).join(', ')}`,
            ]
          : []),
        ...c.notes,
      ]);
    },
  );
}
