import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { compositeView, type CompositeReport } from '../../contract/composite.ts';
import { readDataFile, withAgreedWeights, type ParsedFile } from '../../workbench.ts';
import type { Io } from '../output.ts';
import { withCivic } from './civic.ts';
import { formatOf, notes, print, printJson, withFormat, withWorkbench } from './common.ts';
import { intOf, round, withChoices } from './options.ts';

/** `strata composite run FILE`: a composite index declared in a file, with its uncertainty and sensitivity analysis. */
export function registerComposite(program: Command, io: Io): void {
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
      const format = formatOf(io, opts.format);
      const { parsed, agreed } = await weighted(cmd, readDataFile(file), opts.weightsFrom);
      const workers = opts.workers ? intOf('--workers', opts.workers, 1, 64) : undefined;
      const r = await withWorkbench(cmd, opts, (wb) => wb.composite(parsed, workers ? { workers } : {}));
      if (format === 'json') return printJson(io, r);
      const flat = compositeView.flatten(r);
      if (format === 'table') for (const x of flat.records) x['score'] = round(x['score'] as number, 2);
      print(io, flat, format);
      notes(io, [...summary(r), ...agreed, ...r.notes]);
    },
  );
}

/** The file with the weights a closed goal-weighting consultation agreed, when one is named. */
async function weighted(cmd: Command, parsed: ParsedFile, consultation: string | undefined) {
  if (!consultation) return { parsed, agreed: [] };
  const r = await withCivic(cmd, (svc) => svc.results(consultation));
  if (r.outcome?.kind !== 'weights')
    throw new UsageError(`consultation ${consultation} is not a goal weighting with a result`);
  const applied = withAgreedWeights(parsed, {
    consultation,
    title: r.consultation.title,
    head: r.head.hash,
    outcome: r.outcome,
  });
  return { parsed: applied.file, agreed: [applied.note] };
}

function summary(r: CompositeReport): string[] {
  const imputed = r.imputed
    .slice(0, 6)
    .map((c) => `${c.area} ${c.indicator} (${c.method})`)
    .join(', ');
  return [
    `${r.title ?? r.id}: ${r.rows.length} areas (${r.level}), ${r.runs} Monte Carlo runs (${r.evaluations} evaluations), seed ${r.seed}`,
    `Sobol indices of the mean rank shift: ${r.sobol.map((s) => `${s.input} first ${s.first.toFixed(3)} total ${s.total.toFixed(3)}`).join('; ') || 'none (nothing varies)'}`,
    `periods: ${r.periods.map((p) => `${p.indicator} ${p.period} (${p.areas} areas)`).join('; ')}`,
    `weights: ${r.weights.map((w) => `${w.indicator} ${w.weight.toFixed(3)}`).join('; ')}`,
    ...(r.imputed.length
      ? [`imputed ${r.imputed.length} values: ${imputed}${r.imputed.length > 6 ? ', …' : ''}`]
      : []),
  ];
}
