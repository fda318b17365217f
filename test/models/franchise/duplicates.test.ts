import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SpendLine } from '../../../src/core/franchise.ts';
import { applyDuplicateRule } from '../../../src/models/franchise/duplicates.ts';
import { reconcile } from '../../../src/models/franchise/totals.ts';

const line = (file: string, n: number, pence: number, supplier = 'Hire World'): SpendLine => ({
  body: 'Leeds City Council',
  file,
  line: n,
  service: 'Resources',
  expenseType: null,
  date: '2022-03-10',
  invoiceDate: null,
  transaction: null,
  pence,
  supplier,
  companyNumber: null,
  charityNumber: null,
});
const lines = [line('a.csv', 2, 5000), line('a.csv', 3, 5000), line('b.csv', 2, 5000), line('b.csv', 3, 700)];

describe('duplicates rule', () => {
  it('within-file-kept: identical lines in one file are separate payments; a copy in another file counts once', () => {
    const v = applyDuplicateRule(lines, 'within-file-kept');
    assert.deepEqual(
      v.map((x) => x.counted),
      [true, true, false, true],
    );
    assert.deepEqual(v[2]!.duplicateOf, { file: 'a.csv', line: 2 });
    assert.deepEqual(v[1]!.duplicateOf, { file: 'a.csv', line: 2 });
  });
  it('collapse counts every identical line once; refuse refuses any', () => {
    assert.deepEqual(
      applyDuplicateRule(lines, 'collapse').map((x) => x.counted),
      [true, false, false, true],
    );
    assert.throws(
      () => applyDuplicateRule(lines, 'refuse'),
      /a\.csv:3: duplicate of a\.csv:2 \(duplicates rule refuse\)/,
    );
    assert.throws(() => applyDuplicateRule(lines, 'keep-all' as never), /invalid duplicates rule: keep-all/);
  });
  it('a line already stored from an earlier import counts once', () => {
    const v = applyDuplicateRule(
      [line('c.csv', 2, 700)],
      'within-file-kept',
      new Map([[lineKeyOf(line('b.csv', 3, 700)), { file: 'b.csv', line: 3 }]]),
    );
    assert.deepEqual(v, [{ counted: false, duplicateOf: { file: 'b.csv', line: 3 } }]);
  });
  it('published = counted + duplicates, to the penny, by month and file', () => {
    const v = applyDuplicateRule(lines, 'collapse');
    const r = reconcile(lines.map((l, i) => ({ ...l, counted: v[i]!.counted })));
    assert.deepEqual(r.published, { rows: 4, pence: 15700 });
    assert.deepEqual(r.counted, { rows: 2, pence: 5700 });
    assert.deepEqual(r.duplicates, { rows: 2, pence: 10000 });
    assert.deepEqual(r.byFile, [
      { file: 'a.csv', rows: 2, pence: 10000 },
      { file: 'b.csv', rows: 2, pence: 5700 },
    ]);
    assert.deepEqual(r.byMonth, [{ month: '2022-03', rows: 4, pence: 15700 }]);
  });
});

import { lineKey as lineKeyOf } from '../../../src/models/franchise/duplicates.ts';
