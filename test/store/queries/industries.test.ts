import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeStore, type Store } from '../../../src/store/db.ts';
import { datasetNames, industryMeasure, industryPanel } from '../../../src/store/queries/industries.ts';
import { addDataset, addRows, memoryStore } from '../../helpers/store-fixture.ts';

// A published tree: Total → C (10-33) and F (41-43); the leaves C and F partition the total.
let store: Store;
before(async () => {
  store = await memoryStore();
  const id = await addDataset(store, 1, 'ons-gva-itl3-cp');
  await addRows(store, 'industries', id, [
    ['Total', 'All industries', null],
    ['C (10-33)', ' Manufacturing ', 'Total'],
    ['F (41-43)', 'Construction', 'Total'],
  ]);
  const row = (area: string, industry: string, year: number, value: number | null) => [
    area,
    industry,
    'gva_cp',
    year,
    value,
    null,
  ];
  await addRows(store, 'industry_obs', id, [
    row('TLC11', 'Total', 2021, 100),
    row('TLC11', 'C (10-33)', 2021, 60),
    row('TLC11', 'F (41-43)', 2021, 40),
    row('TLC11', 'C (10-33)', 2022, 70),
    row('TLC12', 'F (41-43)', 2022, 5),
  ]);
  await addRows(store, 'areas', id, [['TLC11', 'Hartlepool and Stockton-on-Tees', 'itl3', null, null]]);
});
after(() => closeStore(store));

describe('industry tables', () => {
  it('a dense panel of the leaves (the total left out), NaN where nothing is published', async () => {
    const p = (await industryPanel(store, 1, 'gva_cp'))!;
    assert.deepEqual(
      [p.areas, p.years, p.industries],
      [
        ['TLC11', 'TLC12'],
        [2021, 2022],
        ['C (10-33)', 'F (41-43)'],
      ],
    );
    assert.deepEqual([...p.values], [60, 40, 70, NaN, NaN, NaN, NaN, 5]);
    assert.equal(await industryPanel(store, 1, 'gva_cvm'), null);
  });

  it('names of areas and industries (trimmed), and one measure by industry', async () => {
    const names = await datasetNames(store, 1);
    assert.equal(names.areas.get('TLC11'), 'Hartlepool and Stockton-on-Tees');
    assert.equal(names.industries.get('C (10-33)'), 'Manufacturing');
    const m = await industryMeasure(store, 'ons-gva-itl3-cp', 'gva_cp');
    assert.equal(m.length, 5);
    assert.deepEqual(m[0], { industry: 'C (10-33)', name: ' Manufacturing ', value: 60, status: null });
  });
});
