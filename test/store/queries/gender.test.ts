import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeStore, type Store } from '../../../src/store/db.ts';
import { employerGaps, employerPeriods } from '../../../src/store/queries/gender.ts';
import { addDataset, addRows, memoryStore } from '../../helpers/store-fixture.ts';

// period, employer_id, name, postcode, company_number, sic_codes, diff_mean_hourly, diff_median_hourly,
// diff_mean_bonus, diff_median_bonus, male_bonus, female_bonus, 4 quartiles, size, submitted_late
const employer = (period: string, id: string, sic: string, mean: number, median: number | null) => [
  period,
  id,
  `Employer ${id}`,
  'TS24 8AY',
  null,
  sic,
  mean,
  median,
  null,
  null,
  null,
  null,
  50,
  50,
  50,
  50,
  '250 to 499',
  false,
];

let store: Store;
before(async () => {
  store = await memoryStore();
  const a = await addDataset(store, 1, 'gpg-2023-24');
  await addRows(store, 'gpg_employers', a, [employer('2023-24', '1', '85100,86101', 12.5, 10)]);
  const b = await addDataset(store, 2, 'gpg-2024-25', '2025 (partial)');
  await addRows(store, 'gpg_employers', b, [
    employer('2024-25', '1', '85100', 11, null),
    employer('2024-25', '2', '1', -3, -2),
  ]);
});
after(() => closeStore(store));

describe('employer pay gap returns', () => {
  it('periods in order, each with its source and vintage', async () => {
    assert.deepEqual(await employerPeriods(store), [
      { period: '2023-24', source: 'Office for National Statistics, Title of gpg-2023-24', vintage: '2025' },
      {
        period: '2024-25',
        source: 'Office for National Statistics, Title of gpg-2024-25',
        vintage: '2025 (partial)',
      },
    ]);
  });

  it('each employer’s SIC codes, size band and median or mean hourly gap (null where not reported)', async () => {
    assert.deepEqual(
      (await employerGaps(store, '2024-25', 'median')).map((r) => [r.sic, r.gap, r.size]).sort(),
      [
        ['1', -2, '250 to 499'],
        ['85100', null, '250 to 499'],
      ],
    );
    assert.deepEqual(
      (await employerGaps(store, '2023-24', 'mean')).map((r) => r.gap),
      [12.5],
    );
  });
});
