// The change a scenario makes to missions whose indicators its goals move: for each mission the
// scenario names (an example id or a mission file), every local authority's (and the nation's)
// indicators judged again with the scenario's change added to their latest value, by the
// mission's own rules. The goal `mission:<id>` is the change in indicators on track.
import { existsSync } from 'node:fs';
import type { Taxonomy } from '../core/taxonomy.ts';
import { cell, type Appraisal } from '../models/scenarios/assemble.ts';
import {
  MISSION_LINKS,
  onTrack,
  type IndicatorRule,
  type MissionArea,
} from '../models/scenarios/missions.ts';
import type { IndicatorStatus } from '../models/missions/status.ts';
import { DataFileError, readDataFile, type ParsedFile } from './data-file.ts';
import { exampleMission, exampleMissions, loadMission, missionStatus } from './missions.ts';
import type { Ctx } from './context.ts';
import type { GoalInfo, PreparedScenario, ScenarioRow } from './scenarios.ts';

function missionFile(p: PreparedScenario, ref: string, k: number): ParsedFile {
  if (exampleMissions().some((m) => m.id === ref)) return exampleMission(ref);
  if (existsSync(ref)) return readDataFile(ref);
  const at = p.file.locate(['missions', k]);
  throw new DataFileError(p.file.name, [
    {
      path: `missions.${k}`,
      line: at?.line ?? null,
      column: at?.column ?? null,
      message: `unknown mission: ${ref} (an example — ${exampleMissions()
        .map((m) => m.id)
        .join(', ')} — or a mission file)`,
    },
  ]);
}

/** Mission goals for every row and area of an appraisal (LAD scenarios; the nation as K02000001). */
export async function missionGoals(
  ctx: Ctx,
  taxonomy: Taxonomy,
  p: PreparedScenario,
  a: Appraisal,
): Promise<{ goals: GoalInfo[]; rows: ScenarioRow[]; notes: string[] }> {
  const out = { goals: [] as GoalInfo[], rows: [] as ScenarioRow[], notes: [] as string[] };
  if (p.scenario.missions.length === 0) return out;
  if (p.areas.level !== 'lad') {
    out.notes.push('Missions are judged for local authorities: set model.level to lad to see mission goals.');
    return out;
  }
  const uk: MissionArea = {
    population: p.areaData.reduce((s, x) => s + (x.population ?? 0), 0),
    workingAge: p.areaData.reduce((s, x) => s + (x.workingAge ?? 0), 0),
  };
  for (const [k, ref] of p.scenario.missions.entries()) {
    const file = missionFile(p, ref, k);
    const registry = await ctx.registry();
    const mission = loadMission(registry, file);
    const links = mission.indicators.map((ind) => MISSION_LINKS.find((l) => l.indicator === ind.id) ?? null);
    if (links.every((l) => l === null)) {
      out.notes.push(`Mission ${mission.id}: none of its indicators moves with a goal of the scenario lab.`);
      continue;
    }
    const report = await missionStatus(ctx, taxonomy, file);
    const rules: IndicatorRule[] = mission.indicators.map((ind) => ({
      rule: ind.rule,
      tolerance: ind.tolerance,
      polarity: (ind.direction ??
        registry.indicators.find((e) => e.id === ind.id)!.polarity) as IndicatorRule['polarity'],
    }));
    const byArea = new Map(report.areas.map((x) => [x.areacd, x.indicators as IndicatorStatus[]]));
    byArea.set('K02000001', report.national.indicators);
    const id = `mission:${mission.id}`;
    out.goals.push({
      id,
      label: `Indicators of "${mission.title}" on track`,
      unit: 'change in indicators on track',
      polarity: 1,
      additive: false,
      meaning: `the mission's indicators judged again by its rules with the scenario's change: ${links
        .flatMap((l) => (l ? [`${l.indicator} from ${l.goal} (${l.note})`] : []))
        .join('; ')}`,
    });
    out.notes.push(
      `Mission ${mission.id} (${file.name}): ${links.filter(Boolean).length} of ${links.length} indicators move with a goal.`,
    );
    appendRows(out.rows, a, p, byArea, rules, links, id, uk);
  }
  return out;
}

function appendRows(
  rows: ScenarioRow[],
  a: Appraisal,
  p: PreparedScenario,
  byArea: Map<string, IndicatorStatus[]>,
  rules: IndicatorRule[],
  links: (typeof MISSION_LINKS)[number][] | (null | (typeof MISSION_LINKS)[number])[],
  id: string,
  uk: MissionArea,
): void {
  const goalAt = links.map((l) => (l ? a.goals.findIndex((g) => g.id === l.goal) : -1));
  a.rows.forEach((intervention, r) =>
    a.areas.forEach((areacd, at) => {
      const statuses = byArea.get(areacd);
      if (!statuses || !a.present[r * a.areas.length + at]) return;
      const index = p.areas.index.get(areacd);
      const area: MissionArea = index === undefined ? uk : p.areaData[index]!;
      const count = (which: Float64Array) =>
        onTrack(
          statuses,
          rules,
          links.map((l, j) =>
            l && goalAt[j]! >= 0 ? (l.convert(which[cell(a, r, at, goalAt[j]!)]!, area) ?? 0) : 0,
          ),
        );
      const before = onTrack(statuses, rules, []);
      const [v, lo, hi] = [a.value, a.p05, a.p95].map((w) => count(w) - before);
      rows.push({
        intervention,
        areacd,
        areanm: p.areas.names.get(areacd) ?? areacd,
        goal: id,
        value: v!,
        p05: Math.min(lo!, hi!),
        p95: Math.max(lo!, hi!),
      });
    }),
  );
}
