// Reference check 6 (finance.md): the same seed gives identical results for any number of threads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFinancePool } from '../../../src/models/finance/parallel.ts';
import { simulationPlan } from '../../../src/models/finance/plan.ts';
import { simulateAll } from '../../../src/models/finance/simulate.ts';
import { inputs } from './areas-fixture.ts';

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('finance worker pool', () => {
  it('gives byte-identical paths and summaries with 1, 2 and 3 threads', async () => {
    const plan = simulationPlan(inputs(undefined, 5000));
    const one = simulateAll(plan);
    for (const size of [1, 2]) {
      const pool = createFinancePool(size);
      try {
        const many = await pool.run(plan);
        assert.ok(bytes(many.out).equals(bytes(one.out)), `paths with ${size + 1} threads`);
        assert.ok(bytes(many.stats).equals(bytes(one.stats)), `summaries with ${size + 1} threads`);
        // a second job on the same pool gives the same again
        assert.ok(bytes((await pool.run(plan)).stats).equals(bytes(one.stats)));
      } finally {
        await pool.close();
      }
    }
  });

  it('a pool whose caller does no work (a server) gives the same bytes, and lets the process exit', async () => {
    const plan = simulationPlan(inputs(undefined, 3000));
    const one = simulateAll(plan);
    const pool = createFinancePool(1, { caller: false, unref: true });
    try {
      const r = await pool.run(plan);
      assert.ok(bytes(r.stats).equals(bytes(one.stats)));
    } finally {
      await pool.close();
    }
    assert.throws(() => createFinancePool(0, { caller: false }), /invalid worker count: 0/);
  });
});
