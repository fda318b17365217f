import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { comparisonView } from '../../contract/compare.ts';
import type { Io } from '../output.ts';
import { formatOf, notes, print, printJson, withFormat, withWorkbench } from './common.ts';
import { codeOf, intOf, listOf, withChoices } from './options.ts';

/** `strata compare CODE`: an area against the nation, its region, a chosen set or its nearest neighbours. */
export function registerCompare(program: Command, io: Io): void {
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
      const format = formatOf(io, opts.format);
      if ((opts.nearest === undefined) !== (opts.profile === undefined))
        throw new UsageError('--nearest and --profile go together');
      const nearest = opts.nearest
        ? { k: intOf('--nearest', opts.nearest, 1, 100), profile: listOf(opts.profile)! }
        : undefined;
      const q = {
        ...(opts.with ? { with: listOf(opts.with)! } : {}),
        region: opts.region,
        ...(nearest ? { nearest } : {}),
        ...(opts.indicators ? { indicators: listOf(opts.indicators)! } : {}),
      };
      const c = await withWorkbench(cmd, opts, (wb) => wb.compare(codeOf(code), q));
      if (format === 'json') return printJson(io, c);
      print(io, comparisonView.flatten(c), format);
      const near = c.neighbours.map((n) => `${n.areanm} (${n.distance.toFixed(2)})`).join(', ');
      notes(io, [
        `${c.areanm} (${c.areacd})`,
        ...(c.neighbours.length ? [`nearest on ${c.profile.join(', ')}: ${near}`] : []),
        ...c.notes,
      ]);
    },
  );
}
