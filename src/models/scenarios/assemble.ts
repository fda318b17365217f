// A scenario's appraisal assembled from the gross responses of its interventions area by area:
// a row per intervention and per area, the scenario's row (`all`) per area, and the total over
// the areas (`K02000001`), every figure with its 5–95 % band from the same draws.
import { scratch, summarise, type IvDraws, type RowInput, type RowSummary } from './appraise.ts';
import type { CompiledIntervention } from './compile.ts';
import type { AreaData, NationalData } from './context.ts';
import { goalSet, type GoalDef } from './goals.ts';
import { peoplePerUnit } from './kinds/infrastructure.ts';

/** The gross response of one intervention in one area. */
export interface IvArea {
  iv: number;
  /** Index into the area records. */
  area: number;
  g: Float64Array;
  costShare: number;
}

export const UK = 'K02000001';
export const ALL = 'all';

/** Every figure of an appraisal: [row][area][goal] flattened, rows = interventions then `all`. */
export interface Appraisal {
  goals: GoalDef[];
  rows: string[];
  /** Areas with figures, the total last. */
  areas: string[];
  value: Float64Array;
  p05: Float64Array;
  p95: Float64Array;
  /** 1 where the row has figures for the area (an intervention that does not reach it has none). */
  present: Uint8Array;
  /** 1 where some of the row's cost is spent in the area (cost goals are reported only there). */
  costed: Uint8Array;
}

/** Where a figure lives in the flat arrays. */
export function cell(a: Pick<Appraisal, 'areas' | 'goals'>, row: number, area: number, goal = 0): number {
  return (row * a.areas.length + area) * a.goals.length + goal;
}

function floorOf(iv: CompiledIntervention, area: AreaData): RowInput['floor'] {
  if (iv.kind !== 'infrastructure') return null;
  const spec = area.floors[iv.floor] ?? { peopleToFloor: null, gap: null };
  return { key: iv.floor, need: spec.peopleToFloor ?? 0, ppu: peoplePerUnit(iv.floorCost, spec) };
}

/** Assembles the appraisal from the gross responses and the shared draws. */
export function assemble(
  ivs: readonly CompiledIntervention[],
  draws: readonly IvDraws[],
  nat: NationalData,
  areas: readonly AreaData[],
  gross: readonly IvArea[],
  drawCount: number,
): Appraisal {
  const entitlements = ivs.some((iv) => iv.kind === 'infrastructure');
  const goals = goalSet(nat.layout, entitlements);
  const touched = [...new Set(gross.map((x) => x.area))].sort((a, b) => a - b);
  const rows = [...ivs.map((iv) => iv.id), ALL];
  const a: Appraisal = {
    goals,
    rows,
    areas: [...touched.map((i) => areas[i]!.areacd), UK],
    value: new Float64Array(rows.length * (touched.length + 1) * goals.length),
    p05: new Float64Array(rows.length * (touched.length + 1) * goals.length),
    p95: new Float64Array(rows.length * (touched.length + 1) * goals.length),
    present: new Uint8Array(rows.length * (touched.length + 1)),
    costed: new Uint8Array(rows.length * (touched.length + 1)),
  };
  const s = scratch(drawCount, nat.layout.m);
  const put = (row: number, at: number, r: RowSummary, costed: boolean) => {
    const o = cell(a, row, at);
    a.value.set(r.value, o);
    a.p05.set(r.p05, o);
    a.p95.set(r.p95, o);
    a.present[row * a.areas.length + at] = 1;
    a.costed[row * a.areas.length + at] = costed ? 1 : 0;
  };
  const total = ivs.map(() => ({
    g: new Float64Array(0),
    reached: new Float64Array(drawCount),
    central: 0,
    need: 0,
  }));
  const byArea = new Map<number, IvArea[]>();
  for (const x of gross) byArea.set(x.area, [...(byArea.get(x.area) ?? []), x]);
  touched.forEach((areaIndex, at) => {
    const area = areas[areaIndex]!;
    const inputs = byArea
      .get(areaIndex)!
      .map((x): RowInput => ({ iv: x.iv, g: x.g, costShare: x.costShare, floor: floorOf(ivs[x.iv]!, area) }));
    for (const r of inputs) {
      const one = summarise([r], draws, nat.layout, area.baseline, goals, s);
      put(r.iv, at, one.summary, r.costShare > 0);
      addTotal(total[r.iv]!, r, one.reached, one.reachedCentral);
    }
    const all = inputs.length === 1 ? null : summarise(inputs, draws, nat.layout, area.baseline, goals, s);
    if (all)
      put(
        ivs.length,
        at,
        all.summary,
        inputs.some((r) => r.costShare > 0),
      );
    else copyRow(a, inputs[0]!.iv, ivs.length, at);
  });
  const at = touched.length;
  const totalRows: RowInput[] = total.map((t, iv) => ({
    iv,
    g: t.g.length ? t.g : new Float64Array(draws[iv]!.width * nat.layout.m),
    costShare: 1,
    floor: null,
    ...(ivs[iv]!.kind === 'infrastructure' ? { reached: { draws: t.reached, central: t.central } } : {}),
  }));
  totalRows.forEach((r, iv) => {
    const one = summarise([r], draws, nat.layout, nat.baseline, goals, s, total[iv]!.need);
    put(iv, at, one.summary, true);
  });
  const need = total.reduce((x, t) => x + t.need, 0);
  put(ivs.length, at, summarise(totalRows, draws, nat.layout, nat.baseline, goals, s, need).summary, true);
  return a;
}

function addTotal(
  t: { g: Float64Array; reached: Float64Array; central: number; need: number },
  r: RowInput,
  reached: Float64Array | null,
  central: number,
): void {
  if (t.g.length === 0) t.g = new Float64Array(r.g.length);
  for (let i = 0; i < r.g.length; i++) t.g[i] = t.g[i]! + r.g[i]!;
  if (reached) for (let d = 0; d < reached.length; d++) t.reached[d] = t.reached[d]! + reached[d]!;
  t.central += central;
  t.need += r.floor?.need ?? 0;
}

function copyRow(a: Appraisal, from: number, to: number, at: number): void {
  const o = cell(a, from, at);
  const d = cell(a, to, at);
  const G = a.goals.length;
  a.value.copyWithin(d, o, o + G);
  a.p05.copyWithin(d, o, o + G);
  a.p95.copyWithin(d, o, o + G);
  a.present[to * a.areas.length + at] = 1;
  a.costed[to * a.areas.length + at] = a.costed[from * a.areas.length + at]!;
}
