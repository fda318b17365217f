// A synthetic participatory budget for load tests: seeded, so every run times the same
// instance. Project popularity follows a Zipf-like law and ballots hold 1–15 approvals, the
// shape of the Warsaw district ballots in pabulib; costs are whole currency units.
import { approvalProblem, type BudgetProblem } from '../src/civic/problem.ts';

/** mulberry32: a small seeded generator, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `voters` approval ballots over `projects` projects, budget a quarter of the total cost. */
export function syntheticProblem(voters: number, projects: number, seed = 1): BudgetProblem {
  const rand = prng(seed);
  const costs = Array.from({ length: projects }, () => 10_000 + Math.floor(rand() * 990_000));
  const weight = Array.from({ length: projects }, (_, j) => 1 / (j + 1) ** 0.8);
  const cumulative: number[] = [];
  weight.reduce((s, w, j) => (cumulative[j] = s + w), 0);
  const totalWeight = cumulative[projects - 1]!;
  const pick = (): number => {
    const x = rand() * totalWeight;
    let lo = 0;
    let hi = projects - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const ballots: string[][] = [];
  for (let v = 0; v < voters; v++) {
    const size = 1 + Math.floor(rand() * 15);
    const chosen = new Set<number>();
    while (chosen.size < Math.min(size, projects)) chosen.add(pick());
    ballots.push([...chosen].map(String));
  }
  const total = costs.reduce((s, c) => s + c, 0);
  const list = costs.map((c, j) => ({ id: String(j), cost: String(c) }));
  return approvalProblem(String(Math.floor(total / 4)), list, ballots);
}

/** The same ballots as cumulative ones: each approval carries 1–5 points (seeded). */
export function syntheticCardinal(voters: number, projects: number, seed = 1): BudgetProblem {
  const p = syntheticProblem(voters, projects, seed);
  const rand = prng(seed + 1);
  const points = p.approvers.map((a) => Float64Array.from(a, () => 1 + Math.floor(rand() * 5)));
  return { ...p, approval: false, cardinal: { voters: p.approvers, points, scale: 0 } };
}
