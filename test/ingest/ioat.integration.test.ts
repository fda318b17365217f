import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { IOAT_KEYS } from '../../src/core/io-table.ts';
import { loadCatalogue } from '../../src/ingest/catalogue.ts';
import { readIoat } from '../../src/ingest/ioat.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { PACK } from '../helpers/source.ts';

function read(id: string) {
  const source = loadCatalogue().find((s) => s.id === id)!;
  const file = readSourceFile(join(PACK, source.folder, source.files[0]!));
  return readIoat({ files: [file], source, retrieved: '2026-01-01' });
}

const sum = (v: Float64Array) => v.reduce((s, x) => s + x, 0);

describe('readIoat on the ONS tables', () => {
  it('2019 workbook: 105 industries, totals as the publisher states them', () => {
    const r = read('ons-ioat-2019');
    const t = r.records.ioTables![0]!;
    assert.equal(t.year, 2019);
    assert.equal(t.codes.length, 105);
    assert.equal(t.codes[0], 'A01');
    assert.equal(t.codes[104], 'T97');
    // Totals printed in the _T column of the P1, GVA and D1 rows (£ million).
    assert.equal(Math.round(sum(t.output)), 3824433);
    assert.equal(Math.round(sum(t.primaryInputs[IOAT_KEYS.gva]!)), 2000157);
    assert.equal(Math.round(sum(t.primaryInputs[IOAT_KEYS.compensation]!)), 1090157);
    assert.equal(Math.round(sum(t.finalDemand[IOAT_KEYS.households]!)), 985538);
    // The flows are unrounded and the published totals add up to rounding error only.
    assert.equal(r.checks.length, 630);
    for (const c of r.checks) assert.ok(Math.abs(c.actual - c.expected) < 1e-6, c.name);
    assert.deepEqual(r.provenance.files, ['nasu1719in.xlsx']);
  });
  it('2019 workbook: the analytical sheets are kept cell by cell, markers reported', () => {
    const r = read('ons-ioat-2019');
    const count = (sheet: string) => r.records.ioCells!.filter((c) => c.sheet === sheet).length;
    assert.equal(count('A'), 105 * 105 + 9 * 105);
    assert.equal(count('Leontief'), 105 * 105 + 105);
    assert.equal(count('Multipliers'), 105 * 8 - 8);
    const a = r.records.ioCells!.find((c) => c.sheet === 'A' && c.row === 'A01' && c.col === 'A01')!;
    assert.equal(a.cell, 'C8');
    assert.ok(Math.abs(a.value - 4635.362756887105 / 30872) < 1e-15);
    assert.deepEqual(r.warnings, [
      "nasu1719in.xlsx!Multipliers: 8 cells not produced by the publisher ('.' or '..'): E68=.., D85=.., G85=., C112=., D112=., E112=., F112=., H112=.",
    ]);
  });
  it('2022 IOT sheet as CSV: same layout, its own totals', () => {
    const r = read('ons-ioat-2022');
    const t = r.records.ioTables![0]!;
    assert.equal(t.year, 2022);
    assert.deepEqual(t.codes, read('ons-ioat-2019').records.ioTables![0]!.codes);
    assert.equal(t.output[0], 38337);
    assert.equal(t.primaryInputs[IOAT_KEYS.gva]![0], 14728);
    assert.equal(Math.round(sum(t.output)), 4548357);
    for (const c of r.checks) assert.ok(Math.abs(c.actual - c.expected) < 1e-6, c.name);
    assert.deepEqual(r.warnings, []);
  });
});
