// `productivity`: GVA per job raised by x in a target, output unchanged (a demand-led model cannot
// say that productivity raises demand; add a demand or trade intervention for that). Jobs fall by
// J·x/(1 + x) — the honest way to show that productivity-led growth can cost jobs. Of the GVA the
// lost jobs stood for, V·x/(1 + x), a pay share ρ goes to the remaining workers: compensation
// changes by (ρV − C)·x/(1 + x), and households spend the change. With ρ the industry's own labour
// share (the default) pay keeps pace with productivity and total pay is unchanged.
import { CHANNEL } from '../channels.ts';
import type { AreaData, NationalData } from '../context.ts';
import { dotRow, jobChannels, targetOutput, type CompiledBase, type Part } from './part.ts';

export interface CompiledProductivity extends CompiledBase {
  kind: 'productivity';
  /** True when the pay share is each industry's labour share (compensation / GVA). */
  labourShare: boolean;
}

/** Parameter order: rise, [payShare]. Parts: jobs lost, pay lost, pay share of the gain. */
export function productivityTheta(iv: CompiledProductivity, v: Float64Array, out: Float64Array): void {
  const x = v[0]!;
  const lost = x / (1 + x);
  out[0] = lost;
  out[1] = lost;
  out[2] = iv.labourShare ? lost : v[1]! * lost;
}

export function productivityParts(iv: CompiledProductivity, nat: NationalData, area: AreaData): Part[] {
  const x = targetOutput(iv.target, area);
  const pay = dotRow(nat.compensation, x);
  const gain = iv.labourShare ? pay : dotRow(nat.gva, x);
  const comp = (v: number) => {
    const d = new Float64Array(nat.layout.m);
    d[CHANNEL.compensation] = v;
    return d;
  };
  return [
    { direct: jobChannels(nat, x).map((j) => -j) },
    { income: -pay, direct: comp(-pay) },
    { income: gain, direct: comp(gain) },
  ];
}
