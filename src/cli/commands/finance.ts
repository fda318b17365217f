import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { financeView, selectRows, type FinanceReport } from '../../contract/finance.ts';
import { type ParsedFile } from '../../workbench.ts';
import { readDataFile } from '../../workbench/data-file.ts';
import { withMandateWeights } from '../../workbench/finance.ts';
import { flatOf, type Io } from '../output.ts';
import { withCivic } from './civic.ts';
import { formatOf, notes, print, printJson, withFormat, withWorkbench } from './common.ts';
import { codeOf, intOf, withChoices } from './options.ts';

/** `strata finance run FILE`: pensions, an investment bank and wealth funds simulated by area against a baseline. */
export function registerFinance(program: Command, io: Io): void {
  const finance = program
    .command('finance')
    .description(
      'democratised finance: pension reforms, a national investment bank, citizens’ wealth funds, by area',
    );
  withChoices(
    withFormat(
      finance
        .command('run')
        .description(
          'simulate the policies in FILE (YAML or JSON) against the baseline on the same random paths: percentiles p5–p95 and the mean by policy, year, area and measure',
        )
        .argument('<file>', 'a policy file, e.g. data/finance/examples/local-sliver.yaml')
        .option('--paths <n>', 'Monte Carlo paths (default: the file’s, else 10,000)')
        .option('--seed <s>', 'random seed (default: the file’s); the same seed gives the same numbers')
        .option(
          '--workers <n>',
          'threads in all for the Monte Carlo (default: up to 2); any number gives the same output',
        )
        .option('--area <code>', 'only this area’s rows (a table shows the UK unless asked)')
        .option(
          '--weights-from <consultation>',
          'use the mandate priority weights members agreed in a closed goal-weighting consultation (goals = mandate priorities)',
        ),
    ),
  ).action(async (file: string, opts: FinanceOpts, cmd: Command) => {
    const format = formatOf(io, opts.format);
    const { parsed, agreed } = await weighted(cmd, readDataFile(file), opts.weightsFrom);
    const run = {
      ...(opts.paths !== undefined && { paths: intOf('--paths', opts.paths, 100, 10_000_000) }),
      ...(opts.seed !== undefined && { seed: intOf('--seed', opts.seed, 0, 4294967295) }),
      ...(opts.workers !== undefined && { workers: intOf('--workers', opts.workers, 1, 64) }),
    };
    const r = await withWorkbench(cmd, opts, (wb) => wb.finance(parsed, run));
    const area = opts.area ? codeOf(opts.area) : format === 'table' ? 'K02000001' : undefined;
    const shown = area ? areaRows(r, area) : r;
    if (format === 'json') return printJson(io, { ...shown, notes: [...agreed, ...r.notes] });
    if (format === 'csv') print(io, financeView.flatten(shown), 'csv');
    else print(io, flatOf(tableRows(shown)), 'table');
    notes(io, [
      `${r.title ?? r.id}: ${r.paths.toLocaleString('en-GB')} paths, seed ${r.seed}, ${r.horizon} years from ${r.startYear}; returns: ${r.calibration.id} (${r.calibration.status})`,
      `savers: ${Math.round(r.savers.savers).toLocaleString('en-GB')} of ${Math.round(r.savers.eligible).toLocaleString('en-GB')} eligible employees; contributions £${(r.savers.contributions / 1e9).toFixed(1)}bn a year`,
      ...agreed,
      ...r.notes,
    ]);
  });
}

interface FinanceOpts {
  format?: string;
  paths?: string;
  seed?: string;
  workers?: string;
  area?: string;
  weightsFrom?: string;
  registry?: string;
  taxonomy?: string;
}

/** The file with the mandate weights a closed goal-weighting consultation agreed, when one is named. */
async function weighted(cmd: Command, parsed: ParsedFile, consultation: string | undefined) {
  if (!consultation) return { parsed, agreed: [] };
  const r = await withCivic(cmd, (svc) => svc.results(consultation));
  if (r.outcome?.kind !== 'weights')
    throw new UsageError(`consultation ${consultation} is not a goal weighting with a result`);
  const applied = withMandateWeights(parsed, {
    consultation,
    title: r.consultation.title,
    area: r.stored.meta.area,
    head: r.head.hash,
    outcome: r.outcome,
  });
  return { parsed: applied.file, agreed: [applied.note] };
}

// Figures for reading: three significant figures; years as text.
function tableRows(r: FinanceReport) {
  const sig = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)) : null);
  return r.rows.map((x) => ({
    policy: x.policy,
    year: String(x.year),
    measure: x.measure,
    p05: sig(x.p05),
    p50: sig(x.p50),
    p95: sig(x.p95),
    mean: sig(x.mean),
    unit: x.unit,
  }));
}

// One area's rows only (the UK's when it is the UK).
function areaRows(r: FinanceReport, area: string): FinanceReport {
  const own = selectRows(r, { area });
  return { ...own, rows: own.rows.filter((x) => x.areacd === area) };
}
