import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeStore, type Store } from '../../../src/store/db.ts';
import {
  areaListRows,
  areaName,
  centroidRows,
  itlCodePairs,
  lad2023Rows,
  ladRecodeRows,
  linksBetween,
  parentRows,
} from '../../../src/store/queries/areas.ts';
import { addDataset, addRows, memoryStore } from '../../helpers/store-fixture.ts';

// Two LADs in one ITL3 area (TLC11 in 2023 codes, TLC31 in 2025 codes) in TLC1 and TLC; a third
// LAD renamed in April 2025.
let store: Store;
before(async () => {
  store = await memoryStore();
  const lookup = await addDataset(store, 1, 'ons-lad-itl-lookup');
  const link = (child: string, parent: string, cl: string, pl: string, vintage: string, weight = 1) => [
    child,
    parent,
    cl,
    pl,
    vintage,
    weight,
    'lookup',
  ];
  await addRows(store, 'area_links', lookup, [
    link('E06000001', 'TLC11', 'ltla', 'itl3', '2023'),
    link('E06000004', 'TLC11', 'ltla', 'itl3', '2023'),
    link('TLC11', 'TLC1', 'itl3', 'itl2', '2023'),
    link('TLC1', 'TLC', 'itl2', 'itl1', '2023'),
    link('E08000016', 'TLE31', 'ltla', 'itl3', '2023'),
    link('TLE31', 'TLE3', 'itl3', 'itl2', '2023'),
    link('TLE3', 'TLE', 'itl2', 'itl1', '2023'),
    link('E06000001', 'TLC31', 'ltla', 'itl3', '2025'),
    link('E06000004', 'TLC31', 'ltla', 'itl3', '2025'),
    link('TLC31', 'TLC3', 'itl3', 'itl2', '2025'),
    link('TLC3', 'TLC', 'itl2', 'itl1', '2025'),
    link('E08000038', 'TLE31', 'ltla', 'itl3', '2025'),
  ]);
  await addRows(store, 'areas', lookup, [
    ['E06000001', 'Hartlepool', 'ltla', null, null],
    ['E06000004', 'Stockton-on-Tees', 'ltla', null, null],
    ['E08000016', 'Barnsley', 'ltla', null, 2024],
    ['E08000038', 'Barnsley', 'ltla', 2025, null],
    ['TLC11', 'Hartlepool and Stockton-on-Tees', 'itl3', null, null],
    ['TLC31', 'Hartlepool and Stockton-on-Tees', 'itl3', null, null],
    ['TLC1', 'Tees Valley and Durham', 'itl2', null, null],
    ['TLC', 'North East', 'itl1', null, null],
  ]);
  const boundaries = await addDataset(store, 2, 'ons-boundaries');
  await addRows(store, 'boundaries', boundaries, [['ltla', 'ltla', 'EPSG:4326', '{"type":"Topology"}']]);
  await addRows(store, 'area_geometry', boundaries, [
    ['E06000001', 'ltla', '2023', null, null, 450000, 530000, -1.2, 54.7],
  ]);
});
after(() => closeStore(store));

describe('areas', () => {
  it('links between two levels and an area’s parents, from the 2023 lookup', async () => {
    assert.deepEqual(
      (await linksBetween(store, 'ltla', 'itl3')).map((l) => `${l.child}→${l.parent}`).sort(),
      ['E06000001→TLC11', 'E06000004→TLC11', 'E08000016→TLE31'],
    );
    assert.deepEqual(await parentRows(store, 'E06000001'), [
      { parent: 'TLC11', parent_level: 'itl3', areanm: 'Hartlepool and Stockton-on-Tees' },
    ]);
    assert.equal(await areaName(store, 'TLC1'), 'Tees Valley and Durham');
    assert.equal(await areaName(store, 'X'), null);
  });

  it('lists and searches areas, the exact code first, with their parents', async () => {
    const q = { level: 'ltla', q: 'e06000001', year: null, retired: [], replacements: [], limit: 10 };
    const rows = await areaListRows(store, q);
    assert.deepEqual(rows[0], {
      areacd: 'E06000001',
      areanm: 'Hartlepool',
      level: 'ltla',
      start: null,
      end: null,
      parents: ['TLC11'],
    });
    assert.equal((await areaListRows(store, { ...q, q: '%' })).length, 0);
  });

  it('pairs each 2023 ITL code with the 2025 code covering the same districts', async () => {
    const pairs = await itlCodePairs(store);
    assert.ok(pairs.some((p) => p.old_code === 'TLC11' && p.new_code === 'TLC31'));
    assert.ok(pairs.some((p) => p.old_code === 'TLE31' && p.new_code === null));
  });

  it('gives each 2023 district its ITL areas, and finds districts recoded in 2025 by name', async () => {
    const lads = await lad2023Rows(store);
    assert.deepEqual(lads[0], {
      areacd: 'E06000001',
      itl1: 'TLC',
      itl: ['TLC', 'TLC1', 'TLC11'],
      areanm: 'Hartlepool',
    });
    assert.deepEqual(await ladRecodeRows(store), [{ newcd: 'E08000038', oldcd: 'E08000016' }]);
  });

  it('reads map centroids by stored level', async () => {
    assert.deepEqual(await centroidRows(store, 'ltla'), [{ areacd: 'E06000001', x: 450000, y: 530000 }]);
  });
});
