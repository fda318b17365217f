import type { Command } from 'commander';
import { ENTITLEMENT_VIEWS, entitlementViews } from '../../contract/entitlements.ts';
import { readDataFile } from '../../workbench/data-file.ts';
import type { Io } from '../output.ts';
import { formatOf, notes, print, printJson, withFormat, withWorkbench } from './common.ts';
import { codeOf, oneOf, withChoices, yearsAsText } from './options.ts';

/** The columns a terminal shows of the rows view (CSV and JSON hold every one). */
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
export function registerEntitlements(program: Command, io: Io): void {
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
      const format = formatOf(io, opts.format);
      const view = oneOf('view', opts.view, ENTITLEMENT_VIEWS);
      const file = opts.floors ? readDataFile(opts.floors) : undefined;
      const area = opts.area ? { area: codeOf(opts.area) } : {};
      const r = await withWorkbench(cmd, opts, (wb) => wb.entitlements(file, area));
      if (format === 'json') return printJson(io, r);
      const table = format === 'table';
      const flat = entitlementViews[view].flatten(r);
      flat.records = yearsAsText(flat.records, ['projected_year', 'projected_p05', 'projected_p95'], table);
      if (table && view === 'rows') flat.columns = ROWS_TABLE;
      print(io, flat, format);
      notes(io, [
        ...r.summary.map(
          (s) =>
            `${s.floor}: ${s.rule} — ${s.areasBelow} of ${s.areasAssessed} areas below; ${Math.round(s.peopleToFloor).toLocaleString('en-GB')} people to reach; £${(s.costCentral / 1e6).toFixed(0)}m ${s.recurring} (central)`,
        ),
        ...r.notes,
      ]);
    },
  );
}
