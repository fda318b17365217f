import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { registrySchema } from '../../../src/models/registry/entry.ts';

/** A minimal valid entry; tests override one field at a time. */
function entry(overrides: Record<string, unknown> = {}) {
  return {
    id: 'gross-median-weekly-pay',
    label: 'Gross median weekly pay',
    kind: 'published',
    group: 'pay',
    source: ['els-gross-median-weekly-pay'],
    publisher: 'Office for National Statistics',
    unit: '£',
    polarity: 'higher-is-better',
    rationale: 'more pay is better',
    period: 'annual',
    levels: ['lad', 'uk'],
    boundaries: ['lad-2023'],
    interval: { method: 'published' },
    trend: { kind: 'ci-change' },
    ...overrides,
  };
}

function issues(indicators: unknown[]): string[] {
  const r = registrySchema.safeParse({ version: 1, indicators });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('registry schema', () => {
  it('accepts a complete entry and fills defaults', () => {
    const r = registrySchema.parse({
      version: 1,
      indicators: [
        entry(),
        entry({
          id: 'rate',
          interval: { method: 'byar', denominator: ['gross-median-weekly-pay'] },
          trend: { kind: 'vs-mean-of-previous', n: 3, tolerance: 0.02 },
        }),
      ],
    });
    assert.equal(r.indicators.length, 2);
    assert.deepEqual(r.limits, []);
    const byar = r.indicators[1]!.interval;
    assert.equal(byar.method === 'byar' && byar.multiplier, 100);
  });

  it('names the path of a bad polarity, unit-less entry or misspelt field', () => {
    assert.deepEqual(issues([entry({ polarity: 'up' })]), [
      'indicators.0.polarity: Invalid option: expected one of "higher-is-better"|"lower-is-better"|"none"',
    ]);
    assert.match(issues([entry({ unit: undefined })])[0]!, /^indicators\.0\.unit: /);
    assert.match(issues([entry({ polarty: 'none' })])[0]!, /^indicators\.0: Unrecognized key: "polarty"/);
  });

  it('refuses duplicate ids, a derived entry without a derivation, and unknown denominators', () => {
    assert.deepEqual(issues([entry(), entry()]), [
      'indicators.1.id: duplicate indicator: gross-median-weekly-pay',
    ]);
    assert.deepEqual(issues([entry({ kind: 'derived' })]), [
      'indicators.0.derive: a derived indicator says how it is derived',
    ]);
    assert.deepEqual(issues([entry({ interval: { method: 'byar', denominator: ['nope'] } })]), [
      'indicators.0.interval.denominator.0: unknown indicator: nope',
    ]);
    assert.deepEqual(issues([entry({ interval: { method: 'wilson' } })]), [
      'indicators.0.interval.denominator: Wilson limits need a denominator',
    ]);
  });

  it('refuses a CI-based trend rule on an indicator without limits', () => {
    assert.deepEqual(issues([entry({ interval: { method: 'none', reason: 'not a sample' } })]), [
      'indicators.0.trend: ci-change needs confidence limits (interval method is none)',
    ]);
  });
});
