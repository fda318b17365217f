// The bounded work queue: at most `concurrency` jobs run, at most `waiting` wait, the rest are
// refused as busy at once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkQueue } from '../../../src/civic/auth/queue.ts';
import { CivicError } from '../../../src/civic/errors.ts';

describe('WorkQueue', () => {
  it('runs two at a time, queues two, refuses the rest as busy', async () => {
    const q = new WorkQueue('test', { concurrency: 2, waiting: 2 });
    let running = 0;
    let most = 0;
    const job = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return 'done';
    };
    const results = await Promise.allSettled(Array.from({ length: 7 }, () => q.run(job)));
    assert.equal(most, 2);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 4);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(refused.length, 3);
    assert.ok(refused.every((r) => r.reason instanceof CivicError && r.reason.kind === 'busy'));
    assert.equal(q.started, 4);
    // once idle it takes work again, and a failing job frees its place
    await assert.rejects(() => q.run(() => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await q.run(job), 'done');
  });

  it('refuses an invalid limit', () => {
    assert.throws(() => new WorkQueue('x', { concurrency: 0, waiting: 1 }), /invalid x queue concurrency: 0/);
  });
});
