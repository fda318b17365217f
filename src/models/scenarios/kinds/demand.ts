// `demand` and `finance`: money spent on the output of a target (public investment, procurement
// moved to local suppliers, a care contract; or investment mobilised by the finance simulator),
// £ a year, entering the area's final demand. One part, θ = 1.
import type { AreaData, NationalData } from '../context.ts';
import { basisOf, spread, type CompiledBase, type Part } from './part.ts';

export interface CompiledDemand extends CompiledBase {
  kind: 'demand' | 'finance';
  /** £ a year entering final demand (the whole intervention, before the split among areas). */
  amount: number;
}

export function demandTheta(_iv: CompiledDemand, _values: Float64Array, out: Float64Array): void {
  out[0] = 1;
}

export function demandParts(
  iv: CompiledDemand,
  nat: NationalData,
  area: AreaData,
  areaShare: number,
): Part[] {
  const basis = basisOf(nat, area, iv.target.basis);
  return [{ df: spread((iv.amount * areaShare) / 1e6, iv.target, basis, `${iv.id} in ${area.areacd}`) }];
}
