import { createRandom } from '../../../src/models/random.ts';

/** Seeded uniform draws in [0, 1) so test matrices are the same on every run. */
export function makeRng(seed: number): () => number {
  const r = createRandom(seed);
  return () => r.uniform();
}
