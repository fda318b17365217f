import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTaxonomy } from '../../../src/core/taxonomy-schema.ts';
import { layerAt, layerBasket, layerInteraction, layerMap, toLayers } from '../../../src/models/io/layers.ts';
import { inverse } from '../../../src/models/io/lu.ts';
import { leontiefLu } from '../../../src/models/io/leontief.ts';

const TAXONOMY = parseTaxonomy(
  JSON.parse(
    readFileSync(new URL('../../../data/taxonomies/foundational-economy-v1.json', import.meta.url), 'utf8'),
  ),
);
const CODES = ['A01', 'C1101T1106 & C12', 'K64', 'Q86'];

describe('layers', () => {
  it('maps industries to layers, splitting a straddling one by division shares', () => {
    const m = layerMap(CODES, TAXONOMY, { 'C1101T1106 & C12': { '11': 30, '12': 10 } });
    const w = (code: string, layer: string) => m.weights[CODES.indexOf(code) * m.k + layerAt(m, layer)];
    assert.equal(w('A01', 'foundational-material'), 1);
    assert.equal(w('C1101T1106 & C12', 'foundational-material'), 0.75);
    assert.equal(w('C1101T1106 & C12', 'tradeable'), 0.25);
    assert.equal(w('K64', 'finance-property'), 1);
    assert.equal(w('Q86', 'foundational-providential'), 1);
    assert.deepEqual(m.flags, [
      'C1101T1106 & C12 spans layers: split foundational-material 75.0%, tradeable 25.0% by national shares of its divisions',
    ]);
    // Shares over layers sum to the total.
    const byLayer = toLayers(m, Float64Array.of(1, 2, 3, 4));
    assert.equal(
      byLayer.reduce((s, v) => s + v, 0),
      10,
    );
    assert.deepEqual([...byLayer], [2.5, 4, 0, 0.5, 3, 0]);
  });
  it('refuses a straddling industry without shares and an unknown layer', () => {
    assert.throws(
      () => layerMap(CODES, TAXONOMY),
      /C1101T1106 & C12 spans layers foundational-material, tradeable: division shares needed/,
    );
    assert.throws(
      () => layerAt(layerMap(['A01'], TAXONOMY), 'green'),
      /unknown layer: green \(taxonomy foundational-economy-v1 has/,
    );
  });
  it('Λ = P L D: columns add up to the output £1 of a layer basket draws', () => {
    const codes = ['A01', 'K64'];
    const m = layerMap(codes, TAXONOMY);
    const lu = leontiefLu(Float64Array.of(0.15, 0.25, 0.2, 0.05), 2);
    const d = layerBasket(m, Float64Array.of(350, 1700));
    const lam = layerInteraction(lu, m, d);
    const l = inverse(lu); // [[380, 100], [80, 340]] / 303
    const fm = layerAt(m, 'foundational-material');
    const fp = layerAt(m, 'finance-property');
    // £1 for foundational-material is £1 for A01: draws L[0][0] from it and L[1][0] from finance.
    assert.ok(Math.abs(lam[fm * m.k + fm]! - l[0]!) < 1e-15);
    assert.ok(Math.abs(lam[fp * m.k + fm]! - l[2]!) < 1e-15);
    assert.ok(Math.abs(lam[fm * m.k + fp]! - 100 / 303) < 1e-15);
    assert.throws(
      () => layerBasket(m, Float64Array.of(0, 1)),
      /layer foundational-material has no final demand/,
    );
  });
});
