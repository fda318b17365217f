import type { Command } from 'commander';
import { exampleMissions, missionRows, missionStatus, readDataFile } from '../../workbench.ts';
import { render, resolveFormat } from '../output.ts';
import { choices, notes, withChoices, yearsAsText } from './beyond-options.ts';
import { withFormat, withStore } from './common.ts';

const TABLE = [
  'areacd',
  'areanm',
  'mission_track',
  'indicator',
  'latest_year',
  'latest',
  'expected',
  'track',
  'confidence',
  'p_on_track',
];

/** `strata missions status FILE` and `strata missions list`. */
export function registerMissions(program: Command): void {
  const missions = program
    .command('missions')
    .description('missions: goals measured by registry indicators against declared trajectories');
  withFormat(
    missions
      .command('list')
      .description('the example missions shipped with Strata (each marked EXAMPLE: replace them)'),
  ).action((opts: { format?: string }) => {
    const rows = exampleMissions().map((m) => ({
      id: m.id,
      file: m.path.slice(m.path.indexOf('data/missions')),
    }));
    process.stdout.write(render(rows, resolveFormat(opts.format)));
  });
  withChoices(
    withFormat(
      missions
        .command('status')
        .description(
          'status of a mission for every local authority and the nation: each indicator against its rule, on or off track with P(on track), and the roll-up to national',
        )
        .argument('<file>', 'a mission file (YAML or JSON), e.g. data/missions/examples/decarbonisation.yaml')
        .option('--area <code>', 'one local authority (April 2023 code)'),
    ),
  ).action(
    async (
      file: string,
      opts: { format?: string; area?: string; registry?: string; taxonomy?: string },
      cmd: Command,
    ) => {
      const format = resolveFormat(opts.format);
      const { registry, taxonomy } = choices(opts);
      const parsed = readDataFile(file);
      const r = await withStore(
        cmd,
        (store) =>
          missionStatus(
            store,
            registry,
            taxonomy,
            parsed,
            opts.area ? { area: opts.area.trim().toUpperCase() } : {},
          ),
        true,
      );
      if (format === 'json') return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      const flat = missionRows(r);
      const rows = yearsAsText(
        flat.rows,
        ['baseline_year', 'target_year', 'latest_year'],
        format === 'table',
      );
      process.stdout.write(render(rows, format, format === 'table' ? TABLE : flat.columns));
      const t = r.rollup.tally;
      notes([
        `${r.mission.title} (${r.mission.source}): ${r.mission.statusRule}`,
        ...r.areas[0]!.indicators.map((i) => `rule for ${i.indicator}: ${i.rule}`),
        `national (${r.national.areanm}): ${r.national.track}`,
        `local authorities: ${t.on.areas} on track, ${t.off.areas} off, ${t['not-yet-measurable'].areas} not yet measurable, ${t['no-data'].areas} without data; ${r.rollup.onTrackShare === null ? 'no' : `${(r.rollup.onTrackShare * 100).toFixed(1)}% of the`} weight (${r.rollup.weight}) of judged areas on track`,
        ...r.notes,
      ]);
    },
  );
}
