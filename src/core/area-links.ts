import type { AreaLink } from './records.ts';

/**
 * LAD → ITL3 links with the straddle rule made explicit. A LAD whose LAU1 parts all sit in
 * one ITL3 gets weight 1 (rule null). A LAD whose parts sit in several ITL3s (Cumberland,
 * Westmorland and Furness, Highland, North Ayrshire, Argyll and Bute in the 2023 lookup)
 * is shared by its parts: by their population when `population` holds every part
 * (rule `lau1-population`), otherwise by the count of parts (rule `lau1-count`).
 * Reads the LAD → LAU1 and LAU1 → ITL3 links of every vintage in `links`.
 */
export function straddleWeights(
  links: readonly AreaLink[],
  population?: ReadonlyMap<string, number>,
): AreaLink[] {
  const itl3Of = new Map<string, string>();
  const parts = new Map<string, { lad: string; vintage: string; lau1: string[] }>();
  for (const l of links) {
    if (l.childLevel === 'lau1' && l.parentLevel === 'itl3') {
      const key = `${l.vintage}|${l.child}`;
      const had = itl3Of.get(key);
      if (had !== undefined && had !== l.parent) throw new Error(`LAU1 in two ITL3 areas: ${l.child}`);
      itl3Of.set(key, l.parent);
    } else if (l.childLevel === 'ltla' && l.parentLevel === 'lau1') {
      const key = `${l.vintage}|${l.child}`;
      const entry = parts.get(key) ?? { lad: l.child, vintage: l.vintage, lau1: [] };
      entry.lau1.push(l.parent);
      parts.set(key, entry);
    }
  }
  const out: AreaLink[] = [];
  for (const { lad, vintage, lau1 } of parts.values()) {
    const itl3 = lau1.map((p) => {
      const code = itl3Of.get(`${vintage}|${p}`);
      if (code === undefined) throw new Error(`no ITL3 for LAU1: ${p}`);
      return code;
    });
    for (const link of ladLinks(lad, vintage, lau1, itl3, population)) out.push(link);
  }
  return out;
}

function ladLinks(
  lad: string,
  vintage: string,
  lau1: string[],
  itl3: string[],
  population?: ReadonlyMap<string, number>,
): AreaLink[] {
  const base = { child: lad, childLevel: 'ltla', parentLevel: 'itl3', vintage };
  const distinct = [...new Set(itl3)];
  if (distinct.length === 1) return [{ ...base, parent: distinct[0]!, weight: 1, rule: null }];
  const sizes = lau1.map((p) => population?.get(p));
  const byPopulation = sizes.every((s) => s !== undefined && Number.isFinite(s) && s > 0);
  const size = (i: number) => (byPopulation ? sizes[i]! : 1);
  let total = 0;
  const share = new Map<string, number>();
  lau1.forEach((_, i) => {
    share.set(itl3[i]!, (share.get(itl3[i]!) ?? 0) + size(i));
    total += size(i);
  });
  const rule = byPopulation ? 'lau1-population' : 'lau1-count';
  return distinct.map((parent) => ({ ...base, parent, weight: share.get(parent)! / total, rule }));
}
