// The two pieces of work the scenario lab splits between threads, as pure functions of plain
// data: the area models at the δ nodes for a list of areas, and the appraisal of a scenario from
// its compiled interventions and the area models. Each result depends on its inputs alone, so
// any split of the areas or scenarios between threads gives the same numbers.
import { areaModel, type AreaModel, type NationalParts } from './area-model.ts';
import { assemble, type Appraisal } from './assemble.ts';
import type { CompiledIntervention } from './compile.ts';
import type { AreaData, NationalData } from './context.ts';
import { localGross } from './local.ts';
import { deltaDraws, ivDraws } from './prepare-draws.ts';
import type { RegionalSizes } from '../io/sizes.ts';
import type { FlqVariant } from '../io/flq.ts';

/** What building area models needs. */
export interface ModelContext {
  national: NationalParts;
  sizes: RegionalSizes;
  nation: { nation: Float64Array; total: number };
  rows: Float64Array;
  io: number;
  nodes: number[];
  variant: FlqVariant;
  type: 1 | 2;
}

/** The models of the areas (indices into the sizes), in order. */
export function buildModels(ctx: ModelContext, areas: readonly number[]): AreaModel[] {
  return areas.map((a) =>
    areaModel(ctx.national, ctx.sizes, a, ctx.nation, ctx.rows, ctx.io, {
      nodes: ctx.nodes,
      variant: ctx.variant,
      type: ctx.type,
    }),
  );
}

/** What appraising scenarios area by area needs: the records and the models of every area they touch. */
export interface AppraiseContext {
  nat: NationalData;
  areas: AreaData[];
  index: Map<string, number>;
  models: Map<number, AreaModel>;
}

/** One scenario to appraise, with its draw settings. */
export interface ScenarioTask {
  ivs: CompiledIntervention[];
  nodes: number[];
  delta: number;
  band: [number, number] | null;
  draws: number;
  seed: number;
}

/** A scenario's appraisal, each area on its own (no interregional flows). */
export function appraiseLocal(ctx: AppraiseContext, t: ScenarioTask): Appraisal {
  const delta = deltaDraws(t.nodes, t.delta, t.band, t.draws, t.seed);
  const shared = t.ivs.map((iv) => ivDraws(iv, delta, t.draws, t.seed));
  const gross = localGross(t.ivs, ctx.nat, ctx.areas, ctx.index, (a) => {
    const m = ctx.models.get(a);
    if (!m) throw new Error(`no model for area ${ctx.areas[a]?.areacd}`);
    return m;
  });
  return assemble(t.ivs, shared, ctx.nat, ctx.areas, gross, t.draws);
}

/** The typed arrays of an appraisal, to transfer between threads. */
export function appraisalBuffers(a: Appraisal): ArrayBuffer[] {
  return [a.value.buffer, a.p05.buffer, a.p95.buffer, a.present.buffer, a.costed.buffer] as ArrayBuffer[];
}

/** The typed arrays of area models, to transfer between threads. */
export function modelBuffers(ms: readonly AreaModel[]): ArrayBuffer[] {
  return ms.flatMap(
    (m) =>
      [m.output.buffer, ...m.rows.map((r) => r.buffer), ...m.income.map((r) => r.buffer)] as ArrayBuffer[],
  );
}
