import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { IOAT_KEYS } from '../../../src/core/io-table.ts';
import type { IoCell } from '../../../src/core/records.ts';
import { loadCatalogue } from '../../../src/ingest/catalogue.ts';
import { readIoat } from '../../../src/ingest/ioat.ts';
import { readSourceFile } from '../../../src/ingest/source-file.ts';
import { identityMinus, leontiefLu } from '../../../src/models/io/leontief.ts';
import { inverse } from '../../../src/models/io/lu.ts';
import { factorEffect, multipliers } from '../../../src/models/io/multipliers.ts';
import { nationalModel } from '../../../src/models/io/national.ts';
import { PACK } from '../../helpers/source.ts';

/**
 * The publisher's own check (METHODS.md §3): recomputing from the IOT sheet alone reproduces
 * every cell of the ONS 2019 A, Leontief, Effects and Multipliers sheets to 1e-9 relative.
 */
const TOL = 1e-9;

function read(id: string) {
  const source = loadCatalogue().find((s) => s.id === id)!;
  return readIoat({
    files: [readSourceFile(join(PACK, source.folder, source.files[0]!))],
    source,
    retrieved: '2026-01-01',
  });
}

const r2019 = read('ons-ioat-2019');
const table = r2019.records.ioTables![0]!;
const model = nationalModel(table);
const n = model.n;
const x = table.output;

function published(sheet: string): Map<string, IoCell> {
  return new Map(
    r2019.records.ioCells!.filter((c) => c.sheet === sheet).map((c) => [`${c.row}|${c.col}`, c]),
  );
}

/** Compares every published cell of a sheet with ours; returns how many were compared. */
function compare(sheet: string, ours: (row: string, col: string) => number | undefined): number {
  let compared = 0;
  const bad: string[] = [];
  for (const c of published(sheet).values()) {
    const v = ours(c.row, c.col);
    assert.notEqual(v, undefined, `${sheet}!${c.cell}: no computed value for ${c.row} × ${c.col}`);
    compared++;
    if (!(Math.abs(v! - c.value) <= TOL * Math.abs(c.value)))
      bad.push(`${c.cell} ${c.row}×${c.col}: ${v} vs ${c.value}`);
  }
  assert.deepEqual(bad, [], `${sheet}: cells not reproduced`);
  return compared;
}

const idx = new Map(table.codes.map((c, i) => [c, i]));
const colSum = (m: Float64Array, j: number) => {
  let s = 0;
  for (let i = 0; i < n; i++) s += m[i * n + j]!;
  return s;
};
const per = (key: string) => table.primaryInputs[key]!.map((v, j) => v / x[j]!);
const rows: Record<string, Float64Array> = {
  [IOAT_KEYS.imports]: per(IOAT_KEYS.imports),
  [IOAT_KEYS.productTaxes]: per(IOAT_KEYS.productTaxes),
  D1: per('D1'),
  'GOS & MI': per('GOS & MI'),
  'D29-D39': per('D29-D39'),
  GVA: per('GVA'),
};
const icBasic = Float64Array.from({ length: n }, (_, j) => colSum(model.a, j));
const icPurchasers = icBasic.map(
  (v, j) => v + rows[IOAT_KEYS.imports]![j]! + rows[IOAT_KEYS.productTaxes]![j]!,
);

describe('official check: ONS IOAT 2019 recomputed from its IOT sheet', () => {
  it('A: every coefficient, and the primary-input coefficient rows', () => {
    const coefficient = (row: string, col: string) => {
      const j = idx.get(col)!;
      if (idx.has(row)) return model.a[idx.get(row)! * n + j];
      if (row === '_T') return icBasic[j];
      if (row === "Total intermediate use at purchaser's prices") return icPurchasers[j];
      if (row === 'P1') return 1;
      return rows[row]?.[j];
    };
    assert.equal(compare('A', coefficient), 105 * 105 + 9 * 105);
  });
  it('Leontief: every cell of L = (I − A)⁻¹ and its column totals', () => {
    const l = inverse(model.lu);
    const cell = (row: string, col: string) =>
      row === '_T' ? colSum(l, idx.get(col)!) : l[idx.get(row)! * n + idx.get(col)!];
    assert.equal(compare('Leontief', cell), 105 * 105 + 105);
  });
  it('Effects: every total impact per unit of final use', () => {
    const m = multipliers(model);
    const effect = (s: Float64Array) => factorEffect(model, s).total1;
    const cols: Record<string, Float64Array> = {
      'Intermediate consumption at basic prices': m.output.total1.map((v) => v - 1),
      [IOAT_KEYS.imports]: effect(rows[IOAT_KEYS.imports]!),
      [IOAT_KEYS.productTaxes]: effect(rows[IOAT_KEYS.productTaxes]!),
      "Intermediate consumption at purchaser's prices": effect(icPurchasers),
      D1: m.compensation.total1,
      'GOS & MI': effect(rows['GOS & MI']!),
      'D29-D39': effect(rows['D29-D39']!),
      GVA: m.gva.total1,
      P1: m.output.total1,
    };
    assert.equal(
      compare('Effects', (row, col) => cols[col]?.[idx.get(row)!]),
      105 * 9,
    );
  });
  it('Multipliers: every published Type I multiplier, output, GVA and compensation among them', () => {
    const m = multipliers(model);
    const ratio = (s: Float64Array) => factorEffect(model, s).type1;
    const cols: Record<string, Float64Array> = {
      'Intermediate consumption at basic prices': m.output.indirect.map((v, j) => v / icBasic[j]!),
      [IOAT_KEYS.imports]: ratio(rows[IOAT_KEYS.imports]!),
      [IOAT_KEYS.productTaxes]: ratio(rows[IOAT_KEYS.productTaxes]!),
      P2: ratio(icPurchasers),
      D1: m.compensation.type1,
      'GOS & MI': ratio(rows['GOS & MI']!),
      GVA: m.gva.type1,
      P1: m.output.total1,
    };
    assert.equal(
      compare('Multipliers', (row, col) => cols[col]?.[idx.get(row)!]),
      105 * 8 - 8,
    );
    // Output, GVA and compensation: all 105 industries published and reproduced, except
    // L68A (imputed rent) compensation, which the ONS marks '.': it has no employees.
    const pub = published('Multipliers');
    for (const col of ['P1', 'GVA', 'D1'])
      assert.equal(table.codes.filter((c) => pub.has(`${c}|${col}`)).length, col === 'D1' ? 104 : 105);
    assert.ok(Number.isNaN(m.compensation.type1[idx.get('L68A')!]!));
  });
  it("the publisher's '.' cells are where the direct coefficient is zero; '..' where it is tiny", () => {
    // '.' (not produced): T97 buys no intermediate inputs; L68A pays no compensation.
    assert.equal(icBasic[idx.get('T97')!], 0);
    assert.equal(rows.D1![idx.get('L68A')!], 0);
    // '..' (suppressed as unrealistically high): H491_2 product taxes 4/15542 and L68A imports
    // 14/216684 per £ of output; the ratio is computable and we compute it, the ONS withholds it.
    assert.ok(Math.abs(rows[IOAT_KEYS.productTaxes]![idx.get('H491_2')!]! - 4 / 15542) < 1e-18);
    assert.ok(Math.abs(rows[IOAT_KEYS.imports]![idx.get('L68A')!]! - 14 / 216684) < 1e-18);
  });
  it('L(I − A) = I to 1e-12', () => {
    checkInverse(model.a, n);
  });
});

function checkInverse(a: Float64Array, size: number): void {
  const l = inverse(leontiefLu(a, size));
  const m = identityMinus(a, size);
  let worst = 0;
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++) {
      let s = 0;
      for (let k = 0; k < size; k++) s += l[i * size + k]! * m[k * size + j]!;
      worst = Math.max(worst, Math.abs(s - (i === j ? 1 : 0)));
    }
  assert.ok(worst < 1e-12, `max |L(I − A) − I| = ${worst}`);
}

describe('the same pipeline on the 2022 IOT sheet', () => {
  const t22 = read('ons-ioat-2022').records.ioTables![0]!;
  const m22 = nationalModel(t22);
  it('A is Z x̂⁻¹ and L(I − A) = I to 1e-12', () => {
    assert.equal(m22.a[0], t22.z[0]! / 38337);
    checkInverse(m22.a, m22.n);
  });
  it('yields Type I and II multipliers for every industry', () => {
    const mm = multipliers(m22);
    for (let j = 0; j < m22.n; j++) {
      const o = mm.output.total1[j]!;
      assert.ok(o >= 1 && o < 4, `${t22.codes[j]} output multiplier ${o}`);
      assert.ok(mm.output.total2[j]! > o);
      assert.ok(mm.gva.total1[j]! <= 1 + 1e-12, `GVA per £ of final demand cannot exceed £1`);
    }
    // Different years, different multipliers: the 2022 table is not the 2019 one.
    assert.notEqual(mm.output.total1[0], multipliers(model).output.total1[0]);
  });
});
