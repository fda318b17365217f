// EJR up to one by brute force over every group of voters and every set of projects, straight
// from the definition (ejr.ts): the reference the tests check the search against on small
// instances (up to about 10 voters and 8 projects).
import type { EjrInput } from './ejr.ts';

function utilityTable(input: EjrInput): number[][] {
  const table = Array.from({ length: input.voters }, () => input.cost.map(() => 0));
  input.utilities.voters.forEach((vs, j) =>
    vs.forEach((v, k) => (table[v]![j] = input.utilities.value[j]![k]!)),
  );
  return table;
}

/** True when some (α, T)-cohesive group has no member satisfied up to one project. */
export function ejrViolatedBrute(input: EjrInput): boolean {
  const u = utilityTable(input);
  const m = input.cost.length;
  const funded = new Set(input.funded);
  const sat = u.map((row) => input.funded.reduce((s, j) => s + row[j]!, 0));
  for (let S = 1; S < 1 << input.voters; S++) {
    const members = u.map((_, i) => i).filter((i) => S & (1 << i));
    for (let T = 1; T < 1 << m; T++) {
      const projects = input.cost.map((_, j) => j).filter((j) => T & (1 << j));
      const alpha = projects.map((j) => Math.min(...members.map((i) => u[i]![j]!)));
      if (alpha.some((a) => a <= 0)) continue;
      const cost = projects.reduce((s, j) => s + input.cost[j]!, 0);
      if (members.length * input.budget < cost * input.voters) continue;
      const target = alpha.reduce((s, a) => s + a, 0);
      const satisfied = members.some(
        (i) => sat[i]! >= target || projects.some((a) => !funded.has(a) && sat[i]! + u[i]![a]! > target),
      );
      if (!satisfied) return true;
    }
  }
  return false;
}
