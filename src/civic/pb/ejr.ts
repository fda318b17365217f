// EJR up to one project (Peters, Pierczyński & Skowron, NeurIPS 2021; Brill & Peters,
// "Robust and verifiable proportionality axioms for multiwinner voting", EC 2023). A group S
// of voters is (α, T)-cohesive for a set of projects T and levels α_c > 0 when every member
// gives each c ∈ T at least α_c and |S|·B ≥ cost(T)·n (S could pay for T from its share of
// the budget). An outcome W satisfies EJR up to one if every such group has a member i with
// uᵢ(W) ≥ Σα, or uᵢ(W ∪ {a}) > Σα for some a ∈ T \ W.
//
// For a given (T, α) the largest violating group is every voter who supports T at levels α
// and is not satisfied, so the check searches (T, α) depth first: T grows in a fixed project
// order, each project at each of its distinct utility levels; a branch is cut once the
// voters supporting T at α are too few for T (|G|·B < cost(T)·n), as adding projects or
// raising levels only shrinks G and raises cost(T). Search sets of 1, 2, … projects in turn
// within a work limit (voters visited): if the last pass ended without reaching its size
// limit, the answer is exact; otherwise it is a search and says so. Any violation found is
// reported with its projects and group size.
import type { Utilities } from './utilities.ts';

/** The input of the check: budget and costs in integer units, utilities, the outcome. */
export interface EjrInput {
  budget: number;
  cost: readonly number[];
  voters: number;
  utilities: Utilities;
  funded: readonly number[];
}

/** A violating group: the projects T, their levels α, and how many voters it holds. */
export interface EjrViolation {
  projects: number[];
  levels: number[];
  group: number;
}

/** `exact`: every (T, α) was examined; `search`: sets of up to `depth` projects were. */
export interface EjrResult {
  method: 'exact' | 'search';
  depth: number;
  examined: number;
  violation?: EjrViolation;
}

/** Voter-visits the search may make (about a second) before it reports a partial search. */
export const EJR_WORK = 20_000_000;

/** Largest projects × voters for which supporter positions are tabulated (4 bytes each). */
const DENSE = 5_000_000;

interface Node {
  /** Every voter (T empty): a child's group is then the project's supporters. */
  root?: boolean;
  group: Int32Array;
  /** Per group member: the largest utility of an unfunded project of T. */
  best: Float64Array;
  cost: number;
  target: number;
}

export function ejrUpToOne(input: EjrInput, work = EJR_WORK): EjrResult {
  const search = new Search(input, work);
  let depth = 1;
  for (;;) {
    const done = search.pass(depth);
    if (search.violation || search.exhausted) break;
    if (done) return { method: 'exact', depth, examined: search.examined };
    depth++;
  }
  const method = search.exhausted ? 'search' : 'exact';
  const searched = search.exhausted ? depth - 1 : depth;
  const out: EjrResult = { method, depth: searched, examined: search.examined };
  return search.violation ? { ...out, violation: search.violation } : out;
}

class Search {
  readonly sat: Float64Array;
  readonly funded: Uint8Array;
  readonly order: number[];
  readonly levels: number[][];
  examined = 0;
  spent = 0;
  exhausted = false;
  violation: EjrViolation | undefined;
  private cut = false;
  private path: { j: number; level: number }[] = [];
  /** position[j][v] = 1 + index of voter v among project j's supporters, 0 if none (small instances). */
  private readonly position: Int32Array[] | undefined;
  private scratchGroup = new Int32Array(0);
  private scratchBest = new Float64Array(0);

  constructor(
    readonly input: EjrInput,
    readonly work: number,
  ) {
    const { utilities: u, voters } = input;
    this.sat = new Float64Array(voters);
    this.funded = new Uint8Array(input.cost.length);
    for (const j of input.funded) {
      this.funded[j] = 1;
      u.voters[j]!.forEach((v, k) => (this.sat[v]! += u.value[j]![k]!));
    }
    this.order = input.cost
      .map((_, j) => j)
      .filter((j) => u.voters[j]!.length > 0)
      .sort((a, b) => u.voters[b]!.length - u.voters[a]!.length || a - b);
    this.levels = input.cost.map((_, j) => [...new Set(u.value[j]!)].sort((a, b) => a - b));
    if (input.cost.length * voters <= DENSE)
      this.position = u.voters.map((vs) => {
        const pos = new Int32Array(voters);
        vs.forEach((v, k) => (pos[v] = k + 1));
        return pos;
      });
    this.scratchGroup = new Int32Array(voters);
    this.scratchBest = new Float64Array(voters);
  }

  /** Index of voter v among project j's supporters, or −1. */
  private indexIn(j: number, v: number): number {
    return this.position ? this.position[j]![v]! - 1 : indexOf(this.input.utilities.voters[j]!, v);
  }

  /** Searches sets of at most `depth` projects; true when no branch was cut by the depth. */
  pass(depth: number): boolean {
    this.cut = false;
    const all = Int32Array.from({ length: this.input.voters }, (_, i) => i);
    const root: Node = { root: true, group: all, best: new Float64Array(all.length), cost: 0, target: 0 };
    this.descend(root, 0, depth);
    return !this.cut;
  }

  private large(size: number, cost: number): boolean {
    return size * this.input.budget >= cost * this.input.voters;
  }

  private descend(node: Node, from: number, depth: number): void {
    for (let o = from; o < this.order.length; o++) {
      const j = this.order[o]!;
      const cost = node.cost + this.input.cost[j]!;
      if (!this.large(node.group.length, cost)) continue;
      for (const level of this.levels[j]!) {
        const child = this.child(node, j, level, cost);
        if (!child) break;
        this.path.push({ j, level });
        this.check(child);
        if (this.path.length < depth) this.descend(child, o + 1, depth);
        else if (this.extendable(child, o + 1)) this.cut = true;
        this.path.pop();
        if (this.violation || this.exhausted) return;
      }
      if (this.exhausted) return;
    }
  }

  /** Whether some later project could still join T without the group being too small at once. */
  private extendable(node: Node, from: number): boolean {
    for (let o = from; o < this.order.length; o++)
      if (this.large(node.group.length, node.cost + this.input.cost[this.order[o]!]!)) return true;
    return false;
  }

  /** The group supporting project j at `level` or more, or undefined when it is too small. */
  private child(node: Node, j: number, level: number, cost: number): Node | undefined {
    const { voters, value } = this.input.utilities;
    const vs = voters[j]!;
    const us = value[j]!;
    const group = this.scratchGroup;
    const best = this.scratchBest;
    let size = 0;
    this.spent += node.root ? vs.length : node.group.length;
    if (this.spent > this.work) {
      this.exhausted = true;
      return undefined;
    }
    const unfunded = !this.funded[j];
    if (node.root)
      for (let k = 0; k < vs.length; k++) {
        if (us[k]! < level) continue;
        group[size] = vs[k]!;
        best[size++] = unfunded ? us[k]! : 0;
      }
    else
      for (let i = 0; i < node.group.length; i++) {
        const k = this.indexIn(j, node.group[i]!);
        if (k < 0 || us[k]! < level) continue;
        group[size] = node.group[i]!;
        best[size++] = unfunded ? Math.max(node.best[i]!, us[k]!) : node.best[i]!;
      }
    if (!this.large(size, cost)) return undefined;
    return { group: group.slice(0, size), best: best.slice(0, size), cost, target: node.target + level };
  }

  /** Counts the group's unsatisfied members; a violation if they alone are large enough. */
  private check(node: Node): void {
    this.examined++;
    const t = node.target;
    let unsatisfied = 0;
    for (let i = 0; i < node.group.length; i++) {
      const s = this.sat[node.group[i]!]!;
      if (s < t && s + node.best[i]! <= t) unsatisfied++;
    }
    if (unsatisfied > 0 && this.large(unsatisfied, node.cost))
      this.violation = {
        projects: this.path.map((x) => x.j),
        levels: this.path.map((x) => x.level),
        group: unsatisfied,
      };
  }
}

/** Index of v in an ascending array, or −1. */
function indexOf(a: Int32Array, v: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = a[mid]!;
    if (x === v) return mid;
    if (x < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
