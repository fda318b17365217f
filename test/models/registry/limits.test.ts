import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rateInterval, wilson } from '../../../src/models/indicators/intervals.ts';
import { byarRate, fromPublished, wilsonPercent } from '../../../src/models/registry/limits.ts';

const near = (a: number | null, b: number, tol: number) =>
  assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} is not within ${tol} of ${b}`);

describe('registry limits', () => {
  it('scales published 95% limits to 99.8% by 3.090232 / 1.959964 on each side', () => {
    const l = fromPublished(100, 90, 104);
    near(l.lci998, 100 - 10 * (3.090232 / 1.959964), 1e-5);
    near(l.uci998, 100 + 4 * (3.090232 / 1.959964), 1e-5);
    assert.equal(fromPublished(100, null, 104).lci998, null);
    assert.equal(fromPublished(null, 90, 104).uci998, null);
  });

  it('gives Wilson limits of a percentage in per cent: PHE phe_proportion(100, 1000) → 8.2909%–12.0152%', () => {
    const l = wilsonPercent(10, 1000);
    near(l.lci95, 8.29094435930957, 1e-9);
    near(l.uci95, 12.01519631953484, 1e-9);
    near(l.lci998, wilson(100, 1000, 0.998).lower * 100, 1e-12);
    assert.equal(wilsonPercent(101, 1000).lci95, null);
  });

  it('recovers the count of a rate and gives Byar (exact below 10) limits', () => {
    // 12.5% of 80 businesses = 10 births
    const l = byarRate(12.5, 80, 100);
    near(l.lci95, rateInterval(10, 80, 100).lower, 1e-12);
    near(l.uci998, rateInterval(10, 80, 100, 0.998).upper, 1e-12);
    // 5% of 100 = 5 events: exact Poisson 1.6235–11.668
    near(byarRate(5, 100, 100).lci95, 1.6235, 1e-4);
    assert.equal(byarRate(5, null, 100).lci95, null);
  });
});
