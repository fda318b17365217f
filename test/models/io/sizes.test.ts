import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { regionalSizes, sizeMapper } from '../../../src/models/io/sizes.ts';

const IOAT = ['A01', 'A02', 'C101', 'C1101T1106 & C12', 'F41, F42  & F43', 'L68A', 'L68BXL683', 'L683'];
const GVA = Float64Array.of(30, 10, 6, 2, 50, 100, 40, 10);
const PUBLISHED = ['AB (1-9)', 'CA (10-12)', '41', '42', '43', '68IMP', '68'];

describe('regional sizes by IOAT industry', () => {
  it('apportions coarse codes by national shares and sums fine ones', () => {
    const m = sizeMapper(IOAT, GVA, PUBLISHED);
    const got = m.map([
      { code: 'AB (1-9)', value: 8 },
      { code: 'CA (10-12)', value: 4 },
      { code: '41', value: 1 },
      { code: '42', value: 2 },
      { code: '43', value: 3 },
      { code: '68IMP', value: 20 },
      { code: '68', value: 5 },
    ]);
    // AB 8 → A01 : A02 = 30 : 10 → 6, 2; CA 4 → 6 : 2 → 3, 1; F = 41 + 42 + 43 = 6;
    // imputed rent stays with L68A; 68 ex-imputed 5 → 40 : 10 → 4, 1.
    assert.deepEqual([...got], [6, 2, 3, 1, 6, 20, 4, 1]);
    assert.deepEqual(m.flags, [
      'AB (1-9) → 2 IOAT industries: apportioned by national shares',
      'CA (10-12) → 2 IOAT industries: apportioned by national shares',
      '68 → 2 IOAT industries: apportioned by national shares',
    ]);
  });
  it('puts imputed rent with the rest of 68 where the area has no separate figure', () => {
    const m = sizeMapper(IOAT, GVA, ['AB (1-9)', 'CA (10-12)', 'F (41-43)', 'L (68)']);
    const got = m.map(['AB (1-9)', 'CA (10-12)', 'F (41-43)', 'L (68)'].map((code) => ({ code, value: 15 })));
    assert.deepEqual([...got.subarray(5)], [10, 4, 1]);
  });
  it('refuses overlapping codes, uncovered industries, negative and unknown values', () => {
    assert.throws(
      () => sizeMapper(IOAT, GVA, ['AB (1-9)', '01', 'CA (10-12)']),
      /overlap \(not a partition\): AB \(1-9\) and 01/,
    );
    assert.throws(
      () => sizeMapper(IOAT, GVA, ['AB (1-9)', 'CA (10-12)']),
      /not covered by the published codes: F41, F42 {2}& F43, L68A/,
    );
    const m = sizeMapper(['A01'], Float64Array.of(1), ['AB (1-9)']);
    assert.throws(() => m.map([{ code: 'AB (1-9)', value: -1 }]), /negative size for AB \(1-9\): -1/);
    assert.throws(
      () => m.map([{ code: 'C (10-33)', value: 1 }]),
      /industry code not in the mapping: C \(10-33\)/,
    );
    assert.throws(() => m.map([]), /missing industry codes: AB \(1-9\)/);
  });
  it('builds an areas × industries matrix and flags missing values', () => {
    const s = regionalSizes(['A01'], Float64Array.of(1), [
      { area: 'TLC11', values: [{ code: 'AB (1-9)', value: 3 }] },
      { area: 'TLC12', values: [{ code: 'AB (1-9)', value: null }] },
    ]);
    assert.deepEqual([...s.size], [3, 0]);
    assert.deepEqual(s.flags, ['TLC12: missing values counted as 0']);
  });
});
