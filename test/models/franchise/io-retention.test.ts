import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ioRetention } from '../../../src/models/franchise/io-retention.ts';

const m = { codes: ['A01', 'C10', 'F41'], type1: [1.3, 1.5, 1.2], type2: [1.6, 1.9, 1.45] };

describe('ioRetention', () => {
  it('for spend in one industry, is that industry’s multiplier', () => {
    const r = ioRetention(new Map([['C10', 12345]]), m);
    assert.equal(r.type1, 1.5);
    assert.equal(r.type2, 1.9);
    assert.equal(r.placed, 12345);
  });
  it('weights multipliers by spend', () => {
    const r = ioRetention(
      new Map([
        ['A01', 100],
        ['F41', 300],
      ]),
      m,
    );
    assert.equal(r.type1, (100 * 1.3 + 300 * 1.2) / 400);
    assert.equal(r.type2, (100 * 1.6 + 300 * 1.45) / 400);
    assert.deepEqual(
      r.byIndustry.map((x) => x.industry),
      ['F41', 'A01'],
    );
  });
  it('refuses an industry the table lacks', () => {
    assert.throws(() => ioRetention(new Map([['Z99', 1]]), m), /invalid industry: Z99/);
    assert.equal(ioRetention(new Map(), m).type1, null);
  });
});
