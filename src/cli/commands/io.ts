import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import {
  ioExtractionView,
  ioLayersView,
  ioMultipliersView,
  ioShockPlacesView,
  ioShockView,
} from '../../contract/io.ts';
import type { IoOptions } from '../../workbench.ts';
import { INTERREGIONAL_DEFAULTS, REGIONAL_DEFAULTS } from '../../workbench/io-defaults.ts';
import { flatOf, type Io } from '../output.ts';
import { formatOf, notes, print, printJson, withFormat, withWorkbench } from './common.ts';
import { codeOf, numberOf, oneOf } from './options.ts';

interface CommonFlags {
  area?: string;
  year?: string;
  delta?: string;
  variant?: string;
  taxonomy?: string;
  format?: string;
}

function options(f: CommonFlags): IoOptions {
  const year = numberOf('year', f.year);
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError(`invalid year: ${f.year}`);
  const delta = numberOf('delta', f.delta);
  return {
    ...(f.area ? { area: codeOf(f.area) } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(delta !== undefined ? { delta } : {}),
    ...(f.variant !== undefined ? { variant: oneOf('variant', f.variant, ['flq', 'aflq'] as const) } : {}),
  };
}

function common(cmd: Command): Command {
  return withFormat(
    cmd
      .option('--area <code>', 'an ITL3 area (TLC11) or local authority (E06000001); the UK when absent')
      .option('--year <year>', 'input-output table year (default: the newest in the store)')
      .option('--delta <δ>', 'FLQ δ in [0, 1)', String(REGIONAL_DEFAULTS.delta))
      .option('--variant <v>', 'flq or aflq', REGIONAL_DEFAULTS.variant)
      .option('--taxonomy <file>', 'a layer taxonomy JSON file (default foundational-economy-v1)'),
  );
}

/** `strata io multipliers|layers|extract|shock`: the input–output engine, national or for an area. */
export function registerIo(program: Command, io: Io): void {
  const group = program
    .command('io')
    .description('input-output: multipliers, layer interactions, extraction, shocks (national or regional)');

  common(
    group
      .command('multipliers')
      .description(
        'output, GVA, compensation and employment multipliers, Type I and II, split direct/indirect/induced',
      )
      .option('--type <1|2>', 'Type I only, or Type I and II', '2'),
  ).action(async (f: CommonFlags & { type: string }, cmd: Command) => {
    const type = Number(oneOf('type', f.type, ['1', '2'] as const)) as 1 | 2;
    const format = formatOf(io, f.format);
    const r = await withWorkbench(cmd, f, (wb) => wb.ioMultipliers({ ...options(f), type }));
    const flat = ioMultipliersView.flatten(r);
    // A terminal shows the headline multipliers; CSV and JSON hold the splits and the δ band too.
    if (format === 'table')
      flat.columns = flat.columns.filter(
        (c) => !/_(direct|indirect|induced|low|high)$/.test(c) && c !== 'name',
      );
    print(io, flat, format);
    notes(io, [`${r.area}, ${r.year}: ${r.source}`, ...r.notes]);
  });

  common(
    group.command('layers').description('the layer interaction matrix Λ and backward/forward linkages'),
  ).action(async (f: CommonFlags, cmd: Command) => {
    const format = formatOf(io, f.format);
    const r = await withWorkbench(cmd, f, (wb) => wb.ioLayers(options(f)));
    if (format === 'json') printJson(io, r);
    else {
      print(io, ioLayersView.flatten(r), format);
      if (format === 'table') {
        io.out('\nKey sectors (backward and forward linkage above 1)\n');
        const key = r.linkages.filter((l) => l.key);
        print(io, flatOf(key, ['industry', 'name', 'backward', 'forwardGhosh']), format);
      }
    }
    notes(io, [`${r.area}, ${r.year}: ${r.source}`, ...r.notes]);
  });

  common(
    group
      .command('extract')
      .description('hypothetical extraction: output lost without a layer')
      .requiredOption('--layer <id>', 'a layer id, e.g. foundational-material'),
  ).action(async (f: CommonFlags & { layer: string }, cmd: Command) => {
    const format = formatOf(io, f.format);
    const r = await withWorkbench(cmd, f, (wb) => wb.ioExtract({ ...options(f), layer: f.layer }));
    if (format === 'json') printJson(io, r);
    else {
      print(io, ioExtractionView.flatten(r), format);
      io.err(
        `total output lost £${r.lostOutput.toFixed(1)}m, of which the rest of the economy £${r.lossRest.toFixed(1)}m (${(r.restShare * 100).toFixed(2)}% of its output)\n`,
      );
    }
    notes(io, [`${r.area}, ${r.year}: ${r.source}`, ...r.notes]);
  });

  common(
    group
      .command('shock')
      .description(
        'a change in final demand (£) for an industry: output, GVA, compensation, employees by layer (and by place and area)',
      )
      .requiredOption('--industry <code>', 'input-output industry (Q87 & Q88, or a SIC division such as Q87)')
      .requiredOption('--amount <£>', 'change in final demand in £, e.g. 10e6')
      .option('--interregional', 'follow what leaks to every other area (gravity model)')
      .option('--beta <β>', 'distance decay of the gravity term', String(INTERREGIONAL_DEFAULTS.beta))
      .option(
        '--view <view>',
        'layers (by layer and measure) or places (the area, elsewhere in its combined authority or ITL1 region, the rest of the UK, with δ bands; needs --interregional)',
        'layers',
      ),
  ).action(
    async (
      f: CommonFlags & {
        industry: string;
        amount: string;
        interregional?: boolean;
        beta: string;
        view: string;
      },
      cmd: Command,
    ) => {
      const format = formatOf(io, f.format);
      const view = oneOf('view', f.view, ['layers', 'places'] as const);
      if (view === 'places' && !f.interregional)
        throw new UsageError(
          '--view places needs --interregional: a shock inside one area has no split by place',
        );
      const amount = numberOf('amount', f.amount)!;
      const beta = numberOf('beta', f.beta);
      const q = { ...options(f), industry: f.industry, amount, interregional: Boolean(f.interregional) };
      const r = await withWorkbench(cmd, f, (wb) =>
        wb.ioShock({ ...q, ...(beta !== undefined ? { beta } : {}) }),
      );
      if (format === 'json') printJson(io, r);
      else if (view === 'places') print(io, ioShockPlacesView.flatten(r), format);
      else {
        print(io, ioShockView.flatten(r), format);
        if (format === 'table' && r.interregional) {
          const [lo, hi] = r.places.deltas;
          io.out(`\nBy place (£m and employees; low–high: δ from ${lo} to ${hi})\n`);
          print(io, ioShockPlacesView.flatten(r), format);
          io.out(`\nWhere the output lands (top 10 of ${r.byArea.length} areas, £m)\n`);
          print(io, flatOf(r.byArea.slice(0, 10)), format);
          const c = r.convergence;
          io.out(
            `converged: Type I ${c.type1.iterations} sweeps (residual ${c.type1.residual.toExponential(1)}), Type II ${c.type2.iterations} sweeps (residual ${c.type2.residual.toExponential(1)})\n`,
          );
        }
      }
      notes(io, [
        `£${amount.toLocaleString('en-GB')} of final demand for ${r.industry} in ${r.area}; ${r.unit}`,
        ...r.notes,
      ]);
    },
  );
}
