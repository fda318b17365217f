import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCensusTs060 } from '../../src/ingest/census-ts060.ts';
import type { DistrictChange } from '../../src/ingest/district-changes.ts';
import { inputOf } from '../helpers/source.ts';

const HEADER =
  'Lower Tier Local Authorities Code,Lower Tier Local Authorities,Industry (current) (88 categories) Code,Industry (current) (88 categories),Observation';
const area = (code: string, name: string, v: [number, number, number, number]) => [
  `${code},${name},-8,Does not apply,${v[0]}`,
  `${code},${name},1,"01 Crop and animal production, hunting and related service activities",${v[1]}`,
  `${code},${name},38,41 Construction of buildings; 42 Civil engineering; 43 Specialised construction activities,${v[2]}`,
  `${code},${name},42,48 Wholesale and retail not otherwise specified,${v[3]}`,
];
const ROWS = [
  ...area('E06000001', 'Hartlepool', [54589, 117, 3809, 102]),
  ...area('E07000026', 'Allerdale', [51919, 1598, 4590, 118]),
  ...area('E07000028', 'Carlisle', [57074, 1438, 4630, 190]),
];
const GOOD = [HEADER, ...ROWS].join('\n') + '\n';
const CHANGES: DistrictChange[] = [
  {
    oldCode: 'E07000026',
    oldName: 'Allerdale',
    newCode: 'E06000063',
    newName: 'Cumberland',
    effective: '2023-04-01',
  },
  {
    oldCode: 'E07000028',
    oldName: 'Carlisle',
    newCode: 'E06000063',
    newName: 'Cumberland',
    effective: '2023-04-01',
  },
];
// 54589+117+3809+102 + 51919+1598+4590+118 + 57074+1438+4630+190 = 180174
const TOTAL = 180174;

const read = (text: string | Uint8Array, options: Record<string, unknown> = {}) =>
  readCensusTs060(
    inputOf(
      { 'TS060-2021-1.csv': text },
      { options: { districtChanges: CHANGES, publishedTotal: TOTAL, ...options } },
    ),
  );

describe('readCensusTs060', () => {
  it('maps category codes to SIC codes from their labels and leaves out "Does not apply"', () => {
    const recs = read(GOOD).records.industry!;
    const hartlepool = recs.filter((r) => r.areacd === 'E06000001');
    assert.deepEqual(
      hartlepool.map((r) => [r.industry, r.value]),
      [
        ['01', 117],
        ['41-43', 3809],
        ['45-47', 102],
      ],
    );
    assert.equal(
      hartlepool[1]!.industryName,
      '41 Construction of buildings; 42 Civil engineering; 43 Specialised construction activities',
    );
    assert.equal(hartlepool[0]!.measure, 'residents_in_employment');
    assert.equal(hartlepool[0]!.period, 2021);
  });

  it('sums former districts into their successor', () => {
    const recs = read(GOOD).records.industry!;
    const cumberland = recs.filter((r) => r.areacd === 'E06000063');
    assert.deepEqual(
      cumberland.map((r) => [r.areanm, r.industry, r.value]),
      [
        ['Cumberland', '01', 1598 + 1438],
        ['Cumberland', '41-43', 4590 + 4630],
        ['Cumberland', '45-47', 118 + 190],
      ],
    );
    assert.equal(new Set(recs.map((r) => r.areacd)).size, 2);
  });

  it('checks the grand total of every row against the published population', () => {
    const out = read(GOOD);
    assert.deepEqual(out.checks, [
      {
        name: 'Census 2021 usual residents, England and Wales = sum of all rows',
        expected: TOTAL,
        actual: TOTAL,
        tolerance: 2, // 1 in 100,000 of 180,174, rounded: room for Census cell-key perturbation
      },
    ]);
    assert.deepEqual(out.warnings, []);
    const off = read(GOOD, { publishedTotal: TOTAL - 79 });
    assert.match(off.warnings[0]!, /rows sum to 180174, the published population is 180095 \(\+79;/);
  });

  it('warns about a district change the file does not need', () => {
    const extra = [...CHANGES, { ...CHANGES[0]!, oldCode: 'E07000030', oldName: 'Eden' }];
    assert.deepEqual(read(GOOD, { districtChanges: extra }).warnings, [
      'district change E07000030 Eden → E06000063 not used: the file has no E07000030',
    ]);
  });

  const F = 'TS060-2021-1\\.csv';
  const bad: [string, string | Uint8Array, RegExp][] = [
    [
      'missing column',
      GOOD.replace(',Observation', ',Count'),
      new RegExp(`${F}:1: missing column: Observation`),
    ],
    ['non-numeric count', GOOD.replace(',3809', ',c'), new RegExp(`${F}:4:5: not a number \\(value "c"\\)`)],
    [
      'fractional count',
      GOOD.replace(',3809', ',3809.5'),
      new RegExp(`${F}:4:5: not a count of people \\(value "3809.5"\\)`),
    ],
    [
      'negative count',
      GOOD.replace(',3809', ',-1'),
      new RegExp(`${F}:4:5: not a count of people \\(value "-1"\\)`),
    ],
    [
      'duplicate key',
      GOOD + ROWS[1] + '\n',
      new RegExp(`${F}:14: duplicate area and category \\(value "E06000001\\|1"\\)`),
    ],
    [
      'malformed area code',
      GOOD.replace(/E07000028/g, 'E0700028'),
      new RegExp(`${F}:10:1: not an English or Welsh GSS code \\(value "E0700028"\\)`),
    ],
    [
      'Scottish area code',
      GOOD.replace(/E07000028/g, 'S12000017'),
      new RegExp(`${F}:10:1: not an English or Welsh GSS code \\(value "S12000017"\\)`),
    ],
    [
      'label without SIC code',
      GOOD.replace('48 Wholesale', 'Wholesale'),
      new RegExp(`${F}:5:4: label does not start with a SIC code`),
    ],
    [
      'unknown SIC code in label',
      GOOD.replace('"01 Crop', '"04 Crop'),
      new RegExp(`${F}:3:4: unknown industry code: 04`),
    ],
    [
      'bad category code',
      GOOD.replace(',38,', ',3a,'),
      new RegExp(`${F}:4:4: not a category code \\(value "3a"\\)`),
    ],
    [
      'conflicting labels',
      GOOD.replace('Carlisle,42,48 Wholesale', 'Carlisle,42,47 Retail'),
      new RegExp(`${F}:13:4: label differs for category 42`),
    ],
    [
      'incomplete area',
      [HEADER, ...ROWS.slice(0, 11)].join('\n'),
      new RegExp(`${F}: area has 3 of 4 categories \\(value "E07000028"\\)`),
    ],
    ['truncated file', GOOD.slice(0, GOOD.indexOf('"01 Crop') + 8), new RegExp(`${F}:3: unclosed quote`)],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from(HEADER + '\n'), Buffer.from([0xe9, 0x0a])]),
      new RegExp(`${F}:2: not valid UTF-8 \\(value "0xe9"\\)`),
    ],
    ['empty file', '', new RegExp(`${F}: empty file`)],
    [
      'district and successor together',
      GOOD + area('E06000063', 'Cumberland', [1, 1, 1, 1]).join('\n') + '\n',
      new RegExp(`${F}: holds a district and its successor \\(value "E07000026 E06000063"\\)`),
    ],
  ];
  for (const [name, text, pattern] of bad) {
    it(`rejects ${name}`, () => assert.throws(() => read(text), pattern));
  }
  it('refuses to run without the district changes', () => {
    assert.throws(
      () => readCensusTs060(inputOf({ 'TS060-2021-1.csv': GOOD })),
      /census-ts060 needs options\.districtChanges/,
    );
    assert.throws(
      () => read(GOOD, { districtChanges: 'data/lookups/x.csv' }),
      /invalid districtChanges option/,
    );
  });
});
