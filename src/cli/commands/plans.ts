// `strata plans …`: a scenario's expected outcome or a finance plan's path frozen in the register
// (the civic store, --civic) with its file's checksum, method version and data vintages; each one
// with forecast against outturn where a published indicator measures a figure, and said plainly
// where none does.
import type { Command } from 'commander';
import { planDetailView, planListView } from '../../contract/plans.ts';
import { readDataFile } from '../../workbench/data-file.ts';
import type { Io } from '../output.ts';
import { formatOf, notes, print, printJson, withFormat, withWorkbench } from './common.ts';
import { codeOf, intOf, oneOf } from './options.ts';
import { withRegisters } from './registers.ts';

const today = () => new Date().toISOString().slice(0, 10);

interface FreezeFlags {
  year?: string;
  area?: string;
  asOf?: string;
  who: string;
  format?: string;
}

/** `strata plans`. */
export function registerPlans(program: Command, io: Io): void {
  const group = program
    .command('plans')
    .description(
      'frozen plans: a scenario’s expected outcome or a finance plan’s path, and forecast against outturn',
    );
  withFormat(
    group
      .command('freeze')
      .description(
        'run a scenario-lab or finance policy file and freeze what it expects, with the file’s checksum, the method version and the datasets’ checksums',
      )
      .argument('<kind>', 'scenario or finance')
      .argument('<file>', 'the scenario or policy file (YAML or JSON)')
      .option(
        '--year <year>',
        'scenario: the year the outcome is expected (default: the first year every intervention runs)',
      )
      .option('--area <code>', 'finance: an area to freeze besides the UK')
      .option('--as-of <date>', 'the date it is frozen on (YYYY-MM-DD; default today)')
      .option('--who <name>', 'who froze it', 'Strata'),
  ).action(async (kind: string, path: string, o: FreezeFlags, cmd: Command) => {
    const k = oneOf('kind', kind, ['scenario', 'finance'] as const);
    const spec = {
      kind: k,
      file: readDataFile(path),
      ...(o.year !== undefined ? { year: intOf('year', o.year, 1990, 2100) } : {}),
      ...(o.area !== undefined ? { area: codeOf(o.area) } : {}),
      frozenOn: o.asOf ?? today(),
      who: o.who,
    };
    const p = await withRegisters(cmd, (regs) => withWorkbench(cmd, {}, (wb) => wb.freezePlan(regs, spec)));
    const format = formatOf(io, o.format);
    if (format === 'json') return printJson(io, p);
    print(io, planListView.flatten({ plans: [p] }), format);
  });
  withFormat(
    group
      .command('list')
      .description('every frozen plan')
      .option('--area <code>', 'only plans for this area'),
  ).action(async (o: { area?: string; format?: string }, cmd: Command) => {
    const r = await withRegisters(cmd, (regs) =>
      withWorkbench(cmd, {}, (wb) => wb.plans(regs, o.area ? codeOf(o.area) : undefined)),
    );
    const format = formatOf(io, o.format);
    if (format === 'json') return printJson(io, r);
    print(io, planListView.flatten(r), format);
  });
  withFormat(
    group
      .command('outturn')
      .description(
        'forecast against outturn for each figure a published indicator measures: the error split into data revision, later policy and the rest, exactly',
      )
      .argument('<id>', 'plan id, e.g. S-2026-001 or F-2026-001'),
  ).action(async (id: string, o: { format?: string }, cmd: Command) => {
    const r = await withRegisters(cmd, (regs) => withWorkbench(cmd, {}, (wb) => wb.planDetail(regs, id)));
    const format = formatOf(io, o.format);
    if (format === 'json') return printJson(io, r);
    print(io, planDetailView.flatten(r), format);
    notes(io, [
      `${r.plan.id}: ${r.plan.title} (${r.plan.source}, ${r.plan.method}, frozen on ${r.plan.frozenOn})`,
      ...(r.outturns.length ? ['total = revision + policy + rest, exactly'] : []),
      ...(r.unmeasured ? [r.unmeasured] : []),
    ]);
  });
}
