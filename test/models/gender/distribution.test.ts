import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTaxonomy } from '../../../src/core/taxonomy-schema.ts';
import { distribution, employerLayers, weightedQuantile } from '../../../src/models/gender/distribution.ts';

const taxonomy = parseTaxonomy(
  JSON.parse(readFileSync('data/taxonomies/foundational-economy-v1.json', 'utf8')),
);

describe('employers mapped to layers by SIC code', () => {
  it('puts a hospital trust in the providential layer and ignores the public-sector marker 1', () => {
    assert.deepEqual([...employerLayers(['1', '86210'], taxonomy)], [['foundational-providential', 1]]);
    assert.deepEqual([...employerLayers(['1'], taxonomy)], [['public-sector-no-sic', 1]]);
    assert.deepEqual([...employerLayers([''], taxonomy)], [['unclassified', 1]]);
  });
  it('shares an employer equally across the layers of its codes and restores a lost leading zero', () => {
    assert.deepEqual(Object.fromEntries(employerLayers(['47110', '62020'], taxonomy)), {
      'foundational-material': 0.5,
      tradeable: 0.5,
    });
    assert.deepEqual([...employerLayers(['1240'], taxonomy)], [['foundational-material', 1]]);
  });
});

describe('weighted distribution of gaps', () => {
  it('takes the smallest value whose cumulative weight reaches the share', () => {
    const xs = [
      { value: -1, weight: 1 },
      { value: 4, weight: 2 },
      { value: 10, weight: 1 },
    ];
    assert.equal(weightedQuantile(xs, 4, 0.25), -1);
    assert.equal(weightedQuantile(xs, 4, 0.5), 4);
    assert.equal(weightedQuantile(xs, 4, 0.76), 10);
    const d = distribution(xs)!;
    assert.equal(d.mean, (-1 + 8 + 10) / 4);
    assert.equal(d.shareMenPaidMore, 0.75);
    assert.equal(d.median, 4);
    assert.equal(distribution([]), null);
  });
});
