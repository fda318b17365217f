import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { compositeRows, readDataFile, runCompositeFile, withAgreedWeights } from '../../workbench.ts';
import { withCivic } from './civic.ts';
import { render, resolveFormat } from '../output.ts';
import { choices, intOf, notes, round, withChoices } from './beyond-options.ts';
import { withFormat, withStore } from './common.ts';

/** `strata composite run FILE`: a composite index declared in a file, with its uncertainty and sensitivity analysis. */
export function registerComposite(program: Command): void {
  const composite = program
    .command('composite')
    .description('composite indices declared as data (OECD/JRC Handbook)');
  withChoices(
    withFormat(
      composite
        .command('run')
        .description(
          'run a composite declared in FILE (JSON or YAML): every area’s score, rank, median rank and 5–95% rank interval, and Sobol indices per input',
        )
        .argument(
          '<file>',
          'a pipeline naming registry indicators, e.g. data/indicators/composites/example-local-prosperity.yaml',
        )
        .option('--workers <n>', 'threads in all for the Monte Carlo runs (default: up to 2)')
        .option(
          '--weights-from <consultation>',
          'use the weights residents agreed in a closed goal-weighting consultation (goals = indicator ids)',
        ),
    ),
  ).action(
    async (
      file: string,
      opts: { format?: string; workers?: string; registry?: string; taxonomy?: string; weightsFrom?: string },
      cmd: Command,
    ) => {
      const format = resolveFormat(opts.format);
      const { registry, taxonomy } = choices(opts);
      let parsed = readDataFile(file);
      const agreed: string[] = [];
      if (opts.weightsFrom) {
        const id = opts.weightsFrom;
        const r = await withCivic(cmd, (svc) => svc.results(id));
        if (r.outcome?.kind !== 'weights')
          throw new UsageError(`consultation ${id} is not a goal weighting with a result`);
        const applied = withAgreedWeights(parsed, {
          consultation: id,
          title: r.consultation.title,
          head: r.head.hash,
          outcome: r.outcome,
        });
        parsed = applied.file;
        agreed.push(applied.note);
      }
      const workers = opts.workers ? intOf('--workers', opts.workers, 1, 64) : undefined;
      const r = await withStore(
        cmd,
        (store) => runCompositeFile(store, registry, taxonomy, parsed, workers ? { workers } : {}),
        true,
      );
      if (format === 'json') return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      const { rows, columns } = compositeRows(r);
      const shown =
        format === 'table' ? rows.map((x) => ({ ...x, score: round(x['score'] as number, 2) })) : rows;
      process.stdout.write(render(shown, format, columns));
      notes([
        `${r.title ?? r.id}: ${r.rows.length} areas (${r.level}), ${r.runs} Monte Carlo runs (${r.evaluations} evaluations), seed ${r.seed}`,
        `Sobol indices of the mean rank shift: ${r.sobol.map((s) => `${s.input} first ${s.first.toFixed(3)} total ${s.total.toFixed(3)}`).join('; ') || 'none (nothing varies)'}`,
        `periods: ${r.periods.map((p) => `${p.indicator} ${p.period} (${p.areas} areas)`).join('; ')}`,
        `weights: ${r.weights.map((w) => `${w.indicator} ${w.weight.toFixed(3)}`).join('; ')}`,
        ...(r.imputed.length
          ? [
              `imputed ${r.imputed.length} values: ${r.imputed
                .slice(0, 6)
                .map((c) => `${c.area} ${c.indicator} (${c.method})`)
                .join(', ')}${r.imputed.length > 6 ? ', …' : ''}`,
            ]
          : []),
        ...agreed,
        ...r.notes,
      ]);
    },
  );
}
