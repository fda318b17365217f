// Seeded randomness for every model: xoshiro128** (Blackman & Vigna 2018) seeded through
// splitmix32. Models never call Math.random; they take a `Random` so runs replay exactly.

/** A seeded generator: `next()` gives a uint32, `uniform()` a double in [0, 1) with 53 random bits. */
export interface Random {
  next(): number;
  uniform(): number;
}

/** One step of splitmix32 over a 32-bit state; used to seed and to derive sub-seeds. */
export function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Mixes a seed with further integers into one 32-bit seed (for per-run or per-worker streams). */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = splitmix32(seed >>> 0);
  for (const p of parts) h = splitmix32((h ^ (p >>> 0) ^ Math.floor(p / 4294967296)) >>> 0);
  return h;
}

class Xoshiro128 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    this.a = s = splitmix32(s);
    this.b = s = splitmix32(s);
    this.c = s = splitmix32(s);
    this.d = splitmix32(s);
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1; // the all-zero state is a fixed point
  }

  next(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  uniform(): number {
    // 27 + 26 bits, as in the reference conversion to a double
    return ((this.next() >>> 5) * 67108864 + (this.next() >>> 6)) / 9007199254740992;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A new generator from a 32-bit seed. */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new Error(`invalid seed: ${seed}`);
  return new Xoshiro128(seed);
}

/** A standard normal draw (Marsaglia polar method). */
export function normal(rng: Random): number {
  for (;;) {
    const u = 2 * rng.uniform() - 1;
    const v = 2 * rng.uniform() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** A Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 by the boost u^(1/shape)). */
export function gamma(rng: Random, shape: number): number {
  if (!(shape > 0)) throw new Error(`invalid gamma shape: ${shape}`);
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(rng.uniform() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Dirichlet(alpha) draw written into `out` (defaults to a new array); sums to 1. */
export function dirichlet(
  rng: Random,
  alpha: ArrayLike<number>,
  out = new Float64Array(alpha.length),
): Float64Array {
  let sum = 0;
  for (let i = 0; i < alpha.length; i++) sum += out[i] = gamma(rng, alpha[i]!);
  for (let i = 0; i < alpha.length; i++) out[i]! /= sum;
  return out;
}
