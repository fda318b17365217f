import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { resolveIndustry } from '../../src/core/sic.ts';
import { parseTaxonomy } from '../../src/core/taxonomy-schema.ts';
import { layerIndex, layersOf } from '../../src/core/taxonomy.ts';

const DEFAULT = JSON.parse(readFileSync('data/taxonomies/foundational-economy-v1.json', 'utf8'));

describe('taxonomy', () => {
  // Counts from METHODS.md §1: material 01-03,10-11,35-39,41-43,47,49,52,53,61,81 = 19 divisions;
  // everyday 45,55,56,77,90-96 = 11; tradeable 05-09,12-33,46,50,51,58-60,62,63,69-75,78-80,82 = 46.
  it('the default puts every SIC division in exactly one layer, as METHODS.md §1 lists', () => {
    const t = parseTaxonomy(DEFAULT);
    assert.equal(t.id, 'foundational-economy-v1');
    assert.deepEqual(
      t.layers.map((l) => [l.id, l.divisions.length]),
      [
        ['foundational-material', 19],
        ['foundational-providential', 5],
        ['everyday', 11],
        ['tradeable', 46],
        ['finance-property', 4],
        ['other', 3],
      ],
    );
    const idx = layerIndex(t);
    assert.equal(idx.get('87'), 'foundational-providential');
    assert.equal(idx.get('47'), 'foundational-material');
    assert.equal(idx.get('46'), 'tradeable');
  });
  it('splits a published code that spans layers', () => {
    const idx = layerIndex(parseTaxonomy(DEFAULT));
    assert.deepEqual(
      [...layersOf(resolveIndustry('CA (10-12)'), idx)],
      [
        ['foundational-material', ['10', '11']],
        ['tradeable', ['12']],
      ],
    );
    assert.deepEqual(
      [...layersOf(resolveIndustry('49-51'), idx).keys()],
      ['foundational-material', 'tradeable'],
    );
    assert.deepEqual([...layersOf(resolveIndustry('DE (35-39)'), idx).keys()], ['foundational-material']);
  });
  it('rejects a division in two layers, a gap, and a malformed file with the path', () => {
    const two = structuredClone(DEFAULT);
    two.layers[1].divisions.push('47');
    assert.throws(() => parseTaxonomy(two, 'my.json'), /my\.json: SIC division 47 is in two layers/);
    const gap = structuredClone(DEFAULT);
    gap.layers[5].divisions = ['97', '98'];
    assert.throws(() => parseTaxonomy(gap, 'my.json'), /SIC divisions in no layer: 99/);
    const bad = structuredClone(DEFAULT);
    bad.layers[0].divisions[0] = '1';
    assert.throws(
      () => parseTaxonomy(bad, 'my.json'),
      /my\.json: layers\.0\.divisions\.0: two-digit SIC division/,
    );
  });
});
