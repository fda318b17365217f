import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { loadTaxonomy } from '../../workbench.ts';
import {
  DEFAULT_CONDITIONS,
  DUPLICATE_RULES,
  franchiseConditions,
  franchiseImport,
  franchiseRegister,
  franchiseSummary,
  franchiseSuppliers,
  franchiseWhatIf,
  type DuplicateRule,
  type FranchiseSummary,
} from '../../workbench/franchise.ts';
import { render, resolveFormat, type Row } from '../output.ts';
import { notes } from './beyond-options.ts';
import { withFormat, withStore } from './common.ts';

const PERIOD = 'a financial year 2021-22, a month 2021-04 or a year 2021 (default: all)';
const TAXONOMY = 'a layer taxonomy JSON file (default foundational-economy-v1)';

type Opts = { body: string; period?: string; format?: string; taxonomy?: string };

const pct = (x: number | null) => (x === null ? null : Math.round(1000 * x) / 10);

/** The summary as one long table: section, item, rows, £, share. */
function summaryRows(s: FranchiseSummary): Row[] {
  const out: Row[] = [
    { section: 'total', item: s.period.label, rows: s.rows, total: s.total, share_pct: 100 },
  ];
  out.push({
    section: 'published',
    item: 'all lines',
    rows: s.published.rows,
    total: s.published.total,
    share_pct: null,
  });
  out.push({
    section: 'duplicates',
    item: 'not counted',
    rows: s.duplicates.rows,
    total: s.duplicates.total,
    share_pct: null,
  });
  for (const m of s.by_month)
    out.push({ section: 'month', item: m.month, rows: m.rows, total: m.total, share_pct: null });
  for (const [k, c] of Object.entries(s.classified))
    out.push({
      section: 'payee class',
      item: k,
      rows: c.rows,
      total: c.total,
      share_pct: pct(s.total ? c.total / s.total : null),
    });
  for (const [k, r] of Object.entries({
    suppliers: s.match_rate.by_suppliers,
    payments: s.match_rate.by_payments,
    value: s.match_rate.by_value,
  }))
    out.push({
      section: 'match rate',
      item: `by ${k}`,
      rows: k === 'value' ? null : r.matched,
      total: k === 'value' ? r.matched / 100 : null,
      share_pct: pct(r.rate),
    });
  for (const l of s.by_layer)
    out.push({ section: 'layer', item: l.layer, rows: null, total: l.total, share_pct: pct(l.share) });
  for (const b of s.by_service)
    out.push({
      section: 'service',
      item: b.service,
      rows: b.rows,
      total: b.total,
      share_pct: pct(s.total ? b.total / s.total : null),
    });
  for (const b of s.by_size)
    out.push({
      section: 'size band',
      item: b.size,
      rows: b.suppliers,
      total: b.total,
      share_pct: pct(s.total ? b.total / s.total : null),
    });
  out.push({
    section: 'concentration',
    item: 'top-10 share',
    rows: s.concentration.suppliers,
    total: null,
    share_pct: pct(s.concentration.top10Share),
  });
  out.push({
    section: 'concentration',
    item: 'Herfindahl',
    rows: null,
    total: null,
    share_pct: null,
    value: s.concentration.herfindahl,
  });
  for (const l of s.local_share)
    out.push({
      section: 'local share',
      item: `${l.rule} (${l.area}), of known`,
      rows: null,
      total: l.inside,
      share_pct: pct(l.shareOfKnown),
    });
  out.push({
    section: 'LM3',
    item: 'declared re-spend',
    rows: null,
    total: null,
    share_pct: null,
    value: s.lm3.lm3,
  });
  const io = s.io;
  if (io)
    for (const [type, value] of [
      ['I', io.type1],
      ['II', io.type2],
    ] as const)
      out.push({
        section: 'IO',
        item: `Type ${type} output multiplier (${io.area})`,
        rows: null,
        total: io.placed / 100,
        share_pct: null,
        value,
      });
  return out;
}

/** `strata franchise import|summary|suppliers|conditions|whatif|register`. */
export function registerFranchise(program: Command): void {
  const f = program
    .command('franchise')
    .description(
      'public spending and contracts: where the money goes, what stays local, the conditions that come with it',
    );

  f.command('import')
    .description(
      'read council spend files (Transparency Code layouts) and OCDS release packages, classify and match payees, all in one transaction',
    )
    .argument('<path>', 'a folder of spend CSVs and release packages, or one file')
    .option('--body <body>', 'the body files without a body column are from (id or name)')
    .option('--duplicates <rule>', `identical lines: ${DUPLICATE_RULES.join(', ')}`, 'within-file-kept')
    .action(async (path: string, opts: { body?: string; duplicates: string }, cmd: Command) => {
      if (!(DUPLICATE_RULES as readonly string[]).includes(opts.duplicates))
        throw new UsageError(`invalid duplicates rule: ${opts.duplicates} (${DUPLICATE_RULES.join(', ')})`);
      const r = await withStore(cmd, (store) =>
        franchiseImport(store, path, {
          ...(opts.body ? { body: opts.body } : {}),
          duplicates: opts.duplicates as DuplicateRule,
        }),
      );
      for (const x of r.files) {
        const what =
          x.kind === 'spend'
            ? `${x.rows} lines, £${((x.pence ?? 0) / 100).toFixed(2)}, layout ${x.layout}`
            : `${x.releases ?? '?'} releases, ${x.rows} award rows`;
        const dup = x.duplicates.rows
          ? `; ${x.duplicates.rows} duplicate lines, ${x.duplicates.notCounted} not counted`
          : '';
        process.stdout.write(`${x.file}: ${x.status}${x.body ? ` (${x.body})` : ''}: ${what}${dup}\n`);
      }
      for (const s of r.skipped) process.stdout.write(`${s.file}: skipped: ${s.reason}\n`);
      for (const b of r.bodies)
        process.stdout.write(
          `${b.body}: ${b.payees} payees; matched ${b.matched}, review ${b.review}, unmatched ${b.unmatched}, individuals or withheld ${b.notEligible}\n`,
        );
      if (r.register.appended)
        process.stdout.write(
          `register: ${r.register.appended} events appended, ${r.register.conditions} new conditions\n`,
        );
      process.stdout.write(`duplicates rule ${r.duplicatesRule}; ${r.seconds.toFixed(2)} s\n`);
    });

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
    const format = resolveFormat(opts.format);
    const s = await withStore(
      cmd,
      (store) => franchiseSummary(store, loadTaxonomy(opts.taxonomy), opts),
      true,
    );
    if (format === 'json') return void process.stdout.write(JSON.stringify(s, null, 2) + '\n');
    process.stdout.write(
      render(summaryRows(s), format, ['section', 'item', 'rows', 'total', 'share_pct', 'value']),
    );
    notes([
      `${s.body}, ${s.period.label} (${s.period.from} to ${s.period.to}); £ net of credits`,
      ...s.notes,
    ]);
  });

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
    const format = resolveFormat(opts.format);
    const r = await withStore(
      cmd,
      (store) => franchiseSuppliers(store, loadTaxonomy(opts.taxonomy), opts),
      true,
    );
    if (format === 'json') return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    process.stdout.write(render((opts.review ? r.review : r.suppliers) as unknown as Row[], format));
    notes(r.notes);
  });

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
    const format = resolveFormat(opts.format);
    const r = await withStore(
      cmd,
      (store) =>
        franchiseConditions(store, loadTaxonomy(opts.taxonomy), { ...opts, ...(file ? { file } : {}) }),
      true,
    );
    if (format === 'json') return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    const rows = opts.bySupplier
      ? r.suppliers.flatMap((s) =>
          Object.entries(s.verdicts).map(([c, v]) => ({
            supplier: s.supplier,
            total: s.total,
            condition: c,
            status: v.status,
            reason: v.reason,
          })),
        )
      : r.totals.map(({ evidence: _e, ...t }) => t);
    process.stdout.write(render(rows as Row[], format));
    notes([`${r.conditions.title}; ${r.body}, ${r.period.label}; total £${r.total}`, ...r.notes]);
  });

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
      const format = resolveFormat(opts.format);
      if (opts.field !== 'service' && opts.field !== 'expense-type')
        throw new UsageError(`invalid field: ${opts.field} (service or expense-type)`);
      const share = Number(opts.share);
      if (!(share >= 0 && share <= 1)) throw new UsageError(`invalid share: ${opts.share} (0–1)`);
      const r = await withStore(
        cmd,
        (store) =>
          franchiseWhatIf(store, loadTaxonomy(opts.taxonomy), {
            body: opts.body,
            ...(opts.period ? { period: opts.period } : {}),
            category: opts.category,
            field: opts.field as 'service' | 'expense-type',
            share,
            target: opts.target,
            ...(opts.conditions ? { conditionsFile: opts.conditions } : {}),
          }),
        true,
      );
      if (format === 'json') return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      process.stdout.write(render(r.changes as unknown as Row[], format));
      notes([
        `moved £${r.moved.toFixed(2)} a year (${r.category} → ${r.target}); unplaced £${r.unplaced.toFixed(2)}`,
        ...r.notes,
      ]);
    },
  );

  withFormat(
    f
      .command('register')
      .description(
        'the register of conditions promised vs delivered (from contract KPIs), with its append-only history',
      ),
  ).action(async (opts: { format?: string }, cmd: Command) => {
    const format = resolveFormat(opts.format);
    const r = await withStore(cmd, (store) => franchiseRegister(store), true);
    if (format === 'json') return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    process.stdout.write(render(r.conditions as unknown as Row[], format));
  });
}
