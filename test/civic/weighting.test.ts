// Post-stratification weights, hand-computed, and the weighted scores beside the raw tally.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countedByVoter } from '../../src/civic/chain.ts';
import { postStratify, weightedTally } from '../../src/civic/weighting.ts';
import { buildLog, CONSULTATION } from './chain-fixture.ts';

const close = (a: number | null, b: number) =>
  assert.ok(a !== null && Math.abs(a - b) < 1e-12, `${a} vs ${b}`);

describe('post-stratification', () => {
  it('weights each stratum by population share over sample share (age × sex)', () => {
    // Population: young women 30, young men 20, old women 30, old men 20 (total 100).
    const cells = [
      { ageBand: '16-24', sex: 'female', population: 30 },
      { ageBand: '16-24', sex: 'male', population: 20 },
      { ageBand: '65+', sex: 'female', population: 30 },
      { ageBand: '65+', sex: 'male', population: 20 },
    ];
    // Sample: 1 young woman, 2 young men, 1 old woman, no old men, 1 undeclared, 1 without sex.
    const r = postStratify(cells, [
      { ageBand: '16-24', sex: 'female' },
      { ageBand: '16-24', sex: 'male' },
      { ageBand: '16-24', sex: 'male' },
      { ageBand: '65+', sex: 'female' },
      { ageBand: null, sex: null },
      { ageBand: '65+', sex: null },
    ]);
    // Covered population 80 (old men uncovered); n = 4.
    close(r.weights[0]!, 30 / 80 / (1 / 4));
    close(r.weights[1]!, 20 / 80 / (2 / 4));
    close(r.weights[3]!, 30 / 80 / (1 / 4));
    assert.equal(r.weights[4], null);
    assert.equal(r.weights[5], null);
    assert.deepEqual([r.included, r.excluded], [4, 2]);
    close(r.uncoveredShare, 0.2);
    const w = [1.5, 0.5, 0.5, 1.5];
    close(r.effectiveN, 16 / w.reduce((s, x) => s + x * x, 0));
    assert.equal(r.strata[3]!.weight, null);
    close(
      r.weights.reduce<number>((s, x) => s + (x ?? 0), 0),
      4,
    );
  });
  it('uses age bands alone when the estimates are for persons', () => {
    const r = postStratify(
      [
        { ageBand: '16-24', sex: null, population: 10 },
        { ageBand: '25-49', sex: null, population: 30 },
      ],
      [
        { ageBand: '16-24', sex: 'male' },
        { ageBand: '16-24', sex: null },
        { ageBand: '25-49', sex: 'female' },
      ],
    );
    close(r.weights[0]!, 0.25 / (2 / 3));
    close(r.weights[2]!, 0.75 / (1 / 3));
  });
  it('scores options per ballot, raw over all counted ballots and weighted over the weighted', () => {
    const ballots = countedByVoter(buildLog()).map((b) => b.ballot);
    assert.deepEqual(ballots, [['A', 'B'], ['A', 'B'], ['A', 'C'], ['A']]);
    const t = weightedTally(CONSULTATION, ballots, [2, null, 1, 1]);
    assert.equal(t.measure, 'approval share');
    const b = t.options.find((o) => o.id === 'B')!;
    close(b.raw, 0.5);
    close(b.weighted, 2 / 4);
    const c = t.options.find((o) => o.id === 'C')!;
    close(c.weighted, 1 / 4);
    assert.match(t.notes.join(' '), /equalshares\/add1 rule is not re-run with weights/);
  });
  it('weights goal points and Borda points', () => {
    const goals = { ...CONSULTATION, ballot: 'points' as const, rule: 'mean', budget: undefined };
    const t = weightedTally(goals, [{ A: 100 }, { B: 50, C: 50 }], [3, 1]);
    close(t.options[0]!.weighted, 75);
    close(t.options[0]!.raw, 50);
    const ranked = { ...CONSULTATION, ballot: 'ranking' as const, rule: 'borda', budget: undefined };
    const r = weightedTally(ranked, [['C', 'A'], ['A']], [1, 1]);
    assert.deepEqual(
      r.options.map((o) => o.raw),
      [1, 0, 1],
    );
  });
});
