// `wage`: a pay floor or living-wage uplift in a target (a layer, sector or industries). The wage
// bill of the target in the area, C, rises by ΔW = C · affected · rise; with an employment
// elasticity ε (with respect to the wage bill; default 0) jobs change by ε·affected·rise·J, and
// the jobs lost take their pay with them, so household income changes by ΔW(1 + ε). Households
// spend it (the consumption column); GVA is unchanged (pay moves from profits to wages at fixed
// prices) and the cost to employers is ΔW.
import { CHANNEL } from '../channels.ts';
import type { AreaData, NationalData } from '../context.ts';
import { dotRow, jobChannels, targetOutput, type CompiledBase, type Part } from './part.ts';

export interface CompiledWage extends CompiledBase {
  kind: 'wage';
  /** True when the affected share is the area's published one (not a parameter). */
  publishedAffected: boolean;
}

/** Parameter order: [affected?] rise, elasticity. */
export function wageTheta(iv: CompiledWage, v: Float64Array, out: Float64Array): void {
  const [a, rise, e] = iv.publishedAffected ? [1, v[0]!, v[1]!] : [v[0]!, v[1]!, v[2]!];
  out[0] = a * rise * (1 + e);
  out[1] = a * rise * e;
}

export function wageParts(iv: CompiledWage, nat: NationalData, area: AreaData): Part[] {
  const x = targetOutput(iv.target, area);
  let affected = 1;
  if (iv.publishedAffected) {
    if (area.livingWage === null)
      throw new Error(
        `${iv.id}: no published share of jobs below the Living Wage Foundation rate for ${area.areacd}`,
      );
    affected = area.livingWage;
  }
  const bill = dotRow(nat.compensation, x) * affected;
  const pay = new Float64Array(nat.layout.m);
  pay[CHANNEL.compensation] = bill;
  const jobs = jobChannels(nat, x).map((j) => j * affected);
  return [{ income: bill, direct: pay }, { direct: jobs }];
}
