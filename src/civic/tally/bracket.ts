// Comparing two projects' ratios held as brackets [lo, hi] in doubles, or exactly as fractions.

/** A value known to lie in [lo, hi], and exactly as num/den once computed. */
export interface Bracketed {
  lo: number;
  hi: number;
  exact?: [bigint, bigint];
}

/** −1 if a is smaller, 1 if b is, 0 for an exact tie, NaN if the brackets overlap and are not both exact. */
export function compareBrackets(a: Bracketed, b: Bracketed): number {
  if (a.exact && b.exact) {
    const l = a.exact[0] * b.exact[1];
    const r = b.exact[0] * a.exact[1];
    return l < r ? -1 : l > r ? 1 : 0;
  }
  if (a.hi < b.lo) return -1;
  if (a.lo > b.hi) return 1;
  return NaN;
}
