// The best portfolio of candidates under a budget, maximising a weighted sum of goals: a 0/1
// knapsack, max Σ v_i x_i subject to Σ c_i x_i ≤ B (v_i: a candidate's score, c_i: its cost).
//
// Exact method (up to EXACT_LIMIT candidates): depth-first branch and bound (Horowitz & Sahni
// 1974) over candidates in decreasing order of score per £, bounded by the linear-programming
// relaxation (Dantzig 1957). Exactness: the relaxation of the candidates not yet decided, filled
// greedily by score per £ with the last one fractional, is at least the value of any way of
// completing the current choice within the budget; a branch is cut only when that bound cannot
// exceed the best portfolio already found, so no better portfolio is ever cut, and every other
// branch is searched to the end. Candidates with a score ≤ 0 never help and are left out; free
// candidates with a positive score are always taken. The search is exponential in the worst case
// (near-equal scores per £ that almost fill the budget); past `maxNodes` it stops and reports the
// best portfolio found with the proven gap to the bound, as the heuristic does.
//
// Heuristic (more candidates): the better of the greedy fill by score per £ and the best single
// candidate, which is at least half the optimum (Martello & Toth 1990, §2.4); the reported gap is
// proven from the relaxation bound, OPT ≤ bound.

export const EXACT_LIMIT = 60;

export interface Knapsack {
  value: readonly number[];
  cost: readonly number[];
  budget: number;
}

export interface Portfolio {
  /** Candidate indices chosen, ascending. */
  chosen: number[];
  value: number;
  cost: number;
  /** An upper bound on the optimum: equal to value when exact. */
  bound: number;
  method: 'branch-and-bound' | 'greedy';
  exact: boolean;
  nodes: number;
}

function check(k: Knapsack): void {
  if (k.value.length !== k.cost.length) throw new Error('portfolio: values and costs differ in length');
  if (!(k.budget >= 0)) throw new Error(`invalid budget: ${k.budget}`);
  k.cost.forEach((c, i) => {
    if (!(c >= 0)) throw new Error(`invalid cost of candidate ${i}: ${c}`);
    if (!Number.isFinite(k.value[i]!)) throw new Error(`invalid score of candidate ${i}: ${k.value[i]}`);
  });
}

/** Candidates worth considering, in decreasing score per £; free ones apart. */
function order(k: Knapsack) {
  const free: number[] = [];
  const items: number[] = [];
  k.value.forEach((v, i) => {
    if (!(v > 0) || k.cost[i]! > k.budget) return;
    if (k.cost[i] === 0) free.push(i);
    else items.push(i);
  });
  items.sort((a, b) => k.value[b]! / k.cost[b]! - k.value[a]! / k.cost[a]! || a - b);
  return { free, items };
}

/** The relaxation bound of items[from…] with capacity left, greedy with one fractional item. */
function relaxation(k: Knapsack, items: number[], from: number, left: number): number {
  let b = 0;
  for (let t = from; t < items.length; t++) {
    const i = items[t]!;
    const c = k.cost[i]!;
    if (c <= left) {
      left -= c;
      b += k.value[i]!;
    } else {
      b += (k.value[i]! * left) / c;
      break;
    }
  }
  return b;
}

function result(
  k: Knapsack,
  chosen: number[],
  bound: number,
  method: Portfolio['method'],
  exact: boolean,
  nodes: number,
): Portfolio {
  const sorted = [...chosen].sort((a, b) => a - b);
  const value = sorted.reduce((s, i) => s + k.value[i]!, 0);
  const cost = sorted.reduce((s, i) => s + k.cost[i]!, 0);
  return { chosen: sorted, value, cost, bound: exact ? value : Math.max(bound, value), method, exact, nodes };
}

/** The optimum by branch and bound (exact unless maxNodes is reached; then the proven gap is reported). */
export function bestPortfolio(k: Knapsack, maxNodes = 5e7): Portfolio {
  check(k);
  const { free, items } = order(k);
  const n = items.length;
  const base = free.reduce((s, i) => s + k.value[i]!, 0);
  const root = relaxation(k, items, 0, k.budget);
  const take = new Uint8Array(n);
  let best = -1;
  let bestTake = new Uint8Array(n);
  let nodes = 0;
  let stopped = false;
  const scale = Math.max(1, root);
  const dfs = (t: number, left: number, value: number): void => {
    if (stopped) return;
    if (++nodes > maxNodes) {
      stopped = true;
      return;
    }
    if (value > best) {
      best = value;
      bestTake = Uint8Array.from(take);
    }
    if (t === n) return;
    // cut only when even the relaxation cannot beat the best found (with room for rounding)
    if (value + relaxation(k, items, t, left) <= best - 1e-12 * scale) return;
    const i = items[t]!;
    if (k.cost[i]! <= left) {
      take[t] = 1;
      dfs(t + 1, left - k.cost[i]!, value + k.value[i]!);
      take[t] = 0;
    }
    dfs(t + 1, left, value);
  };
  dfs(0, k.budget, 0);
  const chosen = [...free, ...items.filter((_, t) => bestTake[t] === 1)];
  return result(k, chosen, base + root, 'branch-and-bound', !stopped, nodes);
}

/** The heuristic: greedy by score per £, or the best single candidate if better (≥ half the optimum). */
export function greedyPortfolio(k: Knapsack): Portfolio {
  check(k);
  const { free, items } = order(k);
  let left = k.budget;
  const greedy: number[] = [];
  for (const i of items)
    if (k.cost[i]! <= left) {
      greedy.push(i);
      left -= k.cost[i]!;
    }
  const single = items.reduce((b, i) => (b < 0 || k.value[i]! > k.value[b]! ? i : b), -1);
  const g = greedy.reduce((s, i) => s + k.value[i]!, 0);
  const pick = single >= 0 && k.value[single]! > g ? [single] : greedy;
  const bound = free.reduce((s, i) => s + k.value[i]!, 0) + relaxation(k, items, 0, k.budget);
  return result(k, [...free, ...pick], bound, 'greedy', false, items.length);
}

/** Exact up to EXACT_LIMIT candidates, the heuristic with its proven gap beyond. */
export function choosePortfolio(k: Knapsack): Portfolio {
  return k.value.length <= EXACT_LIMIT ? bestPortfolio(k) : greedyPortfolio(k);
}
