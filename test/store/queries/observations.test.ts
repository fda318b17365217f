import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeStore, type Store } from '../../../src/store/db.ts';
import {
  coverageByKey,
  datasetValues,
  heldIndicatorIds,
  indicatorAt,
  indicatorCoverage,
  indicatorPeriods,
  indicatorSeriesRows,
  observationsFor,
} from '../../../src/store/queries/observations.ts';
import { addDataset, addRows, memoryStore } from '../../helpers/store-fixture.ts';

const PAY = 'gross-median-weekly-pay';
// areacd, areanm, geography, indicator, period, observation, measure, unit, lci95, uci95, status, notes
const obs = (areacd: string, period: string, value: number | null, status: string | null = null) => [
  areacd,
  areacd === 'K02000001' ? 'United Kingdom' : 'Hartlepool',
  'LAD',
  PAY,
  period,
  value,
  'Pounds',
  '£',
  value === null ? null : value - 10,
  value === null ? null : value + 10,
  status,
  null,
];

let store: Store;
before(async () => {
  store = await memoryStore();
  const id = await addDataset(store, 1, 'ons-els-ashe');
  await addRows(store, 'observations', id, [
    obs('E06000001', '2024-04-30', 520),
    obs('E06000001', '2025-04-30', 533.9),
    obs('K02000001', '2025-04-30', 642.5),
    obs('E06000002', '2025-04-30', null, 'x'),
  ]);
  await addRows(store, 'indicators', id, [
    [PAY, JSON.stringify({ id: PAY, label: 'Gross median weekly pay' })],
  ]);
  await addRows(store, 'industry_obs', id, [['K02000001', '85', 'gpg_median_all', 2025, 3.1, null]]);
});
after(() => closeStore(store));

describe('observations', () => {
  it('values of the given indicators for the given areas, labelled with their source', async () => {
    const rows = await observationsFor(store, [PAY], ['E06000001']);
    assert.equal(rows.length, 2);
    assert.deepEqual(
      rows.find((r) => r.period === '2025-04-30'),
      {
        areacd: 'E06000001',
        areanm: 'Hartlepool',
        indicator: PAY,
        period: '2025-04-30',
        value: 533.9,
        lci95: 523.9,
        uci95: 543.9,
        status: null,
        unit: '£',
        label: 'Gross median weekly pay',
        source: 'Office for National Statistics, Title of ons-els-ashe',
      },
    );
  });

  it('what the store holds of each indicator: periods, areas, values with intervals', async () => {
    const [c] = await indicatorCoverage(store);
    assert.deepEqual(
      { ...c, meta: JSON.parse(c!.meta!) },
      {
        id: PAY,
        label: 'Gross median weekly pay',
        unit: '£',
        periods: ['2024-04-30', '2025-04-30'],
        areas: 3,
        withIntervals: 3,
        source: 'Office for National Statistics, Title of ons-els-ashe',
        meta: { id: PAY, label: 'Gross median weekly pay' },
      },
    );
    assert.deepEqual(await indicatorPeriods(store, PAY), ['2024-04-30', '2025-04-30']);
    assert.deepEqual(await indicatorPeriods(store, 'nothing'), []);
  });

  it('one period for every area (suppressed values kept with their marker), and the whole series', async () => {
    const at = await indicatorAt(store, PAY, '2025-04-30');
    assert.deepEqual(
      at.map((r) => [r.areacd, r.value, r.status]),
      [
        ['E06000001', 533.9, null],
        ['E06000002', null, 'x'],
        ['K02000001', 642.5, null],
      ],
    );
    const series = await indicatorSeriesRows(store, PAY);
    assert.equal(series.length, 4);
    assert.equal(series[0]!.source, 'Office for National Statistics, Title of ons-els-ashe (2025)');
    assert.deepEqual((await datasetValues(store, 1, PAY)).map((r) => r.value).sort(), [520, 533.9, 642.5]);
  });

  it('coverage by key, and the ids the store holds', async () => {
    const coverage = await coverageByKey(store);
    assert.deepEqual(coverage.get(PAY), { first: '2024-04-30', last: '2025-04-30', areas: 3 });
    assert.deepEqual(coverage.get('ons-els-ashe|gpg_median_all'), { first: '2025', last: '2025', areas: 1 });
    assert.deepEqual(await heldIndicatorIds(store), {
      observations: [PAY],
      industry: ['ons-els-ashe|gpg_median_all'],
    });
  });
});
