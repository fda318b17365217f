import { resolveIndustry } from '../../core/sic.ts';

/**
 * The SIC 2007 detail an IOAT industry covers, finer than divisions: prefixes of SIC codes
 * (`10` a division, `101` a group, `1101` a class) it includes and those it leaves to other
 * industries. Most IOAT codes spell their detail out (`C102_3`, `C1101T1106 & C12`,
 * `K65.1-2 & K65.3`, `L68BXL683` = 68 excluding 68.3); `…OTHER` covers the rest of its
 * division after its siblings; the three chemical splits are listed in the ONS
 * classification key (sheet IOGs of the workbook).
 */
export interface SicCover {
  code: string;
  include: string[];
  exclude: string[];
  /** Owner-occupiers' imputed rental (`L68A`): no SIC activity, no employees. */
  imputedRent: boolean;
}

/** IOGs key: 20A = 20.11/13/15, 20B = 20.14/16/17/60, 20C = 20.12/20. */
const LISTED: Record<string, string[]> = {
  C20A: ['2011', '2013', '2015'],
  C20B: ['2014', '2016', '2017', '2060'],
  C20C: ['2012', '2020'],
};

const PART = /^[A-U](\d{2,4})(?:(T|_)(\d{1,4}))?(?:\.(\d)(?:-(\d))?)?([A-Z].*)?$/;

/** The SIC cover of every code of an IOAT industry list (siblings are needed for `…OTHER`). */
export function sicCovers(codes: readonly string[]): SicCover[] {
  const covers = codes.map(ownCover);
  for (const c of covers) {
    if (!c.exclude.includes('*')) continue;
    const division = c.include[0]!;
    c.exclude = covers
      .filter((o) => o !== c && !o.imputedRent)
      .flatMap((o) => o.include)
      .filter((p) => p.length > division.length && p.startsWith(division));
  }
  return covers;
}

function ownCover(code: string): SicCover {
  const r = resolveIndustry(code);
  if (r.imputedRent) return { code, include: [], exclude: [], imputedRent: true };
  if (LISTED[code]) return { code, include: [...LISTED[code]], exclude: [], imputedRent: false };
  const include: string[] = [];
  const exclude: string[] = [];
  for (const part of code.split(/[&,]/).map((p) => p.trim())) {
    const m = PART.exec(part);
    if (!m) throw new Error(`unknown industry code: ${code}`);
    const [, from, sep, to, dotFrom, dotTo, suffix] = m;
    if (dotFrom !== undefined) include.push(...range(from! + dotFrom, from! + (dotTo ?? dotFrom)));
    else if (sep === 'T') include.push(...range(from!, to!));
    else if (sep === '_') include.push(...range(from!, from!.slice(0, from!.length - to!.length) + to));
    else include.push(from!);
    if (suffix === 'OTHER') exclude.push('*');
    else if (suffix !== undefined) {
      const x = /^[A-Z]?X[A-U]?(\d+)$/.exec(suffix);
      if (!x) throw new Error(`no SIC detail known for IOAT industry: ${code}`);
      exclude.push(x[1]!);
    }
  }
  return { code, include, exclude, imputedRent: false };
}

function range(from: string, to: string): string[] {
  if (from.length !== to.length || Number(to) < Number(from)) throw new Error(`bad SIC range: ${from}-${to}`);
  const out: string[] = [];
  for (let v = Number(from); v <= Number(to); v++) out.push(String(v).padStart(from.length, '0'));
  return out;
}

/** How a SIC prefix (a division, group or class) relates to a cover: inside it, overlapping it, or apart. */
export function relation(cover: SicCover, prefix: string): 'all' | 'part' | 'none' {
  if (cover.imputedRent) return 'none';
  let part = false;
  for (const inc of cover.include) {
    if (prefix.startsWith(inc)) {
      if (cover.exclude.some((e) => prefix.startsWith(e))) continue;
      return cover.exclude.some((e) => e.startsWith(prefix)) ? 'part' : 'all';
    }
    if (inc.startsWith(prefix)) part = true;
  }
  return part ? 'part' : 'none';
}
