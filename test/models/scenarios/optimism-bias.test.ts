import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { optimismText, optimismUplift } from '../../../src/models/scenarios/optimism-bias.ts';
import { greenBook } from './fixtures.ts';

const types = greenBook().optimismBias.types;

describe('optimism bias', () => {
  it('takes the upper bound of a project type by default, the lower when asked', () => {
    assert.equal(optimismUplift(types, { type: 'standard-buildings' }), 0.24);
    assert.equal(optimismUplift(types, { type: 'standard-buildings', bound: 'lower' }), 0.02);
    assert.equal(optimismUplift(types, { type: 'equipment-development' }), 2);
    assert.equal(optimismUplift(types, { type: 'outsourcing' }), 0.41);
    assert.equal(optimismUplift(types, { type: 'none' }), 0);
  });
  it('mixes project types by capital cost: 30% non-standard + 70% standard buildings = 32.1%', () => {
    const u = optimismUplift(types, {
      mix: [
        { type: 'non-standard-buildings', share: 0.3 },
        { type: 'standard-buildings', share: 0.7 },
      ],
    });
    assert.ok(Math.abs(u - 0.321) < 1e-12, String(u));
    assert.match(
      optimismText(types, {
        mix: [
          { type: 'non-standard-buildings', share: 0.3 },
          { type: 'standard-buildings', share: 0.7 },
        ],
      }),
      /^32\.1% \(capital-weighted mix/,
    );
  });
  it('names an unknown type and shares that do not add up', () => {
    assert.throws(
      () => optimismUplift(types, { type: 'bridges' }),
      /unknown project type: bridges \(standard-buildings, /,
    );
    assert.throws(
      () =>
        optimismUplift(types, {
          mix: [
            { type: 'outsourcing', share: 0.5 },
            { type: 'standard-buildings', share: 0.4 },
          ],
        }),
      /optimism bias mix shares sum to 0.9, not 1/,
    );
  });
});
