import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LWF_SHEETS, readLivingWage } from '../../src/ingest/living-wage.ts';
import { inputOf } from '../helpers/source.ts';
import { withCell, workbookBytes, type Rows } from '../helpers/xlsx-fixture.ts';

const FILE = 'PROV - Work Geography LWF Table 7 LWF.1a   lwfmgx 2022.xls';
const KEY = ['x = CV > 20%', '.. = disclosive', ': = not applicable', '- = nil or negligible '];

/** Areas with All-jobs counts (thousands) chosen so UK = GB + NI, GB = E&W + Scotland, E&W = England + Wales. */
const AREAS: [string, string, number | string, number | string | null][] = [
  ['United Kingdom ', 'K02000001', 3496, 12.2],
  ['Great Britain', 'K03000001', 3316, 12.1],
  ['England and Wales', 'K04000001', 3096, 12.5],
  ['England', 'E92000001', 2952, 12.5],
  ['North East ', 'E12000001', 156, 14.8],
  ['Hartlepool UA', 'E06000001', 8, 16.1],
  ['Isles of Scilly ', 'E06000053', '..', null],
  ['  Richmondshire', 'E07000166', '-', 0],
  ['Wales  ', 'W92000004', 144, 11.8],
  ['Scotland ', 'S92000003', 220, 9.5],
  ['Northern Ireland ', 'N92000002', 180, 14.6],
  ['Not Classified', '', ':', null],
];

/** The official layout, jobs scaled per sheet so All = Male + Female = Full-Time + Part-Time. */
function sheetRows(name: string): Rows {
  const share = name === 'All' ? 1 : name.includes(' ') ? 0.25 : 0.5;
  const jobs = name === 'All' ? 'all' : name.toLowerCase();
  return [
    [`Table 7 LWF.1 lwfmgx - For ${jobs} employee jobsa: United Kingdom, 2022`],
    [],
    [null, null, '% earning below Living Wage Foundation rates'],
    [null, null, 'Jobs', 'Per cent'],
    ['Description', 'Code', '(thousand)'],
    ...AREAS.map(([d, c, j, p], i) => [d, c, typeof j === 'number' ? j * share : j, p, null, KEY[i] ?? null]),
    ['a  Employees on adult rates whose pay for the survey pay-period was not affected by absence.'],
    ['Source: Annual Survey of Hours and Earnings, Office for National Statistics.'],
  ];
}

function book(
  edit: (sheet: string, rows: Rows) => Rows = (_s, r) => r,
  sheets: readonly string[] = LWF_SHEETS,
) {
  const all: Record<string, Rows> = {
    Notes: [['Guide to results from the Annual Survey of Hours and Earnings (ASHE)']],
  };
  for (const name of sheets) all[name] = edit(name, sheetRows(name));
  return workbookBytes(all, 'xls');
}

const read = (bytes: Uint8Array | string) => readLivingWage(inputOf({ [FILE]: bytes }));

describe('readLivingWage', () => {
  it('reads jobs and per cent below the LWF rate for every sheet, markers kept', () => {
    const out = read(book());
    const obs = out.records.observations!;
    assert.equal(obs.length, 11 * 9 * 2);
    const get = (areacd: string, indicator: string) =>
      obs.find((o) => o.areacd === areacd && o.indicator === indicator)!;
    const jobs = get('E06000001', 'jobs-below-lwf-all');
    assert.deepEqual(
      [jobs.observation, jobs.unit, jobs.status, jobs.period],
      [8, 'thousand jobs', 'p', '2022'],
    );
    assert.equal(get('E06000001', 'pct-jobs-below-lwf-male-full-time').observation, 16.1);
    assert.equal(get('E06000001', 'jobs-below-lwf-female-part-time').observation, 2);
    const scilly = get('E06000053', 'jobs-below-lwf-all');
    assert.deepEqual([scilly.observation, scilly.status], [null, '..']);
    assert.equal(get('E06000053', 'pct-jobs-below-lwf-all').status, 'missing');
    const richmond = [get('E07000166', 'jobs-below-lwf-all'), get('E07000166', 'pct-jobs-below-lwf-all')];
    assert.deepEqual(
      richmond.map((o) => [o.observation, o.status]),
      [
        [null, '-'],
        [0, 'p'],
      ],
    );
    assert.equal(get('E07000166', 'jobs-below-lwf-all').areanm, 'Richmondshire');
  });

  it('re-checks the totals the table states and warns only on a real gap', () => {
    const out = read(book());
    const uk = out.checks.find((c) => c.name === 'All: UK = GB + Northern Ireland')!;
    assert.deepEqual([uk.expected, uk.actual, uk.tolerance], [3496, 3496, 1.5]);
    assert.ok(out.checks.some((c) => c.name === 'E06000001: All = Full-Time + Part-Time' && c.actual === 8));
    assert.deepEqual(out.warnings, [
      `${FILE}: the uncoded "Not Classified" row is not kept (sheets ${LWF_SHEETS.join(', ')})`,
    ]);
    const broken = read(book((s, r) => (s === 'All' ? withCell(r, 15, 2, 190) : r)));
    assert.ok(
      broken.warnings.includes(`${FILE}: All: UK = GB + Northern Ireland: parts sum to 3506, published 3496`),
    );
    assert.ok(
      broken.warnings.includes(`${FILE}: N92000002: All = Male + Female: parts sum to 180, published 190`),
    );
  });

  const bad: [string, () => unknown, RegExp][] = [
    [
      'workbook without the Female Part-Time sheet',
      () => read(book(undefined, LWF_SHEETS.slice(0, 8))),
      /lwfmgx 2022\.xls!Female Part-Time: missing sheet; the workbook has Notes, All, Male, Female, Full-Time, Part-Time, Male Full-Time, Male Part-Time, Female Full-Time$/,
    ],
    [
      'renamed Per cent header',
      () => read(book((_s, r) => withCell(r, 3, 3, 'Percent'))),
      /2022\.xls!All!D4: expected column header Per cent \(value "Percent"\)/,
    ],
    [
      'table that is not about the Living Wage Foundation rate',
      () => read(book((_s, r) => withCell(r, 2, 2, '% earning below the National Living Wage'))),
      /2022\.xls!All!C3: not a Living Wage Foundation table/,
    ],
    [
      'non-numeric cell',
      () => read(book((s, r) => (s === 'Male' ? withCell(r, 10, 2, 'five') : r))),
      /2022\.xls!Male!C11: not a number or a marker .*\(value "five"\)/,
    ],
    [
      'duplicate area',
      () => read(book((_s, r) => withCell(r, 12, 1, 'E06000001'))),
      /2022\.xls!All!B13: duplicate area \(value "E06000001"\)/,
    ],
    [
      'malformed area code',
      () => read(book((_s, r) => withCell(r, 15, 1, 'N9200002'))),
      /2022\.xls!All!B16: not an area code \(value "N9200002"\)/,
    ],
    [
      'truncated file',
      () => {
        const bytes = book();
        return read(bytes.subarray(0, 1024));
      },
      /2022\.xls: unreadable workbook/,
    ],
    ['empty file', () => read(''), /2022\.xls: empty file/],
  ];
  for (const [name, run, pattern] of bad) it(`rejects a ${name}`, () => assert.throws(run, pattern));
});
