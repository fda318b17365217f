import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { compositeView, type CompositeReport } from '../../contract/composite.ts';
import {
  agreedNote,
  agreedSource,
  withAgreedWeights,
  type AgreedWeights,
  type ParsedFile,
} from '../../workbench.ts';
import { readDataFile } from '../../workbench/data-file.ts';
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
      const run = await withWorkbench(cmd, opts, (wb) => wb.composite(parsed, workers ? { workers } : {}));
      const source =
        agreed &&
        agreedSource(
          agreed.weights,
          agreed.target,
          run.rows.map((x) => x.areacd),
        );
      const r: CompositeReport = source ? { ...run, agreedWeights: source } : run;
      if (format === 'json') return printJson(io, r);
      const flat = compositeView.flatten(r);
      if (format === 'table') for (const x of flat.records) x['score'] = round(x['score'] as number, 2);
      print(io, flat, format);
      notes(io, [...summary(r), ...(source ? [agreedNote(source)] : []), ...r.notes]);
    },
  );
}

/** The file with the weights a closed goal-weighting consultation agreed, when one is named. */
async function weighted(
  cmd: Command,
  parsed: ParsedFile,
  consultation: string | undefined,
): Promise<{ parsed: ParsedFile; agreed?: { weights: AgreedWeights; target: 'pillars' | 'indicators' } }> {
  if (!consultation) return { parsed };
  const r = await withCivic(cmd, (svc) => svc.results(consultation));
  if (r.consultation.ballot !== 'points')
    throw new UsageError(
      `consultation ${consultation} is a ${r.consultation.ballot} ballot, not a goal weighting (points ballots)`,
    );
  if (r.outcome?.kind !== 'weights')
    throw new UsageError(
      `consultation ${consultation} has no agreed weights: ${r.counted} ballots were counted, so there is nothing to weight by`,
    );
  const weights: AgreedWeights = {
    consultation,
    title: r.consultation.title,
    area: r.stored.meta.area,
    head: r.head.hash,
    outcome: r.outcome,
  };
  const applied = withAgreedWeights(parsed, weights);
  return { parsed: applied.file, agreed: { weights, target: applied.target } };
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
