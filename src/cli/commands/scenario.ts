// `strata scenario run|frontier|compare|rollup`: the scenario lab on the command line. The work
// is in the workbench (wb.scenario*); this module reads options and writes through `io`.
import type { Command } from 'commander';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import {
  compareView,
  frontierView,
  rollupView,
  scenarioView,
  type FrontierReport,
  type RollupReport,
  type ScenarioReport,
} from '../../contract/scenarios.ts';
import { type WeightsInput } from '../../workbench.ts';
import { readDataFile } from '../../workbench/data-file.ts';
import { render, type Format, type Io } from '../output.ts';
import { formatOf, notes, print, printJson, withFormat, withWorkbench } from './common.ts';
import { intOf, round, withChoices } from './options.ts';
import { withAgreedWeightsOf } from './scenario-weights.ts';

interface RunFlags {
  format?: string;
  seed?: string;
  draws?: string;
  workers?: string;
  registry?: string;
  taxonomy?: string;
}

function runOptions(f: RunFlags) {
  return {
    ...(f.seed !== undefined ? { seed: intOf('--seed', f.seed, 0, 4294967295) } : {}),
    ...(f.draws !== undefined ? { draws: intOf('--draws', f.draws, 1, 100000) } : {}),
    ...(f.workers !== undefined ? { workers: intOf('--workers', f.workers, 1, 64) } : {}),
  };
}

function common(cmd: Command): Command {
  return withChoices(
    withFormat(
      cmd
        .option('--seed <n>', "the Monte Carlo seed (default: the file's, else 1)")
        .option('--draws <n>', "Monte Carlo draws (default: the file's, else 1000)")
        .option('--workers <n>', 'threads in all (results do not depend on it)'),
    ),
  );
}

/** Rounded for reading in a table (CSV and JSON keep full precision). */
const r3 = (v: number | null) => round(v, 3);

/** The text summary of a run: the totals, then each intervention's headline goals. */
function runTable(io: Io, r: ScenarioReport): void {
  const units = new Map(r.goals.map((g) => [g.id, g.unit]));
  const total = r.rows.filter((x) => x.intervention === 'all' && x.areacd === 'K02000001');
  io.out(`${r.scenario.title}\n\nIn total (all areas the scenario reaches)\n`);
  const totals = total.map((x) => ({
    goal: x.goal,
    value: r3(x.value),
    p05: r3(x.p05),
    p95: r3(x.p95),
    unit: units.get(x.goal),
  }));
  io.out(render({ columns: ['goal', 'value', 'p05', 'p95', 'unit'], records: totals }, 'table'));
  io.out('\nBy intervention (in total)\n');
  const pick = ['jobs', 'gva', 'gva_per_job', 'emissions', 'pv_cost', 'cost_per_job'];
  const by = r.interventions.map((iv) => {
    const at = (g: string) =>
      r.rows.find((x) => x.intervention === iv.id && x.areacd === 'K02000001' && x.goal === g)?.value ?? null;
    return {
      intervention: iv.id,
      kind: iv.kind,
      target: iv.target,
      ...Object.fromEntries(pick.map((g) => [g, round(at(g), 1)])),
    };
  });
  io.out(render({ columns: ['intervention', 'kind', 'target', ...pick], records: by }, 'table'));
}

function frontierNotes(r: FrontierReport): string[] {
  const pf = r.portfolio;
  if (!pf) return r.notes;
  return [
    ...r.notes,
    `portfolio within £${pf.budget.toLocaleString('en-GB')}: ${pf.chosen.join(', ') || 'nothing'} (present value of costs £${Math.round(pf.cost).toLocaleString('en-GB')}, score ${pf.score.toFixed(4)})`,
    `weights: ${pf.weights.map((w) => `${w.goal} ${w.weight.toFixed(3)}`).join(', ')} — ${pf.weightsSource}`,
  ];
}

/** A flat table rounded for reading when it is printed as text. */
function printRounded(io: Io, flat: ReturnType<typeof frontierView.flatten>, format: Format, digits: number) {
  if (format === 'table')
    for (const rec of flat.records)
      for (const [k, v] of Object.entries(rec)) if (typeof v === 'number') rec[k] = round(v, digits);
  print(io, flat, format);
}

function rollupTables(io: Io, r: RollupReport): void {
  const plans = r.plans.map((p) => ({
    plan: p.id,
    jobs_own: round(p.jobs.own, 0),
    jobs_elsewhere: round(p.jobs.elsewhere, 0),
    jobs_total: round(p.jobs.total, 0),
    gva_own: round(p.gva.own, 1),
    gva_total: round(p.gva.total, 1),
    into_other_plans: Object.entries(p.jobs.into)
      .map(([q, v]) => `${q} ${round(v, 0)}`)
      .join('; '),
  }));
  io.out('Plans: jobs and GVA (£m a year) in their own areas and spilled elsewhere\n');
  io.out(render({ columns: Object.keys(plans[0] ?? {}), records: plans }, 'table'));
  const regions = r.rows.filter(
    (x) =>
      x.intervention === 'all' &&
      /^(TL[C-N]|K02000001)$/.test(x.areacd) &&
      (x.goal === 'jobs' || x.goal === 'gva'),
  );
  io.out('\nAll plans together, by ITL1 region and in total\n');
  const reg = regions.map((x) => ({
    areacd: x.areacd,
    areanm: x.areanm,
    goal: x.goal,
    value: round(x.value, 1),
    p05: round(x.p05, 1),
    p95: round(x.p95, 1),
  }));
  io.out(render({ columns: ['areacd', 'areanm', 'goal', 'value', 'p05', 'p95'], records: reg }, 'table'));
  io.out('\nDisplacement between plans (declared displacement; jobs)\n');
  const disp = r.displacement.map((d) => ({
    plan: d.plan,
    displaced_jobs: round(d.jobs, 0),
    in_other_plans: Object.entries(d.into)
      .map(([q, v]) => `${q} ${round(v.jobs, 0)}`)
      .join('; '),
  }));
  io.out(render({ columns: ['plan', 'displaced_jobs', 'in_other_plans'], records: disp }, 'table'));
}

/** The scenario files of a folder, in name order. */
function planFiles(dir: string) {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    names = readdirSync(dir)
      .filter((n) => /\.(ya?ml|json)$/.test(n))
      .sort();
  } catch (e) {
    throw new UsageError(`cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return names.map((n) => readDataFile(join(dir, n)));
}

function registerRun(scenario: Command, io: Io): void {
  common(
    scenario
      .command('run')
      .description(
        'appraise a scenario file: every goal per intervention, area and in total, with its 5–95% band',
      )
      .argument(
        '<file>',
        'a scenario file (YAML or JSON), e.g. data/scenarios/examples/hartlepool-adult-social-care.yaml',
      ),
  ).action(async (file: string, f: RunFlags, cmd: Command) => {
    const format = formatOf(io, f.format);
    const parsed = readDataFile(file);
    const r = await withWorkbench(cmd, f, (wb) => wb.scenario(parsed, runOptions(f)));
    if (format === 'json') return printJson(io, r);
    if (format === 'csv') print(io, scenarioView.flatten(r), 'csv');
    else runTable(io, r);
    notes(io, [...r.sources, ...r.notes]);
  });
}

type FrontierFlags = RunFlags & {
  x: string;
  y: string;
  budget?: string;
  weights?: string;
  weightsFrom?: string;
};

function registerFrontier(scenario: Command, io: Io): void {
  common(
    scenario
      .command('frontier')
      .description(
        "the Pareto frontier of a scenario's interventions on two goals, and the best portfolio under a budget",
      )
      .argument('<file>', 'a scenario file whose interventions are the candidates')
      .option('--x <goal>', 'goal on the x axis', 'jobs')
      .option('--y <goal>', 'goal on the y axis', 'gva_per_job')
      .option('--budget <£>', "budget in £, against each candidate's present value of costs")
      .option('--weights <file>', 'goal weights (YAML/JSON: weights: {goal: share}, summing to 1)')
      .option(
        '--weights-from <consultation>',
        'the weights residents agreed in a closed goal-weighting consultation',
      ),
  ).action(async (file: string, f: FrontierFlags, cmd: Command) => {
    const format = formatOf(io, f.format);
    if (f.weights && f.weightsFrom) throw new UsageError('give --weights or --weights-from, not both');
    const budget = f.budget === undefined ? undefined : Number(f.budget);
    if (budget !== undefined && !(f.budget!.trim() !== '' && Number.isFinite(budget) && budget >= 0))
      throw new UsageError(`invalid --budget: ${f.budget} (an amount in £)`);
    const parsed = readDataFile(file);
    const weights: WeightsInput | undefined = f.weights
      ? { file: readDataFile(f.weights) }
      : f.weightsFrom
        ? { agreed: await withAgreedWeightsOf(cmd, f.weightsFrom) }
        : undefined;
    const r = await withWorkbench(cmd, f, (wb) =>
      wb.scenarioFrontier(parsed, { ...runOptions(f), x: f.x, y: f.y, budget, weights }),
    );
    if (format === 'json') return printJson(io, r);
    const flat = frontierView.flatten(r);
    if (format === 'table')
      for (const rec of flat.records) rec['pv_cost'] = round((rec['pv_cost'] as number) / 1e6, 1);
    printRounded(io, flat, format, 1);
    notes(io, frontierNotes(r));
  });
}

function registerCompare(scenario: Command, io: Io): void {
  common(
    scenario
      .command('compare')
      .description(
        'two scenarios side by side on every goal; with one file, its vertical interventions beside the same money spread horizontally',
      )
      .argument('<a>', 'a scenario file')
      .argument('[b]', 'another scenario file (default: the horizontal twin of A)'),
  ).action(async (a: string, b: string | undefined, f: RunFlags, cmd: Command) => {
    const format = formatOf(io, f.format);
    const fa = readDataFile(a);
    const fb = b ? readDataFile(b) : null;
    const r = await withWorkbench(cmd, f, (wb) => wb.scenarioCompare(fa, fb, runOptions(f)));
    if (format === 'json') return printJson(io, r);
    if (format === 'table') io.out(`A: ${r.a.title}\nB: ${r.b.title}\n\n`);
    printRounded(io, compareView.flatten(r), format, 3);
    notes(io, r.notes);
  });
}

function registerRollup(scenario: Command, io: Io): void {
  common(
    scenario
      .command('rollup')
      .description(
        'local plans (one scenario file each) rolled up to ITL1 and the UK with the interregional model',
      )
      .argument('<dir>', 'a folder of scenario files, one plan each'),
  ).action(async (dir: string, f: RunFlags, cmd: Command) => {
    const format = formatOf(io, f.format);
    const files = planFiles(dir);
    const r = await withWorkbench(cmd, f, (wb) => wb.scenarioRollup(files, runOptions(f)));
    if (format === 'json') return printJson(io, r);
    if (format === 'csv') print(io, rollupView.flatten(r), 'csv');
    else rollupTables(io, r);
    notes(io, r.notes);
  });
}

/** `strata scenario …`. */
export function registerScenario(program: Command, io: Io): void {
  const scenario = program
    .command('scenario')
    .description(
      'the scenario lab: appraise interventions against goals, trade-offs, portfolios, local plans rolled up',
    );
  registerRun(scenario, io);
  registerFrontier(scenario, io);
  registerCompare(scenario, io);
  registerRollup(scenario, io);
}
