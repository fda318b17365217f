import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTaxonomy } from '../../../src/core/taxonomy-schema.ts';
import { extractLayer } from '../../../src/models/io/extraction.ts';
import { layerMap } from '../../../src/models/io/layers.ts';
import { luSolve } from '../../../src/models/io/lu.ts';
import { leontiefLu } from '../../../src/models/io/leontief.ts';
import { nationalModel } from '../../../src/models/io/national.ts';
import { twoSector } from './tables.ts';

const TAXONOMY = parseTaxonomy(
  JSON.parse(
    readFileSync(new URL('../../../data/taxonomies/foundational-economy-v1.json', import.meta.url), 'utf8'),
  ),
);

describe('hypothetical extraction of a layer', () => {
  const t = { ...twoSector(), codes: ['A01', 'K64'] };
  const model = nationalModel(t);
  it('two sectors by hand: without A01 (foundational-material), K64 keeps only its own final demand', () => {
    const e = extractLayer(model, layerMap(t.codes, TAXONOMY), 'foundational-material');
    // f_K64 = 2000 − 0.2·1000 − 0.05·2000 = 1700; alone, x̄_K64 = 1700/(1 − 0.05) = 1789.4737.
    // K64 loses 2000 − 1789.4737 = 210.5263 = 0.2·1000/0.95: what A01's purchases had supported.
    assert.ok(Math.abs(e.extracted[1]! - 1700 / 0.95) < 1e-9);
    assert.equal(e.extracted[0], 0);
    assert.ok(Math.abs(e.lossRest - 200 / 0.95) < 1e-9);
    assert.equal(e.lossLayer, 1000);
    assert.ok(Math.abs(e.lossTotal - (1000 + 200 / 0.95)) < 1e-9);
    assert.ok(Math.abs(e.restShare - 200 / 0.95 / 2000) < 1e-12);
  });
  it('a split industry extracts only its layer part, as if it were two industries with one technology', () => {
    // Split A01 into a layer part (share w) and a rest part with A01's technology, each
    // supplying in proportion to its output; extracting the layer part from that 3-sector
    // economy must equal extracting weight w of A01 in the 2-sector one.
    const w = 0.3;
    const [a11, a12, a21, a22] = [...model.a];
    const f = Float64Array.of(350, 1700);
    const three = Float64Array.of(
      w * a11!,
      w * a11!,
      w * a12!,
      (1 - w) * a11!,
      (1 - w) * a11!,
      (1 - w) * a12!,
      a21!,
      a21!,
      a22!,
    );
    // Full extraction of sector 0 (the layer part): solve the rest-only 2 × 2 system.
    const rest = Float64Array.of(three[4]!, three[5]!, three[7]!, three[8]!);
    const xRest = luSolve(leontiefLu(rest, 2), Float64Array.of((1 - w) * f[0]!, f[1]!));
    const map = {
      taxonomy: 't',
      layers: ['L', 'R'],
      n: 2,
      k: 2,
      weights: Float64Array.of(w, 1 - w, 0, 1),
      flags: [],
    };
    const e = extractLayer(model, map, 'L');
    assert.ok(Math.abs(e.extracted[0]! - xRest[0]!) < 1e-9);
    assert.ok(Math.abs(e.extracted[1]! - xRest[1]!) < 1e-9);
    assert.throws(() => extractLayer(model, map, 'X'), /unknown layer: X/);
  });
});
