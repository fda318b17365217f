// Imputation of missing indicator values (OECD/JRC Handbook 2008 §1.3; COINr `Impute`):
// `none` refuses and lists the gaps; `mean` / `median` use the indicator's values over all
// areas; `group-mean` the mean over the area's group (e.g. its region), falling back to the
// overall mean when the whole group is missing; `knn` the mean of the k nearest areas that
// have the value, by Euclidean distance on the z-scored indicators both areas have.
import { findGaps, inverseSds, type CompositeData } from './data.ts';
import type { ImputationMethod } from './pipeline.ts';

/** One filled cell and how it was filled. */
export interface ImputedCell {
  area: string;
  indicator: string;
  value: number;
  method: ImputationMethod;
}

/** Fills every gap by `method`; returns the completed values and the record of what was filled. */
export function impute(
  data: CompositeData,
  method: ImputationMethod,
  k = 5,
): { values: Float64Array; imputed: ImputedCell[] } {
  const gaps = findGaps(data);
  if (gaps.length === 0) return { values: data.values, imputed: [] };
  const n = data.areas.length;
  const d = data.indicators.length;
  const values = data.values.slice();
  const imputed: ImputedCell[] = [];
  const fill = (i: number, j: number, value: number, how: ImputationMethod) => {
    values[i * d + j] = value;
    imputed.push({ area: data.areas[i]!, indicator: data.indicators[j]!, value, method: how });
  };
  const column = (j: number, rows?: number[]) =>
    (rows ?? [...Array(n).keys()]).map((i) => data.values[i * d + j]!).filter(Number.isFinite);
  // each column's observed values, read once rather than once per gap
  const observed = Array.from({ length: d }, (_, j) => column(j));
  observed.forEach((xs, j) => {
    if (xs.length === 0) throw new Error(`no values for indicator: ${data.indicators[j]}`);
  });
  switch (method) {
    case 'none':
      throw new Error(`missing: ${gaps.join(', ')}`);
    case 'mean':
    case 'median': {
      const centre = observed.map(method === 'mean' ? mean : median);
      eachGap(data, (i, j) => fill(i, j, centre[j]!, method));
      return { values, imputed };
    }
    case 'group-mean': {
      const groups = data.groups;
      if (!groups) throw new Error('group-mean imputation needs a group for each area');
      eachGap(data, (i, j) => {
        const peers = column(
          j,
          [...Array(n).keys()].filter((r) => groups[r] === groups[i]),
        );
        if (peers.length) fill(i, j, mean(peers), 'group-mean');
        else fill(i, j, mean(observed[j]!), 'mean');
      });
      return { values, imputed };
    }
    case 'knn': {
      const scale = inverseSds(data);
      eachGap(data, (i, j) => fill(i, j, knnValue(data, scale, i, j, k), 'knn'));
      return { values, imputed };
    }
  }
  throw new Error(`invalid imputation: ${method}`);
}

function eachGap(data: CompositeData, f: (i: number, j: number) => void): void {
  const d = data.indicators.length;
  for (let i = 0; i < data.areas.length; i++)
    for (let j = 0; j < d; j++) if (!Number.isFinite(data.values[i * d + j]!)) f(i, j);
}

/** Arithmetic mean. */
export function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Median (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

// Mean of indicator j over the k areas nearest to area i among those that have it; distance is
// the root mean squared difference of z-scores over the indicators both areas have.
function knnValue(data: CompositeData, scale: Float64Array, i: number, j: number, k: number): number {
  const n = data.areas.length;
  const d = data.indicators.length;
  const v = data.values;
  const candidates: { row: number; dist: number }[] = [];
  for (let r = 0; r < n; r++) {
    if (r === i || !Number.isFinite(v[r * d + j]!)) continue;
    let s = 0;
    let shared = 0;
    for (let c = 0; c < d; c++) {
      const a = v[i * d + c]!;
      const b = v[r * d + c]!;
      if (c === j || !Number.isFinite(a) || !Number.isFinite(b)) continue;
      s += ((a - b) * scale[c]!) ** 2;
      shared++;
    }
    if (shared > 0) candidates.push({ row: r, dist: Math.sqrt(s / shared) });
  }
  if (candidates.length === 0)
    throw new Error(`no neighbours to impute: ${data.areas[i]} ${data.indicators[j]}`);
  candidates.sort((a, b) => a.dist - b.dist || a.row - b.row);
  return mean(candidates.slice(0, k).map((c) => v[c.row * d + j]!));
}
