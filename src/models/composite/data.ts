// The input of a composite: one row per area, one column per indicator (row-major), NaN
// where a value is missing, and optionally a group per area (e.g. its region) for
// group-mean imputation.

/** Areas × indicators, row-major, NaN for a missing value. */
export interface CompositeData {
  areas: readonly string[];
  indicators: readonly string[];
  values: Float64Array;
  groups?: readonly string[];
}

/** The columns a pipeline names, in its order; refuses an indicator the data lacks. */
export function selectIndicators(data: CompositeData, ids: readonly string[]): CompositeData {
  const n = data.areas.length;
  const d = data.indicators.length;
  if (data.values.length !== n * d) throw new Error(`data size: ${data.values.length} ≠ ${n}×${d}`);
  if (data.groups && data.groups.length !== n)
    throw new Error(`groups: ${data.groups.length} for ${n} areas`);
  const columns = ids.map((id) => {
    const j = data.indicators.indexOf(id);
    if (j < 0) throw new Error(`indicator not in data: ${id}`);
    return j;
  });
  const values = new Float64Array(n * ids.length);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < columns.length; k++) values[i * ids.length + k] = data.values[i * d + columns[k]!]!;
  return { ...data, indicators: ids, values };
}

/** Every missing cell as `AREA indicator`, row by row. */
export function findGaps(data: CompositeData): string[] {
  const d = data.indicators.length;
  const gaps: string[] = [];
  data.values.forEach((v, i) => {
    if (!Number.isFinite(v)) gaps.push(`${data.areas[Math.floor(i / d)]} ${data.indicators[i % d]}`);
  });
  return gaps;
}

/** 1/sd of each column over its observed values (sample sd; 0 for a constant column, which then adds nothing to a z-scored distance). */
export function inverseSds(data: CompositeData): Float64Array {
  const n = data.areas.length;
  const d = data.indicators.length;
  const out = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const xs: number[] = [];
    for (let i = 0; i < n; i++)
      if (Number.isFinite(data.values[i * d + j]!)) xs.push(data.values[i * d + j]!);
    const m = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, xs.length - 1));
    out[j] = sd > 0 ? 1 / sd : 0;
  }
  return out;
}

/** Drops areas whose share of observed indicators is below `minCoverage` (JRC screening). */
export function screenAreas(
  data: CompositeData,
  minCoverage: number,
): { data: CompositeData; dropped: string[] } {
  if (minCoverage <= 0) return { data, dropped: [] };
  const d = data.indicators.length;
  const keep: number[] = [];
  const dropped: string[] = [];
  data.areas.forEach((area, i) => {
    let seen = 0;
    for (let j = 0; j < d; j++) if (Number.isFinite(data.values[i * d + j]!)) seen++;
    if (seen / d >= minCoverage) keep.push(i);
    else dropped.push(area);
  });
  const values = new Float64Array(keep.length * d);
  keep.forEach((i, r) => values.set(data.values.subarray(i * d, i * d + d), r * d));
  return {
    data: {
      ...data,
      areas: keep.map((i) => data.areas[i]!),
      values,
      ...(data.groups ? { groups: keep.map((i) => data.groups![i]!) } : {}),
    },
    dropped,
  };
}
