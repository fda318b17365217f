import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { femaleShares } from '../../../src/models/scenarios/female-share.ts';

const employer = (sic: string[], female: number | null, size = '250 to 499') => ({ sic, female, size });

describe("women's share of jobs by industry from employers' returns", () => {
  it('weights employers by size band, shares one among its codes, falls back to the section', () => {
    const returns = [
      ...Array.from({ length: 10 }, () => employer(['86100'], 80)),
      employer(['86100'], 40, '1000 to 4999'),
      ...Array.from({ length: 10 }, () => employer(['64191', '86900'], 30)),
      employer(['87100'], 90),
      employer(['1'], 50),
      employer(['29100'], 10),
      employer(['1110'], 20), // 01110 with its leading zero lost: crops, not in these industries
    ];
    const r = femaleShares(['Q86', 'K64', 'Q87 & Q88', 'C29'], returns);
    // Q86: 10 × 375 × 0.8 + 3000 × 0.4 + 10 × 187.5 × 0.3, over 3750 + 3000 + 1875
    const q86 = (10 * 375 * 0.8 + 3000 * 0.4 + 10 * 187.5 * 0.3) / (3750 + 3000 + 1875);
    assert.ok(Math.abs(r.share[0]! - q86) < 1e-12);
    // K64 has ten half-employers (5): too few, its section K holds nothing else: the all-employer share
    assert.ok(Math.abs(r.share[1]! - r.overall) < 1e-12);
    // Q87 & Q88 has one employer: section Q's share (Q86 and Q87 & Q88 together)
    const q = (10 * 375 * 0.8 + 3000 * 0.4 + 10 * 187.5 * 0.3 + 375 * 0.9) / (3750 + 3000 + 1875 + 375);
    assert.ok(Math.abs(r.share[2]! - q) < 1e-12);
    assert.equal(r.employers[3], 1);
    assert.ok(r.fallbacks.some((f) => /^K64: 5 employers, the all-employer share/.test(f)));
  });
  it('refuses returns with nothing usable', () => {
    assert.throws(
      () => femaleShares(['Q86'], [employer(['1'], 50)]),
      /no employer returns with a share of women and a SIC code/,
    );
  });
});
