import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import {
  ioExtract,
  ioLayers,
  ioMultipliers,
  ioShock,
  loadTaxonomy,
  type IoOptions,
} from '../../workbench.ts';
import { render, resolveFormat, type Row } from '../output.ts';
import { notes } from './beyond-options.ts';
import { withFormat, withStore } from './common.ts';

function number(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new UsageError(`invalid ${name}: ${v}`);
  return n;
}

interface CommonFlags {
  area?: string;
  year?: string;
  delta?: string;
  variant?: string;
  taxonomy?: string;
  format?: string;
}

function options(f: CommonFlags): IoOptions {
  const year = number('year', f.year);
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError(`invalid year: ${f.year}`);
  if (f.variant !== undefined && f.variant !== 'flq' && f.variant !== 'aflq')
    throw new UsageError(`invalid variant: ${f.variant} (flq or aflq)`);
  return {
    area: f.area?.trim().toUpperCase(),
    year,
    delta: number('delta', f.delta),
    variant: f.variant as 'flq' | 'aflq' | undefined,
  };
}

function common(cmd: Command): Command {
  return withFormat(
    cmd
      .option('--area <code>', 'an ITL3 area (TLC11) or local authority (E06000001); the UK when absent')
      .option('--year <year>', 'input-output table year (default: the newest in the store)')
      .option('--delta <δ>', 'FLQ δ in [0, 1)', '0.3')
      .option('--variant <v>', 'flq or aflq', 'flq')
      .option('--taxonomy <file>', 'a layer taxonomy JSON file (default foundational-economy-v1)'),
  );
}

/** `strata io multipliers|layers|extract|shock`: the input–output engine, national or for an area. */
export function registerIo(program: Command): void {
  const io = program
    .command('io')
    .description('input-output: multipliers, layer interactions, extraction, shocks (national or regional)');

  common(
    io
      .command('multipliers')
      .description(
        'output, GVA, compensation and employment multipliers, Type I and II, split direct/indirect/induced',
      )
      .option('--type <1|2>', 'Type I only, or Type I and II', '2'),
  ).action(async (f: CommonFlags & { type: string }, cmd: Command) => {
    if (f.type !== '1' && f.type !== '2') throw new UsageError(`invalid type: ${f.type} (1 or 2)`);
    const format = resolveFormat(f.format);
    const taxonomy = loadTaxonomy(f.taxonomy);
    const r = await withStore(
      cmd,
      (s) => ioMultipliers(s, taxonomy, { ...options(f), type: Number(f.type) as 1 | 2 }),
      true,
    );
    const columns =
      format === 'table'
        ? r.columns.filter((c) => !/_(direct|indirect|induced|low|high)$/.test(c) && c !== 'name')
        : r.columns;
    process.stdout.write(render(r.rows as Row[], format, columns));
    notes([`${r.area}, ${r.year}: ${r.source}`, ...r.notes]);
  });

  common(
    io.command('layers').description('the layer interaction matrix Λ and backward/forward linkages'),
  ).action(async (f: CommonFlags, cmd: Command) => {
    const format = resolveFormat(f.format);
    const taxonomy = loadTaxonomy(f.taxonomy);
    const r = await withStore(cmd, (s) => ioLayers(s, taxonomy, options(f)), true);
    if (format === 'json') {
      process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    } else {
      const rows = r.layers.map((supplier, k) => ({
        'output of ↓ per £1 of demand for →': supplier,
        ...Object.fromEntries(r.layers.map((d, j) => [d, r.matrix[k]![j]!])),
      }));
      process.stdout.write(render(rows, format));
      if (format === 'table') {
        process.stdout.write('\nKey sectors (backward and forward linkage above 1)\n');
        process.stdout.write(
          render(r.linkages.filter((l) => l.key) as unknown as Row[], format, [
            'industry',
            'name',
            'backward',
            'forwardGhosh',
          ]),
        );
      }
    }
    notes([`${r.area}, ${r.year}: ${r.source}`, ...r.notes]);
  });

  common(
    io
      .command('extract')
      .description('hypothetical extraction: output lost without a layer')
      .requiredOption('--layer <id>', 'a layer id, e.g. foundational-material'),
  ).action(async (f: CommonFlags & { layer: string }, cmd: Command) => {
    const format = resolveFormat(f.format);
    const taxonomy = loadTaxonomy(f.taxonomy);
    const r = await withStore(cmd, (s) => ioExtract(s, taxonomy, { ...options(f), layer: f.layer }), true);
    if (format === 'json') process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    else {
      process.stdout.write(render(r.byLayer as Row[], format));
      process.stderr.write(
        `total output lost £${r.lostOutput.toFixed(1)}m, of which the rest of the economy £${r.lossRest.toFixed(1)}m (${(r.restShare * 100).toFixed(2)}% of its output)\n`,
      );
    }
    notes([`${r.area}, ${r.year}: ${r.source}`, ...r.notes]);
  });

  common(
    io
      .command('shock')
      .description(
        'a change in final demand (£) for an industry: output, GVA, compensation, jobs by layer (and by area)',
      )
      .requiredOption('--industry <code>', 'input-output industry (Q87 & Q88, or a SIC division such as Q87)')
      .requiredOption('--amount <£>', 'change in final demand in £, e.g. 10e6')
      .option('--interregional', 'follow what leaks to every other area (gravity model)')
      .option('--beta <β>', 'distance decay of the gravity term', '1'),
  ).action(
    async (
      f: CommonFlags & { industry: string; amount: string; interregional?: boolean; beta: string },
      cmd: Command,
    ) => {
      const format = resolveFormat(f.format);
      const taxonomy = loadTaxonomy(f.taxonomy);
      const amount = number('amount', f.amount)!;
      const r = await withStore(
        cmd,
        (s) =>
          ioShock(s, taxonomy, {
            ...options(f),
            industry: f.industry,
            amount,
            interregional: Boolean(f.interregional),
            beta: number('beta', f.beta),
          }),
        true,
      );
      if (format === 'json') process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      else {
        const rows = r.byLayer.flatMap((l) =>
          (['output', 'gva', 'compensation', 'employment'] as const).flatMap((m) =>
            l[m] ? [{ layer: l.layer, measure: m, ...l[m] }] : [],
          ),
        );
        process.stdout.write(render(rows, format));
        if (format === 'table' && r.byArea.length) {
          process.stdout.write(`\nWhere the output lands (top 10 of ${r.byArea.length} areas, £m)\n`);
          process.stdout.write(render(r.byArea.slice(0, 10) as unknown as Row[], format));
          const c = r.convergence!;
          process.stdout.write(
            `converged: Type I ${c.type1.iterations} sweeps (residual ${c.type1.residual.toExponential(1)}), Type II ${c.type2.iterations} sweeps (residual ${c.type2.residual.toExponential(1)})\n`,
          );
        }
      }
      notes([
        `£${amount.toLocaleString('en-GB')} of final demand for ${r.industry} in ${r.area}; ${r.unit}`,
        ...r.notes,
      ]);
    },
  );
}
