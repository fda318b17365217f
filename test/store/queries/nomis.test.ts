import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeStore, type Store } from '../../../src/store/db.ts';
import {
  adultPopulationRows,
  districtPopulationRows,
  employeesByDivision,
  nomisRecords,
} from '../../../src/store/queries/nomis.ts';
import { addDataset, addRows, memoryStore } from '../../helpers/store-fixture.ts';

const DISTRICT = 'local authorities: district / unitary (as of April 2021)';
const COUNTY = 'local authorities: county / unitary (as of April 2021)';
// date, geography_code, geography_name, geography_type, dims, measures, value, status, status_name
const pop = (code: string, type: string, sex: string, age: string, value: number) => [
  '2021',
  code,
  code,
  type,
  JSON.stringify({ GENDER: { code: sex }, C_AGE: { code: age } }),
  '20100',
  value,
  'A',
  'Normal',
];

let store: Store;
before(async () => {
  store = await memoryStore();
  const mye = await addDataset(store, 1, 'ons-mye-lad-2021');
  await addRows(store, 'nomis_obs', mye, [
    pop('E06000001', DISTRICT, '0', '200', 92571),
    pop('E06000001', DISTRICT, '0', '250', 9000),
    pop('E06000001', COUNTY, '0', '250', 9000),
    pop('E06000001', DISTRICT, '0', '209', 18000),
  ]);
  const bres = await addDataset(store, 2, 'ons-bres-ioat-gb-2021');
  const emp = (industry: string, value: number) => [
    '2021',
    'K03000001',
    'Great Britain',
    'countries',
    JSON.stringify({ INDUSTRY: { code: industry }, EMPLOYMENT_STATUS: { code: '1' } }),
    '20100',
    value,
    'A',
    'Normal',
  ];
  await addRows(store, 'nomis_obs', bres, [emp('85100', 10), emp('85200', 5), emp('86100', 7)]);
});
after(() => closeStore(store));

describe('Nomis extracts', () => {
  it('district populations by age code; a unitary authority counted once, from its district rows', async () => {
    assert.equal((await districtPopulationRows(store, 1)).length, 2);
    assert.deepEqual(
      (await adultPopulationRows(store, 1, ['E06000001'])).map((r) => [r.age, Number(r.value)]).sort(),
      [
        ['209', 18000],
        ['250', 9000],
      ],
    );
  });

  it('employees by two-digit division, and the rows as the reader gave them', async () => {
    assert.deepEqual([...(await employeesByDivision(store, 2))].sort(), [
      ['85', 15],
      ['86', 7],
    ]);
    const [r] = await nomisRecords(store, 2);
    assert.deepEqual(r!.dims, { INDUSTRY: { code: '85100' }, EMPLOYMENT_STATUS: { code: '1' } });
    assert.equal(r!.geographyCode, 'K03000001');
  });
});
