// `strata commitments …` and `strata projections …`: the accountability registers. They live in
// the civic store (--civic), so a data import — a new generation of the analytic store — keeps
// them; the statuses and outturns are computed on the analytic store (--db).
import type { Command } from 'commander';
import {
  commitmentListView,
  historyView,
  importView,
  outturnView,
  projectionListView,
} from '../../contract/accountability.ts';
import { UsageError } from '../../core/errors.ts';
import { readDataFile } from '../../workbench/data-file.ts';
import { PROJECTION_METHODS, projectionMethod } from '../../workbench/projections.ts';
import type { Io } from '../output.ts';
import { registerPlans } from './plans.ts';
import { withRegisters } from './registers.ts';
import { formatOf, notes, print, printJson, withFormat, withWorkbench } from './common.ts';
import { codeOf, intOf, numberOf, oneOf } from './options.ts';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** `--policy scenario=effect`, repeatable. */
function policyOf(v: string, prev: { scenario: string; effect: number }[] = []) {
  const m = /^([A-Za-z0-9_.:-]{1,80})=(.+)$/.exec(v);
  const effect = m ? numberOf('policy effect', m[2]) : undefined;
  if (!m || effect === undefined)
    throw new UsageError(`invalid --policy: ${v} (scenario=effect, e.g. living-wage=12.5)`);
  return [...prev, { scenario: m[1]!, effect }];
}

function registerCommitments(program: Command, io: Io): void {
  const group = program
    .command('commitments')
    .description('the commitments register: what was promised, its status by a declared rule, its history');
  withFormat(
    group
      .command('import')
      .description('import a register file (JSON or YAML): all of it or nothing; ids are never reused')
      .argument('<file>', 'the register file')
      .option('--as-of <date>', 'the date statuses are recorded for (YYYY-MM-DD; default today)'),
  ).action(async (file: string, o: { asOf?: string; format?: string }, cmd: Command) => {
    const parsed = readDataFile(file);
    const r = await withRegisters(cmd, (regs) =>
      withWorkbench(cmd, {}, (wb) => wb.importCommitments(regs, parsed, o.asOf ?? today())),
    );
    const format = formatOf(io, o.format);
    if (format === 'json') return printJson(io, r);
    print(io, importView.flatten(r), format);
    notes(io, [
      `${r.register}${r.example ? ' (EXAMPLE commitments)' : ''}: ${r.added.length} added, ${r.unchanged.length} already recorded, ${r.appended.length} statuses appended as of ${r.asOf}`,
    ]);
  });
  withFormat(
    group
      .command('assess')
      .description('apply every measured commitment’s rule to the data now in the store; append what changed')
      .option('--as-of <date>', 'the date statuses are recorded for (YYYY-MM-DD; default today)'),
  ).action(async (o: { asOf?: string; format?: string }, cmd: Command) => {
    const r = await withRegisters(cmd, (regs) =>
      withWorkbench(cmd, {}, (wb) => wb.assessCommitments(regs, o.asOf ?? today())),
    );
    const format = formatOf(io, o.format);
    if (format === 'json') return printJson(io, r);
    print(io, importView.flatten(r), format);
    notes(io, [`${r.appended.length} statuses appended as of ${r.asOf}`]);
  });
  withFormat(
    group
      .command('list')
      .description('every commitment with its latest status and the rule that gave it')
      .option('--area <code>', 'only commitments covering this area')
      .option(
        '--status <status>',
        'only this status (achieved, on-track, signs-of-progress, off-track, not-kept, unclear)',
      )
      .option('--due-by <date>', 'only commitments due on or before this date'),
  ).action(async (o: { area?: string; status?: string; dueBy?: string; format?: string }, cmd: Command) => {
    const q = {
      ...(o.area ? { area: codeOf(o.area) } : {}),
      ...(o.status ? { status: o.status } : {}),
      ...(o.dueBy ? { dueBy: o.dueBy } : {}),
    };
    const r = await withRegisters(cmd, (regs) => withWorkbench(cmd, {}, (wb) => wb.commitments(regs, q)));
    const format = formatOf(io, o.format);
    if (format === 'json') return printJson(io, r);
    print(io, commitmentListView.flatten(r), format);
    if (r.commitments.some((c) => c.example))
      notes(io, ['example = true marks EXAMPLE commitments, not real promises']);
  });
  for (const [name, description] of [
    ['status', 'one commitment’s latest status, with the rule, reason and evidence'],
    ['history', 'one commitment’s whole status history (append-only)'],
  ] as const)
    withFormat(
      group.command(name).description(description).argument('<id>', 'commitment id, e.g. UK-2024-017'),
    ).action(async (id: string, o: { format?: string }, cmd: Command) => {
      const r = await withRegisters(cmd, (regs) =>
        withWorkbench(cmd, {}, (wb) => wb.commitmentHistory(regs, id)),
      );
      const format = formatOf(io, o.format);
      if (format === 'json') return printJson(io, name === 'status' ? r.commitment : r);
      if (name === 'history') return print(io, historyView.flatten(r), format);
      const c = r.commitment;
      print(io, commitmentListView.flatten({ commitments: [c], statuses: [] }), format);
      notes(io, [`${c.status} by ${c.rule} on ${c.statusDate}: ${c.reason}`, `evidence: ${c.evidence}`]);
    });
}

function registerProjections(program: Command, io: Io): void {
  const group = program
    .command('projections')
    .description('the projection register: frozen projections and forecast against outturn');
  withFormat(
    group
      .command('freeze')
      .description(
        'freeze a projection of an indicator for an area, with its method, inputs and dataset checksums',
      )
      .requiredOption('--indicator <id>', 'a published registry indicator')
      .requiredOption('--area <code>', 'the area (E06000001, TLC11, K02000001)')
      .requiredOption('--period <year>', 'the year projected')
      .option('--method <method>', PROJECTION_METHODS.join(', '), 'linear-trend')
      .option('--window <n>', 'how many years the method uses', '5')
      .option('--last-period <year>', 'the last year of data to use (default: the latest in the store)')
      .option('--as-of <date>', 'the date it is frozen on (YYYY-MM-DD; default today)')
      .option('--who <name>', 'who froze it', 'Strata'),
  ).action(
    async (
      o: {
        indicator: string;
        area: string;
        period: string;
        method: string;
        window: string;
        lastPeriod?: string;
        asOf?: string;
        who: string;
        format?: string;
      },
      cmd: Command,
    ) => {
      const spec = {
        indicator: o.indicator,
        area: codeOf(o.area),
        period: intOf('period', o.period, 1990, 2100),
        method: projectionMethod(
          oneOf('method', o.method, PROJECTION_METHODS),
          intOf('window', o.window, 1, 30),
        ),
        ...(o.lastPeriod ? { lastPeriod: intOf('last-period', o.lastPeriod, 1990, 2100) } : {}),
        frozenOn: o.asOf ?? today(),
        who: o.who,
      };
      const p = await withRegisters(cmd, (regs) =>
        withWorkbench(cmd, {}, (wb) => wb.freezeProjection(regs, spec)),
      );
      const format = formatOf(io, o.format);
      if (format === 'json') return printJson(io, p);
      print(io, projectionListView.flatten({ projections: [p] }), format);
    },
  );
  withFormat(
    group.command('list').description('every frozen projection').option('--area <code>', 'only this area'),
  ).action(async (o: { area?: string; format?: string }, cmd: Command) => {
    const r = await withRegisters(cmd, (regs) =>
      withWorkbench(cmd, {}, (wb) => wb.projections(regs, o.area ? codeOf(o.area) : undefined)),
    );
    const format = formatOf(io, o.format);
    if (format === 'json') return printJson(io, r);
    print(io, projectionListView.flatten(r), format);
  });
  withFormat(
    group
      .command('outturn')
      .description(
        'forecast against outturn: the error split into data revision, later policy and the rest, exactly',
      )
      .argument('<id>', 'projection id, e.g. P-2026-001')
      .option(
        '--policy <scenario=effect>',
        'the effect on the outturn of a policy declared after freezing (repeatable)',
        policyOf,
      ),
  ).action(
    async (
      id: string,
      o: { policy?: { scenario: string; effect: number }[]; format?: string },
      cmd: Command,
    ) => {
      const r = await withRegisters(cmd, (regs) =>
        withWorkbench(cmd, {}, (wb) => wb.projectionOutturn(regs, id, o.policy ?? [])),
      );
      const format = formatOf(io, o.format);
      if (format === 'json') return printJson(io, r);
      print(io, outturnView.flatten(r), format);
      const p = r.projection;
      notes(io, [
        `${p.id}: ${p.indicator} ${p.area} ${p.period} projected ${p.exact} by ${p.method} on ${p.frozenOn}; outturn ${r.outturn}; the same method on today's data ${r.reprojected}`,
        'total = revision + policy + rest, exactly',
      ]);
    },
  );
}

/** `strata commitments`, `strata projections` and `strata plans`. */
export function registerAccountability(program: Command, io: Io): void {
  registerCommitments(program, io);
  registerProjections(program, io);
  registerPlans(program, io);
}
