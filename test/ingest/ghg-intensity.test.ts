import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readGhgIntensity } from '../../src/ingest/ghg-intensity.ts';
import { inputOf } from '../helpers/source.ts';
import { withCell, workbookBytes, type Rows } from '../helpers/xlsx-fixture.ts';

const FILE = '04atmosphericemissionsghgintensity.xlsx';
type Cell = string | number | null;

const YEARS = [1990, 1991, 1992];
const SECTIONS: [Cell, string, Cell[]][] = [
  ['A', 'Agriculture, forestry and fishing', [5.48, 5.23, 5.1]],
  ['C', 'Manufacturing', [1.34, 1.42, 1.4]],
  ['D', 'Electricity, gas, steam and air conditioning supply', [9.79, 9.09, 8.5]],
];
const GROUPS: [string, Cell, string, Cell[]][] = [
  ['A', 1, 'Products of agriculture, hunting and related services', [6.11, 5.82, 5.7]],
  ['C', 10.1, 'Processing and preserving of meat and production of meat products', [0.24, 0.26, 0.25]],
  [
    'C',
    '10.2-3',
    'Processing and preserving of fish, crustaceans, molluscs, fruit and vegetables',
    ['[low]', 0.42, 0.41],
  ],
  ['C', '33 (not 33.15-16)', 'Rest of repair; Installation ', [0.12, 0.14, '[z]']],
  ['D', 35.1, 'Electric power generation, transmission and distribution', [7.94, 7.35, 7.0]],
];
const TOTAL = [0.56, 0.56, 0.55];

/**
 * One sheet in the official layout: notes, then at `header` the section table (column A) and
 * at `groupCol` the group table with its section letters in the row above. The CO2 sheet's
 * section total carries a stray `Column1` code and its group total repeats the last column.
 */
function intensitySheet(title: string, header: number, groupCol: number, co2: boolean): Rows {
  const rows: Rows = Array.from({ length: header + 2 + YEARS.length }, () => []);
  const put = (r: number, c: number, v: Cell) => {
    while (rows[r]!.length < c) rows[r]!.push(null);
    rows[r]![c] = v;
  };
  put(0, 0, title);
  put(
    header - 2,
    0,
    'Some shorthand is used in this table, [low] = a low figure but not a real zero, [z] not applicable',
  );
  put(header - 2, groupCol, 'Table b: emissions intensity by industry group');
  put(header, 0, 'SIC code');
  put(header + 1, 0, 'Industry name');
  const sections = [
    ...SECTIONS,
    [co2 ? 'Column1' : null, 'Total (Excluding consumer expenditure)', TOTAL] as const,
  ];
  sections.forEach(([code, name, values], i) => {
    put(header, 1 + i, code);
    put(header + 1, 1 + i, name);
    values.forEach((v, k) => put(header + 2 + k, 1 + i, v));
  });
  const groupTotal = co2 ? GROUPS.at(-1)![3] : TOTAL;
  const groups = [...GROUPS, ['Z', 'Total  ', 'Total (Excluding consumer expenditure)', groupTotal] as const];
  put(header - 1, groupCol, 'SIC code');
  put(header, groupCol, 'SIC(07) group');
  put(header + 1, groupCol, 'Industry name');
  groups.forEach(([section, code, name, values], i) => {
    put(header - 1, groupCol + 1 + i, section);
    put(header, groupCol + 1 + i, code);
    put(header + 1, groupCol + 1 + i, name);
    values.forEach((v, k) => put(header + 2 + k, groupCol + 1 + i, v));
  });
  YEARS.forEach((y, k) => {
    put(header + 2 + k, 0, y);
    put(header + 2 + k, groupCol, y);
  });
  return rows;
}

const GHG = () =>
  intensitySheet('GHG Intensity: Greenhouse gas emissions intensity by industry', 8, 24, false);
const CO2 = () =>
  intensitySheet('CO2 Intensity: Carbon dioxide emissions intensity by industry', 7, 23, true);

function book(edit: (sheet: string, rows: Rows) => Rows = (_s, r) => r, drop?: string): Uint8Array {
  const sheets: Record<string, Rows> = { Table_of_contents: [['Table of contents ']], Notes: [['Notes']] };
  for (const [name, rows] of [
    ['GHG intensity', GHG()],
    ['CO2 intensity', CO2()],
  ] as const) {
    if (name !== drop) sheets[name] = edit(name, rows);
  }
  sheets['CO2 intensity SDG basis'] = [
    ['year', 'Total CO2 intensity - SDG basis'],
    [1990, 0.46],
  ];
  return workbookBytes(sheets);
}

const read = (bytes: Uint8Array | string) => readGhgIntensity(inputOf({ [FILE]: bytes }));

describe('readGhgIntensity', () => {
  it('reads both tables of both sheets, codes as published, markers as status', () => {
    const out = read(book());
    const recs = out.records.industry!;
    // 3 sections + Total + 5 groups (the group-table total is not repeated) × 3 years × 2 measures.
    assert.equal(recs.length, 9 * 3 * 2);
    const get = (industry: string, period: number, measure = 'ghg_intensity') =>
      recs.find((r) => r.industry === industry && r.period === period && r.measure === measure)!;
    assert.deepEqual([get('A', 1990).value, get('A', 1990).parent], [5.48, 'Total']);
    assert.deepEqual([get('Total', 1992).value, get('Total', 1992).parent], [0.55, null]);
    assert.equal(get('Total', 1992, 'co2_intensity').value, 0.55);
    assert.deepEqual([get('10.1', 1991).value, get('10.1', 1991).parent], [0.26, 'C']);
    assert.deepEqual([get('10.2-3', 1990).value, get('10.2-3', 1990).status], [null, '[low]']);
    assert.deepEqual(
      [get('33 (not 33.15-16)', 1992).value, get('33 (not 33.15-16)', 1992).status],
      [null, '[z]'],
    );
    assert.equal(get('35.1', 1990).industryName, 'Electric power generation, transmission and distribution');
    assert.equal(get('1', 1990).areacd, 'K02000001');
  });

  it('checks the group-table total against the section-table total and names a mismatch', () => {
    const out = read(book());
    assert.equal(out.checks.length, 6);
    const ghg = out.checks.filter((c) => c.name.startsWith('ghg_intensity'));
    assert.ok(ghg.every((c) => c.expected === c.actual));
    assert.deepEqual(out.warnings, [
      `${FILE}!CO2 intensity!AD10:AD12: the group table's Total differs from the section table's in 3 of 3 years (1990…1992); the section table's is kept`,
    ]);
  });

  const bad: [string, () => unknown, RegExp][] = [
    [
      'workbook without the CO2 sheet',
      () => read(book(undefined, 'CO2 intensity')),
      /xlsx!CO2 intensity: missing sheet; the workbook has Table_of_contents, Notes, GHG intensity, CO2 intensity SDG basis$/,
    ],
    [
      'group code outside SIC 2007',
      () => read(book((s, r) => (s === 'GHG intensity' ? withCell(r, 8, 26, '04.1') : r))),
      /xlsx!GHG intensity!AA9: unknown industry code: 04\.1 \(value "04\.1"\)/,
    ],
    [
      'group under the wrong section letter',
      () => read(book((s, r) => (s === 'GHG intensity' ? withCell(r, 7, 26, 'B') : r))),
      /!GHG intensity!AA9: not in section B \(row above\) \(value "10\.1"\)/,
    ],
    [
      'section code that is not a letter',
      () => read(book((s, r) => (s === 'CO2 intensity' ? withCell(r, 7, 2, 'CC') : r))),
      /!CO2 intensity!C8: not a SIC section letter \(value "CC"\)/,
    ],
    [
      'duplicate industry',
      () => read(book((s, r) => (s === 'GHG intensity' ? withCell(r, 8, 2, 'A') : r))),
      /!GHG intensity!C9: duplicate industry \(value "A"\)/,
    ],
    [
      'non-numeric value',
      () => read(book((s, r) => (s === 'GHG intensity' ? withCell(r, 11, 28, 'n/a') : r))),
      /!GHG intensity!AC12: not a number or a marker \(\[low\], \[z\]\) \(value "n\/a"\)/,
    ],
    [
      'year that is not a year',
      () => read(book((s, r) => (s === 'GHG intensity' ? withCell(r, 11, 0, '1991/92') : r))),
      /!GHG intensity!A12: not a year \(value "1991\/92"\)/,
    ],
    [
      'group table with other years',
      () => read(book((s, r) => (s === 'CO2 intensity' ? withCell(r, 10, 23, 1993) : r))),
      /!CO2 intensity!X11: expected year 1991 \(value 1993\)/,
    ],
    [
      'missing Industry name row',
      () => read(book((s, r) => (s === 'GHG intensity' ? withCell(r, 9, 0, 'Name') : r))),
      /!GHG intensity!A10: expected row header Industry name \(value "Name"\)/,
    ],
    [
      'sheet without the SIC code header',
      () => read(book((s, r) => (s === 'GHG intensity' ? withCell(r, 8, 0, 'Code') : r))),
      /!GHG intensity!A1: no row starting SIC code \(value "GHG Intensity/,
    ],
    [
      'gap in the years',
      () => read(book((s, r) => (s === 'GHG intensity' ? withCell(r, 11, 0, null) : r))),
      /!GHG intensity!A13: year after a gap \(value 1992\)/,
    ],
    [
      'gap between industry groups',
      () => read(book((s, r) => (s === 'GHG intensity' ? withCell(r, 9, 28, null) : r))),
      /!GHG intensity!AD9: industry column after a gap \(value 35\.1\)/,
    ],
    [
      'CSV bytes named .xlsx',
      () => read('SIC code,A,B\n1990,5.48,0.36\n'),
      /xlsx: not an XLSX or XLS workbook/,
    ],
  ];
  for (const [name, run, pattern] of bad) it(`rejects a ${name}`, () => assert.throws(run, pattern));
});
