import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWeights, scoreTender, type Criterion } from '../../../src/models/franchise/tender.ts';

const criteria: Criterion[] = [
  { id: 'price', name: 'Price', weight: 0.4, kind: 'price' },
  { id: 'quality', name: 'Quality', weight: 0.5, kind: 'quality' },
  { id: 'sv', name: 'Social value', weight: 0.1, kind: 'social-value' },
];

describe('scoreTender', () => {
  it('scores prices relative to the lowest and ranks bids by weighted total', () => {
    const r = scoreTender(criteria, [
      { bidder: 'A', price: 100_000_00, marks: { quality: 60, sv: 50 } },
      { bidder: 'B', price: 125_000_00, marks: { quality: 80, sv: 90 } },
    ]);
    // A: 0.4·100 + 0.5·60 + 0.1·50 = 75; B: 0.4·80 + 0.5·80 + 0.1·90 = 81.
    assert.deepEqual(
      r.map((b) => [b.bidder, b.rank, Math.round(b.total * 1e9) / 1e9]),
      [
        ['B', 1, 81],
        ['A', 2, 75],
      ],
    );
    const linear = scoreTender(
      criteria,
      [
        { bidder: 'A', price: 100, marks: { quality: 0, sv: 0 } },
        { bidder: 'B', price: 150, marks: { quality: 0, sv: 0 } },
      ],
      { priceMethod: 'linear' },
    );
    assert.equal(linear.find((b) => b.bidder === 'B')!.byCriterion.price!.mark, 50);
  });
  it('refuses a social-value weight below the PPN 002 minimum of 10 %, and weights not summing to 1', () => {
    assert.throws(
      () =>
        checkWeights([{ ...criteria[0]!, weight: 0.45 }, criteria[1]!, { ...criteria[2]!, weight: 0.05 }]),
      /invalid weights: social value 5\.0%, below the 10% PPN 002 minimum/,
    );
    assert.throws(
      () => checkWeights([{ ...criteria[0]!, weight: 0.5 }, criteria[1]!, criteria[2]!]),
      /they sum to 1\.1, not 1/,
    );
    assert.throws(
      () => scoreTender(criteria, [{ bidder: 'A', price: 1, marks: { quality: 101, sv: 0 } }]),
      /invalid mark for A, quality: 101/,
    );
    assert.throws(
      () =>
        scoreTender(criteria, [{ bidder: 'A', price: 1, marks: { quality: 1, sv: 0 } }], {
          priceMethod: 'cheapest' as never,
        }),
      /invalid price method: cheapest/,
    );
  });
});
