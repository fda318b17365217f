// The kinds of intervention, resolved once by a switch (STYLE.md §3): each turns into parts per
// area and a θ per part from the drawn parameters.
import type { AreaData, NationalData } from '../context.ts';
import { childcareCost, childcareParts, childcareTheta, type CompiledChildcare } from './childcare.ts';
import { demandParts, demandTheta, type CompiledDemand } from './demand.ts';
import { infrastructureParts, infrastructureTheta, type CompiledInfrastructure } from './infrastructure.ts';
import type { Part } from './part.ts';
import { productivityParts, productivityTheta, type CompiledProductivity } from './productivity.ts';
import { tradeParts, tradeTheta, type CompiledTrade } from './trade.ts';
import { wageParts, wageTheta, type CompiledWage } from './wage.ts';

export type CompiledKind =
  | CompiledDemand
  | CompiledWage
  | CompiledProductivity
  | CompiledChildcare
  | CompiledInfrastructure
  | CompiledTrade;

/** Number of parts (θ values) of a kind. */
export function partCount(iv: CompiledKind): number {
  switch (iv.kind) {
    case 'demand':
    case 'finance':
    case 'trade':
      return 1;
    case 'wage':
    case 'infrastructure':
      return 2;
    case 'productivity':
      return 3;
    case 'childcare':
      return 4;
  }
  throw new Error(`invalid intervention kind: ${(iv as { kind: unknown }).kind}`);
}

/** θ for one draw's parameter values (in the order of iv.params). */
export function thetaOf(iv: CompiledKind, values: Float64Array, out: Float64Array): Float64Array {
  switch (iv.kind) {
    case 'demand':
    case 'finance':
      demandTheta(iv, values, out);
      return out;
    case 'wage':
      wageTheta(iv, values, out);
      return out;
    case 'productivity':
      productivityTheta(iv, values, out);
      return out;
    case 'childcare':
      childcareTheta(iv, values, out);
      return out;
    case 'infrastructure':
      infrastructureTheta(iv, values, out);
      return out;
    case 'trade':
      tradeTheta(iv, values, out);
      return out;
  }
  throw new Error(`invalid intervention kind: ${(iv as { kind: unknown }).kind}`);
}

/** The parts of an intervention in one area (areaShare: the area's share of a split amount). */
export function partsOf(iv: CompiledKind, nat: NationalData, area: AreaData, areaShare: number): Part[] {
  switch (iv.kind) {
    case 'demand':
    case 'finance':
      return demandParts(iv, nat, area, areaShare);
    case 'wage':
      return wageParts(iv, nat, area);
    case 'productivity':
      return productivityParts(iv, nat, area);
    case 'childcare':
      return childcareParts(iv, nat, area, areaShare);
    case 'infrastructure':
      return infrastructureParts(iv, nat, area, areaShare);
    case 'trade':
      return tradeParts(iv, nat, area);
  }
  throw new Error(`invalid intervention kind: ${(iv as { kind: unknown }).kind}`);
}

/** The public cost a year (£) for one draw's parameter values. */
export function costOf(iv: CompiledKind, values: Float64Array): number {
  return iv.kind === 'childcare' ? childcareCost(iv, values) : iv.costPerYear;
}
