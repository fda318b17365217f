import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import {
  FINANCE_CSV_COLUMNS,
  financeCsvRows,
  readDataFile,
  runFinance,
  withMandateWeights,
  type FinanceReport,
} from '../../workbench.ts';
import { render, resolveFormat } from '../output.ts';
import { choices, intOf, notes, withChoices } from './beyond-options.ts';
import { withCivic } from './civic.ts';
import { withFormat, withStore } from './common.ts';

/** `strata finance run FILE`: pensions, an investment bank and wealth funds simulated by area against a baseline. */
export function registerFinance(program: Command): void {
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
    const format = resolveFormat(opts.format);
    const { registry, taxonomy } = choices(opts);
    let parsed = readDataFile(file);
    const agreed: string[] = [];
    if (opts.weightsFrom) {
      const id = opts.weightsFrom;
      const r = await withCivic(cmd, (svc) => svc.results(id));
      if (r.outcome?.kind !== 'weights')
        throw new UsageError(`consultation ${id} is not a goal weighting with a result`);
      const applied = withMandateWeights(parsed, {
        consultation: id,
        title: r.consultation.title,
        head: r.head.hash,
        outcome: r.outcome,
      });
      parsed = applied.file;
      agreed.push(applied.note);
    }
    const run = {
      paths: opts.paths === undefined ? undefined : intOf('--paths', opts.paths, 100, 10_000_000),
      seed: opts.seed === undefined ? undefined : intOf('--seed', opts.seed, 0, 4294967295),
      workers: opts.workers === undefined ? undefined : intOf('--workers', opts.workers, 1, 64),
    };
    const r = await withStore(cmd, (store) => runFinance(store, registry, taxonomy, parsed, run), true);
    const area = opts.area ?? (format === 'table' ? 'K02000001' : undefined);
    if (area && !r.areas.some((a) => a.areacd === area)) throw new UsageError(`no rows for area ${area}`);
    const shown: FinanceReport = area ? { ...r, rows: r.rows.filter((x) => x.areacd === area) } : r;
    if (format === 'json')
      return void process.stdout.write(
        JSON.stringify({ ...shown, notes: [...agreed, ...r.notes] }, null, 2) + '\n',
      );
    if (format === 'csv')
      process.stdout.write(render(financeCsvRows(shown), 'csv', [...FINANCE_CSV_COLUMNS]));
    else
      process.stdout.write(
        render(tableRows(shown), 'table', ['policy', 'year', 'measure', 'p05', 'p50', 'p95', 'mean', 'unit']),
      );
    notes([
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

// Figures for reading: three significant figures.
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
