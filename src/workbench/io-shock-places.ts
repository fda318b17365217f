// An interregional shock split by place: in the shocked area, elsewhere in its combined authority
// (or ITL1 region), and in the rest of the UK, each with its δ band (METHODS.md §3).
import type { IoShockPlaces } from '../contract/io.ts';
import { areaTotals, type InterregionalShockResult } from '../models/io/index.ts';
import { banded, placeSplit, type PlaceSplit } from '../models/io/place-split.ts';
import type { Ctx } from './context.ts';
import { shockGroup } from './io-shock-group.ts';
import { areaNames } from './panels.ts';

type Measure = 'output' | 'gva' | 'employment';
const PARTS = ['local', 'group', 'rest', 'total'] as const;

/** Each measure split by place for one solved shock (employment null when the model has none). */
function splits(r: InterregionalShockResult, local: Set<string>, group: Set<string>) {
  const N = r.areas.length;
  const of = (v: Float64Array | undefined) =>
    v ? placeSplit(areaTotals(v, N), r.areas, local, group) : null;
  return { output: of(r.output.total), gva: of(r.gva.total), employment: of(r.employment?.total) };
}

/**
 * The split of the shock solved at the central δ (`central`) with its range over the shocks
 * solved at the band's ends (`ends`, the same demand in the same areas).
 */
export async function shockPlaces(
  ctx: Ctx,
  level: 'itl3' | 'lad',
  area: string,
  central: InterregionalShockResult,
  ends: { delta: number; deltas: [number, number]; results: InterregionalShockResult[] },
): Promise<IoShockPlaces> {
  const group = await shockGroup(ctx, level, area, central.areas);
  const local = new Set([area]);
  const members = new Set(group.members);
  const mid = splits(central, local, members);
  const band = ends.results.map((r) => splits(r, local, members));
  const cell = (m: Measure, p: (typeof PARTS)[number]) => {
    const v = mid[m];
    return v
      ? banded(
          v[p],
          band.map((b) => (b[m] as PlaceSplit)[p]),
        )
      : null;
  };
  const name = (await areaNames(ctx)).get(area) ?? area;
  const others = group.members.filter((a) => a !== area).length;
  const labels = {
    local: name,
    group: `Elsewhere in ${group.areanm} (${group.kind === 'cauth' ? 'combined authority' : 'ITL1 region'})`,
    rest: 'Rest of the UK',
    total: 'UK total',
  };
  const counts = {
    local: 1,
    group: others,
    rest: central.areas.length - 1 - others,
    total: central.areas.length,
  };
  return {
    group: { areacd: group.areacd, areanm: group.areanm, kind: group.kind },
    delta: ends.delta,
    deltas: ends.deltas,
    parts: PARTS.map((part) => ({
      part,
      label: labels[part],
      areas: counts[part],
      output: cell('output', part)!,
      gva: cell('gva', part)!,
      employment: cell('employment', part),
    })),
  };
}
