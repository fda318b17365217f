// Several local plans (one scenario file each) rolled up to ITL1 regions and the UK with the
// interregional model: what each plan does in its own areas and spills to the rest, where plans
// displace each other, and the national sum — the honest answer to whether devolved plans add up.
import { UsageError } from '../core/errors.ts';
import type { RollupReport } from '../contract/scenarios.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import { assemble, cell, type Appraisal } from '../models/scenarios/assemble.ts';
import type { CompiledIntervention } from '../models/scenarios/compile.ts';
import { goalIndex } from '../models/scenarios/goals.ts';
import { deltaDraws, ivDraws } from '../models/scenarios/prepare-draws.ts';
import { displacement, spillovers, type Plan } from '../models/scenarios/rollup.ts';
import { spilloverGross } from '../models/scenarios/spill.ts';
import type { ParsedFile } from './data-file.ts';
import { lads2023 } from './geography.ts';
import type { Ctx } from './context.ts';
import {
  appraisalRows,
  prepareScenario,
  systemAt,
  type PreparedScenario,
  type ScenarioOptions,
} from './scenarios.ts';

export type { RollupReport };

const SAME = ['level', 'delta', 'band', 'variant', 'type', 'beta'] as const;

function checkSame(plans: PreparedScenario[]): void {
  const first = plans[0]!;
  for (const p of plans.slice(1)) {
    if (p.areas.level !== first.areas.level)
      throw new UsageError(
        `${p.file.name}: plans must share a level (${first.file.name} is ${first.areas.level}, this is ${p.areas.level})`,
      );
    for (const k of SAME.slice(1)) {
      const a = JSON.stringify(first.scenario.model[k]);
      const b = JSON.stringify(p.scenario.model[k]);
      if (a !== b)
        throw new UsageError(
          `${p.file.name}: model.${k} is ${b}, but ${first.file.name} has ${a}: plans roll up with one model`,
        );
    }
  }
  const ids = new Set<string>();
  for (const p of plans) {
    if (ids.has(p.scenario.id))
      throw new UsageError(`${p.file.name}: plan id ${p.scenario.id} is used twice`);
    ids.add(p.scenario.id);
  }
}

/** ITL1 region of every area, as groups of area indices with their summed baselines. */
async function regions(ctx: Ctx, p: PreparedScenario) {
  const itl1 = new Map<string, string>();
  if (p.areas.level === 'lad') for (const l of await lads2023(ctx)) itl1.set(l.areacd, l.itl1);
  const groups = new Map<string, number[]>();
  p.areaData.forEach((a, i) => {
    const r = p.areas.level === 'itl3' ? a.areacd.slice(0, 3) : itl1.get(a.areacd);
    if (!r) return;
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  const m = p.national.nat.layout.m;
  return [...groups].sort().map(([code, members]) => {
    const base = new Float64Array(m);
    for (const i of members) for (let c = 0; c < m; c++) base[c] = base[c]! + p.areaData[i]!.baseline[c]!;
    return { code, members, base };
  });
}

/** Rolls the plans up with the interregional model (each plan's own model settings must agree). */
export async function scenarioRollup(
  ctx: Ctx,
  taxonomy: Taxonomy,
  files: readonly ParsedFile[],
  o: ScenarioOptions = {},
): Promise<RollupReport> {
  if (files.length === 0)
    throw new UsageError('no plans to roll up: the folder holds no scenario files (.yaml, .yml, .json)');
  const plans: PreparedScenario[] = [];
  for (const f of files) plans.push(await prepareScenario(ctx, taxonomy, f, { interregional: true }));
  checkSame(plans);
  const first = plans[0]!;
  const host = plans.find((p) => p.ivs.some((iv) => iv.kind === 'infrastructure')) ?? first;
  const planOf: number[] = [];
  const ivs: CompiledIntervention[] = plans.flatMap((p, k) =>
    p.ivs.map((iv) => {
      planOf.push(k);
      return { ...iv, id: `${p.scenario.id}/${iv.id}` };
    }),
  );
  const draws = o.draws ?? first.scenario.appraisal.draws;
  const seed = o.seed ?? first.scenario.appraisal.seed;
  const m = first.scenario.model;
  const delta = deltaDraws(first.nodes, m.delta, m.band, draws, seed);
  const shared = ivs.map((iv) => ivDraws(iv, delta, draws, seed));
  const systems = await Promise.all(first.nodes.map((d) => systemAt(ctx, first, d)));
  const nat = first.national.nat;
  const { gross, sweeps } = spilloverGross(ivs, nat, host.areaData, first.areas.index, systems, m.type);
  const rowGroups = plans.map((p, k) => ({
    id: p.scenario.id,
    ivs: ivs.map((_, i) => i).filter((i) => planOf[i] === k),
  }));
  const a = assemble(ivs, shared, nat, host.areaData, gross, draws, {
    rowGroups,
    areaGroups: await regions(ctx, host),
  });
  const planRows: Plan[] = plans.map((p, k) => ({
    id: p.scenario.id,
    row: ivs.length + k,
    areas: [...new Set(p.ivs.flatMap((iv) => iv.areas))],
  }));
  const figures = (k: number) => spillovers(a, planRows, k);
  const jobs = figures(goalIndex(a.goals, 'jobs'));
  const gva = figures(goalIndex(a.goals, 'gva'));
  return {
    level: first.areas.level,
    model: { ...m },
    draws,
    seed,
    plans: plans.map((p, k) => ({
      id: p.scenario.id,
      title: p.scenario.title,
      source: p.file.name,
      areas: planRows[k]!.areas as string[],
      jobs: { own: jobs[k]!.own, total: jobs[k]!.total, elsewhere: jobs[k]!.elsewhere, into: jobs[k]!.into },
      gva: { own: gva[k]!.own, total: gva[k]!.total, elsewhere: gva[k]!.elsewhere, into: gva[k]!.into },
    })),
    displacement: displacement(
      planRows,
      planOf,
      ivs,
      shared,
      nat.layout.m,
      gross,
      host.areaData,
      first.areas.index,
    ),
    rows: appraisalRows(a, first.areas.names),
    notes: [
      `${plans.length} plans rolled up with the interregional model of ${first.areas.areas.length} ${first.areas.level.toUpperCase()} areas (FLQ δ ${m.delta}, Type ${m.type === 1 ? 'I' : 'II'}, gravity β ${m.beta}); ${sweeps} block sweeps in all.`,
      'The plans together are the sum of each plan alone: the model is linear, so plans interact only through what Strata is told (declared displacement), never through capacity.',
      "Displacement between plans: each plan's declared displacement × (1 − leakage) of its gross effect, placed with the producers of its targeted industries outside its areas in proportion to their output (an assumption).",
      ...totalsNote(a, plans.length),
    ],
  };
}

function totalsNote(a: Appraisal, plans: number): string[] {
  const k = goalIndex(a.goals, 'jobs');
  const total = a.areas.length - 1;
  const all = a.value[cell(a, a.rows.length - 1, total, k)]!;
  return [
    `All ${plans} plans together: ${all.toFixed(0)} jobs in the UK (5–95 %: ${a.p05[cell(a, a.rows.length - 1, total, k)]!.toFixed(0)}–${a.p95[cell(a, a.rows.length - 1, total, k)]!.toFixed(0)}).`,
  ];
}
