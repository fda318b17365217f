// Greenhouse gas intensity by input–output industry (thousand tonnes CO2e per £ million of GVA)
// from the ONS atmospheric emissions table by SIC group: each IOAT industry takes the groups whose
// SIC detail overlaps it (the mean of their values when several do, flagged); `[low]` (below the
// table's precision) counts as 0 and `[z]` (not applicable) is left out; an industry with no
// valued group takes its section's value.
import { sectionOf } from '../../core/sic.ts';
import { sicCovers, type SicCover } from '../io/ioat-sic.ts';

/** One published value: the table's code (`10.2-3`, `33 (not 33.15-16)`, `C`), value and status marker. */
export interface Intensity {
  code: string;
  value: number | null;
  status: string | null;
}

interface Group {
  code: string;
  include: string[];
  exclude: string[];
  value: number | null;
  status: string | null;
}

/** SIC prefixes of a dotted code: `10.2-3` → 102, 103; `30.2+4+9` → 302, 304, 309; `11.01-6 &12` → 1101…1106, 12. */
export function dottedPrefixes(code: string): { include: string[]; exclude: string[] } {
  const m = /^(.*?)\s*(?:\(not ([^)]*)\))?$/.exec(code.trim())!;
  return { include: prefixes(m[1]!), exclude: m[2] ? prefixes(m[2]) : [] };
}

function prefixes(text: string): string[] {
  const out: string[] = [];
  let division: string | null = null;
  for (const raw of text.split(/[+&]/).map((p) => p.trim())) {
    const dotted = /^(\d{1,2})\.(\d{1,2})(?:-(\d{1,2}))?$/.exec(raw);
    if (dotted) {
      division = dotted[1]!.padStart(2, '0');
      out.push(...range(division, dotted[2]!, dotted[3]));
      continue;
    }
    const bare = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(raw);
    if (!bare) throw new Error(`unknown industry code: ${text}`);
    // a single digit after a dotted part continues its division (30.2+4 = 30.2, 30.4)
    if (division !== null && bare[1]!.length === 1) out.push(...range(division, bare[1]!, bare[2]));
    else {
      division = null;
      out.push(bare[1]!.padStart(2, '0'));
    }
  }
  return out;
}

/** `10`, `2`, `3` → 102, 103 (the range end replaces the last digits of the start). */
function range(division: string, from: string, to: string | undefined): string[] {
  if (to === undefined) return [division + from];
  const end = from.slice(0, from.length - to.length) + to;
  const out: string[] = [];
  for (let v = Number(from); v <= Number(end); v++) out.push(division + String(v).padStart(from.length, '0'));
  return out;
}

function overlaps(cover: SicCover, g: Group): boolean {
  for (const a of cover.include)
    for (const b of g.include) {
      if (!(a.startsWith(b) || b.startsWith(a))) continue;
      const deeper = a.length >= b.length ? a : b;
      if (g.exclude.some((x) => deeper.startsWith(x)) || cover.exclude.some((x) => deeper.startsWith(x)))
        continue;
      return true;
    }
  return false;
}

/** Intensity per IOAT industry and the notes on how each unusual one was made. */
export function intensityByIndustry(
  codes: readonly string[],
  published: readonly Intensity[],
): { value: Float64Array; notes: string[] } {
  const sections = new Map(published.filter((p) => /^[A-U]$/.test(p.code)).map((p) => [p.code, p]));
  const groups: Group[] = published
    .filter((p) => /^\d/.test(p.code))
    .map((p) => ({ ...dottedPrefixes(p.code), code: p.code, value: p.value, status: p.status }));
  const covers = sicCovers(codes);
  const value = new Float64Array(codes.length);
  const notes: string[] = [];
  covers.forEach((cover, i) => {
    if (cover.imputedRent) return;
    const hit = groups.filter((g) => overlaps(cover, g));
    const valued = hit.filter((g) => g.value !== null || /low/.test(g.status ?? ''));
    if (valued.length === 0) {
      const s = sections.get(sectionLetter(cover));
      value[i] = s?.value ?? 0;
      notes.push(`${codes[i]}: no group value, section ${sectionLetter(cover)}'s ${s?.value ?? 0}`);
      return;
    }
    value[i] = valued.reduce((t, g) => t + (g.value ?? 0), 0) / valued.length;
    if (valued.length > 1) notes.push(`${codes[i]}: mean of ${valued.map((g) => g.code).join(', ')}`);
  });
  return { value, notes };
}

function sectionLetter(cover: SicCover): string {
  return sectionOf(cover.include[0]!.slice(0, 2));
}
