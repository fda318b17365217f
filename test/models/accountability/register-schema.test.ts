import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  fingerprint,
  registerSchema,
  type RegisterLookups,
} from '../../../src/models/accountability/register-schema.ts';
import { resolveMeasure } from '../../../src/models/accountability/measure.ts';

const lookups: RegisterLookups = {
  area: (c: string) => ['E06000001', 'E08000003'].includes(c),
  indicator: (id: string) => (id === 'gross-median-weekly-pay' ? { levels: ['lad'] } : undefined),
};
const good = {
  id: 'E06000001-2025-001',
  who: 'Hartlepool Borough Council',
  what: 'Raise median pay',
  made: '2025-03-01',
  deadline: '2028-04-30',
  areas: ['E06000001'],
  source: { title: 'Council plan 2025' },
  measure: {
    indicator: 'gross-median-weekly-pay',
    direction: 'increase',
    baseline: { period: 2024 },
    target: { period: 2028, change: 0.1 },
    rule: { id: 'trajectory', version: 1 },
  },
};
const file = (...commitments: object[]) => ({ register: 'test', title: 'Test', commitments });
const issues = (v: unknown, l = lookups) => {
  const r = registerSchema(l).safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('commitments register', () => {
  it('accepts a good register and fills the rule defaults', () => {
    const r = registerSchema(lookups).parse(file(good));
    assert.deepEqual(r.commitments[0]!.measure!.rule, {
      id: 'trajectory',
      version: 1,
      tolerance: { amount: 0.02, kind: 'relative' },
      previous: 3,
      change: { amount: 0, kind: 'absolute' },
    });
  });
  it('names duplicate ids, unknown areas and indicators, a deadline before the promise and a year that is not the id year', () => {
    const out = issues(
      file(
        good,
        { ...good, areas: ['E99999999'], deadline: '2024-01-01', made: '2025-03-01' },
        { ...good, id: 'E06000001-2024-002', measure: { ...good.measure, indicator: 'happiness' } },
      ),
    );
    assert.ok(
      out.includes('commitments.1.id: duplicate id: E06000001-2025-001 (also commitments.0)'),
      out.join('\n'),
    );
    assert.ok(out.includes('commitments.1.areas.0: unknown area: E99999999'));
    assert.ok(
      out.includes('commitments.1.deadline: deadline 2024-01-01 is before the promise was made (2025-03-01)'),
    );
    assert.ok(out.includes("commitments.2.id: the id's year 2024 is not the year it was made (2025-03-01)"));
    assert.ok(out.includes('commitments.2.measure.indicator: unknown indicator: happiness'));
  });
  it('refuses a status outside the vocabulary and a malformed id', () => {
    const assessed = {
      ...good,
      measure: undefined,
      assessed: { status: 'great', date: '2025-04-01', evidence: 'x', reason: 'y', who: 'z' },
    };
    assert.ok(issues(file(assessed)).some((s) => s.startsWith('commitments.0.assessed.status:')));
    assert.ok(
      issues(file({ ...good, id: 'hartlepool-1' })).some((s) => s.startsWith('commitments.0.id: an id like')),
    );
  });
  it('refuses an id the store has seen for another commitment, and accepts it for the same one', () => {
    const usedId = (id: string) =>
      id === good.id ? fingerprint({ ...good, what: 'Build a bridge' }) : undefined;
    assert.ok(issues(file(good), { ...lookups, usedId }).some((s) => /ids are never reused/.test(s)));
    assert.deepEqual(issues(file(good), { ...lookups, usedId: () => fingerprint(good) }), []);
  });
  it('resolves a relative target from each area own baseline value', () => {
    const c = registerSchema(lookups).parse(file(good)).commitments[0]!;
    const m = resolveMeasure(c, [{ period: 2024, value: 500 }]);
    assert.deepEqual(m.baseline, { period: 2024, value: 500 });
    assert.equal(m.target!.period, 2028);
    assert.ok(Math.abs(m.target!.value - 550) < 1e-9);
  });
});
