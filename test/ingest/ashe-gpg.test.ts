import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readAsheGpg } from '../../src/ingest/ashe-gpg.ts';
import { inputOf } from '../helpers/source.ts';
import { withCell, workbookBytes, type Rows } from '../helpers/xlsx-fixture.ts';

const F712 = 'PROV - Work Geography Table 7.12  Gender pay gap 2025.xlsx';
const JOBS = { All: 'all', 'Full-Time': 'full-time', 'Part-Time': 'part-time' } as const;
const NOTES: Rows = [
  ['Guide to results from the Annual Survey of Hours and Earnings (ASHE) for gender pay gap tables.'],
];
const FOOT: Rows = [
  [
    "^  Gender pay gap defined as the difference between men's and women's hourly earnings as a percentage of men's earnings.",
  ],
  ['Source: Annual Survey of Hours and Earnings, Office for National Statistics.'],
];

/** The official layout: title, blank, two header rows, `Description, Code, median, mean`, data, footnotes. */
function table(title: string, data: Rows): Rows {
  return [
    [title],
    [],
    [null, null, 'Gender', 'Gender'],
    [null, null, 'pay gap', 'pay gap'],
    ['Description', 'Code', 'median', 'mean'],
    ...data,
    ...FOOT,
  ];
}

const AREAS: Rows = [
  ['United Kingdom ', 'K02000001', 12.8, 13.4],
  ['Great Britain', 'K03000001', 12.9, 13.5, null, 'Key to quality'],
  ['North East ', 'E12000001', 9.3, 9.1, null, 'Estimates are considered good quality'],
  [
    'Darlington UA',
    'E06000005',
    -1.5,
    0.1,
    null,
    'x = Estimates are considered unreliable for practical purposes',
  ],
  ['Hartlepool UA', 'E06000001', 13.8, 9.3],
  ['  Gateshead', 'E08000037', 'x', -0.5],
  ['Not Classified', '', 'x', 'x'],
];

function book(tableNo: string, data: Rows, edit: (sheet: string, rows: Rows) => Rows = (_s, r) => r) {
  const sheets: Record<string, Rows> = { Notes: NOTES };
  for (const [name, jobs] of Object.entries(JOBS)) {
    const title = `Table ${tableNo} Gender pay gap (%)^  - For ${jobs} employee jobs^^: United Kingdom, 2025`;
    sheets[name] = edit(name, table(title, data));
  }
  return workbookBytes(sheets);
}

const read = (bytes: Uint8Array | string, name = F712, options = {}) =>
  readAsheGpg(inputOf({ [name]: bytes }, { options }));

describe('readAsheGpg: area tables', () => {
  it('reads every sheet and statistic as a tidy observation, markers kept', () => {
    const out = read(book('7.12', AREAS), F712, { table: '7.12' });
    const obs = out.records.observations!;
    assert.equal(obs.length, 6 * 2 * 3);
    const hartlepool = obs.find(
      (o) => o.areacd === 'E06000001' && o.indicator === 'gpg-median-workplace-all',
    )!;
    assert.equal(hartlepool.observation, 13.8);
    assert.equal(hartlepool.status, 'p');
    assert.equal(hartlepool.period, '2025');
    assert.equal(hartlepool.unit, '%');
    assert.equal(hartlepool.geography, 'County or Unitary Authority');
    const gateshead = obs.find(
      (o) => o.areacd === 'E08000037' && o.indicator === 'gpg-median-workplace-part-time',
    )!;
    assert.deepEqual([gateshead.observation, gateshead.status, gateshead.areanm], [null, 'x', 'Gateshead']);
    assert.equal(obs.find((o) => o.areacd === 'K02000001')!.geography, 'Country');
    assert.ok(obs.some((o) => o.indicator === 'gpg-mean-workplace-full-time'));
    assert.deepEqual(out.warnings, [
      `${F712}: the uncoded "Not Classified" row is not kept (sheets All, Full-Time, Part-Time)`,
    ]);
  });

  it('names residence and ITL tables by their basis; the uncoded UK row of 32.12 is K02000001', () => {
    const home = read(book('8.12', AREAS), 'PROV - Home Geography Table 8.12  Gender pay gap 2025.xlsx');
    assert.ok(home.records.observations!.every((o) => o.indicator.includes('-residence-')));
    const itl: Rows = [
      ['United Kingdom', '', 12.8, 13.4],
      ['North East (England)', 'TLC', 9.3, 9.1],
      ['Tees Valley', 'TLC3', 7.8, 9.9],
      ['Hartlepool and Stockton-on-Tees', 'TLC31', 12.8, 13.2],
    ];
    const obs = read(book('32.12', itl), 'PROV - Work ITL (3) Table 32.12  Gender pay gap 2025.xlsx').records
      .observations!;
    const all = obs.filter((o) => o.indicator === 'gpg-median-workplace-itl3-all');
    assert.deepEqual(
      all.map((o) => [o.areacd, o.geography]),
      [
        ['K02000001', 'Country'],
        ['TLC', 'ITL Level 1'],
        ['TLC3', 'ITL Level 2'],
        ['TLC31', 'ITL Level 3'],
      ],
    );
  });

  it('keeps status null when the table is not provisional', () => {
    const obs = read(book('7.12', AREAS), 'Work Geography Table 7.12 Gender pay gap 2025.xlsx').records
      .observations!;
    assert.equal(obs[0]!.status, null);
  });

  const good = book('7.12', AREAS);
  const bad: [string, () => unknown, RegExp][] = [
    [
      'workbook without the Part-Time sheet',
      () => {
        const sheets = { Notes: NOTES, All: table('Table 7.12 Gender pay gap (%): UK, 2025', AREAS) };
        return read(workbookBytes({ ...sheets, 'Full-Time': sheets.All }));
      },
      /Table 7\.12 {2}Gender pay gap 2025\.xlsx!Part-Time: missing sheet; the workbook has Notes, All, Full-Time$/,
    ],
    [
      'renamed Code header',
      () => read(book('7.12', AREAS, (_s, r) => withCell(r, 4, 1, 'GSS code'))),
      /2025\.xlsx!All!B5: expected column Code \(value "GSS code"\)/,
    ],
    [
      'renamed value header',
      () => read(book('7.12', AREAS, (_s, r) => withCell(r, 4, 2, 'mode'))),
      /!All!C5: expected column header median \(value "mode"\)/,
    ],
    [
      'non-numeric cell',
      () => read(book('7.12', AREAS, (s, r) => (s === 'Full-Time' ? withCell(r, 9, 3, 'n/a') : r))),
      /!Full-Time!D10: not a number or a marker \(x \.\. : -\) \(value "n\/a"\)/,
    ],
    [
      'duplicate area',
      () => read(book('7.12', [...AREAS, ['Hartlepool', 'E06000001', 1, 2]])),
      /!All!B13: duplicate area \(value "E06000001"\)/,
    ],
    [
      'malformed area code',
      () => read(book('7.12', AREAS, (_s, r) => withCell(r, 9, 1, 'E0600001'))),
      /!All!B10: not an area code \(value "E0600001"\)/,
    ],
    [
      'ITL code in a GSS table',
      () => read(book('7.12', AREAS, (_s, r) => withCell(r, 9, 1, 'TLC31'))),
      /!All!B10: not an area code \(value "TLC31"\)/,
    ],
    [
      'table number other than the catalogue says',
      () => read(good, F712, { table: '8.12' }),
      /!All!A1: catalogue says table 8\.12, the file holds table 7\.12/,
    ],
    [
      'no header row',
      () => read(book('7.12', AREAS, (_s, r) => withCell(r, 4, 0, 'Area'))),
      /!All!A1: no header row starting Description, Code \(value "Table 7\.12/,
    ],
    [
      'title without a year',
      () => read(book('7.12', AREAS, (_s, r) => withCell(r, 0, 0, 'Table 7.12 Gender pay gap (%)'))),
      /!All!A1: title does not end with a year/,
    ],
    [
      'row with empty values inside the table',
      () => read(book('7.12', AREAS, (_s, r) => withCell(withCell(r, 7, 2, null), 7, 3, null))),
      /!All!B8: coded row without values, or after the end of the table \(value "E12000001"\)/,
    ],
    ['truncated file', () => read(good.subarray(0, good.length >> 1)), /2025\.xlsx: unreadable workbook/],
    [
      'CSV bytes named .xlsx',
      () => read('Description,Code,median,mean\nHartlepool,E06000001,13.8,9.3\n'),
      /2025\.xlsx: not an XLSX or XLS workbook \(value "44657363"\)/,
    ],
    ['empty file', () => read(''), /2025\.xlsx: empty file/],
  ];
  for (const [name, run, pattern] of bad) it(`rejects a ${name}`, () => assert.throws(run, pattern));
});

const INDUSTRIES: Rows = [
  ['ALL EMPLOYEES', '', 12.8, 13.4],
  ['All Industries and Services', '', 12.8, 13.4],
  ['All Index of Production Industries', '', 13.7, 7.1],
  ['All Manufacturing', '', 14.8, 8.1],
  ['All Service Industries', '', 12.5, 15.2],
  ['AGRICULTURE, FORESTRY AND FISHING ', 'A ', 3.4, 2.8],
  ['Crop and animal production, hunting and related service activities ', '1', 3.5, 1],
  ['Fishing and aquaculture ', '3', 'x', 16.7],
  ['MANUFACTURING ', 'C ', 14.8, 8.1],
  ['Manufacture of food products ', '10', 8.4, 6.6],
  ['NOT CLASSIFIED', '', -17.9, -8.8],
];
const F412 = 'PROV - SIC07 Industry (2) SIC2007 Table 4.12  Gender pay gap 2025.xlsx';
const industryBook = (edit?: (s: string, r: Rows) => Rows) => book('4.12', INDUSTRIES, edit);

describe('readAsheGpg: Table 4.12 by industry', () => {
  it('gives industry records keyed by SIC code, aggregates resolved or named in a warning', () => {
    const out = read(industryBook(), F412, { table: '4.12' });
    assert.equal(out.records.observations, undefined);
    const recs = out.records.industry!;
    // Total, B-E, A, 1, 3, C, 10: 7 codes × 2 statistics × 3 sheets.
    assert.equal(recs.length, 7 * 2 * 3);
    const food = recs.find((r) => r.industry === '10' && r.measure === 'gpg_median_all')!;
    assert.deepEqual([food.value, food.parent, food.areacd, food.period], [8.4, 'C', 'K02000001', 2025]);
    assert.equal(recs.find((r) => r.industry === 'A')!.parent, 'Total');
    assert.equal(recs.find((r) => r.industry === 'Total')!.parent, null);
    assert.equal(recs.find((r) => r.industry === 'B-E' && r.measure === 'gpg_mean_part_time')!.value, 7.1);
    const fish = recs.find((r) => r.industry === '3' && r.measure === 'gpg_median_full_time')!;
    assert.deepEqual([fish.value, fish.status], [null, 'x']);
    assert.deepEqual(out.warnings, [
      `${F412}: rows without a SIC code not kept: All Service Industries (the table does not state its SIC range); NOT CLASSIFIED (not classified to an industry)`,
    ]);
  });

  it('warns when an aggregate differs from the row it repeats', () => {
    const out = read(
      industryBook((s, r) => (s === 'All' ? withCell(r, 8, 2, 14.9) : r)),
      F412,
    );
    assert.match(out.warnings[0]!, /!All!B9: "All Manufacturing" differs from C; not kept/);
  });

  const bad: [string, (s: string, r: Rows) => Rows, RegExp][] = [
    [
      'unknown SIC division',
      (_s, r) => withCell(r, 11, 1, '4'),
      /!All!B12: unknown industry code: 4 \(value "4"\)/,
    ],
    [
      'malformed SIC code',
      (_s, r) => withCell(r, 11, 1, '01.1'),
      /!All!B12: not a SIC 2007 section or division/,
    ],
    [
      'uncoded row that is not a known aggregate',
      (_s, r) => withCell(r, 9, 0, 'All Public Sector'),
      /!All!B10: row without a SIC code \(value "All Public Sector"\)/,
    ],
    [
      'duplicate industry',
      (_s, r) => withCell(r, 12, 1, '10'),
      /!All!B15: duplicate industry \(value "10"\)/,
    ],
  ];
  for (const [name, edit, pattern] of bad) {
    it(`rejects a ${name}`, () => assert.throws(() => read(industryBook(edit), F412), pattern));
  }
});
