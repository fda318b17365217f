import type { Command } from 'commander';
import { missionView } from '../../contract/missions.ts';
import { readDataFile } from '../../workbench/data-file.ts';
import { exampleMissions } from '../../workbench/missions.ts';
import { flatOf, type Io } from '../output.ts';
import { formatOf, notes, print, printJson, withFormat, withWorkbench } from './common.ts';
import { codeOf, withChoices, yearsAsText } from './options.ts';

/** The columns a terminal shows (CSV and JSON hold every one). */
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
export function registerMissions(program: Command, io: Io): void {
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
    print(io, flatOf(rows), formatOf(io, opts.format));
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
      const format = formatOf(io, opts.format);
      const parsed = readDataFile(file);
      const area = opts.area ? { area: codeOf(opts.area) } : {};
      const r = await withWorkbench(cmd, opts, (wb) => wb.missionStatus(parsed, area));
      if (format === 'json') return printJson(io, r);
      const flat = missionView.flatten(r);
      flat.records = yearsAsText(
        flat.records,
        ['baseline_year', 'target_year', 'latest_year'],
        format === 'table',
      );
      if (format === 'table') flat.columns = TABLE;
      print(io, flat, format);
      const t = r.rollup.tally;
      const share =
        r.rollup.onTrackShare === null ? 'no' : `${(r.rollup.onTrackShare * 100).toFixed(1)}% of the`;
      notes(io, [
        `${r.mission.title} (${r.mission.source}): ${r.mission.statusRule}`,
        ...r.areas[0]!.indicators.map((i) => `rule for ${i.indicator}: ${i.rule}`),
        `national (${r.national.areanm}): ${r.national.track}`,
        `local authorities: ${t.on.areas} on track, ${t.off.areas} off, ${t['not-yet-measurable'].areas} not yet measurable, ${t['no-data'].areas} without data; ${share} weight (${r.rollup.weight}) of judged areas on track`,
        ...r.notes,
      ]);
    },
  );
}
