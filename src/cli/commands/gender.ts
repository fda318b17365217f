import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { GENDER_VIEWS, genderLens, genderRows } from '../../workbench.ts';
import { render, resolveFormat } from '../output.ts';
import { choices, notes, withChoices } from './beyond-options.ts';
import { withFormat, withStore } from './common.ts';

/** `strata gender`: local pay gaps, and employers' gaps by layer and size. */
export function registerGender(program: Command): void {
  withChoices(
    withFormat(
      program
        .command('gender')
        .description(
          'the gender lens: local pay gaps (workplace and residence, full- and part-time; suppressed values kept as suppressed), employers’ reported gaps by layer and by employer size, ASHE industry gaps by layer',
        )
        .option('--view <view>', 'layers, sizes, local or industries', 'layers')
        .option('--area <code>', 'one local authority for the local view (April 2023 code)')
        .option('--period <period>', 'employer returns year, e.g. 2021-22 (default: the latest complete one)')
        .option('--statistic <statistic>', 'employers’ median or mean hourly pay gap', 'median'),
    ),
  ).action(
    async (
      opts: {
        format?: string;
        view: string;
        area?: string;
        period?: string;
        statistic: string;
        registry?: string;
        taxonomy?: string;
      },
      cmd: Command,
    ) => {
      const format = resolveFormat(opts.format);
      if (!(GENDER_VIEWS as readonly string[]).includes(opts.view))
        throw new UsageError(`invalid view: ${opts.view} (layers, sizes, local or industries)`);
      if (opts.statistic !== 'median' && opts.statistic !== 'mean')
        throw new UsageError(`invalid statistic: ${opts.statistic} (median or mean)`);
      const { registry, taxonomy } = choices(opts);
      const r = await withStore(
        cmd,
        (store) =>
          genderLens(store, registry, taxonomy, {
            ...(opts.area ? { area: opts.area.trim().toUpperCase() } : {}),
            ...(opts.period ? { period: opts.period } : {}),
            statistic: opts.statistic as 'median' | 'mean',
          }),
        true,
      );
      if (format === 'json') return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      const { rows, columns } = genderRows(r, opts.view as (typeof GENDER_VIEWS)[number]);
      process.stdout.write(render(rows, format, columns));
      notes([
        opts.view === 'local'
          ? `local gaps ${r.local.period}: ${r.local.source}`
          : `employer returns ${r.employers.period} (${r.employers.statistic} hourly gap, taxonomy ${r.employers.taxonomy}): ${r.employers.source}`,
        ...r.notes,
      ]);
    },
  );
}
