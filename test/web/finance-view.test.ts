// The Finance page's view helpers: values in their units, the builder's parameters and edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mainParameters, valueText, withValue } from '../../src/web/lib/finance-view.ts';

describe('finance views', () => {
  it('reads values in their units, negative pounds with a minus sign', () => {
    assert.equal(valueText(2.34e9, '£'), '£2.3bn');
    assert.equal(valueText(-1.5e6, '£ (Type II)'), '−£1.5m');
    assert.equal(valueText(0.2071, 'share of pay'), '20.7%');
    assert.equal(valueText(null, '£'), '–');
  });

  it('lists the main numbers of a policy and edits one in a copy', () => {
    const policy = {
      id: 'x',
      horizon: 40,
      seed: 7,
      policies: [{ id: 'a', share: 0.05, asset: { sigma: 0.2 } }],
    };
    assert.deepEqual(
      mainParameters(policy).map((p) => [p.label, p.value]),
      [
        ['horizon', 40],
        ['seed', 7],
        ['a: share', 0.05],
      ],
    );
    const edited = withValue(policy, ['policies', 0, 'share'], 0.1);
    assert.equal((edited['policies'] as { share: number }[])[0]!.share, 0.1);
    assert.equal(policy.policies[0]!.share, 0.05);
  });
});
