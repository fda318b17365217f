import type { IoTable } from '../../core/io-table.ts';

/**
 * Aggregation after computing at full detail (METHODS.md §3): B is K × n with B[k][i] the
 * share of industry i in group k (1 or 0, or a split share); Z_agg = B Z Bᵀ, v_agg = B v.
 */
export interface Aggregation {
  groups: string[];
  n: number;
  b: Float64Array;
}

/** Builds B from each code's group (a name, or shares over several groups summing to 1). */
export function aggregation(
  codes: readonly string[],
  groupOf: (code: string) => string | Record<string, number>,
): Aggregation {
  const groups: string[] = [];
  const entries = codes.map((code) => {
    const g = groupOf(code);
    const shares = typeof g === 'string' ? { [g]: 1 } : g;
    const total = Object.values(shares).reduce((s, v) => s + v, 0);
    if (Math.abs(total - 1) > 1e-12) throw new Error(`group shares of ${code} sum to ${total}, not 1`);
    for (const k of Object.keys(shares)) if (!groups.includes(k)) groups.push(k);
    return shares;
  });
  const n = codes.length;
  const b = new Float64Array(groups.length * n);
  entries.forEach((shares, i) => {
    for (const [k, v] of Object.entries(shares)) b[groups.indexOf(k) * n + i] = v;
  });
  return { groups, n, b };
}

/** B v. */
export function aggregateVector(agg: Aggregation, v: Float64Array): Float64Array {
  const { n, b } = agg;
  const k = agg.groups.length;
  const out = new Float64Array(k);
  for (let g = 0; g < k; g++) for (let i = 0; i < n; i++) out[g]! += b[g * n + i]! * v[i]!;
  return out;
}

/** B Z Bᵀ. */
export function aggregateMatrix(agg: Aggregation, z: Float64Array): Float64Array {
  const { n, b } = agg;
  const k = agg.groups.length;
  const bz = new Float64Array(k * n);
  for (let g = 0; g < k; g++)
    for (let i = 0; i < n; i++) {
      const w = b[g * n + i]!;
      if (w !== 0) for (let j = 0; j < n; j++) bz[g * n + j]! += w * z[i * n + j]!;
    }
  const out = new Float64Array(k * k);
  for (let g = 0; g < k; g++)
    for (let h = 0; h < k; h++) for (let j = 0; j < n; j++) out[g * k + h]! += bz[g * n + j]! * b[h * n + j]!;
  return out;
}

/** A whole table aggregated to groups. */
export function aggregateTable(t: IoTable, agg: Aggregation): IoTable {
  if (agg.n !== t.codes.length)
    throw new Error(`aggregation has ${agg.n} industries, table has ${t.codes.length}`);
  const each = (rec: Record<string, Float64Array>) =>
    Object.fromEntries(Object.entries(rec).map(([k, v]) => [k, aggregateVector(agg, v)]));
  return {
    year: t.year,
    codes: [...agg.groups],
    names: [...agg.groups],
    z: aggregateMatrix(agg, t.z),
    finalDemand: each(t.finalDemand),
    primaryInputs: each(t.primaryInputs),
    output: aggregateVector(agg, t.output),
    ...(t.employment ? { employment: aggregateVector(agg, t.employment) } : {}),
  };
}

/** A link from an area to its parent; weight < 1 where the area straddles parents. */
export interface RollUpLink {
  child: string;
  parent: string;
  weight: number;
}

/** Sums rows of an areas × m matrix into parent areas (ITL3 → ITL2 → ITL1 → UK); unknown areas are errors. */
export function rollUp(
  areas: readonly string[],
  values: Float64Array,
  links: readonly RollUpLink[],
): { parents: string[]; values: Float64Array } {
  const m = values.length / areas.length;
  if (!Number.isInteger(m)) throw new Error(`values do not divide into ${areas.length} areas`);
  const at = new Map(areas.map((a, i) => [a, i]));
  const parents = [...new Set(links.map((l) => l.parent))];
  const out = new Float64Array(parents.length * m);
  const covered = new Map<string, number>();
  for (const l of links) {
    const i = at.get(l.child);
    if (i === undefined) throw new Error(`unknown area: ${l.child}`);
    const p = parents.indexOf(l.parent);
    for (let c = 0; c < m; c++) out[p * m + c]! += l.weight * values[i * m + c]!;
    covered.set(l.child, (covered.get(l.child) ?? 0) + l.weight);
  }
  for (const a of areas) {
    const w = covered.get(a) ?? 0;
    if (Math.abs(w - 1) > 1e-9) throw new Error(`area ${a} is rolled up with total weight ${w}, not 1`);
  }
  return { parents, values: out };
}
