// A supplier's industries, from the SIC 2007 codes in its gender pay gap returns: its spend is
// shared equally among its listed codes, and each code placed in a SIC division, a layer of the
// taxonomy (METHODS.md §1) and an industry of the input–output table.
import { relation, type SicCover } from '../io/ioat-sic.ts';

/** A supplier's listed codes (`1` marks a public-sector employer and is not a code; `1470` lost its leading zero). */
export function realCodes(codes: readonly string[]): string[] {
  return codes
    .map((c) => c.trim())
    .filter((c) => /^\d{4,5}$/.test(c))
    .map((c) => c.padStart(5, '0'));
}

/** Shares of a supplier's spend by SIC division (equal shares of its codes); empty when it lists none. */
export function divisionShares(codes: readonly string[]): Map<string, number> {
  const real = realCodes(codes);
  const out = new Map<string, number>();
  for (const c of real) out.set(c.slice(0, 2), (out.get(c.slice(0, 2)) ?? 0) + 1 / real.length);
  return out;
}

/** The IOAT industry covering a 5-digit SIC code: the cover holding its class, group or division whole. */
export function ioatOf(code: string, covers: readonly SicCover[]): string | null {
  for (const len of [4, 3, 2]) {
    const hit = covers.find((c) => relation(c, code.slice(0, len)) === 'all');
    if (hit) return hit.code;
  }
  return null;
}

/** Shares of a supplier's spend by IOAT industry (codes no industry covers whole are left out). */
export function ioatShares(codes: readonly string[], covers: readonly SicCover[]): Map<string, number> {
  const real = realCodes(codes);
  const out = new Map<string, number>();
  for (const c of real) {
    const ioat = ioatOf(c, covers);
    if (ioat) out.set(ioat, (out.get(ioat) ?? 0) + 1 / real.length);
  }
  return out;
}
