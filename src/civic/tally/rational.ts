// Exact non-negative rationals over BigInt, for the Method of Equal Shares' reference path.
// Kept in lowest terms so repeated payments do not blow the numbers up.

/** num/den with den > 0, in lowest terms. */
export interface Rational {
  num: bigint;
  den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The rational num/den in lowest terms. */
export function rat(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new Error('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { num: n / g, den: d / g } : { num: n, den: d };
}

export const ZERO: Rational = { num: 0n, den: 1n };

export function add(a: Rational, b: Rational): Rational {
  return a.den === b.den ? rat(a.num + b.num, a.den) : rat(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return a.den === b.den ? rat(a.num - b.num, a.den) : rat(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** a × k for an integer k. */
export function scale(a: Rational, k: number | bigint): Rational {
  return rat(a.num * BigInt(k), a.den);
}

/** a ÷ k for a positive integer k. */
export function divInt(a: Rational, k: number | bigint): Rational {
  return rat(a.num, a.den * BigInt(k));
}

/** Sign of a − b: −1, 0 or 1. */
export function cmp(a: Rational, b: Rational): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}
