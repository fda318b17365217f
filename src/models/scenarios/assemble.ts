// A scenario's appraisal assembled from the gross responses of its interventions area by area:
// a row per intervention, per group of interventions (a local plan) and for the scenario (`all`);
// per area, per group of areas (an ITL1 region) and in total (`K02000001`). A group's figures
// come from the sum of its members' gross responses, so its band comes from the same draws.
import {
  scratch,
  summarise,
  type IvDraws,
  type RowInput,
  type RowSummary,
  type Scratch,
} from './appraise.ts';
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

/** Named groups of rows (interventions) and of areas, besides `all` and the total. */
export interface AssembleOptions {
  rowGroups?: { id: string; ivs: number[] }[];
  areaGroups?: { code: string; members: number[]; base: Float64Array }[];
}

/** Every figure of an appraisal: [row][area][goal] flattened; rows = interventions, groups, `all`. */
export interface Appraisal {
  goals: GoalDef[];
  rows: string[];
  /** Areas with figures, then area groups, the total last. */
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

/** A group's sum of one intervention's inputs over member areas. */
interface Sum {
  g: Float64Array;
  costShare: number;
  reached: Float64Array;
  central: number;
  need: number;
}

class Writer {
  constructor(
    readonly a: Appraisal,
    readonly s: Scratch,
    readonly ivs: readonly IvDraws[],
    readonly nat: NationalData,
    readonly groups: { id: string; ivs: number[] }[],
  ) {}

  put(row: number, at: number, r: RowSummary, costed: boolean): void {
    const o = cell(this.a, row, at);
    this.a.value.set(r.value, o);
    this.a.p05.set(r.p05, o);
    this.a.p95.set(r.p95, o);
    this.a.present[row * this.a.areas.length + at] = 1;
    this.a.costed[row * this.a.areas.length + at] = costed ? 1 : 0;
  }

  /** Rows for one area (or group of areas): each intervention, each row group, all. */
  area(at: number, inputs: RowInput[], base: Float64Array, need: (rows: RowInput[]) => number | undefined) {
    const { layout } = this.nat;
    const out: { iv: number; reached: Float64Array | null; central: number }[] = [];
    const summary = (rows: RowInput[]) =>
      summarise(rows, this.ivs, layout, base, this.a.goals, this.s, need(rows));
    for (const r of inputs) {
      const one = summary([r]);
      this.put(r.iv, at, one.summary, r.costShare > 0);
      out.push({ iv: r.iv, reached: one.reached, central: one.reachedCentral });
    }
    const sets = [...this.groups.map((g) => g.ivs), this.ivs.map((_, i) => i)];
    sets.forEach((members, k) => {
      const rows = inputs.filter((r) => members.includes(r.iv));
      if (rows.length === 0) return;
      const row = this.ivs.length + k;
      if (rows.length === 1) return this.copy(rows[0]!.iv, row, at);
      this.put(
        row,
        at,
        summary(rows).summary,
        rows.some((r) => r.costShare > 0),
      );
    });
    return out;
  }

  copy(from: number, to: number, at: number): void {
    const a = this.a;
    const o = cell(a, from, at);
    const d = cell(a, to, at);
    const G = a.goals.length;
    a.value.copyWithin(d, o, o + G);
    a.p05.copyWithin(d, o, o + G);
    a.p95.copyWithin(d, o, o + G);
    a.present[to * a.areas.length + at] = 1;
    a.costed[to * a.areas.length + at] = a.costed[from * a.areas.length + at]!;
  }
}

/** Assembles the appraisal from the gross responses and the shared draws. */
export function assemble(
  ivs: readonly CompiledIntervention[],
  draws: readonly IvDraws[],
  nat: NationalData,
  areas: readonly AreaData[],
  gross: readonly IvArea[],
  drawCount: number,
  opts: AssembleOptions = {},
): Appraisal {
  const goals = goalSet(
    nat.layout,
    ivs.some((iv) => iv.kind === 'infrastructure'),
  );
  const touched = [...new Set(gross.map((x) => x.area))].sort((a, b) => a - b);
  const rowGroups = opts.rowGroups ?? [];
  const areaGroups = [...(opts.areaGroups ?? []), { code: UK, members: touched, base: nat.baseline }];
  const rows = [...ivs.map((iv) => iv.id), ...rowGroups.map((g) => g.id), ALL];
  const codes = [...touched.map((i) => areas[i]!.areacd), ...areaGroups.map((g) => g.code)];
  const size = rows.length * codes.length;
  const a: Appraisal = {
    goals,
    rows,
    areas: codes,
    value: new Float64Array(size * goals.length),
    p05: new Float64Array(size * goals.length),
    p95: new Float64Array(size * goals.length),
    present: new Uint8Array(size),
    costed: new Uint8Array(size),
  };
  const w = new Writer(a, scratch(drawCount, nat.layout.m), draws, nat, rowGroups);
  const byArea = new Map<number, IvArea[]>();
  for (const x of gross) byArea.set(x.area, [...(byArea.get(x.area) ?? []), x]);
  const kept = new Map<
    number,
    Map<number, { input: RowInput; reached: Float64Array | null; central: number }>
  >();
  touched.forEach((areaIndex, at) => {
    const area = areas[areaIndex]!;
    const inputs = byArea
      .get(areaIndex)!
      .map((x): RowInput => ({ iv: x.iv, g: x.g, costShare: x.costShare, floor: floorOf(ivs[x.iv]!, area) }));
    const res = w.area(at, inputs, area.baseline, () => undefined);
    kept.set(
      areaIndex,
      new Map(res.map((r, k) => [r.iv, { input: inputs[k]!, reached: r.reached, central: r.central }])),
    );
  });
  areaGroups.forEach((grp, k) => {
    const at = touched.length + k;
    const sums = ivs
      .map((_, iv) => sumOver(grp.members, iv, kept, drawCount))
      .map((s, iv) => (s ? { s, iv } : null));
    const inputs: RowInput[] = sums.flatMap((x) =>
      x
        ? [
            {
              iv: x.iv,
              g: x.s.g,
              costShare: x.s.costShare,
              floor: null,
              ...(ivs[x.iv]!.kind === 'infrastructure'
                ? { reached: { draws: x.s.reached, central: x.s.central } }
                : {}),
            },
          ]
        : [],
    );
    const needOf = new Map(sums.flatMap((x) => (x ? [[x.iv, x.s.need] as const] : [])));
    if (inputs.length === 0 && grp.code === UK) {
      // no intervention at all: the zero scenario still has its total, all zeros
      w.area(at, [], grp.base, () => 0);
      a.present[(rows.length - 1) * codes.length + at] = 1;
      a.costed[(rows.length - 1) * codes.length + at] = 1;
      return;
    }
    w.area(at, inputs, grp.base, (rs) => rs.reduce((t, r) => t + (needOf.get(r.iv) ?? 0), 0));
    if (grp.code === UK)
      for (let r = 0; r < rows.length; r++)
        if (a.present[r * codes.length + at]) a.costed[r * codes.length + at] = 1;
  });
  return a;
}

function sumOver(
  members: readonly number[],
  iv: number,
  kept: Map<number, Map<number, { input: RowInput; reached: Float64Array | null; central: number }>>,
  draws: number,
): Sum | null {
  let s: Sum | null = null;
  for (const m of members) {
    const k = kept.get(m)?.get(iv);
    if (!k) continue;
    s ??= {
      g: new Float64Array(k.input.g.length),
      costShare: 0,
      reached: new Float64Array(draws),
      central: 0,
      need: 0,
    };
    for (let i = 0; i < s.g.length; i++) s.g[i] = s.g[i]! + k.input.g[i]!;
    s.costShare += k.input.costShare;
    s.central += k.central;
    s.need += k.input.floor?.need ?? 0;
    if (k.reached) for (let d = 0; d < draws; d++) s.reached[d] = s.reached[d]! + k.reached[d]!;
  }
  return s;
}
