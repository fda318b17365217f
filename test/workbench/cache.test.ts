import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { closeStore, openStore, type Store } from '../../src/store/db.ts';
import { ResultCache } from '../../src/workbench/cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Counts the queries a store runs. */
function counted(store: Store): { n: number } {
  const count = { n: 0 };
  const run = store.conn.runAndReadAll.bind(store.conn);
  store.conn.runAndReadAll = ((...args: Parameters<typeof run>) => {
    count.n++;
    return run(...args);
  }) as typeof run;
  return count;
}

describe('ResultCache', () => {
  it('asks a writable store its version on every call, so a new dataset is seen at once', async () => {
    const store = await openStore(join(dir, 'w.duckdb'));
    try {
      const count = counted(store);
      const cache = new ResultCache();
      let built = 0;
      for (let i = 0; i < 3; i++) assert.equal(await cache.get(store, 'k', async () => ++built), 1);
      assert.equal(count.n, 3);
      assert.equal(built, 1);
    } finally {
      closeStore(store);
    }
  });

  it('asks a read-only store once: nothing can land in it while it is open', async () => {
    const path = join(dir, 'r.duckdb');
    closeStore(await openStore(path));
    const store = await openStore(path, { readOnly: true });
    try {
      const count = counted(store);
      const cache = new ResultCache();
      assert.equal(await cache.get(store, 'a', async () => 'A'), 'A');
      assert.equal(await cache.get(store, 'b', async () => 'B'), 'B');
      assert.equal(await cache.get(store, 'a', async () => 'again'), 'A');
      assert.equal(count.n, 1);
    } finally {
      closeStore(store);
    }
  });
});
