// The interregional side of a scenario run: the systems at the δ nodes (cached per store state,
// shared with `strata io shock --interregional`) and each intervention's gross response in every
// area. A response is a function of the intervention, its areas' records, the national data and
// the model settings alone, so the run, the frontier and the comparison the Scenario lab asks for
// together — and the same scenario asked for again — solve it once: the recent ones are kept,
// keyed by a digest of all they depend on.
import { createHash } from 'node:crypto';
import { interregionalSystem, type InterregionalSystem } from '../models/io/index.ts';
import type { IvArea } from '../models/scenarios/assemble.ts';
import type { CompiledIntervention } from '../models/scenarios/compile.ts';
import { spilloverGross } from '../models/scenarios/spill.ts';
import type { Ctx } from './context.ts';
import { ioCentroids } from './io.ts';
import type { PreparedScenario } from './scenarios.ts';

/** How many interventions' responses are kept per store state (each N × nodes × channels values). */
export const SPILL_KEPT = 64;

/** The interregional system at one δ, shared with `strata io shock --interregional` (same cache key). */
export function systemAt(ctx: Ctx, p: PreparedScenario, delta: number): Promise<InterregionalSystem> {
  const m = p.scenario.model;
  const level = p.areas.level;
  return ctx.cached(`io-system:${p.national.ctx.year}:${level}:${delta}:${m.variant}:${m.beta}`, async () =>
    interregionalSystem(
      p.national.ctx.national,
      p.areas.sizes,
      await ioCentroids(ctx, level, p.areas.sizes.areas),
      {
        delta,
        variant: m.variant,
        beta: m.beta,
      },
    ),
  );
}

/** The gross responses with the interregional model (spillovers to every area), intervention by intervention. */
export async function spilloverFor(ctx: Ctx, p: PreparedScenario): Promise<IvArea[]> {
  const recent = await ctx.cached('scenario-spill:recent', async () => new Map<string, Promise<IvArea[]>>());
  const out = await Promise.all(
    p.ivs.map((iv) => remembered(recent, spillKey(p, iv), () => spillOf(ctx, p, iv))),
  );
  return out.flatMap((gross, k) => gross.map((x) => ({ ...x, iv: k })));
}

async function spillOf(ctx: Ctx, p: PreparedScenario, iv: CompiledIntervention): Promise<IvArea[]> {
  const systems = await Promise.all(p.nodes.map((d) => systemAt(ctx, p, d)));
  const { nat } = p.national;
  return spilloverGross([iv], nat, p.areaData, p.areas.index, systems, p.scenario.model.type).gross;
}

/** The value kept under `key`, or `fn`'s, kept as the most recent; the oldest goes past SPILL_KEPT. */
function remembered<T>(recent: Map<string, Promise<T>>, key: string, fn: () => Promise<T>): Promise<T> {
  let value = recent.get(key);
  if (value) recent.delete(key);
  else {
    value = fn();
    value.catch(() => recent.delete(key));
  }
  recent.set(key, value);
  while (recent.size > SPILL_KEPT) recent.delete(recent.keys().next().value!);
  return value;
}

/** A digest of everything an intervention's response depends on. */
export function spillKey(p: PreparedScenario, iv: CompiledIntervention): string {
  const m = p.scenario.model;
  const own = iv.areas.map((code) => p.areaData[p.areas.index.get(code)!]);
  const basis = {
    year: p.national.ctx.year,
    level: p.areas.level,
    areas: p.areas.sizes.areas.length,
    model: { nodes: p.nodes, variant: m.variant, beta: m.beta, type: m.type },
    nat: p.national.nat,
    iv,
    own,
  };
  return createHash('sha256').update(JSON.stringify(basis, plainArrays)).digest('hex');
}

/** Typed arrays as plain lists (JSON would write them as objects keyed by index); nothing JSON would drop. */
function plainArrays(key: string, value: unknown): unknown {
  if (value instanceof Map || value instanceof Set || typeof value === 'function')
    throw new Error(`spillover key: ${key} cannot be written as JSON`);
  return ArrayBuffer.isView(value) && !(value instanceof DataView)
    ? Array.from(value as Float64Array)
    : value;
}
