// Fast 5–95 % points for a row of one single-part intervention with a fixed cost (demand, finance,
// trade: most rows). Its channels in draw d are s_d × G[node(d)], so within one δ node every
// goal is a monotone function of s_d (linear, or a ratio whose denominator keeps its sign — checked
// at both ends of the node's range). The draws of each node are sorted by s once per scenario and
// shared by every area and goal; the order statistics then come from merging the nodes' sorted
// lists from either end — about 2 × (0.05·D + 2) × nodes evaluations instead of D per goal.
// `summarise` falls back to the general path (appraise.ts) whenever a check fails; the tests hold
// this path to it, figure for figure. (No closures here: tsx wraps every named one it creates.)
import type { IvDraws, RowInput } from './appraise.ts';
import { CHANNEL } from './channels.ts';
import { goalAt, type GoalDef } from './goals.ts';

/** One row's draws, evaluated goal by goal with the general path's arithmetic. */
export class ScaledRow {
  readonly ch: Float64Array;
  readonly pvCost: number;
  /** Per node with draws: the node, whether its s-order is ascending for the current goal, and two cursors. */
  readonly nodes: number[] = [];
  readonly asc: Uint8Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly head: Float64Array;
  readonly draws: number;

  constructor(
    readonly r: RowInput,
    readonly iv: IvDraws,
    readonly m: number,
    readonly base: Float64Array,
  ) {
    this.ch = new Float64Array(m);
    this.pvCost = 0 + iv.annuity * iv.cost[0]! * r.costShare;
    const order = iv.scaled!.order;
    let D = 0;
    for (let g = 0; g < order.length; g++)
      if (order[g]!.length > 0) {
        this.nodes.push(g);
        D += order[g]!.length;
      }
    this.draws = D;
    const L = this.nodes.length;
    this.asc = new Uint8Array(L);
    this.lo = new Int32Array(L);
    this.hi = new Int32Array(L);
    this.head = new Float64Array(L);
  }

  /** The goal in draw d: channels 0 + s_d·G, present values, then the goal, as fill and goalAt do. */
  value(goal: GoalDef, d: number): number {
    const { s, node } = this.iv.scaled!;
    const w = s[d]!;
    const o = node[d]! * this.m;
    const g = this.r.g;
    // only the channels the goal and the present values read
    this.ch[CHANNEL.gva] = 0 + w * g[o + CHANNEL.gva]!;
    this.ch[CHANNEL.jobs] = 0 + w * g[o + CHANNEL.jobs]!;
    const F = goal.formula;
    if (F.kind === 'channel') this.ch[F.channel] = 0 + w * g[o + F.channel]!;
    else if (F.kind === 'male') this.ch[CHANNEL.jobsFemale] = 0 + w * g[o + CHANNEL.jobsFemale]!;
    else if (F.kind === 'foundational-gva')
      this.ch[CHANNEL.foundationalGva] = 0 + w * g[o + CHANNEL.foundationalGva]!;
    else if (F.kind === 'foundational-jobs')
      this.ch[CHANNEL.foundationalJobs] = 0 + w * g[o + CHANNEL.foundationalJobs]!;
    const pvGva = 0 + this.iv.annuity * this.ch[CHANNEL.gva]!;
    const pvJobs = 0 + this.iv.annuity * this.ch[CHANNEL.jobs]!;
    return goalAt(goal.formula, this.ch, 0, pvGva, pvJobs, this.pvCost, 0, 0, this.base);
  }

  /** The k-th value (ascending) of node list j for the current goal. */
  at(goal: GoalDef, j: number, k: number): number {
    const idx = this.iv.scaled!.order[this.nodes[j]!]!;
    return this.value(goal, idx[this.asc[j] ? k : idx.length - 1 - k]!);
  }

  /** True when the goal is monotone in s over node g's range (no sign change in a denominator). */
  monotone(goal: GoalDef, g: number, lo: number, hi: number): boolean {
    const at = g * this.m;
    const G = this.r.g;
    const base = this.base;
    switch (goal.formula.kind) {
      case 'channel':
      case 'male':
      case 'pv-gva':
      case 'pv-cost':
        return true;
      case 'reached':
      case 'closed':
        // nothing reached outside an entitlement row: 0 in every draw
        return !this.r.floor && !this.r.reached;
      case 'gva-per-job':
      case 'foundational-jobs': {
        const b = base[CHANNEL.jobs]!;
        const x = G[at + CHANNEL.jobs]!;
        return !(b > 0) || (b + lo * x > 0 && b + hi * x > 0);
      }
      case 'foundational-gva': {
        const b = base[CHANNEL.gva]!;
        const x = G[at + CHANNEL.gva]!;
        return !(b > 0) || (b + lo * x > 0 && b + hi * x > 0);
      }
      case 'cost-per-job':
      case 'cost-per-gva': {
        if (this.pvCost === 0) return true;
        const x = G[at + (goal.formula.kind === 'cost-per-job' ? CHANNEL.jobs : CHANNEL.gva)]!;
        return lo * x > 0 && hi * x > 0;
      }
    }
    return false;
  }

  /** The type-7 p and 1 − p points of a goal over all draws into out, or false (not monotone: use the general path). */
  tails(goal: GoalDef, p: number, out: Float64Array): boolean {
    const { s, order } = this.iv.scaled!;
    const L = this.nodes.length;
    const D = this.draws;
    for (let j = 0; j < L; j++) {
      const idx = order[this.nodes[j]!]!;
      if (!this.monotone(goal, this.nodes[j]!, s[idx[0]!]!, s[idx[idx.length - 1]!]!)) return false;
      this.asc[j] = 1;
      this.asc[j] = this.value(goal, idx[idx.length - 1]!) >= this.value(goal, idx[0]!) ? 1 : 0;
    }
    const lowH = (D - 1) * p;
    const lo = Math.floor(lowH);
    const highH = (D - 1) * (1 - p);
    const hi = Math.floor(highH);
    // from the bottom: the smallest head each time, up to order statistics lo and lo + 1
    for (let j = 0; j < L; j++) {
      this.lo[j] = 0;
      this.hi[j] = order[this.nodes[j]!]!.length - 1;
      this.head[j] = this.at(goal, j, 0);
    }
    let a = NaN;
    let b = NaN;
    for (let k = 0; k <= Math.min(lo + 1, D - 1); k++) {
      const j = this.pick(L, -1);
      a = b;
      b = this.head[j]!;
      if (++this.lo[j]! <= this.hi[j]!) this.head[j] = this.at(goal, j, this.lo[j]!);
    }
    out[0] = lo + 1 <= D - 1 ? a + (lowH - lo) * (b - a) : b;
    // from the top: the largest tail each time, down to order statistic hi (hi + 1 one step before)
    for (let j = 0; j < L; j++) {
      this.lo[j] = 0;
      this.hi[j] = order[this.nodes[j]!]!.length - 1;
      this.head[j] = this.at(goal, j, this.hi[j]!);
    }
    let upper = NaN;
    let here = NaN;
    for (let k = D - 1; k >= hi; k--) {
      const j = this.pick(L, 1);
      upper = here;
      here = this.head[j]!;
      if (--this.hi[j]! >= this.lo[j]!) this.head[j] = this.at(goal, j, this.hi[j]!);
    }
    out[1] = highH > hi ? here + (highH - hi) * (upper - here) : here;
    return true;
  }

  /** The live list whose head is smallest (sign −1) or largest (sign 1). */
  private pick(L: number, sign: number): number {
    let best = -1;
    for (let j = 0; j < L; j++) {
      if (this.lo[j]! > this.hi[j]!) continue;
      if (best < 0 || sign * (this.head[j]! - this.head[best]!) > 0) best = j;
    }
    return best;
  }
}
