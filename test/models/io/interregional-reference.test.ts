import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FlqVariant } from '../../../src/models/io/flq.ts';
import { interregionalSystem } from '../../../src/models/io/interregional.ts';
import { interregionalSystemReference } from '../../../src/models/io/interregional-reference.ts';
import { nationalModel } from '../../../src/models/io/national.ts';
import type { RegionalSizes } from '../../../src/models/io/sizes.ts';
import { assertSameSystem } from './compare.ts';
import { tableFromA } from './tables.ts';

const CODES = ['A01', 'C13', 'K64', 'Q86'];
const A = [0.1, 0.05, 0.02, 0.01, 0.08, 0.2, 0.03, 0.05, 0.05, 0.1, 0.15, 0.04, 0.02, 0.01, 0.05, 0.1];
const national = nationalModel(tableFromA(CODES, A, [100, 300, 400, 200]));
// Only TLC12 has A01 and C13: their inputs have no supplier in another area.
const sizes: RegionalSizes = {
  areas: ['TLC11', 'TLC12', 'TLD11'],
  codes: CODES,
  size: Float64Array.of(0, 0, 20, 30, 2, 10, 60, 20, 0, 0, 0, 25),
  flags: [],
};
const centroids = { x: Float64Array.of(400000, 430000, 350000), y: Float64Array.of(500000, 520000, 300000) };

describe('interregional system: the fast build against the reference', () => {
  for (const variant of ['flq', 'aflq'] as FlqVariant[])
    it(`${variant}: the same LU, leakage, closure and flags bit for bit`, () => {
      const opts = { delta: 0.6, variant, beta: 1.5 };
      const fast = interregionalSystem(national, sizes, centroids, opts);
      const ref = interregionalSystemReference(national, sizes, centroids, opts);
      assertSameSystem(fast, ref);
      if (variant === 'aflq') return;
      // what has no supplier elsewhere stays local: flagged, and no leakage in its rows
      assert.deepEqual(
        fast.flags,
        ['A01', 'C13'].map((c) => `TLC12: ${c} has no supplier in any other area; its inputs stay local`),
      );
      assert.deepEqual([...fast.leak[1]!.subarray(0, 8)], [0, 0, 0, 0, 0, 0, 0, 0]);
    });
});
