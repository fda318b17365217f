// Women's share of jobs by input–output industry, from the best source the data pack holds for
// it: employers' gender pay gap returns (Government Equalities Office), where each employer
// reports the share of women in each pay quartile — equal headcounts, so their mean is its share
// of women among its employees. Employers are weighted by the midpoint of their size band and
// shared equally among their SIC codes. Industries with too few employers take their SIC
// section's share, then the all-employer share, and are named.
import { relation, sicCovers } from '../io/ioat-sic.ts';
import { sectionOf } from '../../core/sic.ts';

/** One employer's return: its SIC codes as published, women's share of employees (%), size band. */
export interface EmployerReturn {
  sic: readonly string[];
  female: number | null;
  size: string;
}

/** Employees represented by a size band (its midpoint; the open top band at 30,000, a judgement). */
export const SIZE_WEIGHTS: Readonly<Record<string, number>> = {
  'Less than 250': 125,
  '250 to 499': 375,
  '500 to 999': 750,
  '1000 to 4999': 3000,
  '5000 to 19,999': 12500,
  '20,000 or more': 30000,
};

export interface FemaleShares {
  share: Float64Array;
  employers: Float64Array;
  /** Industries that took a wider share, and why. */
  fallbacks: string[];
  overall: number;
}

/** A published SIC code as a 4-digit class prefix (a 5-digit subclass that lost its leading zero gets it back). */
function classOf(code: string): string | null {
  const c = code.trim();
  if (!/^\d{4,5}$/.test(c)) return null;
  return (c.length === 4 ? `0${c}` : c).slice(0, 4);
}

/** Women's share (0–1) of jobs by IOAT industry; `minEmployers` below which a wider share is used. */
export function femaleShares(
  codes: readonly string[],
  returns: readonly EmployerReturn[],
  minEmployers = 10,
): FemaleShares {
  const covers = sicCovers(codes);
  const n = codes.length;
  const w = new Float64Array(n);
  const wf = new Float64Array(n);
  const count = new Float64Array(n);
  let all = 0;
  let allF = 0;
  const at = new Map<string, number>();
  const industryOf = (cls: string): number => {
    if (!at.has(cls))
      at.set(
        cls,
        covers.findIndex((c) => relation(c, cls) === 'all'),
      );
    return at.get(cls)!;
  };
  for (const r of returns) {
    const weight = SIZE_WEIGHTS[r.size];
    if (r.female === null || !(r.female >= 0 && r.female <= 100) || !weight) continue;
    const hits = r.sic
      .map(classOf)
      .filter((c): c is string => c !== null)
      .map(industryOf)
      .filter((i) => i >= 0);
    if (hits.length === 0) continue;
    all += weight;
    allF += (weight * r.female) / 100;
    for (const i of hits) {
      w[i]! += weight / hits.length;
      wf[i]! += (weight * r.female) / 100 / hits.length;
      count[i]! += 1 / hits.length;
    }
  }
  if (!(all > 0)) throw new Error('no employer returns with a share of women and a SIC code');
  const overall = allF / all;
  const share = new Float64Array(n);
  const fallbacks: string[] = [];
  const sections = codes.map((c) => {
    const cover = covers[codes.indexOf(c)]!;
    return cover.include.length ? sectionOf(cover.include[0]!.slice(0, 2)) : null;
  });
  for (let i = 0; i < n; i++) {
    if (count[i]! >= minEmployers) {
      share[i] = wf[i]! / w[i]!;
      continue;
    }
    let sw = 0;
    let sf = 0;
    let sc = 0;
    for (let j = 0; j < n; j++)
      if (sections[j] !== null && sections[j] === sections[i]) {
        sw += w[j]!;
        sf += wf[j]!;
        sc += count[j]!;
      }
    const wide = sc >= minEmployers && sw > 0;
    share[i] = wide ? sf / sw : overall;
    fallbacks.push(
      `${codes[i]}: ${count[i]!.toFixed(0)} employers, ${wide ? `section ${sections[i]}'s share` : 'the all-employer share'}`,
    );
  }
  return { share, employers: count, fallbacks, overall };
}
