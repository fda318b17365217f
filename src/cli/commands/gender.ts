import type { Command } from 'commander';
import { GENDER_VIEWS, genderViews } from '../../contract/gender.ts';
import type { Io } from '../output.ts';
import { formatOf, notes, print, printJson, withFormat, withWorkbench } from './common.ts';
import { codeOf, oneOf, withChoices } from './options.ts';

/** `strata gender`: local pay gaps, and employers' gaps by layer and size. */
export function registerGender(program: Command, io: Io): void {
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
      const format = formatOf(io, opts.format);
      const view = oneOf('view', opts.view, GENDER_VIEWS);
      const q = {
        ...(opts.area ? { area: codeOf(opts.area) } : {}),
        ...(opts.period ? { period: opts.period } : {}),
        statistic: oneOf('statistic', opts.statistic, ['median', 'mean'] as const),
      };
      const r = await withWorkbench(cmd, opts, (wb) => wb.gender(q));
      if (format === 'json') return printJson(io, r);
      print(io, genderViews[view].flatten(r), format);
      const e = r.employers;
      notes(io, [
        view === 'local'
          ? `local gaps ${r.local.period}: ${r.local.source}`
          : `employer returns ${e.period} (${e.statistic} hourly gap, taxonomy ${e.taxonomy}): ${e.source}`,
        ...r.notes,
      ]);
    },
  );
}
