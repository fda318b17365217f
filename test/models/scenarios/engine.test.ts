// The appraisal engine on a small economy: no reform gives zero, the model is linear, the central
// node answers as the regional model does, additionality scales exactly, the seed fixes the bands.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { regionalModel } from '../../../src/models/io/regional.ts';
import { demandVector, shock } from '../../../src/models/io/shock.ts';
import { cell, type Appraisal } from '../../../src/models/scenarios/assemble.ts';
import { appraiseLocal } from '../../../src/models/scenarios/batch.ts';
import { demand, economy, scenario, SIZES } from './economy.ts';

const e = economy();
function run(value: unknown, draws = 200, seed = 1): Appraisal {
  const c = e.compile(value);
  assert.deepEqual(c.issues, []);
  return appraiseLocal(
    { nat: e.nat, areas: e.areas, index: e.index, models: e.models },
    { ivs: c.ivs, nodes: e.nodes, delta: 0.3, band: [0.1, 0.4], draws, seed },
  );
}
const total = (
  a: Appraisal,
  goal: string,
  row = a.rows.length - 1,
  which: 'value' | 'p05' | 'p95' = 'value',
) =>
  a[which][
    cell(
      a,
      row,
      a.areas.length - 1,
      a.goals.findIndex((g) => g.id === goal),
    )
  ]!;

describe('scenario engine', () => {
  it('a scenario with no interventions gives 0 for every goal, area and band', () => {
    const a = run(scenario([]));
    assert.deepEqual(a.areas, ['K02000001']);
    for (const arr of [a.value, a.p05, a.p95])
      assert.ok(
        arr.every((x) => x === 0),
        String(arr),
      );
  });
  it('the central node answers as the regional model of src/models/io (Type I)', () => {
    const a = run(scenario([demand('care', 'Q87 & Q88', 10e6)]));
    const m = regionalModel(e.national, SIZES, 'E06000001', { delta: 0.3, band: [0.1, 0.4] });
    const r = shock(m, demandVector(m.codes, [{ industry: 'Q87 & Q88', amount: 10 }]));
    const type1 = (s: { direct: Float64Array; indirect: Float64Array }) =>
      [...s.direct, ...s.indirect].reduce((t, x) => t + x, 0);
    for (const [goal, split] of [
      ['jobs', r.employment!],
      ['gva', r.gva],
      ['compensation', r.compensation],
      ['output', r.output],
    ] as const) {
      const want = type1(split);
      assert.ok(
        Math.abs(total(a, goal) - want) <= 1e-12 * Math.abs(want),
        `${goal}: ${total(a, goal)} vs ${want}`,
      );
    }
  });
  it('is linear: two interventions together are the sum of each alone, and twice the money twice the effect', () => {
    const one = run(scenario([demand('a', 'C29', 5e6)]));
    const two = run(scenario([demand('b', 'K64', 3e6, 'E06000002')]));
    const both = run(scenario([demand('a', 'C29', 5e6), demand('b', 'K64', 3e6, 'E06000002')]));
    const twice = run(scenario([demand('a', 'C29', 10e6)]));
    for (const g of [
      'jobs',
      'jobs_female',
      'gva',
      'compensation',
      'emissions',
      'output',
      'pv_gva',
      'pv_cost',
      'jobs:tradeable',
    ]) {
      const sum = total(one, g) + total(two, g);
      assert.ok(Math.abs(total(both, g) - sum) <= 1e-12 * Math.abs(sum), `${g}: ${total(both, g)} vs ${sum}`);
      assert.ok(Math.abs(total(twice, g) - 2 * total(one, g)) <= 1e-12 * Math.abs(total(one, g)), g);
    }
  });
  it('applies additionality exactly: net = gross × (1 − l)(1 − d)(1 − s) × m − deadweight × the same', () => {
    const src = { source: 'test' };
    const add = {
      additionality: {
        leakage: { value: 0.1, ...src },
        displacement: { value: 0.25, ...src },
        substitution: { value: 0.1, ...src },
        multiplier: { value: 1.5, ...src },
        reference: { deadweight: { value: 0.2, ...src } },
      },
    };
    const gross = run(scenario([demand('a', 'C29', 5e6)]));
    const net = run(scenario([demand('a', 'C29', 5e6, 'E06000001', add)]));
    for (const g of ['jobs', 'gva', 'emissions'])
      assert.ok(Math.abs(total(net, g) - 0.729 * total(gross, g)) <= 1e-12 * total(gross, g), g);
  });
  it('the same seed gives the same bands; another seed moves them; the central value does not move', () => {
    const ranged = demand('a', 'C29', 5e6, 'E06000001', {
      additionality: { leakage: { value: 0.1, range: [0, 0.3], source: 'test' } },
    });
    const a = run(scenario([ranged]), 300, 7);
    const b = run(scenario([ranged]), 300, 7);
    const c = run(scenario([ranged]), 300, 8);
    assert.deepEqual(a.p05, b.p05);
    assert.deepEqual(a.p95, b.p95);
    assert.notDeepEqual(a.p05, c.p05);
    assert.deepEqual(a.value, c.value);
    assert.ok(total(a, 'jobs', 1, 'p05') < total(a, 'jobs') && total(a, 'jobs') < total(a, 'jobs', 1, 'p95'));
  });
  it('productivity at the labour share: output and pay unchanged, jobs fall by x/(1 + x) of the target’s', () => {
    const p = run(
      scenario([
        {
          id: 'p',
          kind: 'productivity',
          area: 'E06000001',
          target: { industry: 'C29' },
          rise: { value: 0.1, source: 'test' },
          cost: { perYear: 1e6 },
          timing: { start: 2026, years: 3 },
        },
      ]),
    );
    const area = e.areas[0]!;
    const jobsInC29 = area.output[1]! * e.nat.employment[1]!;
    assert.ok(Math.abs(total(p, 'jobs') + (jobsInC29 * 0.1) / 1.1) < 1e-9);
    assert.ok(Math.abs(total(p, 'compensation')) < 1e-12 && Math.abs(total(p, 'gva')) < 1e-12);
    assert.ok(total(p, 'gva_per_job') > 0);
  });
});
