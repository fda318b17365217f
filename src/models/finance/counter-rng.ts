// A counter-based generator: every draw is a hash of (seed, path, year, stream), so a draw
// never depends on how many other draws were made before it, on which thread, or in which
// order. That is what makes a Monte Carlo run identical for any number of workers, and what
// lets a reform reuse the baseline's draws exactly (paired differences): the same counter
// gives the same number. The mixing function is lowbias32 (C. Wellons, "Prospecting for hash
// functions", 2018), a 32-bit integer hash with near-ideal avalanche; a path is keyed by two
// independent 32-bit words, so two paths never share a whole year of draws.

/** lowbias32: a bijective 32-bit hash (the result is an unsigned 32-bit integer). */
export function hash32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const GOLDEN = 0x9e3779b9;

/** The first key word of a path under a seed. */
export function pathKeyA(seed: number, path: number): number {
  return hash32(hash32(seed ^ 0x51ed270b) ^ hash32(path + 0x2c1b3c6d));
}

/** The second key word of a path under a seed (independent of the first). */
export function pathKeyB(seed: number, path: number): number {
  return hash32(hash32(seed ^ 0x68e31da4) + hash32(path ^ 0x5851f42d));
}

/** The key of one year of a path. */
export function yearKey(keyB: number, year: number): number {
  return hash32((keyB + Math.imul(year + 1, GOLDEN)) | 0);
}

/** The 32 random bits of one stream (an asset, inflation, a factor) in one year of a path. */
export function drawBits(keyA: number, yearKeyValue: number, stream: number): number {
  return hash32(yearKeyValue ^ ((keyA + Math.imul(stream + 1, 0x632be5ab)) | 0));
}

/** The uniform in (0, 1) at (seed, path, year, stream): the bits' cell midpoint, never 0 or 1. */
export function uniformAt(seed: number, path: number, year: number, stream: number): number {
  const bits = drawBits(pathKeyA(seed, path), yearKey(pathKeyB(seed, path), year), stream);
  return (bits + 0.5) * 2.3283064365386963e-10;
}

/** Checks a seed: an integer in [0, 2^32). */
export function checkSeed(seed: number): number {
  if (!(Number.isInteger(seed) && seed >= 0 && seed < 4294967296)) throw new Error(`invalid seed: ${seed}`);
  return seed;
}
