import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { defaultFloors, entitlementRows, entitlements, readDataFile } from '../../workbench.ts';
import { render, resolveFormat } from '../output.ts';
import { choices, notes, withChoices, yearsAsText } from './beyond-options.ts';
import { withFormat, withStore } from './common.ts';

const ROWS_TABLE = [
  'areacd',
  'areanm',
  'floor',
  'value',
  'status',
  'shortfall',
  'people_to_floor',
  'cost_central',
  'projection',
  'projected_year',
];

/** `strata entitlements`: every local authority against the universal basic infrastructure floors. */
export function registerEntitlements(program: Command): void {
  withChoices(
    withFormat(
      program
        .command('entitlements')
        .description(
          'universal basic infrastructure: every local authority against each entitlement floor (shortfall, people affected, cost to close, trend and projected year), a need ranking with intervals, and the national summary',
        )
        .option('--floors <file>', 'a floors file (default data/entitlements/floors-default.yaml)')
        .option('--area <code>', 'one local authority (April 2023 code)')
        .option(
          '--view <view>',
          'rows (every area and floor), summary (the nation) or ranking (need, with intervals)',
          'rows',
        ),
    ),
  ).action(
    async (
      opts: {
        format?: string;
        floors?: string;
        area?: string;
        view: string;
        registry?: string;
        taxonomy?: string;
      },
      cmd: Command,
    ) => {
      const format = resolveFormat(opts.format);
      if (!['rows', 'summary', 'ranking'].includes(opts.view))
        throw new UsageError(`invalid view: ${opts.view} (rows, summary or ranking)`);
      const { registry, taxonomy } = choices(opts);
      const file = opts.floors ? readDataFile(opts.floors) : defaultFloors();
      const r = await withStore(
        cmd,
        (store) =>
          entitlements(
            store,
            registry,
            taxonomy,
            file,
            opts.area ? { area: opts.area.trim().toUpperCase() } : {},
          ),
        true,
      );
      if (format === 'json') return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      const table = format === 'table';
      const view = opts.view as 'rows' | 'summary' | 'ranking';
      const flat = entitlementRows(r, view);
      const rows = yearsAsText(flat.rows, ['projected_year', 'projected_p05', 'projected_p95'], table);
      process.stdout.write(render(rows, format, table && view === 'rows' ? ROWS_TABLE : flat.columns));
      notes([
        ...r.summary.map(
          (s) =>
            `${s.floor}: ${s.rule} — ${s.areasBelow} of ${s.areasAssessed} areas below; ${Math.round(s.peopleToFloor).toLocaleString('en-GB')} people to reach; £${(s.costCentral / 1e6).toFixed(0)}m ${s.recurring} (central)`,
        ),
        ...r.notes,
      ]);
    },
  );
}
