// A validated scenario turned into plain compiled interventions: areas and their shares, the
// resolved target, the kind's parameters, additionality, optimism bias and the discounting of its
// years. Problems with names (areas, industries, layers, sectors, floors, project types) are
// collected with their path in the file, so the caller can point at the line.
import {
  ADDITIONALITY_KEYS,
  checkAdditionality,
  noAdditionality,
  type AdditionalityParams,
} from './additionality.ts';
import type { AreaData, NationalData } from './context.ts';
import { annuityFactor, type DiscountStep } from './discount.ts';
import type { CompiledKind } from './kinds/index.ts';
import type { FloorCost } from './kinds/infrastructure.ts';
import type { NamedParam } from './kinds/part.ts';
import { optimismText, optimismUplift, type OptimismSpec, type OptimismType } from './optimism-bias.ts';
import { fixed, type Parameter } from './parameter.ts';
import { toParameter, type Intervention, type ParameterInput, type Scenario } from './schema.ts';
import { resolveTarget, type Target, type TargetContext } from './targets.ts';

/** One problem in a scenario, at its path in the file. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

/** A floor an infrastructure intervention can work toward. */
export interface FloorOption {
  title: string;
  cost: FloorCost;
  /** Unit cost from the floors file: triangular on low / central / high. */
  unitCost: Parameter;
}

export interface CompileContext {
  nat: NationalData;
  areas: readonly AreaData[];
  level: 'lad' | 'itl3';
  targets: TargetContext;
  optimism: readonly OptimismType[];
  schedule: readonly DiscountStep[];
  floors: Record<string, FloorOption>;
}

/** A compiled intervention: its kind's data plus what every kind shares. */
export type CompiledIntervention = CompiledKind & {
  additionality: AdditionalityParams;
  uplift: number;
  upliftText: string;
  annuity: number;
  start: number;
  years: number;
  /** The spread basis used to share its amount among areas. */
  split: string;
  notes: string[];
};

export interface CompiledScenario {
  ivs: CompiledIntervention[];
  baseYear: number;
}

const SPLIT_DEFAULT: Record<Intervention['kind'], 'output' | 'population' | 'need'> = {
  demand: 'output',
  finance: 'output',
  wage: 'output',
  productivity: 'output',
  trade: 'output',
  childcare: 'population',
  infrastructure: 'need',
};

/** Compiles every intervention; returns the issues instead of throwing. */
export function compileScenario(s: Scenario, ctx: CompileContext): CompiledScenario & { issues: Issue[] } {
  const issues: Issue[] = [];
  const baseYear = s.appraisal.baseYear ?? Math.min(...s.interventions.map((iv) => iv.timing.start), 9999);
  const ivs: CompiledIntervention[] = [];
  s.interventions.forEach((iv, k) => {
    const at = (...p: (string | number)[]) => ['interventions', k, ...p];
    const fail = (path: (string | number)[], e: unknown) =>
      issues.push({ path, message: (e as Error).message });
    try {
      ivs.push(compileOne(iv, ctx, baseYear, at, fail));
    } catch (e) {
      if (!(e instanceof Skip)) fail(at(), e);
    }
  });
  return { ivs, baseYear: baseYear === 9999 ? 0 : baseYear, issues };
}

/** Thrown after an issue has been recorded, to stop compiling that intervention. */
class Skip extends Error {}

type At = (...p: (string | number)[]) => (string | number)[];
type Fail = (path: (string | number)[], e: unknown) => void;

function attempt<T>(fn: () => T, path: (string | number)[], fail: Fail): T {
  try {
    return fn();
  } catch (e) {
    fail(path, e);
    throw new Skip();
  }
}

function compileOne(
  iv: Intervention,
  ctx: CompileContext,
  baseYear: number,
  at: At,
  fail: Fail,
): CompiledIntervention {
  const areas = attempt(() => areaList(iv.area, ctx), at('area'), fail);
  const targetKey = Object.keys(iv.target)[0]!;
  const target = attempt(
    () => resolveTarget(iv.target, ctx.targets, iv.spread),
    at('target', targetKey),
    fail,
  );
  const split = iv.split ?? SPLIT_DEFAULT[iv.kind];
  const areaShares = attempt(() => shares(split, areas, target, iv, ctx), at('split'), fail);
  const opt = iv.cost.optimismBias as OptimismSpec;
  const uplift = attempt(() => optimismUplift(ctx.optimism, opt), at('cost', 'optimismBias'), fail);
  const offset = iv.timing.start - baseYear;
  if (offset < 0) {
    fail(
      at('timing', 'start'),
      new Error(`starts in ${iv.timing.start}, before the appraisal's base year ${baseYear}`),
    );
    throw new Skip();
  }
  const additionality = attempt(() => additionalityOf(iv), at('additionality'), fail);
  const base = {
    id: iv.id,
    title: iv.title ?? iv.id,
    areas,
    areaShares,
    target,
    costPerYear: iv.cost.perYear ?? 0,
    additionality,
    uplift,
    upliftText: optimismText(ctx.optimism, opt),
    annuity: annuityFactor(ctx.schedule, offset, iv.timing.years),
    start: iv.timing.start,
    years: iv.timing.years,
    split,
    notes: [...target.notes],
  };
  return { ...base, ...kindPart(iv, base, ctx, at, fail) } as CompiledIntervention;
}

function areaList(area: Intervention['area'], ctx: CompileContext): string[] {
  const known = new Set(ctx.areas.map((a) => a.areacd));
  const list = area === 'all' ? ctx.areas.map((a) => a.areacd) : Array.isArray(area) ? area : [area];
  const what = ctx.level === 'lad' ? 'local authorities (April 2023 codes)' : 'ITL3 areas';
  const bad = list.filter((a) => !known.has(a));
  if (bad.length) throw new Error(`unknown area: ${bad.join(', ')} (this scenario's areas are ${what})`);
  if (new Set(list).size !== list.length) throw new Error('an area is listed twice');
  return [...list];
}

function shares(
  split: string,
  areas: string[],
  target: Target,
  iv: Intervention,
  ctx: CompileContext,
): number[] {
  const data = areas.map((a) => ctx.areas.find((x) => x.areacd === a)!);
  const weight = (a: AreaData): number => {
    switch (split) {
      case 'equal':
        return 1;
      case 'population':
        if (a.population === null) throw new Error(`no population for ${a.areacd} to split by`);
        return a.population;
      case 'output':
        return a.output.reduce((s, x, i) => s + x * target.weights[i]!, 0);
      case 'need': {
        const f = iv.kind === 'infrastructure' ? a.floors[iv.floor] : undefined;
        return f?.peopleToFloor ?? 0;
      }
    }
    throw new Error(`invalid split: ${split}`);
  };
  const w = data.map(weight);
  const total = w.reduce((s, x) => s + x, 0);
  if (!(total > 0)) throw new Error(`nothing to split by (${split}) in ${areas.slice(0, 5).join(', ')}`);
  return w.map((x) => x / total);
}

function param(p: ParameterInput | undefined, fallback: Parameter): Parameter {
  return p ? toParameter(p) : fallback;
}

function additionalityOf(iv: Intervention): AdditionalityParams {
  const a = iv.additionality ?? {};
  const none = noAdditionality();
  const own = {
    leakage: param(a.leakage, none.leakage),
    displacement: param(a.displacement, none.displacement),
    substitution: param(a.substitution, none.substitution),
    multiplier: param(a.multiplier, none.multiplier),
  };
  const ref = a.reference;
  const out: AdditionalityParams = {
    ...own,
    deadweight: param(ref?.deadweight, none.deadweight),
    reference: {
      leakage: param(ref?.leakage, own.leakage),
      displacement: param(ref?.displacement, own.displacement),
      substitution: param(ref?.substitution, own.substitution),
      multiplier: param(ref?.multiplier, own.multiplier),
    },
  };
  checkAdditionality(out, 'additionality');
  return out;
}

/** The additionality parameters as named parameters, in draw order (the reference case's own keyed `reference.*`). */
export function additionalityParams(a: AdditionalityParams): NamedParam[] {
  return [
    ...ADDITIONALITY_KEYS.map((name) => ({ name, param: a[name] })),
    ...(['leakage', 'displacement', 'substitution', 'multiplier'] as const).map((name) => ({
      name: `reference.${name}`,
      param: a.reference[name],
    })),
  ];
}

type Base = Omit<CompiledIntervention, 'kind' | 'params'>;

function kindPart(
  iv: Intervention,
  base: Base,
  ctx: CompileContext,
  at: At,
  fail: Fail,
): Partial<CompiledKind> {
  const p = (name: string, x: ParameterInput) => ({ name, param: toParameter(x) });
  switch (iv.kind) {
    case 'demand':
    case 'finance': {
      const amount = iv.kind === 'finance' ? iv.amount : (iv.amount ?? iv.cost.perYear);
      return { kind: iv.kind, params: [], amount };
    }
    case 'wage': {
      const published = iv.affected === 'ashe-living-wage';
      const elasticity = iv.elasticity
        ? p('elasticity', iv.elasticity)
        : { name: 'elasticity', param: fixed(0, 'none declared: no employment response') };
      const params = [
        ...(published ? [] : [p('affected', iv.affected as ParameterInput)]),
        p('rise', iv.rise),
        elasticity,
      ];
      if (published)
        base.notes.push(
          "affected share: each area's share of employee jobs paid below the Living Wage Foundation rate (ONS ASHE)",
        );
      return { kind: 'wage', params, publishedAffected: published };
    }
    case 'productivity': {
      const labourShare = iv.payShare === 'labour-share';
      const params = [
        p('rise', iv.rise),
        ...(labourShare ? [] : [p('payShare', iv.payShare as ParameterInput)]),
      ];
      if (labourShare)
        base.notes.push(
          "pay share of the gain: each industry's labour share (compensation ÷ GVA): total pay unchanged",
        );
      return { kind: 'productivity', params, labourShare };
    }
    case 'childcare': {
      const hours = iv.hours
        ? p('hours', iv.hours)
        : { name: 'hours', param: fixed(1, 'default: full-time equivalent jobs') };
      const params = [
        p('costPerPlace', iv.costPerPlace),
        p('parentalEmployment', iv.parentalEmployment),
        p('motherShare', iv.motherShare),
        hours,
      ];
      const declaredCost = iv.cost.perYear !== undefined;
      if (!declaredCost) base.costPerYear = iv.places * iv.costPerPlace.value;
      return { kind: 'childcare', params, places: iv.places, declaredCost };
    }
    case 'infrastructure': {
      const floor = ctx.floors[iv.floor];
      if (!floor) {
        fail(at('floor'), new Error(`unknown floor: ${iv.floor} (${Object.keys(ctx.floors).join(', ')})`));
        throw new Skip();
      }
      const unitCost = iv.unitCost === 'floor' ? floor.unitCost : toParameter(iv.unitCost);
      base.notes.push(`works toward the floor "${floor.title}"`);
      return {
        kind: 'infrastructure',
        params: [{ name: 'unitCost', param: unitCost }],
        floor: iv.floor,
        floorCost: floor.cost,
        years: iv.timing.years,
      };
    }
    case 'trade':
      return { kind: 'trade', params: [p('change', iv.change)], exports: iv.exports };
  }
  throw new Error(`invalid intervention kind: ${(iv as { kind: unknown }).kind}`);
}
