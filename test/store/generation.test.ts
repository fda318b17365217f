// Imports write a new generation of the store file and rename it over the old one; readers that
// hold the old one keep it until they let go, and a holder moves to the new one.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { closeStore, openStore, query, type Store } from '../../src/store/db.ts';
import { writeGeneration } from '../../src/store/generation.ts';
import { StoreHolder } from '../../src/store/holder.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-gen-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A generation that adds one row to a table `t` (created on the first). */
const addRow = (n: number) => async (store: Store) => {
  await store.conn.run(`CREATE TABLE IF NOT EXISTS t (n INTEGER)`);
  await store.conn.run(`INSERT INTO t VALUES (${n})`);
  return { changed: true, result: n };
};
const rows = async (store: Store) =>
  (await query<{ n: number }>(store, `SELECT n FROM t ORDER BY n`)).map((r) => r.n);

describe('store generations', () => {
  it('makes the store folder on the first import (a fresh clone has no .strata/)', async () => {
    const path = join(dir, 'fresh', '.strata', 'strata.duckdb');
    assert.equal(await writeGeneration(path, addRow(7)), 7);
    const store = await openStore(path, { readOnly: true });
    assert.deepEqual(await rows(store), [7]);
    closeStore(store);
  });
  it('writes a new file over the old one while a reader keeps the old one open', async () => {
    const path = join(dir, 'a.duckdb');
    await writeGeneration(path, addRow(1));
    const reader = await openStore(path, { readOnly: true });
    assert.equal(await writeGeneration(path, addRow(2)), 2);
    assert.deepEqual(await rows(reader), [1]);
    closeStore(reader);
    const again = await openStore(path, { readOnly: true });
    assert.deepEqual(await rows(again), [1, 2]);
    closeStore(again);
  });

  it('leaves the file exactly as it was when the import fails or changes nothing', async () => {
    const path = join(dir, 'b.duckdb');
    await writeGeneration(path, addRow(1));
    const before = readFileSync(path);
    await assert.rejects(
      writeGeneration(path, async (store) => {
        await addRow(2)(store);
        throw new Error('malformed file');
      }),
      /malformed file/,
    );
    await writeGeneration(path, async () => ({ changed: false, result: null }));
    assert.deepEqual(readFileSync(path), before);
    assert.deepEqual(
      (await import('node:fs')).readdirSync(dir).filter((f) => f.startsWith('b.duckdb')),
      ['b.duckdb'],
    );
  });

  it('refuses a second import while one runs, and takes over a lock whose process is gone', async () => {
    const path = join(dir, 'c.duckdb');
    let release!: () => void;
    let entered!: () => void;
    const inside = new Promise<void>((done) => (entered = done));
    const first = writeGeneration(path, async (store) => {
      entered();
      await new Promise<void>((done) => (release = done));
      return addRow(1)(store);
    });
    await inside;
    await assert.rejects(
      writeGeneration(path, addRow(2)),
      new RegExp(`another import into .*c\\.duckdb is running \\(process ${process.pid}\\)`),
    );
    release();
    await first;
    writeFileSync(`${path}.import-lock`, '999999999');
    assert.equal(await writeGeneration(path, addRow(3)), 3);
  });

  it('a holder moves to the new generation and closes the old one when its last user leaves', async () => {
    const path = join(dir, 'd.duckdb');
    await writeGeneration(path, addRow(1));
    const switched: number[] = [];
    const holder = await StoreHolder.open(path, { onSwitch: (g) => switched.push(g.id) });
    const inFlight = holder.acquire();
    assert.equal(await holder.refresh(), false);
    await writeGeneration(path, addRow(2));
    assert.equal(await holder.refresh(), true);
    assert.deepEqual(switched, [2]);
    assert.deepEqual(await rows(holder.current().store), [1, 2]);
    // the request that started on generation 1 still reads it, then lets go
    assert.deepEqual(await rows(inFlight.store), [1]);
    holder.release(inFlight);
    await assert.rejects(rows(inFlight.store));
    holder.close();
  });
});
