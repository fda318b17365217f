// The scenario lab's orchestrator: reads a scenario file (YAML/JSON, validated with its path and
// line in every error), loads what the models need from the store, compiles the interventions,
// builds the regional (or interregional) models at the δ nodes and runs the seeded Monte Carlo.
// Inputs and outputs are plain typed records (ScenarioReport), so an HTTP route or a page can
// sit on them as they are.
import { availableParallelism } from 'node:os';
import { levelOfCode } from '../core/area.ts';
import { UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';
import {
  areaModel,
  nationSizes,
  type AreaModel,
  type NationalParts,
} from '../models/scenarios/area-model.ts';
import { appraiseLocal, type ScenarioTask } from '../models/scenarios/batch.ts';
import { createScenarioPool, type ScenarioPool } from '../models/scenarios/pool.ts';
import { assemble, cell, type Appraisal } from '../models/scenarios/assemble.ts';
import type { GoalDef } from '../models/scenarios/goals.ts';
import type {
  GoalInfo,
  InterventionInfo,
  ParameterInfo,
  ScenarioReport,
  ScenarioRow,
} from '../contract/scenarios.ts';
import {
  additionalityParams,
  compileScenario,
  type CompiledIntervention,
  type FloorOption,
  type Issue,
} from '../models/scenarios/compile.ts';
import type { AreaData } from '../models/scenarios/context.ts';
import { deltaNodes } from '../models/scenarios/nodes.ts';
import type { Parameter } from '../models/scenarios/parameter.ts';
import { deltaDraws, ivDraws } from '../models/scenarios/prepare-draws.ts';
import { scenarioSchema, type Scenario } from '../models/scenarios/schema.ts';
import type { Ctx } from './context.ts';
import { DataFileError, readDataFile, validateFile, type FileIssue, type ParsedFile } from './data-file.ts';
import { defaultFloors, entitlements, loadFloors } from './entitlements.ts';
import { missionGoals } from './scenario-missions.ts';
import { spilloverFor } from './scenario-spill.ts';
export { systemAt } from './scenario-spill.ts';
import {
  greenBook,
  scenarioAreas,
  scenarioNational,
  sectors,
  type ScenarioAreas,
  type ScenarioNational,
} from './scenario-inputs.ts';

/** Run settings a caller may override (the file's appraisal settings otherwise). */
export interface ScenarioOptions {
  seed?: number;
  draws?: number;
  workers?: number;
}

export type { GoalInfo, InterventionInfo, ParameterInfo, ScenarioReport, ScenarioRow };

/** A goal's definition without its formula (how it is computed stays inside the models). */
export function goalInfo({ formula: _formula, ...g }: GoalDef): GoalInfo {
  return g;
}

/** Validates a scenario file against its schema; every issue names its path, line and column. */
export function loadScenario(file: ParsedFile): Scenario {
  return validateFile(file, scenarioSchema);
}

function located(file: ParsedFile, issues: readonly Issue[]): FileIssue[] {
  return issues.map((i) => {
    const at = file.locate(i.path);
    return {
      path: i.path.map(String).join('.'),
      line: at?.line ?? null,
      column: at?.column ?? null,
      message: i.message,
    };
  });
}

/** The level the scenario's areas are at: declared, or read from the first area code. */
function levelOf(s: Scenario, file: ParsedFile): 'lad' | 'itl3' {
  if (s.model.level) return s.model.level;
  for (const [k, iv] of s.interventions.entries()) {
    const first = iv.area === 'all' ? null : Array.isArray(iv.area) ? iv.area[0]! : iv.area;
    if (first === null) continue;
    const l = levelOfCode(first);
    if (l === 'ltla') return 'lad';
    if (l === 'itl3') return 'itl3';
    const why =
      l === 'cauth'
        ? `${first} is a combined authority: list its local authorities' codes instead`
        : `unknown area: ${first} (an April 2023 local authority code or an ITL3 code)`;
    throw new DataFileError(file.name, located(file, [{ path: ['interventions', k, 'area'], message: why }]));
  }
  return 'lad';
}

/** What a run is built from: the inputs and the compiled interventions. */
export interface PreparedScenario {
  scenario: Scenario;
  file: ParsedFile;
  national: ScenarioNational;
  areas: ScenarioAreas;
  /** Area records with any entitlement shortfalls the scenario needs. */
  areaData: AreaData[];
  ivs: CompiledIntervention[];
  baseYear: number;
  nodes: number[];
  notes: string[];
}

/** Validates, loads and compiles a scenario; names every problem in the file, changes nothing. */
export async function prepareScenario(
  ctx: Ctx,
  taxonomy: Taxonomy,
  file: ParsedFile,
  model: Partial<Scenario['model']> = {},
  transform: (s: Scenario) => Scenario = (s) => s,
): Promise<PreparedScenario> {
  const read = loadScenario(file);
  const scenario = transform({ ...read, model: { ...read.model, ...model } });
  const level = levelOf(scenario, file);
  const national = await scenarioNational(ctx, taxonomy);
  const areas = await scenarioAreas(ctx, taxonomy, national, level);
  const gb = greenBook();
  const { floors, areaData, notes } = await withFloors(ctx, taxonomy, scenario, areas);
  const compiled = compileScenario(scenario, {
    nat: national.nat,
    areas: areaData,
    level,
    targets: {
      codes: national.nat.codes,
      layers: national.ctx.layers,
      sectors: sectors(),
      classes: national.classes,
    },
    optimism: gb.optimismBias.types,
    schedule: gb.discount.schedule,
    floors,
  });
  if (compiled.issues.length) throw new DataFileError(file.name, located(file, compiled.issues));
  const nodes = deltaNodes(scenario.model.delta, scenario.model.band);
  return {
    scenario,
    file,
    national,
    areas,
    areaData,
    ivs: compiled.ivs,
    baseYear: compiled.baseYear,
    nodes,
    notes,
  };
}

/** Floors and each area's shortfalls, only when an intervention works toward a floor. */
async function withFloors(ctx: Ctx, taxonomy: Taxonomy, s: Scenario, areas: ScenarioAreas) {
  const floors: Record<string, FloorOption> = {};
  if (!s.interventions.some((iv) => iv.kind === 'infrastructure'))
    return { floors, areaData: areas.areas, notes: [] };
  if (areas.level !== 'lad')
    throw new UsageError('entitlement floors are assessed for local authorities: set model.level to lad');
  const file = s.appraisal.floors ? readDataFile(s.appraisal.floors) : defaultFloors();
  const spec = loadFloors(await ctx.registry(), file);
  for (const f of spec.floors)
    floors[f.id] = {
      title: f.title,
      cost: {
        per: f.cost.per,
        peoplePerPremises: f.cost.peoplePerPremises ?? null,
        recurring: f.cost.recurring,
      },
      unitCost: {
        value: f.cost.central,
        distribution: 'triangular',
        low: f.cost.low,
        high: f.cost.high,
        sd: 0,
        source: `${file.name}: ${f.cost.rationale.trim()}`,
      },
    };
  const report = await entitlements(ctx, taxonomy, file);
  const by = new Map<string, AreaData['floors']>();
  for (const r of report.rows) {
    const m = by.get(r.areacd) ?? {};
    m[r.floor] = { peopleToFloor: r.peopleToFloor, gap: r.shortfall };
    by.set(r.areacd, m);
  }
  const areaData = areas.areas.map((a) => ({ ...a, floors: by.get(a.areacd) ?? {} }));
  return { floors, areaData, notes: [`Entitlement floors: ${spec.title} (${file.name}).`] };
}

/** One area's model at the nodes, built once per store state. */
function areaModelOf(ctx: Ctx, p: PreparedScenario, a: number): Promise<AreaModel> {
  const m = p.scenario.model;
  const key = `scenario-area:${p.areas.level}:${p.areas.sizes.areas[a]}:${p.nodes.join(',')}:${m.type}:${m.variant}`;
  return ctx.cached(key, async () =>
    areaModel(
      p.national.ctx.national,
      p.areas.sizes,
      a,
      totalsOf(p.areas),
      p.national.nat.rows,
      p.national.nat.layout.io,
      {
        nodes: p.nodes,
        variant: m.variant,
        type: m.type,
      },
    ),
  );
}

const totals = new WeakMap<ScenarioAreas, ReturnType<typeof nationSizes>>();
function totalsOf(a: ScenarioAreas) {
  let t = totals.get(a);
  if (!t) totals.set(a, (t = nationSizes(a.sizes)));
  return t;
}

/** Model errors meeting this scenario's data (an area without the targeted industries …) as usage errors. */
async function asUsage<T>(p: PreparedScenario, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UsageError || !(e instanceof Error)) throw e;
    throw new UsageError(`scenario ${p.scenario.id}: ${e.message}`);
  }
}

/** Areas (indices) whose models the scenarios need, each area on its own. */
function neededAreas(ps: readonly PreparedScenario[]): number[] {
  const out = new Set<number>();
  for (const p of ps) for (const iv of p.ivs) for (const a of iv.areas) out.add(p.areas.index.get(a)!);
  return [...out].sort((a, b) => a - b);
}

const BLOCK = 8;

/** The area models, from the cache or built by the pool in blocks of areas (the same either way). */
async function modelsFor(
  ctx: Ctx,
  p: PreparedScenario,
  areas: number[],
  pool: ScenarioPool | null,
): Promise<Map<number, AreaModel>> {
  if (!pool || areas.length <= BLOCK)
    return new Map(await Promise.all(areas.map(async (a) => [a, await areaModelOf(ctx, p, a)] as const)));
  const blocks: number[][] = [];
  for (let i = 0; i < areas.length; i += BLOCK) blocks.push(areas.slice(i, i + BLOCK));
  const m = p.scenario.model;
  const built = await pool.models(
    {
      national: nationalParts(p),
      sizes: p.areas.sizes,
      nation: totalsOf(p.areas),
      rows: p.national.nat.rows,
      io: p.national.nat.layout.io,
      nodes: p.nodes,
      variant: m.variant,
      type: m.type,
    },
    blocks,
  );
  return new Map(blocks.flatMap((b, k) => b.map((a, j) => [a, built[k]![j]!] as const)));
}

function nationalParts(p: PreparedScenario): NationalParts {
  const n = p.national.ctx.national;
  return { n: n.n, a: n.a, output: n.output, closure: n.closure, codes: n.codes };
}

function task(p: PreparedScenario, o: ScenarioOptions): ScenarioTask {
  const draws = o.draws ?? p.scenario.appraisal.draws;
  const seed = o.seed ?? p.scenario.appraisal.seed;
  if (!(Number.isInteger(draws) && draws >= 1)) throw new UsageError(`invalid draws: ${draws}`);
  const m = p.scenario.model;
  return { ivs: p.ivs, nodes: p.nodes, delta: m.delta, band: m.band, draws, seed };
}

/** The appraisal of a prepared scenario (the engine's flat arrays). */
export async function appraisePrepared(
  ctx: Ctx,
  p: PreparedScenario,
  o: ScenarioOptions = {},
): Promise<Appraisal & { draws: number; seed: number }> {
  const t = task(p, o);
  return asUsage(p, async () => {
    if (p.scenario.model.interregional) {
      const delta = deltaDraws(t.nodes, t.delta, t.band, t.draws, t.seed);
      const shared = p.ivs.map((iv) => ivDraws(iv, delta, t.draws, t.seed));
      return {
        ...assemble(p.ivs, shared, p.national.nat, p.areaData, await spilloverFor(ctx, p), t.draws),
        draws: t.draws,
        seed: t.seed,
      };
    }
    const workers = o.workers ?? 1;
    const pool = workers > 1 ? createScenarioPool(workers - 1) : null;
    try {
      const models = await modelsFor(ctx, p, neededAreas([p]), pool);
      return {
        ...appraiseLocal({ nat: p.national.nat, areas: p.areaData, index: p.areas.index, models }, t),
        draws: t.draws,
        seed: t.seed,
      };
    } finally {
      await pool?.close();
    }
  });
}

/**
 * Many scenarios at once (each area on its own): their area models built once, the scenarios split
 * between `workers` threads. Every scenario must be at the same level with the same model
 * settings; results come in file order, or to `onResult` as each is done (and are then not kept).
 */
export async function appraiseScenarios(
  ctx: Ctx,
  ps: readonly PreparedScenario[],
  o: ScenarioOptions = {},
  onResult?: (index: number, a: Appraisal) => void,
): Promise<Appraisal[]> {
  if (ps.length === 0) return [];
  const first = ps[0]!;
  for (const p of ps) {
    const same =
      p.areas.level === first.areas.level &&
      JSON.stringify(p.nodes) === JSON.stringify(first.nodes) &&
      p.scenario.model.type === first.scenario.model.type &&
      p.scenario.model.variant === first.scenario.model.variant;
    if (!same)
      throw new UsageError(`${p.file.name}: scenarios appraised together share a level and a region model`);
    if (p.scenario.model.interregional)
      throw new UsageError(`${p.file.name}: appraise interregional scenarios one at a time`);
  }
  const workers = o.workers ?? 1;
  const pool = workers > 1 ? createScenarioPool(workers - 1) : null;
  try {
    const models = await modelsFor(ctx, first, neededAreas(ps), pool);
    const local = { nat: first.national.nat, areas: first.areaData, index: first.areas.index, models };
    const tasks = ps.map((p) => task(p, o));
    if (pool) return await pool.appraise(local, tasks, onResult);
    const out: Appraisal[] = [];
    tasks.forEach((t, i) => {
      const a = appraiseLocal(local, t);
      if (onResult) onResult(i, a);
      else out.push(a);
    });
    return out;
  } finally {
    await pool?.close();
  }
}

function info(name: string, p: Parameter): ParameterInfo {
  const range = p.distribution !== 'fixed';
  return {
    name,
    value: p.value,
    distribution: p.distribution,
    low: range && Number.isFinite(p.low) ? p.low : null,
    high: range && Number.isFinite(p.high) ? p.high : null,
    sd: p.distribution === 'normal' ? p.sd : null,
    source: p.source,
  };
}

function interventionInfo(iv: CompiledIntervention): InterventionInfo {
  return {
    id: iv.id,
    title: iv.title,
    kind: iv.kind,
    vertical: iv.target.vertical,
    target: iv.target.label,
    coverage: iv.target.coverage,
    areas: iv.areas,
    split: iv.split,
    start: iv.start,
    years: iv.years,
    costPerYear: iv.costPerYear,
    optimismBias: iv.upliftText,
    annuity: iv.annuity,
    parameters: iv.params.map((x) => info(x.name, x.param)),
    additionality: additionalityParams(iv.additionality).map((x) => info(x.name, x.param)),
    notes: iv.notes,
  };
}

const COST_GOALS = new Set(['pv_cost', 'cost_per_job', 'cost_per_gva']);
const num = (v: number) => (Number.isFinite(v) ? v : null);

/** The appraisal as rows: one per intervention (and `all`) × area × goal; cost goals only where money is spent. */
export function appraisalRows(a: Appraisal, names: ReadonlyMap<string, string>): ScenarioRow[] {
  const rows: ScenarioRow[] = [];
  const last = a.areas.length - 1;
  a.rows.forEach((intervention, r) =>
    a.areas.forEach((areacd, at) => {
      if (!a.present[r * a.areas.length + at]) return;
      const costed = at === last || a.costed[r * a.areas.length + at] === 1;
      a.goals.forEach((g, k) => {
        if (!costed && COST_GOALS.has(g.id)) return;
        const o = cell(a, r, at, k);
        rows.push({
          intervention,
          areacd,
          areanm: names.get(areacd) ?? areacd,
          goal: g.id,
          value: num(a.value[o]!),
          p05: num(a.p05[o]!),
          p95: num(a.p95[o]!),
        });
      });
    }),
  );
  return rows;
}

/** Runs a scenario file: every goal per intervention, area and in total, with its 5–95 % band. */
export async function runScenario(
  ctx: Ctx,
  taxonomy: Taxonomy,
  file: ParsedFile,
  o: ScenarioOptions = {},
): Promise<ScenarioReport> {
  const p = await prepareScenario(ctx, taxonomy, file);
  const a = await appraisePrepared(ctx, p, o);
  const missions = await missionGoals(ctx, taxonomy, p, a);
  const s = p.scenario;
  return {
    scenario: {
      id: s.id,
      title: s.title,
      example: s.example,
      description: s.description ?? null,
      source: file.name,
      level: p.areas.level,
      model: { ...s.model, nodes: p.nodes },
      baseYear: p.baseYear,
      draws: a.draws,
      seed: a.seed,
    },
    goals: [...a.goals.map(goalInfo), ...missions.goals],
    interventions: p.ivs.map(interventionInfo),
    rows: [...appraisalRows(a, p.areas.names), ...missions.rows],
    sources: p.national.sources,
    notes: [
      ...(s.example ? ['EXAMPLE scenario shipped with Strata: replace it with your own.'] : []),
      `Region model: FLQ δ ${s.model.delta} (${s.model.variant.toUpperCase()}), Type ${s.model.type === 1 ? 'I' : 'II'}, ${s.model.interregional ? `interregional (gravity β ${s.model.beta}): effects land in every area` : 'each area on its own: no spillovers'}; ${p.areas.level.toUpperCase()} GVA by industry ${p.areas.sizeYear}.`,
      `Bands: ${a.draws} draws (seed ${a.seed}), δ uniform over ${s.model.band ? s.model.band.join('–') : 'none'} and every declared range; the 5–95 % points of each figure.`,
      'Input–output figures are linear and static: a year of running at full rate, prices fixed, no capacity limits (docs/methods/scenarios.md).',
      ...p.notes,
      ...missions.notes,
      ...p.national.notes,
      ...p.ivs.flatMap((iv) => iv.notes.map((n) => `${iv.id}: ${n}`)),
    ],
  };
}

/** Threads in all the caller may ask for. */
export function defaultWorkers(): number {
  return Math.min(2, availableParallelism());
}
