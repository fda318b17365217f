import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { readIoat } from '../../src/ingest/ioat.ts';
import { inputOf } from '../helpers/source.ts';

type Cell = string | number | null;
const FD = ['P3 S1', 'P3 S13', 'P3 S14', 'P3 S15', 'P51G', 'P52', 'P53', 'P61EU', 'P61RW', 'P62', 'TU'];

/** A two-industry IOT sheet in the ONS layout (title rows, codes across, codes down, primary rows). */
function iotRows(): Cell[][] {
  const fd = (hh: number, exports: number, tu: number) => [hh, 0, hh, 0, 0, -3, 0, 0, 0, exports + 3, tu];
  return [
    ['2019 Input-Output Analytical Tables'],
    ['Input-Output table (domestic use, basic prices, industry by industry), £ million'],
    ['MENU'],
    [null, 'SIC', 'A01', 'C10', '_T', ...FD],
    [null, 'Industry', 'Agriculture', 'Food', 'Total', ...FD.map((c) => `name of ${c}`)],
    ['SIC', 'Industry'],
    ['A01', 'Agriculture', 150, 500, 650, ...fd(200, 150, 1000)],
    ['C10', 'Food', 200, 100, 300, ...fd(400, 1300, 2000)],
    ['_T', 'Total intermediate use at basic prices', 350, 600],
    [null, 'Use of imported products, cif', 150, 390],
    [null, 'Taxes less subsidies on products', 0, 10],
    [null, "Total intermediate use at purchaser's prices", 500, 1000],
    ['D1', 'Compensation of employees', 300, 500],
    ['GOS & MI', 'Gross operating surplus and mixed income', 210, 500],
    ['D29-D39', 'Taxes less subsidies on production', -10, 0],
    ['GVA', 'Gross value added', 500, 1000],
    ['P1', 'Total output at basic prices', 1000, 2000],
  ];
}

function aRows(): Cell[][] {
  return [
    ['2019 Input-Output Analytical Tables'],
    ['Matrix of coefficients (Industry by industry)'],
    ['Direct input requirements per unit of output'],
    ['MENU'],
    [null, 'SIC', 'A01', 'C10'],
    [null, 'Industry', 'Agriculture', 'Food'],
    ['SIC', 'Industry'],
    ['A01', 'Agriculture', 0.15, 0.25],
    ['C10', 'Food', 0.2, 0.05],
    [null, 'Use of imported products, cif', 0.15, 0.195],
  ];
}

function multiplierRows(): Cell[][] {
  return [
    ['2019 Input-Output Analytical Tables'],
    ['Type I multipliers'],
    ['Ratio of direct to total impact from final use of an industry'],
    ['MENU'],
    [null, null, null, 'D1', 'P1'],
    [null, null, 'Use of imported products, cif', 'Compensation of employees', 'Output'],
    ['SIC', 'Industry'],
    ['A01', 'Agriculture', 1.7, 1.47, 1.518],
    ['C10', 'Food', '..', '.', 1.452],
    [null, 'Notes:'],
  ];
}

function xlsx(sheets: Record<string, Cell[][]>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets))
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
}

/** The sheet saved as CSV the way the pack's 2022 file was: title in the header row, `Unnamed: n` beside it. */
function csv(rows: Cell[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const q = (v: Cell) =>
    v === null ? '' : /[",]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  const [title, ...rest] = rows;
  const head = [title![0]!, ...Array.from({ length: width - 1 }, (_, i) => `Unnamed: ${i + 1}`)];
  return (
    [head, ...rest.map((r) => [...r, ...Array(width - r.length).fill(null)])]
      .map((r) => r.map(q).join(','))
      .join('\n') + '\n'
  );
}

const read = (name: string, body: string | Uint8Array) => readIoat(inputOf({ [name]: body }));

describe('readIoat', () => {
  it('reads the IOT sheet of a workbook into an IoTable', () => {
    const r = read('iot.xlsx', xlsx({ IOT: iotRows(), A: aRows(), Multipliers: multiplierRows() }));
    const t = r.records.ioTables![0]!;
    assert.equal(t.year, 2019);
    assert.deepEqual(t.codes, ['A01', 'C10']);
    assert.deepEqual(t.names, ['Agriculture', 'Food']);
    assert.deepEqual([...t.z], [150, 500, 200, 100]);
    assert.deepEqual([...t.output], [1000, 2000]);
    // P3 S1 (sum of S13–S15) and TU are totals, not final demand.
    assert.deepEqual(
      Object.keys(t.finalDemand),
      FD.filter((c) => c !== 'P3 S1' && c !== 'TU'),
    );
    assert.deepEqual([...t.finalDemand['P52']!], [-3, -3]);
    assert.deepEqual(Object.keys(t.primaryInputs), [
      'Use of imported products, cif',
      'Taxes less subsidies on products',
      'D1',
      'GOS & MI',
      'D29-D39',
      'GVA',
    ]);
    assert.deepEqual([...t.primaryInputs['D29-D39']!], [-10, 0]);
    assert.equal(r.checks.length, 12);
    assert.ok(r.checks.every((c) => Math.abs(c.actual - c.expected) < 1e-9));
    assert.equal(r.provenance.vintage, '2019');
  });
  it('keeps the other sheets as cells, with markers reported', () => {
    const r = read('iot.xlsx', xlsx({ IOT: iotRows(), A: aRows(), Multipliers: multiplierRows() }));
    const cells = r.records.ioCells!;
    const a = cells.filter((c) => c.sheet === 'A');
    assert.equal(a.length, 6);
    assert.deepEqual(a[1], { year: 2019, sheet: 'A', row: 'A01', col: 'C10', value: 0.25, cell: 'D8' });
    assert.deepEqual(
      a.filter((c) => c.row === 'Use of imported products, cif').map((c) => c.col),
      ['A01', 'C10'],
    );
    const m = cells.filter((c) => c.sheet === 'Multipliers');
    assert.deepEqual(
      m.map((c) => `${c.row}/${c.col}=${c.value}`),
      ['A01/Use of imported products, cif=1.7', 'A01/D1=1.47', 'A01/P1=1.518', 'C10/P1=1.452'],
    );
    assert.deepEqual(r.warnings, [
      "iot.xlsx!Multipliers: 2 cells not produced by the publisher ('.' or '..'): C9=.., D9=.",
    ]);
  });
  it('reads the same sheet saved as CSV', () => {
    const r = read('iot.csv', csv(iotRows()));
    const t = r.records.ioTables![0]!;
    assert.deepEqual([...t.z], [150, 500, 200, 100]);
    assert.deepEqual([...t.primaryInputs['Use of imported products, cif']!], [150, 390]);
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(r.records.ioCells, []);
  });
  it('warns where the published totals do not add up', () => {
    const rows = iotRows();
    rows[8]![3] = 700;
    const r = read('iot.csv', csv(rows));
    assert.match(r.warnings.join('\n'), /2019 C10: intermediate inputs = _T: computed 600, published 700/);
  });
  it('refuses bad tables, naming the cell and the value', () => {
    const bad = (edit: (rows: Cell[][]) => void) => {
      const rows = iotRows();
      edit(rows);
      return rows;
    };
    assert.throws(() => read('iot.xlsx', xlsx({ A: aRows() })), /iot.xlsx: missing sheet: IOT \(value "A"\)/);
    assert.throws(
      () => read('iot.xlsx', xlsx({ IOT: bad((r) => (r[7]![0] = 'C11')) })),
      /iot.xlsx!IOT!A8: row code does not match column C10 \(value "C11"\)/,
    );
    assert.throws(
      () => read('iot.csv', csv(bad((r) => (r[6]![3] = 'n/a')))),
      /iot.csv:7:4: not a number \(value "n\/a"\)/,
    );
    assert.throws(
      () => read('iot.xlsx', xlsx({ IOT: bad((r) => (r[7]![2] = -1)) })),
      /iot.xlsx!IOT!C8: negative intermediate flow \(value -1\)/,
    );
    assert.throws(
      () => read('iot.xlsx', xlsx({ IOT: bad((r) => (r[12]![3] = -5)) })),
      /iot.xlsx!IOT!D13: negative D1 \(value -5\)/,
    );
    assert.throws(
      () => read('iot.csv', csv(iotRows().slice(0, 13))),
      /truncated table: missing rows \(value "GOS & MI, D29-D39, GVA, P1"\)/,
    );
    assert.throws(
      () => read('iot.xlsx', xlsx({ IOT: bad((r) => r[3]!.splice(4)) })),
      /iot.xlsx!IOT!E4: truncated table: no _T column after the industries/,
    );
    assert.throws(
      () => read('iot.xlsx', xlsx({ IOT: bad((r) => (r[0]![0] = 'Supply table')) })),
      /IOT!A1: not an input-output analytical table title/,
    );
  });
});
