import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SupplierConditions } from '../../src/contract/franchise.ts';
import { supplierPage, type SupplierPageQuery } from '../../src/workbench/franchise-supplier-page.ts';

const row = (rank: number, supplier: string, gpg: number | null, meets: string[]): SupplierConditions =>
  ({
    rank,
    supplier,
    payee_names: supplier.toUpperCase(),
    gpg_median: gpg,
    total: 100 - rank,
    meets,
    fails: [],
    unknown: [],
  }) as unknown as SupplierConditions;

const ALL = [
  row(1, 'Alpha Care', 10, ['local']),
  row(2, 'Beta Build', null, []),
  row(3, 'Gamma Care', 20, ['local']),
];
const q = (more: Partial<SupplierPageQuery>): SupplierPageQuery => ({
  sort: 'rank',
  order: 'asc',
  offset: 0,
  limit: 10,
  ...more,
});

describe('supplierPage', () => {
  it('searches, filters, sorts with missing values last, and takes the window', () => {
    assert.deepEqual(
      supplierPage(ALL, ['local'], q({ search: 'care' })).rows.map((x) => x.rank),
      [1, 3],
    );
    const gap = supplierPage(ALL, ['local'], q({ sort: 'gpg_median', order: 'desc' }));
    assert.deepEqual(
      gap.rows.map((x) => x.rank),
      [3, 1, 2],
    );
    assert.deepEqual(supplierPage(ALL, ['local'], q({ gap: true })).matched, 2);
    const w = supplierPage(ALL, ['local'], q({ offset: 1, limit: 1 }));
    assert.deepEqual([w.matched, w.rows.map((x) => x.rank)], [3, [2]]);
    assert.deepEqual(supplierPage(ALL, ['local'], q({ condition: 'local', status: 'meets' })).matched, 2);
  });
  it('refuses an unknown condition, and a status without one', () => {
    assert.throws(
      () => supplierPage(ALL, ['local'], q({ condition: 'tax', status: 'meets' })),
      /invalid condition: tax \(one of local\)/,
    );
    assert.throws(
      () => supplierPage(ALL, ['local'], q({ status: 'fails' })),
      /invalid status: fails needs a condition/,
    );
  });
});
