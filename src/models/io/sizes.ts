import { resolveIndustry } from '../../core/sic.ts';

/** A published value for an area and industry code (`CA (10-12)`, `49-51`, `68IMP`, …). */
export interface PublishedValue {
  code: string;
  value: number | null;
}

/** Size (GVA, £ million) by IOAT industry for every area, N × n row-major, and how it was made. */
export interface RegionalSizes {
  areas: string[];
  codes: string[];
  size: Float64Array;
  flags: string[];
}

/**
 * Maps an area's published industry values (the finest codes, a partition: leaves of the
 * ONS tree) onto IOAT industries by SIC divisions. Codes and industries sharing a division
 * form a group; the group's published total is shared among its IOAT industries by their
 * national `weights` (the IOT's GVA), flagged as apportioned where a group holds more than
 * one. Owner-occupiers' imputed rental (`68IMP`, IOAT `L68A`) is kept apart from the rest of
 * division 68 where both sides publish it separately.
 */
export function sizeMapper(
  ioatCodes: readonly string[],
  weights: Float64Array,
  published: readonly string[],
) {
  const imputedApart = published.some((c) => resolveIndustry(c).imputedRent);
  const pubTokens = published.map((c) => tokens(c, imputedApart));
  const ioatTokens = ioatCodes.map((c) => tokens(c, true));
  checkDisjoint(published, pubTokens);
  const groups = groupsOf(pubTokens, ioatTokens);
  const flags: string[] = [];
  for (const g of groups) {
    if (g.ioat.length === 0)
      flags.push(`${g.pub.map((p) => published[p]).join(', ')}: no IOAT industry (dropped)`);
    if (g.ioat.length > 1)
      flags.push(
        `${g.pub.map((p) => published[p]).join(', ')} → ${g.ioat.length} IOAT industries: apportioned by national shares`,
      );
  }
  const uncovered = ioatCodes.filter((_, k) => !groups.some((g) => g.pub.length > 0 && g.ioat.includes(k)));
  if (uncovered.length)
    throw new Error(`IOAT industries not covered by the published codes: ${uncovered.join(', ')}`);
  const at = new Map(published.map((c, i) => [c, i]));
  /** Sizes by IOAT industry from one area's values (in any order; every published code needed). */
  const map = (values: readonly PublishedValue[], out = new Float64Array(ioatCodes.length)) => {
    const v = new Float64Array(published.length);
    const seen = new Set<string>();
    for (const { code, value } of values) {
      const i = at.get(code);
      if (i === undefined) throw new Error(`industry code not in the mapping: ${code}`);
      if (value !== null && !(value >= 0)) throw new Error(`negative size for ${code}: ${value}`);
      v[i] = value ?? 0;
      seen.add(code);
    }
    if (seen.size !== published.length)
      throw new Error(`missing industry codes: ${published.filter((c) => !seen.has(c)).join(', ')}`);
    for (const g of groups) apportion(g, v, weights, out);
    return out;
  };
  return { map, flags };
}

/** Sizes for many areas, each from its published values. */
export function regionalSizes(
  ioatCodes: readonly string[],
  weights: Float64Array,
  byArea: readonly { area: string; values: readonly PublishedValue[] }[],
): RegionalSizes {
  if (byArea.length === 0) throw new Error('no areas');
  const mapper = sizeMapper(
    ioatCodes,
    weights,
    byArea[0]!.values.map((v) => v.code),
  );
  const n = ioatCodes.length;
  const size = new Float64Array(byArea.length * n);
  const flags = [...mapper.flags];
  byArea.forEach(({ area, values }, r) => {
    if (values.some((v) => v.value === null)) flags.push(`${area}: missing values counted as 0`);
    // Official GVA can be negative (a loss-making industry in a small area); a size cannot.
    const negative = values.filter((v) => v.value !== null && v.value < 0);
    for (const v of negative)
      flags.push(`${area}: published GVA for ${v.code} is ${v.value}, counted as 0 for its size`);
    const sized = negative.length
      ? values.map((v) => (v.value !== null && v.value < 0 ? { ...v, value: 0 } : v))
      : values;
    mapper.map(sized, size.subarray(r * n, (r + 1) * n));
  });
  return { areas: byArea.map((a) => a.area), codes: [...ioatCodes], size, flags };
}

interface Group {
  pub: number[];
  ioat: number[];
}

function tokens(code: string, imputedApart: boolean): Set<string> {
  const r = resolveIndustry(code);
  if (r.imputedRent) return new Set(['68IMP']);
  const t = new Set(r.divisions);
  if (t.has('68') && !imputedApart) t.add('68IMP');
  return t;
}

function checkDisjoint(codes: readonly string[], sets: Set<string>[]): void {
  const owner = new Map<string, number>();
  sets.forEach((s, i) =>
    s.forEach((t) => {
      const o = owner.get(t);
      if (o !== undefined)
        throw new Error(`published codes overlap (not a partition): ${codes[o]} and ${codes[i]}`);
      owner.set(t, i);
    }),
  );
}

function groupsOf(pub: Set<string>[], ioat: Set<string>[]): Group[] {
  const groups: { tokens: Set<string>; pub: number[]; ioat: number[] }[] = [];
  const join = (t: Set<string>, add: (g: Group) => void) => {
    const hit = groups.filter((g) => [...t].some((x) => g.tokens.has(x)));
    const merged = { tokens: new Set(t), pub: [] as number[], ioat: [] as number[] };
    for (const g of hit) {
      g.tokens.forEach((x) => merged.tokens.add(x));
      merged.pub.push(...g.pub);
      merged.ioat.push(...g.ioat);
      groups.splice(groups.indexOf(g), 1);
    }
    add(merged);
    groups.push(merged);
  };
  pub.forEach((t, i) => join(t, (g) => g.pub.push(i)));
  ioat.forEach((t, k) => join(t, (g) => g.ioat.push(k)));
  return groups.map((g) => ({ pub: g.pub.sort((a, b) => a - b), ioat: g.ioat.sort((a, b) => a - b) }));
}

function apportion(g: Group, values: Float64Array, weights: Float64Array, out: Float64Array): void {
  let total = 0;
  for (const p of g.pub) total += values[p]!;
  let w = 0;
  for (const k of g.ioat) w += weights[k]!;
  for (const k of g.ioat) out[k] = g.ioat.length === 1 ? total : w > 0 ? (total * weights[k]!) / w : 0;
  if (g.ioat.length > 1 && !(w > 0) && total > 0) throw new Error('no national weights to apportion a group');
}
