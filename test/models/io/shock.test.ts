import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTaxonomy } from '../../../src/core/taxonomy-schema.ts';
import { layerMap } from '../../../src/models/io/layers.ts';
import { nationalModel } from '../../../src/models/io/national.ts';
import { demandVector, shock } from '../../../src/models/io/shock.ts';
import { twoSector } from './tables.ts';

const TAXONOMY = parseTaxonomy(
  JSON.parse(
    readFileSync(new URL('../../../data/taxonomies/foundational-economy-v1.json', import.meta.url), 'utf8'),
  ),
);
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);

describe('national shock (two-sector, by hand)', () => {
  const t = { ...twoSector(), codes: ['A01', 'K64'] };
  const model = nationalModel(t, { employment: Float64Array.of(50, 30) });
  const r = shock(
    model,
    demandVector(t.codes, [{ industry: 'A01', amount: 100 }]),
    layerMap(t.codes, TAXONOMY),
  );
  it('output: direct Δf, indirect L Δf − Δf, induced L̄ Δf − L Δf', () => {
    // L Δf = 100·(380, 80)/303; L̄ Δf = 100·(165/106, 35/53).
    close(r.output.direct[0]!, 100);
    close(r.output.indirect[0]!, 38000 / 303 - 100);
    close(r.output.indirect[1]!, 8000 / 303);
    close(r.output.induced[0]!, 16500 / 106 - 38000 / 303);
    close(r.output.total[1]!, 3500 / 53);
  });
  it('GVA, compensation and jobs are the coefficient rows times the output split', () => {
    close(r.gva.indirect[1]!, 0.5 * (8000 / 303));
    close(r.compensation.induced[0]!, 0.3 * (16500 / 106 - 38000 / 303));
    close(r.employment!.total[1]!, 0.015 * (3500 / 53));
  });
  it('shares over layers sum to the total', () => {
    const sum = (v: Float64Array) => v.reduce((s, x) => s + x, 0);
    for (const f of ['output', 'gva', 'compensation'] as const)
      for (const s of ['direct', 'indirect', 'induced', 'total'] as const)
        assert.ok(Math.abs(sum(r.layers![f][s]) - sum(r[f][s])) < 1e-12);
  });
  it('refuses unknown industries and non-numbers', () => {
    assert.throws(() => demandVector(t.codes, [{ industry: 'Z99', amount: 1 }]), /unknown industry: Z99/);
    assert.throws(
      () => demandVector(t.codes, [{ industry: 'A01', amount: NaN }]),
      /demand change for A01 is not a number: NaN/,
    );
    assert.throws(() => shock(model, Float64Array.of(1)), /demand change: expected 2 values, got 1/);
  });
});
