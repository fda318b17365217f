// queryColumns reads numeric columns straight from DuckDB's vectors; it must give exactly what
// the library's own per-value conversion gives, nulls and every type included.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeStore, openStore, queryColumns, type Store } from '../../src/store/db.ts';

let store: Store;
before(async () => {
  store = await openStore(':memory:');
});
after(() => closeStore(store));

describe('queryColumns', () => {
  it('agrees with the reference conversion over several chunks, with nulls and mixed types', async () => {
    const sql = `SELECT i::INTEGER AS i, (i % 7)::SMALLINT AS s, i::BIGINT * 3 AS b,
                        CASE WHEN i % 5 = 0 THEN NULL ELSE i / 3.0 END AS d, (i / 7.0)::FLOAT AS f,
                        CASE WHEN i % 3 = 0 THEN NULL ELSE 'a' || i END AS v, i % 2 = 0 AS t,
                        CASE WHEN i % 11 = 0 THEN NULL ELSE (i % 200)::UTINYINT END AS u
                   FROM range(5000) r(i) ORDER BY i`;
    const fast = await queryColumns(store, sql);
    const reference = (await store.conn.runAndReadAll(sql)).getColumnsObjectJS();
    assert.deepEqual(Object.keys(fast), ['i', 's', 'b', 'd', 'f', 'v', 't', 'u']);
    assert.deepEqual(fast, reference);
    assert.equal(fast.d![5], null);
    assert.equal(fast.d![4], 4 / 3);
    assert.equal(fast.b![4999], 14997n);
  });

  it('returns empty columns for no rows', async () => {
    assert.deepEqual(await queryColumns(store, `SELECT 1.5 AS x, 'a' AS y WHERE false`), { x: [], y: [] });
  });
});
