import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeStore, type Store } from '../../../src/store/db.ts';
import {
  checkTotals,
  currentDataset,
  datasetRows,
  storeVersion,
} from '../../../src/store/queries/datasets.ts';
import { addDataset, addRows, memoryStore } from '../../helpers/store-fixture.ts';

let store: Store;
before(async () => {
  store = await memoryStore();
  await addDataset(store, 1, 'ons-gva-lad', '2024');
  await addDataset(store, 2, 'ons-gva-lad', '2025');
  await addDataset(store, 3, 'ons-mye-lad-2021');
  await addRows(store, 'checks', 2, [
    ['total 2022', 100, 100.4, 0.5],
    ['total 2023', 200, 203, 0.5],
  ]);
});
after(() => closeStore(store));

describe('datasets', () => {
  it('the current vintage of a source is its newest; an absent source has none', async () => {
    assert.deepEqual(await currentDataset(store, 'ons-gva-lad'), {
      id: 2,
      vintage: '2025',
      title: 'Title of ons-gva-lad',
      publisher: 'Office for National Statistics',
    });
    assert.equal(await currentDataset(store, 'no-such-source'), null);
  });

  it('lists every vintage, newest first within a source, saying which is current', async () => {
    const rows = await datasetRows(store);
    assert.deepEqual(
      rows.map((r) => [r.id, r.source, r.current, r.imported_at, r.rows]),
      [
        [2, 'ons-gva-lad', true, '2026-01-02T03:04:05', 1],
        [1, 'ons-gva-lad', false, '2026-01-02T03:04:05', 1],
        [3, 'ons-mye-lad-2021', true, '2026-01-02T03:04:05', 1],
      ],
    );
  });

  it('counts the published totals off by more than their tolerance, naming the worst', async () => {
    assert.deepEqual(await checkTotals(store), [
      { source: 'ons-gva-lad', n: 2, bad: 1, worst: 'total 2023: 203.0 vs 200.0' },
    ]);
  });

  it('a store’s version changes when a dataset lands', async () => {
    const before = await storeVersion(store);
    assert.equal(before, '3:3');
    await addDataset(store, 4, 'ons-census2021-ts060-ltla');
    assert.equal(await storeVersion(store), '4:4');
  });
});
