import type { Command } from 'commander';
import { UsageError } from '../../core/errors.ts';
import { DEFAULT_FLOORS, entitlements, readDataFile, type EntitlementReport } from '../../workbench.ts';
import { render } from '../output.ts';
import { choices, formatOf, notes, withChoices, yearsAsText } from './beyond-options.ts';
import { withFormat, withStore } from './common.ts';

const ROWS = [
  'areacd',
  'areanm',
  'floor',
  'rule',
  'period',
  'value',
  'status',
  'shortfall',
  'population',
  'people_to_floor',
  'people_without',
  'cost_low',
  'cost_central',
  'cost_high',
  'recurring',
  'trend_per_year',
  'projection',
  'projected_year',
  'projected_p05',
  'projected_p95',
  'p_by_deadline',
];
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
const SUMMARY = [
  'floor',
  'rule',
  'period',
  'national',
  'national_value',
  'areas_assessed',
  'areas_below',
  'population_below',
  'people_to_floor',
  'people_without',
  'cost_low',
  'cost_central',
  'cost_high',
  'recurring',
  'projected_by_deadline',
];
const RANKING = [
  'rank',
  'areacd',
  'areanm',
  'cost_per_head',
  'median_rank',
  'rank_p05',
  'rank_p95',
  'floors_below',
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
      const format = formatOf(opts.format);
      if (!['rows', 'summary', 'ranking'].includes(opts.view))
        throw new UsageError(`invalid view: ${opts.view} (rows, summary or ranking)`);
      const { registry, taxonomy } = choices(opts);
      const file = readDataFile(opts.floors ?? DEFAULT_FLOORS);
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
      if (opts.view === 'summary') process.stdout.write(render(summaryRows(r), format, SUMMARY));
      else if (opts.view === 'ranking') process.stdout.write(render(rankingRows(r), format, RANKING));
      else {
        const rows = yearsAsText(areaRows(r), ['projected_year', 'projected_p05', 'projected_p95'], table);
        process.stdout.write(render(rows, format, table ? ROWS_TABLE : ROWS));
      }
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

function areaRows(r: EntitlementReport) {
  return r.rows.map((x) => ({
    ...x,
    people_to_floor: x.peopleToFloor,
    people_without: x.peopleWithout,
    cost_low: x.costLow,
    cost_central: x.costCentral,
    cost_high: x.costHigh,
    trend_per_year: x.projection.slope,
    projection: x.projection.kind,
    projected_year: x.projection.year,
    projected_p05: x.projection.yearP05,
    projected_p95: x.projection.yearP95,
    p_by_deadline: x.projection.pByDeadline,
  }));
}

function summaryRows(r: EntitlementReport) {
  return r.summary.map((s) => ({
    ...s,
    national: s.national?.areanm ?? null,
    national_value: s.national?.value ?? null,
    areas_assessed: s.areasAssessed,
    areas_below: s.areasBelow,
    population_below: s.populationBelow,
    people_to_floor: s.peopleToFloor,
    people_without: s.peopleWithout,
    cost_low: s.costLow,
    cost_central: s.costCentral,
    cost_high: s.costHigh,
    projected_by_deadline: s.projectedByDeadline,
  }));
}

function rankingRows(r: EntitlementReport) {
  return r.ranking.map((x) => ({
    ...x,
    cost_per_head: x.perHead,
    median_rank: x.medianRank,
    rank_p05: x.rankP05,
    rank_p95: x.rankP95,
    floors_below: x.floorsBelow,
  }));
}
