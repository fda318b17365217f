// Reference checks 1 (lognormal moments and correlations at 1M paths) and 6 (identical draws
// whatever the blocks): finance.md, "Checks a simulator should pass".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CORE_ASSETS,
  correlationMatrix,
  logParams,
  lognormalMoments,
} from '../../../src/models/finance/calibration.ts';
import { BLOCK, marketBuffers, simulateMarket } from '../../../src/models/finance/market.ts';
import { marketPlan } from '../../../src/models/finance/market-plan.ts';
import { illustrative } from './calibration-fixture.ts';

const PATHS = 1_000_000;

describe('market paths', () => {
  const cal = illustrative();
  // one portfolio per asset, so each portfolio's gross return is 1 + R of that asset
  const plan = marketPlan(cal, {
    seed: 20250601,
    years: 2,
    portfolios: CORE_ASSETS.map((a) => ({ [a]: 1 })),
    read: [...CORE_ASSETS],
    inflation: true,
  });
  const A = CORE_ASSETS.length;
  const gross = CORE_ASSETS.map(() => new Float64Array(PATHS));
  const logs = CORE_ASSETS.map(() => new Float64Array(PATHS));
  const later = new Float64Array(PATHS);
  const cpi = new Float64Array(PATHS);
  const block = marketBuffers(plan);
  for (let from = 0; from < PATHS; from += BLOCK) {
    const n = Math.min(BLOCK, PATHS - from);
    simulateMarket(plan, from, n, block);
    for (let i = 0; i < A; i++)
      for (let k = 0; k < n; k++) {
        gross[i]![from + k] = block.gross[i * 2 * BLOCK + k]!;
        logs[i]![from + k] = block.deviations[i * 2 * BLOCK + k]!;
      }
    for (let k = 0; k < n; k++) {
      later[from + k] = block.deviations[BLOCK + k]!; // equities, year 1
      cpi[from + k] = block.inflation[BLOCK + k]!;
    }
  }

  it('1 + R has the lognormal mean and variance within 3 standard errors', () => {
    CORE_ASSETS.forEach((name, i) => {
      const { mu, sigma } = logParams(cal.assets[name]);
      const target = lognormalMoments(mu, sigma);
      const g = gross[i]!;
      let m = 0;
      for (const v of g) m += v;
      m /= PATHS;
      let m2 = 0;
      let m4 = 0;
      for (const v of g) {
        const d = (v - m) ** 2;
        m2 += d;
        m4 += d * d;
      }
      const variance = m2 / (PATHS - 1);
      m4 /= PATHS;
      const seMean = Math.sqrt(variance / PATHS);
      const seVar = Math.sqrt((m4 - variance * variance) / PATHS);
      assert.ok(Math.abs(m - target.mean) < 3 * seMean, `${name} mean ${m} vs ${target.mean} (se ${seMean})`);
      assert.ok(
        Math.abs(variance - target.variance) < 3 * seVar,
        `${name} variance ${variance} vs ${target.variance} (se ${seVar})`,
      );
    });
  });

  it('log-returns have the target correlations within ±0.003', () => {
    const target = correlationMatrix(CORE_ASSETS, cal.correlations);
    for (let i = 0; i < A; i++)
      for (let j = 0; j < i; j++) {
        const r = correlation(logs[i]!, logs[j]!);
        assert.ok(Math.abs(r - target[i * A + j]!) < 0.003, `${CORE_ASSETS[i]}–${CORE_ASSETS[j]} ${r}`);
      }
    assert.ok(Math.abs(correlation(logs[0]!, later)) < 0.003, 'years are independent');
  });

  it('inflation follows the mean-reverting process (mean and variance of the second year)', () => {
    const { mean, speed, sigma, start } = cal.inflation;
    const phi = Math.exp(-speed);
    const v1 = (sigma * sigma * -Math.expm1(-2 * speed)) / (2 * speed);
    const expMean = mean + phi * phi * (start - mean);
    const expVar = v1 * (1 + phi * phi);
    const m = cpi.reduce((s, v) => s + v, 0) / PATHS;
    const v = cpi.reduce((s, x) => s + (x - m) ** 2, 0) / (PATHS - 1);
    assert.ok(Math.abs(m - expMean) < 3 * Math.sqrt(expVar / PATHS));
    assert.ok(Math.abs(v / expVar - 1) < 3 * Math.sqrt(2 / PATHS));
  });

  it('a path is the same whatever block it is simulated in', () => {
    const one = marketBuffers(plan);
    simulateMarket(plan, 777_777, 3, one);
    for (let i = 0; i < A; i++)
      for (let k = 0; k < 3; k++) assert.equal(one.gross[i * 2 * BLOCK + k], gross[i]![777_777 + k]);
  });
});

function correlation(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let k = 0; k < n; k++) {
    ma += a[k]!;
    mb += b[k]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let k = 0; k < n; k++) {
    const x = a[k]! - ma;
    const y = b[k]! - mb;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  return sab / Math.sqrt(saa * sbb);
}
