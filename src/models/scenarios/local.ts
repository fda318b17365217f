// Gross responses area by area when the areas do not trade with each other (the regional model
// of each area on its own): every intervention acts in its own areas only.
import type { AreaModel } from './area-model.ts';
import type { IvArea } from './assemble.ts';
import type { CompiledIntervention } from './compile.ts';
import type { AreaData, NationalData } from './context.ts';
import { grossOf } from './gross.ts';
import { partsOf } from './kinds/index.ts';

/** The gross response of every intervention in each of its areas. */
export function localGross(
  ivs: readonly CompiledIntervention[],
  nat: NationalData,
  areas: readonly AreaData[],
  index: ReadonlyMap<string, number>,
  model: (area: number) => AreaModel,
): IvArea[] {
  const out: IvArea[] = [];
  ivs.forEach((iv, k) => {
    iv.areas.forEach((code, j) => {
      const a = index.get(code)!;
      const parts = partsOf(iv, nat, areas[a]!, iv.areaShares[j]!);
      out.push({
        iv: k,
        area: a,
        g: grossOf(parts, model(a), nat.layout.io, nat.layout.m),
        costShare: iv.areaShares[j]!,
      });
    });
  });
  return out;
}
