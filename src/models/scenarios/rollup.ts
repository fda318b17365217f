// Local plans rolled up to the nation (DESIGN.md: devolution vs national coherence). With the
// interregional model each plan's effects land in its own areas and spill to others; the plans
// together are the sum (the model is linear). Where a plan declares displacement — activity its
// interventions take from other producers — Strata places it with the producers of the targeted
// industries outside the plan's areas, in proportion to their output, and reports how much of it
// falls in other plans' areas: where plans displace each other. That placement is an assumption.
import { additionalityFactor } from './additionality.ts';
import { cell, type Appraisal, type IvArea } from './assemble.ts';
import { CHANNEL } from './channels.ts';
import type { CompiledIntervention } from './compile.ts';
import type { AreaData } from './context.ts';

/** One plan: its row in the appraisal and the areas it acts in. */
export interface Plan {
  id: string;
  row: number;
  areas: readonly string[];
}

/** Goal k of a row summed over a set of area codes (central values). */
export function sumOver(a: Appraisal, row: number, codes: ReadonlySet<string>, k: number): number {
  let s = 0;
  a.areas.forEach((code, at) => {
    if (codes.has(code) && a.present[row * a.areas.length + at]) s += a.value[cell(a, row, at, k)]!;
  });
  return s;
}

/** Each plan's effect on goal k in its own areas, in total, and in each other plan's areas. */
export function spillovers(a: Appraisal, plans: readonly Plan[], k: number) {
  const total = a.areas.length - 1;
  return plans.map((p) => {
    const own = sumOver(a, p.row, new Set(p.areas), k);
    const all = a.value[cell(a, p.row, total, k)]!;
    const into = Object.fromEntries(
      plans
        .filter((q) => q !== p)
        .map((q) => [q.id, sumOver(a, p.row, new Set(q.areas.filter((c) => !p.areas.includes(c))), k)]),
    );
    return { plan: p.id, own, total: all, elsewhere: all - own, into };
  });
}

/** Central gross jobs and GVA of one intervention in its own areas (before additionality). */
function grossOwn(
  iv: CompiledIntervention,
  uc: Float64Array,
  width: number,
  m: number,
  gross: readonly IvArea[],
  own: ReadonlySet<number>,
) {
  const a = iv.additionality;
  const alpha = additionalityFactor({
    leakage: a.leakage.value,
    displacement: a.displacement.value,
    substitution: a.substitution.value,
    multiplier: a.multiplier.value,
    deadweight: a.deadweight.value,
    reference: {
      leakage: a.reference.leakage.value,
      displacement: a.reference.displacement.value,
      substitution: a.reference.substitution.value,
      multiplier: a.reference.multiplier.value,
    },
  });
  let jobs = 0;
  let gva = 0;
  for (const x of gross) {
    if (!own.has(x.area)) continue;
    for (let j = 0; j < width; j++) {
      jobs += uc[j]! * x.g[j * m + CHANNEL.jobs]!;
      gva += uc[j]! * x.g[j * m + CHANNEL.gva]!;
    }
  }
  return alpha === 0 ? { jobs: 0, gva: 0 } : { jobs: jobs / alpha, gva: gva / alpha };
}

/** Displaced jobs and GVA of each plan, and the part of it that falls in each other plan's areas. */
export function displacement(
  plans: readonly Plan[],
  planOf: readonly number[],
  ivs: readonly CompiledIntervention[],
  draws: readonly { uc: Float64Array; width: number }[],
  m: number,
  gross: readonly IvArea[],
  areas: readonly AreaData[],
  index: ReadonlyMap<string, number>,
) {
  const out = plans.map((p) => ({
    plan: p.id,
    jobs: 0,
    gva: 0,
    into: Object.fromEntries(plans.filter((q) => q !== p).map((q) => [q.id, { jobs: 0, gva: 0 }])),
  }));
  ivs.forEach((iv, i) => {
    const d = iv.additionality.displacement.value * (1 - iv.additionality.leakage.value);
    if (!(d > 0)) return;
    const own = new Set(iv.areas.map((c) => index.get(c)!));
    const g = grossOwn(
      iv,
      draws[i]!.uc,
      draws[i]!.width,
      m,
      gross.filter((x) => x.iv === i),
      own,
    );
    const weight = areas.map((a, s) =>
      own.has(s) ? 0 : a.output.reduce((t, x, k) => t + x * iv.target.weights[k]!, 0),
    );
    const total = weight.reduce((t, x) => t + x, 0);
    const p = out[planOf[i]!]!;
    p.jobs += g.jobs * d;
    p.gva += g.gva * d;
    if (!(total > 0)) return;
    plans.forEach((q, k) => {
      if (k === planOf[i]) return;
      const share = q.areas.reduce((t, c) => t + weight[index.get(c)!]!, 0) / total;
      p.into[q.id]!.jobs += g.jobs * d * share;
      p.into[q.id]!.gva += g.gva * d * share;
    });
  });
  return out;
}
