/**
 * Classic shift-share (Dunn 1960; METHODS.md §2) for one area over [t0, t1]:
 * Δe_i = e_i·g (national share) + e_i·(g_i − g) (industry mix) + e_i·(g_i^r − g_i) (regional shift).
 */
export interface ShiftShareRow {
  unit: string;
  base: number;
  change: number;
  nationalShare: number;
  industryMix: number;
  regionalShift: number;
}

/**
 * `base` is e_i^r at t0, `regional` the area's growth rate per unit, `national` the national
 * growth rate per unit, `overall` the national growth of the total. Rates are fractions (0.1 = 10%).
 */
export function shiftShare(
  units: string[],
  base: ArrayLike<number>,
  regional: ArrayLike<number>,
  national: ArrayLike<number>,
  overall: number,
): ShiftShareRow[] {
  return units.map((unit, i) => {
    const e = base[i]!;
    return {
      unit,
      base: e,
      change: e * regional[i]!,
      nationalShare: e * overall,
      industryMix: e * (national[i]! - overall),
      regionalShift: e * (regional[i]! - national[i]!),
    };
  });
}
