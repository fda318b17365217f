// The Monte Carlo kernel: for each intervention in an area, its channels in every draw are
// u_d · G, where G (parts × nodes × channels) is the area's gross response to each part at each δ
// node and u_d = α_d θ_d ⊗ w_d (additionality, part coefficients and δ interpolation weights of
// draw d) is shared by every area. The scenario's row adds its interventions draw by draw; goals
// are derived per draw and summarised by their central value and 5–95 % band.
import { CHANNEL, type ChannelLayout } from './channels.ts';
import { goalDraws, type Figures, type GoalDef } from './goals.ts';
import { ScaledRow } from './bands.ts';
import { tailHeaps, tails, type TailHeaps } from './quantiles.ts';

/** One intervention's draws, shared by every area. */
export interface IvDraws {
  /** parts × nodes. */
  width: number;
  /** draws × width: α θ_k w_g for each draw. */
  u: Float64Array;
  /** width: the central case (central parameters, central δ). */
  uc: Float64Array;
  /** Public cost a year with optimism bias (£), per draw and central. */
  cost: Float64Array;
  costc: number;
  /** Σ of the Green Book discount factors over the years it runs. */
  annuity: number;
  /**
   * With one part and a fixed cost, u_d is a scalar s_d at the draw's δ node: s, the node of each
   * draw, and each node's draws in increasing s (what the fast bands of bands.ts need).
   */
  scaled?: { s: Float64Array; node: Int32Array; order: Int32Array[] };
}

/** One intervention in one area (or in total). */
export interface RowInput {
  iv: number;
  /** width × m gross channels per unit of u. */
  g: Float64Array;
  /** The area's share of the intervention's cost (0 where it only spills over). */
  costShare: number;
  /** An entitlement: the floor, the people below it and people per unit bought. */
  floor: { key: string; need: number; ppu: number } | null;
  /** For a total row: people reached per draw and central, summed over the areas (capped area by area). */
  reached?: { draws: Float64Array; central: number };
}

/** A row's summary: per goal, the central value and the 5 % and 95 % points of the draws. */
export interface RowSummary {
  value: Float64Array;
  p05: Float64Array;
  p95: Float64Array;
}

/** Scratch for summaries, reused row after row: the draws' figures, the central figures, one goal's draws. */
export interface Scratch {
  m: number;
  fig: Figures;
  central: Figures;
  own: Float64Array;
  ownC: Float64Array;
  col: Float64Array;
  heaps: TailHeaps;
  pair: Float64Array;
}

function figures(draws: number, m: number): Figures {
  const z = () => new Float64Array(draws);
  return {
    draws,
    ch: new Float64Array(draws * m),
    pvGva: z(),
    pvJobs: z(),
    pvCost: z(),
    reached: z(),
    need: 0,
  };
}

export function scratch(draws: number, m: number): Scratch {
  return {
    m,
    fig: figures(draws, m),
    central: figures(1, m),
    own: new Float64Array(draws * m),
    ownC: new Float64Array(m),
    col: new Float64Array(draws),
    heaps: tailHeaps(draws, 0.05),
    pair: new Float64Array(2),
  };
}

/** ch_d += u_d · G for every draw (ch is D × m). */
export function addChannels(
  u: Float64Array,
  width: number,
  g: Float64Array,
  m: number,
  draws: number,
  ch: Float64Array,
): void {
  for (let d = 0; d < draws; d++) {
    const ud = d * width;
    const cd = d * m;
    for (let j = 0; j < width; j++) {
      const w = u[ud + j]!;
      if (w === 0) continue;
      const gj = j * m;
      for (let c = 0; c < m; c++) ch[cd + c] = ch[cd + c]! + w * g[gj + c]!;
    }
  }
}

function clear(f: Figures): void {
  f.ch.fill(0);
  f.pvGva.fill(0);
  f.pvJobs.fill(0);
  f.pvCost.fill(0);
  f.reached.fill(0);
}

/** Adds a row's figures (its channels already in `own`) into f. */
function addFigures(
  f: Figures,
  own: Float64Array,
  m: number,
  iv: IvDraws,
  cost: Float64Array,
  costShare: number,
  intoCh: boolean,
): void {
  const A = iv.annuity;
  for (let d = 0; d < f.draws; d++) {
    const cd = d * m;
    if (intoCh) for (let c = 0; c < m; c++) f.ch[cd + c] = f.ch[cd + c]! + own[cd + c]!;
    f.pvGva[d] = f.pvGva[d]! + A * own[cd + CHANNEL.gva]!;
    f.pvJobs[d] = f.pvJobs[d]! + A * own[cd + CHANNEL.jobs]!;
    f.pvCost[d] = f.pvCost[d]! + A * cost[d]! * costShare;
  }
}

/** The figures of a set of rows, per draw (central: one draw from each row's central u). */
function fill(
  rows: readonly RowInput[],
  ivs: readonly IvDraws[],
  layout: ChannelLayout,
  f: Figures,
  ownBuf: Float64Array,
  central: boolean,
): void {
  const m = layout.m;
  const D = f.draws;
  clear(f);
  let floors: Map<string, { units: Float64Array; need: number; ppu: number }> | null = null;
  const single = rows.length === 1;
  const one = new Float64Array(1);
  for (const r of rows) {
    const iv = ivs[r.iv]!;
    const own = single ? f.ch : ownBuf;
    if (!single) own.fill(0);
    addChannels(central ? iv.uc : iv.u, iv.width, r.g, m, D, own);
    if (central) one[0] = iv.costc;
    addFigures(f, own, m, iv, central ? one : iv.cost, r.costShare, !single);
    if (r.reached) {
      if (central) f.reached[0] = f.reached[0]! + r.reached.central;
      else for (let d = 0; d < D; d++) f.reached[d] = f.reached[d]! + r.reached.draws[d]!;
    }
    if (r.floor) {
      floors ??= new Map();
      const b = floors.get(r.floor.key) ?? {
        units: new Float64Array(D),
        need: r.floor.need,
        ppu: r.floor.ppu,
      };
      floors.set(r.floor.key, b);
      for (let d = 0; d < D; d++) b.units[d] = b.units[d]! + own[d * m + layout.units]!;
    }
  }
  if (floors)
    for (const b of floors.values())
      for (let d = 0; d < D; d++)
        f.reached[d] = f.reached[d]! + Math.max(0, Math.min(b.units[d]! * b.ppu, b.need));
}

/** max − min of v[0, n): 0 when every draw is the same (no band to find), NaN when one is not a number. */
function extent(v: Float64Array, n: number): number {
  let lo = v[0]!;
  let hi = lo;
  let nan = Number.isNaN(lo);
  for (let i = 1; i < n; i++) {
    const x = v[i]!;
    if (x < lo) lo = x;
    else if (x > hi) hi = x;
    else if (x !== x) nan = true;
  }
  return nan ? NaN : hi - lo;
}

/** People below the floors the rows work on (each floor once), for the share closed. */
export function needOf(rows: readonly RowInput[]): number {
  const seen = new Map<string, number>();
  for (const r of rows) if (r.floor) seen.set(r.floor.key, r.floor.need);
  return [...seen.values()].reduce((a, b) => a + b, 0);
}

/**
 * Summarises a set of rows (one intervention, or all of a scenario's in an area): the central
 * value of each goal and the 5–95 % band over the draws. Returns the people reached per draw
 * (capped floor by floor) for totals over areas.
 */
export function summarise(
  rows: readonly RowInput[],
  ivs: readonly IvDraws[],
  layout: ChannelLayout,
  base: Float64Array,
  goals: readonly GoalDef[],
  s: Scratch,
  need = needOf(rows),
): { summary: RowSummary; reached: Float64Array | null; reachedCentral: number } {
  const m = layout.m;
  const only = rows.length === 1 ? rows[0]! : null;
  const scaled = only && ivs[only.iv]!.scaled && !only.floor && !only.reached ? only : null;
  const fast = scaled ? new ScaledRow(scaled, ivs[scaled.iv]!, m, base) : null;
  let filled = false;
  if (!fast) {
    fill(rows, ivs, layout, s.fig, s.own, false);
    filled = true;
  }
  fill(rows, ivs, layout, s.central, s.ownC, true);
  s.fig.need = s.central.need = need;
  const G = goals.length;
  const summary: RowSummary = {
    value: new Float64Array(G),
    p05: new Float64Array(G),
    p95: new Float64Array(G),
  };
  const one = s.pair;
  for (let k = 0; k < G; k++) {
    goalDraws(m, s.central, base, goals[k]!, one);
    summary.value[k] = one[0]!;
    if (fast && fast.tails(goals[k]!, 0.05, one)) {
      summary.p05[k] = one[0]!;
      summary.p95[k] = one[1]!;
      continue;
    }
    if (!filled) {
      fill(rows, ivs, layout, s.fig, s.own, false);
      filled = true;
    }
    goalDraws(m, s.fig, base, goals[k]!, s.col);
    const spread = extent(s.col, s.fig.draws);
    if (Number.isNaN(spread)) summary.p05[k] = summary.p95[k] = NaN;
    else if (spread === 0) summary.p05[k] = summary.p95[k] = s.col[0]!;
    else {
      tails(s.col, 0.05, s.heaps, one, s.fig.draws);
      summary.p05[k] = one[0]!;
      summary.p95[k] = one[1]!;
    }
  }
  const hasFloor = rows.some((r) => r.floor);
  if (hasFloor && !filled) fill(rows, ivs, layout, s.fig, s.own, false);
  return {
    summary,
    reached: hasFloor ? Float64Array.from(s.fig.reached) : null,
    reachedCentral: s.central.reached[0]!,
  };
}
