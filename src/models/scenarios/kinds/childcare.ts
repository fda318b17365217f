// `childcare`: places funded in an area. The places' cost is spent on childcare (SIC 88, in the IO
// industry Q87 & Q88), creating care jobs through the IO model (split by sex with the industry's
// women's share); and parents — mostly mothers — take up work, by a cited elasticity (parents in
// work per place). Parents' jobs are labour supply, outside the IO model: they count as jobs, with
// pay and GVA at the area's averages per job scaled by their hours, and their pay is spent.
import { CHANNEL } from '../channels.ts';
import type { AreaData, NationalData } from '../context.ts';
import { basisOf, spread, type CompiledBase, type Part } from './part.ts';

export interface CompiledChildcare extends CompiledBase {
  kind: 'childcare';
  places: number;
  /** True when the file gives the cost a year; otherwise it is places × cost per place (drawn). */
  declaredCost: boolean;
}

/** Parameter order: costPerPlace, parentalEmployment, motherShare, hours. Parts: spending, parents' jobs, mothers' jobs, parents' pay. */
export function childcareTheta(_iv: CompiledChildcare, v: Float64Array, out: Float64Array): void {
  const [cost, parents, mothers, hours] = [v[0]!, v[1]!, v[2]!, v[3]!];
  out[0] = cost;
  out[1] = parents;
  out[2] = parents * mothers;
  out[3] = parents * hours;
}

/** The cost a year for given parameter values (£). */
export function childcareCost(iv: CompiledChildcare, v: Float64Array): number {
  return iv.declaredCost ? iv.costPerYear : iv.places * v[0]!;
}

export function childcareParts(
  iv: CompiledChildcare,
  nat: NationalData,
  area: AreaData,
  areaShare: number,
): Part[] {
  const places = iv.places * areaShare;
  const basis = basisOf(nat, area, iv.target.basis);
  const m = nat.layout.m;
  const b = area.baseline;
  const jobs = b[CHANNEL.jobs]!;
  if (!(jobs > 0)) throw new Error(`${iv.id}: ${area.areacd} has no jobs to take average pay from`);
  const parents = new Float64Array(m);
  parents[CHANNEL.jobs] = places;
  parents[nat.layout.supply] = places;
  const mothers = new Float64Array(m);
  mothers[CHANNEL.jobsFemale] = places;
  const pay = new Float64Array(m);
  pay[CHANNEL.compensation] = (places * b[CHANNEL.compensation]!) / jobs;
  pay[CHANNEL.gva] = (places * b[CHANNEL.gva]!) / jobs;
  return [
    { df: spread(places / 1e6, iv.target, basis, `${iv.id} in ${area.areacd}`) },
    { direct: parents },
    { direct: mothers },
    { income: pay[CHANNEL.compensation], direct: pay },
  ];
}
