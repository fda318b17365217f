import type { Command } from 'commander';
import { franchiseViews } from '../../contract/franchise.ts';
import { tenderView } from '../../contract/franchise-tender.ts';
import { franchiseTenderFile } from '../../workbench/franchise-tender.ts';
import { type FranchiseImportReport } from '../../workbench.ts';
import { DEFAULT_CONDITIONS, DUPLICATE_RULES } from '../../workbench/franchise.ts';
import { importFranchiseStore } from '../../workbench/franchise-import-store.ts';
import { UsageError } from '../../core/errors.ts';
import type { Io } from '../output.ts';
import { formatOf, globals, notes, print, printJson, withFormat, withWorkbench } from './common.ts';
import { oneOf } from './options.ts';

const PERIOD = 'a financial year 2021-22, a month 2021-04 or a year 2021 (default: all)';
const TAXONOMY = 'a layer taxonomy JSON file (default foundational-economy-v1)';

type Opts = { body: string; period?: string; format?: string; taxonomy?: string };

/** A body and period as the workbench takes them. */
const bodyOf = (o: Opts) => ({ body: o.body, ...(o.period ? { period: o.period } : {}) });

/** A share option: a number in [0, 1]. */
function shareOf(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0 && n <= 1)) throw new UsageError(`invalid share: ${value} (0–1)`);
  return n;
}

/** The import report, one line per file, body and the register. */
function importLines(r: FranchiseImportReport): string[] {
  const files = r.files.map((x) => {
    const what =
      x.kind === 'spend'
        ? `${x.rows} lines, £${((x.pence ?? 0) / 100).toFixed(2)}, layout ${x.layout}`
        : `${x.releases ?? '?'} releases, ${x.rows} award rows`;
    const dup = x.duplicates.rows
      ? `; ${x.duplicates.rows} duplicate lines, ${x.duplicates.notCounted} not counted`
      : '';
    return `${x.file}: ${x.status}${x.body ? ` (${x.body})` : ''}: ${what}${dup}`;
  });
  return [
    ...files,
    ...r.skipped.map((s) => `${s.file}: skipped: ${s.reason}`),
    ...r.bodies.map(
      (b) =>
        `${b.body}: ${b.payees} payees; matched ${b.matched}, review ${b.review}, unmatched ${b.unmatched}, individuals or withheld ${b.notEligible}`,
    ),
    ...(r.register.appended
      ? [`register: ${r.register.appended} events appended, ${r.register.conditions} new conditions`]
      : []),
    `duplicates rule ${r.duplicatesRule}; ${r.seconds.toFixed(2)} s`,
  ];
}

/** `strata franchise import|summary|suppliers|conditions|whatif|register|tender`. */
export function registerFranchise(program: Command, io: Io): void {
  const f = program
    .command('franchise')
    .description(
      'public spending and contracts: where the money goes, what stays local, the conditions that come with it',
    );
  registerImport(f, io);
  registerSummary(f, io);
  registerSuppliers(f, io);
  registerConditions(f, io);
  registerWhatIf(f, io);
  registerRegister(f, io);
  registerTender(f, io);
}

function registerImport(f: Command, io: Io): void {
  f.command('import')
    .description(
      'read council spend files (Transparency Code layouts) and OCDS release packages, classify and match payees; all or nothing, as a new generation of the store',
    )
    .argument('<path>', 'a folder of spend CSVs and release packages, or one file')
    .option('--body <body>', 'the body files without a body column are from (id or name)')
    .option('--duplicates <rule>', `identical lines: ${DUPLICATE_RULES.join(', ')}`, 'within-file-kept')
    .action(async (path: string, opts: { body?: string; duplicates: string }, cmd: Command) => {
      const duplicates = oneOf('duplicates rule', opts.duplicates, DUPLICATE_RULES);
      const r = await importFranchiseStore(globals(cmd).db, path, {
        ...(opts.body ? { body: opts.body } : {}),
        duplicates,
      });
      io.out(importLines(r).join('\n') + '\n');
    });
}

function registerSummary(f: Command, io: Io): void {
  withFormat(
    f
      .command('summary')
      .description(
        'a body’s spend: totals by month and payee class, match rates (suppliers, payments, £), layers, services, size bands, concentration, local share, LM3 and the input–output view',
      )
      .requiredOption('--body <body>', 'the public body (id or name)')
      .option('--period <period>', PERIOD)
      .option('--taxonomy <file>', TAXONOMY),
  ).action(async (opts: Opts, cmd: Command) => {
    const format = formatOf(io, opts.format);
    const s = await withWorkbench(cmd, opts, (wb) => wb.franchiseSummary(bodyOf(opts)));
    if (format === 'json') return printJson(io, s);
    print(io, franchiseViews.summary.flatten(s), format);
    notes(io, [
      `${s.body}, ${s.period.label} (${s.period.from} to ${s.period.to}); £ net of credits`,
      ...s.notes,
    ]);
  });
}

function registerSuppliers(f: Command, io: Io): void {
  withFormat(
    f
      .command('suppliers')
      .description(
        'a body’s suppliers by spend, with class, match, place, size band, layer and latest gender pay gap; --review lists the matches left to a person',
      )
      .requiredOption('--body <body>', 'the public body (id or name)')
      .option('--period <period>', PERIOD)
      .option('--review', 'list the review queue instead')
      .option('--taxonomy <file>', TAXONOMY),
  ).action(async (opts: Opts & { review?: boolean }, cmd: Command) => {
    const format = formatOf(io, opts.format);
    const r = await withWorkbench(cmd, opts, (wb) => wb.franchiseSuppliers(bodyOf(opts)));
    if (format === 'json') return printJson(io, r);
    print(io, franchiseViews[opts.review ? 'review' : 'suppliers'].flatten(r), format);
    notes(io, r.notes);
  });
}

function registerConditions(f: Command, io: Io): void {
  withFormat(
    f
      .command('conditions')
      .description(
        'apply a franchise conditions file to a body’s suppliers: spend meeting, failing and unknown for each condition',
      )
      .argument(
        '[file]',
        `a conditions file, YAML or JSON (default ${DEFAULT_CONDITIONS.split('/').slice(-3).join('/')})`,
      )
      .requiredOption('--body <body>', 'the public body (id or name)')
      .option('--period <period>', PERIOD)
      .option('--by-supplier', 'one row per supplier and condition instead of the totals')
      .option('--taxonomy <file>', TAXONOMY),
  ).action(async (file: string | undefined, opts: Opts & { bySupplier?: boolean }, cmd: Command) => {
    const format = formatOf(io, opts.format);
    const r = await withWorkbench(cmd, opts, (wb) =>
      wb.franchiseConditions({ ...bodyOf(opts), ...(file ? { file } : {}) }),
    );
    if (format === 'json') return printJson(io, r);
    print(io, franchiseViews[opts.bySupplier ? 'verdicts' : 'conditions'].flatten(r), format);
    notes(io, [`${r.conditions.title}; ${r.body}, ${r.period.label}; total £${r.total}`, ...r.notes]);
  });
}

function registerWhatIf(f: Command, io: Io): void {
  withFormat(
    f
      .command('whatif')
      .description(
        'move a share of a category’s spend to local suppliers or to suppliers meeting a condition: the demand change (area, industry, £ a year) for the scenario lab',
      )
      .requiredOption('--body <body>', 'the public body (id or name)')
      .requiredOption('--category <name>', 'a service area or expense type as published, or * for all')
      .option('--field <field>', 'service or expense-type', 'service')
      .option('--share <share>', 'share moved, 0–1', '0.1')
      .option('--target <target>', 'local, or a condition id', 'local')
      .option('--conditions <file>', 'the conditions file the target comes from')
      .option('--period <period>', PERIOD)
      .option('--taxonomy <file>', TAXONOMY),
  ).action(
    async (
      opts: Opts & { category: string; field: string; share: string; target: string; conditions?: string },
      cmd: Command,
    ) => {
      const format = formatOf(io, opts.format);
      const field = oneOf('field', opts.field, ['service', 'expense-type'] as const);
      const share = shareOf(opts.share);
      const r = await withWorkbench(cmd, opts, (wb) =>
        wb.franchiseWhatIf({
          ...bodyOf(opts),
          category: opts.category,
          field,
          share,
          target: opts.target,
          ...(opts.conditions ? { conditionsFile: opts.conditions } : {}),
        }),
      );
      if (format === 'json') return printJson(io, r);
      print(io, franchiseViews.whatif.flatten(r), format);
      notes(io, [
        `moved £${r.moved.toFixed(2)} a year (${r.category} → ${r.target}); unplaced £${r.unplaced.toFixed(2)}`,
        ...r.notes,
      ]);
    },
  );
}

function registerRegister(f: Command, io: Io): void {
  withFormat(
    f
      .command('register')
      .description(
        'the register of conditions promised vs delivered (from contract KPIs), with its append-only history',
      ),
  ).action(async (opts: { format?: string }, cmd: Command) => {
    const format = formatOf(io, opts.format);
    const r = await withWorkbench(cmd, {}, (wb) => wb.franchiseRegister());
    if (format === 'json') return printJson(io, r);
    print(io, franchiseViews.register.flatten(r), format);
  });
}

function registerTender(f: Command, io: Io): void {
  withFormat(
    f
      .command('tender')
      .description(
        'score bids against published award criteria (weights summing to 1, social value at least 10 % as PPN 002 sets, one price criterion): the bids ranked, one row per bid and criterion',
      )
      .argument('<file>', 'a tender, YAML or JSON: the body POST /api/v1/franchise/tender takes'),
  ).action((file: string, opts: { format?: string }) => {
    const format = formatOf(io, opts.format);
    const r = franchiseTenderFile(file);
    if (format === 'json') return printJson(io, r);
    print(io, tenderView.flatten(r), format);
    notes(io, r.notes);
  });
}
