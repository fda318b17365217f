// `strata scenario run|frontier|compare|rollup`: the scenario lab on the command line. The work
// is in src/workbench/scenario*.ts; this module reads options and prints.
import type { Command } from 'commander';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { readDataFile } from '../../workbench.ts';
import { withAgreedWeightsOf } from './scenario-weights.ts';
import { scenarioCompare } from '../../workbench/scenario-compare.ts';
import { scenarioFrontier, type WeightsInput } from '../../workbench/scenario-frontier.ts';
import { scenarioRollup } from '../../workbench/scenario-rollup.ts';
import { runScenario, type ScenarioRow } from '../../workbench/scenarios.ts';
import { render, resolveFormat, type Row } from '../output.ts';
import { choices, intOf, notes, withChoices } from './beyond-options.ts';
import { withFormat, withStore } from './common.ts';

/** The CSV every scenario table flattens to. */
export const CSV_COLUMNS = ['scenario', 'intervention', 'areacd', 'goal', 'value', 'p05', 'p95'];

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
const round = (v: number | null, d = 3) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);

function flat(scenario: string, rows: readonly ScenarioRow[]): Row[] {
  return rows.map((r) => ({
    scenario,
    intervention: r.intervention,
    areacd: r.areacd,
    goal: r.goal,
    value: r.value,
    p05: r.p05,
    p95: r.p95,
  }));
}

/** `strata scenario …`. */
export function registerScenario(program: Command): void {
  const scenario = program
    .command('scenario')
    .description(
      'the scenario lab: appraise interventions against goals, trade-offs, portfolios, local plans rolled up',
    );

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
    const format = resolveFormat(f.format);
    const { registry, taxonomy } = choices(f);
    const parsed = readDataFile(file);
    const r = await withStore(cmd, (s) => runScenario(s, registry, taxonomy, parsed, runOptions(f)), true);
    if (format === 'json') return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    if (format === 'csv') process.stdout.write(render(flat(r.scenario.id, r.rows), 'csv', CSV_COLUMNS));
    else {
      const units = new Map(r.goals.map((g) => [g.id, g.unit]));
      const total = r.rows.filter((x) => x.intervention === 'all' && x.areacd === 'K02000001');
      process.stdout.write(`${r.scenario.title}\n\nIn total (all areas the scenario reaches)\n`);
      process.stdout.write(
        render(
          total.map((x) => ({
            goal: x.goal,
            value: round(x.value),
            p05: round(x.p05),
            p95: round(x.p95),
            unit: units.get(x.goal),
          })),
          'table',
        ),
      );
      process.stdout.write('\nBy intervention (in total)\n');
      const pick = ['jobs', 'gva', 'gva_per_job', 'emissions', 'pv_cost', 'cost_per_job'];
      const by = r.interventions.map((iv) => {
        const at = (g: string) =>
          r.rows.find((x) => x.intervention === iv.id && x.areacd === 'K02000001' && x.goal === g)?.value ??
          null;
        return {
          intervention: iv.id,
          kind: iv.kind,
          target: iv.target,
          ...Object.fromEntries(pick.map((g) => [g, round(at(g), 1)])),
        };
      });
      process.stdout.write(render(by, 'table'));
    }
    notes([...r.sources, ...r.notes]);
  });

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
  ).action(
    async (
      file: string,
      f: RunFlags & { x: string; y: string; budget?: string; weights?: string; weightsFrom?: string },
      cmd: Command,
    ) => {
      const format = resolveFormat(f.format);
      const { registry, taxonomy } = choices(f);
      if (f.weights && f.weightsFrom) throw new UsageError('give --weights or --weights-from, not both');
      const budget = f.budget === undefined ? undefined : Number(f.budget);
      if (budget !== undefined && !(Number.isFinite(budget) && budget >= 0))
        throw new UsageError(`invalid --budget: ${f.budget} (an amount in £)`);
      const parsed = readDataFile(file);
      const weights: WeightsInput | undefined = f.weights
        ? { file: readDataFile(f.weights) }
        : f.weightsFrom
          ? { agreed: await withAgreedWeightsOf(cmd, f.weightsFrom) }
          : undefined;
      const r = await withStore(
        cmd,
        (s) =>
          scenarioFrontier(s, registry, taxonomy, parsed, {
            ...runOptions(f),
            x: f.x,
            y: f.y,
            budget,
            weights,
          }),
        true,
      );
      if (format === 'json') return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      const rows = r.candidates.map((c) => ({
        candidate: c.id,
        kind: c.kind,
        [r.x.id]: format === 'table' ? round(c.x, 1) : c.x,
        [`${r.x.id}_p05`]: format === 'table' ? round(c.xP05, 1) : c.xP05,
        [`${r.x.id}_p95`]: format === 'table' ? round(c.xP95, 1) : c.xP95,
        [r.y.id]: format === 'table' ? round(c.y, 1) : c.y,
        [`${r.y.id}_p05`]: format === 'table' ? round(c.yP05, 1) : c.yP05,
        [`${r.y.id}_p95`]: format === 'table' ? round(c.yP95, 1) : c.yP95,
        pv_cost: format === 'table' ? round(c.cost / 1e6, 1) : c.cost,
        score: format === 'table' ? round(c.score, 4) : c.score,
        frontier: c.frontier ? 'yes' : 'no',
        chosen: c.chosen ? 'yes' : 'no',
      }));
      process.stdout.write(render(rows, format));
      const pf = r.portfolio;
      notes([
        ...r.notes,
        ...(pf
          ? [
              `portfolio within £${pf.budget.toLocaleString('en-GB')}: ${pf.chosen.join(', ') || 'nothing'} (present value of costs £${Math.round(pf.cost).toLocaleString('en-GB')}, score ${pf.score.toFixed(4)})`,
              `weights: ${pf.weights.map((w) => `${w.goal} ${w.weight.toFixed(3)}`).join(', ')} — ${pf.weightsSource}`,
            ]
          : []),
      ]);
    },
  );

  common(
    scenario
      .command('compare')
      .description(
        'two scenarios side by side on every goal; with one file, its vertical interventions beside the same money spread horizontally',
      )
      .argument('<a>', 'a scenario file')
      .argument('[b]', 'another scenario file (default: the horizontal twin of A)'),
  ).action(async (a: string, b: string | undefined, f: RunFlags, cmd: Command) => {
    const format = resolveFormat(f.format);
    const { registry, taxonomy } = choices(f);
    const fa = readDataFile(a);
    const fb = b ? readDataFile(b) : null;
    const r = await withStore(
      cmd,
      (s) => scenarioCompare(s, registry, taxonomy, fa, fb, runOptions(f)),
      true,
    );
    if (format === 'json') return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    const rows = r.rows.map((x) =>
      format === 'table'
        ? {
            goal: x.goal,
            a: round(x.a),
            a_p05: round(x.aP05),
            a_p95: round(x.aP95),
            b: round(x.b),
            b_p05: round(x.bP05),
            b_p95: round(x.bP95),
            difference: round(x.difference),
            unit: x.unit,
          }
        : {
            goal: x.goal,
            unit: x.unit,
            a: x.a,
            a_p05: x.aP05,
            a_p95: x.aP95,
            b: x.b,
            b_p05: x.bP05,
            b_p95: x.bP95,
            difference: x.difference,
          },
    );
    if (format === 'table') process.stdout.write(`A: ${r.a.title}\nB: ${r.b.title}\n\n`);
    process.stdout.write(render(rows, format));
    notes(r.notes);
  });

  common(
    scenario
      .command('rollup')
      .description(
        'local plans (one scenario file each) rolled up to ITL1 and the UK with the interregional model',
      )
      .argument('<dir>', 'a folder of scenario files, one plan each'),
  ).action(async (dir: string, f: RunFlags, cmd: Command) => {
    const format = resolveFormat(f.format);
    const { registry, taxonomy } = choices(f);
    let names: string[];
    try {
      if (!statSync(dir).isDirectory()) throw new Error('not a folder');
      names = readdirSync(dir)
        .filter((n) => /\.(ya?ml|json)$/.test(n))
        .sort();
    } catch (e) {
      throw new UsageError(
        `cannot read ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    const files = names.map((n) => readDataFile(join(dir, n)));
    const r = await withStore(cmd, (s) => scenarioRollup(s, registry, taxonomy, files, runOptions(f)), true);
    if (format === 'json') return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
    if (format === 'csv')
      return void process.stdout.write(render(flat('rollup', r.rows), 'csv', CSV_COLUMNS));
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
    process.stdout.write('Plans: jobs and GVA (£m a year) in their own areas and spilled elsewhere\n');
    process.stdout.write(render(plans, 'table'));
    const regions = r.rows.filter(
      (x) =>
        x.intervention === 'all' &&
        /^(TL[C-N]|K02000001)$/.test(x.areacd) &&
        (x.goal === 'jobs' || x.goal === 'gva'),
    );
    process.stdout.write('\nAll plans together, by ITL1 region and in total\n');
    process.stdout.write(
      render(
        regions.map((x) => ({
          areacd: x.areacd,
          areanm: x.areanm,
          goal: x.goal,
          value: round(x.value, 1),
          p05: round(x.p05, 1),
          p95: round(x.p95, 1),
        })),
        'table',
      ),
    );
    process.stdout.write('\nDisplacement between plans (declared displacement; jobs)\n');
    process.stdout.write(
      render(
        r.displacement.map((d) => ({
          plan: d.plan,
          displaced_jobs: round(d.jobs, 0),
          in_other_plans: Object.entries(d.into)
            .map(([q, v]) => `${q} ${round(v.jobs, 0)}`)
            .join('; '),
        })),
        'table',
      ),
    );
    notes(r.notes);
  });
}
