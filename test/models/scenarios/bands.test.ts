// The fast bands of single-part rows against the general path, figure for figure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarise, scratch } from '../../../src/models/scenarios/appraise.ts';
import { goalSet } from '../../../src/models/scenarios/goals.ts';
import { localGross } from '../../../src/models/scenarios/local.ts';
import { deltaDraws, ivDraws } from '../../../src/models/scenarios/prepare-draws.ts';
import { demand, economy, scenario } from './economy.ts';

const e = economy();

function rows(value: unknown, draws: number, seed: number) {
  const c = e.compile(value);
  assert.deepEqual(c.issues, []);
  const delta = deltaDraws(e.nodes, 0.3, [0.1, 0.4], draws, seed);
  const shared = c.ivs.map((iv) => ivDraws(iv, delta, draws, seed));
  const gross = localGross(c.ivs, e.nat, e.areas, e.index, (a) => e.models.get(a)!);
  return { shared, gross };
}

describe('fast bands for single-part rows', () => {
  const cases: [string, unknown][] = [
    [
      'a demand with ranged additionality',
      demand('a', 'C29', 5e6, 'E06000001', {
        additionality: {
          leakage: { value: 0.1, range: [0, 0.4], source: 't' },
          displacement: { value: 0.2, range: [0, 0.5], distribution: 'uniform', source: 't' },
        },
      }),
    ],
    [
      'a horizontal demand with deadweight that can outweigh it',
      {
        ...demand('b', 'K64', 2e6, 'E06000002', {
          additionality: { reference: { deadweight: { value: 0.5, range: [0, 1.0], source: 't' } } },
        }),
        target: { horizontal: 'output' },
      },
    ],
    [
      'a trade shock (negative change)',
      {
        id: 't',
        kind: 'trade',
        area: 'E06000003',
        change: { value: -0.1, range: [-0.2, 0], source: 't' },
        timing: { start: 2026, years: 2 },
      },
    ],
    ['a demand with no range (δ alone)', demand('c', 'Q86', 1e7, 'E06000003')],
  ];
  for (const [what, iv] of cases)
    it(`give the general path's figures exactly: ${what}`, () => {
      for (const [draws, seed] of [
        [200, 1],
        [37, 5],
        [1000, 9],
      ] as const) {
        const { shared, gross } = rows(scenario([iv]), draws, seed);
        assert.ok(shared[0]!.scaled, 'single part, fixed cost');
        const goals = goalSet(e.nat.layout, false);
        for (const x of gross) {
          const input = { iv: x.iv, g: x.g, costShare: x.costShare, floor: null };
          const base = e.areas[x.area]!.baseline;
          const fast = summarise([input], shared, e.nat.layout, base, goals, scratch(draws, e.nat.layout.m));
          const general = summarise(
            [input],
            shared.map(({ scaled: _s, ...d }) => d),
            e.nat.layout,
            base,
            goals,
            scratch(draws, e.nat.layout.m),
          );
          assert.deepEqual(fast.summary, general.summary);
        }
      }
    });
});
