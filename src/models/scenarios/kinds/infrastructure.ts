// `infrastructure`: spending toward an entitlement floor (METHODS.md §5). The spending is final
// demand in its target (construction, telecoms …); it buys units at the floor's unit cost (drawn
// from its low / central / high as a triangular distribution, or a declared parameter): one-off
// units accumulate over the intervention's years, annual ones are sustained while it runs. People
// reached = units × people per unit, never more than the people the area needs to reach the floor.
import type { AreaData, NationalData } from '../context.ts';
import { basisOf, spread, type CompiledBase, type Part } from './part.ts';

/** One area against one floor: the people below it and the gap, in the floor's unit. */
export interface FloorSpec {
  peopleToFloor: number | null;
  gap: number | null;
}

/** The floor's costing (from the floors file). */
export interface FloorCost {
  per: 'premises' | 'person' | 'person-minute';
  peoplePerPremises: number | null;
  recurring: 'one-off' | 'annual';
}

export interface CompiledInfrastructure extends CompiledBase {
  kind: 'infrastructure';
  floor: string;
  floorCost: FloorCost;
  years: number;
}

/** Parameter order: unitCost. Parts: spending (θ 1), units bought (θ 1 / unit cost). */
export function infrastructureTheta(_iv: CompiledInfrastructure, v: Float64Array, out: Float64Array): void {
  out[0] = 1;
  out[1] = 1 / v[0]!;
}

export function infrastructureParts(
  iv: CompiledInfrastructure,
  nat: NationalData,
  area: AreaData,
  areaShare: number,
): Part[] {
  const pounds = iv.costPerYear * areaShare;
  const basis = basisOf(nat, area, iv.target.basis);
  const units = new Float64Array(nat.layout.m);
  units[nat.layout.units] = iv.floorCost.recurring === 'one-off' ? pounds * iv.years : pounds;
  return [{ df: spread(pounds / 1e6, iv.target, basis, `${iv.id} in ${area.areacd}`) }, { direct: units }];
}

/** People one unit reaches in an area: a premises' people, a person, or a person-minute over the area's gap. */
export function peoplePerUnit(cost: FloorCost, spec: FloorSpec): number {
  switch (cost.per) {
    case 'premises':
      return cost.peoplePerPremises ?? NaN;
    case 'person':
      return 1;
    case 'person-minute':
      return spec.gap !== null && spec.gap > 0 ? 1 / spec.gap : 0;
  }
  throw new Error(`invalid cost unit: ${String((cost as { per: unknown }).per)}`);
}

/** People reached by `units`, at most the people the area needs to reach the floor. */
export function peopleReached(units: number, cost: FloorCost, spec: FloorSpec): number {
  const need = spec.peopleToFloor ?? 0;
  return Math.max(0, Math.min(units * peoplePerUnit(cost, spec), need));
}
