import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { floorsSchema } from '../../../src/models/entitlements/schema.ts';
import { fixtureEntry, fixtureLookup } from '../../helpers/registry-fixture.ts';

const schema = floorsSchema((id) =>
  id === 'gigabit-capable-broadband' ? fixtureEntry({ id, levels: ['lad'] }) : fixtureLookup()(id),
);

function floors(floor: Record<string, unknown> = {}, rest: Record<string, unknown> = {}) {
  return {
    id: 'my-floors',
    title: 'My floors',
    floors: [
      {
        id: 'gigabit',
        title: 'Gigabit',
        indicator: 'gigabit-capable-broadband',
        unit: '%',
        direction: 'at-least',
        floor: 99,
        by: 2030,
        rationale: 'nationwide by 2030',
        basis: 'share',
        cost: {
          per: 'premises',
          low: 500,
          central: 1400,
          high: 4500,
          recurring: 'one-off',
          peoplePerPremises: 2.36,
          rationale: 'subsidy per premises',
        },
        ...floor,
      },
    ],
    ...rest,
  };
}

function issues(input: unknown): string[] {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('floors schema', () => {
  it('accepts floors and fills the defaults', () => {
    const f = schema.parse(floors());
    assert.equal(f.floors[0]!.population, 'all');
    assert.deepEqual(f.uncertainty, { runs: 2000, seed: 1 });
    assert.equal(f.ranking.annualCostYears, 10);
  });

  it('names the path of an unknown indicator, a wrong unit and an impossible floor', () => {
    assert.deepEqual(issues(floors({ indicator: 'gigabit' })), [
      'floors.0.indicator: unknown indicator: gigabit',
    ]);
    assert.deepEqual(issues(floors({ unit: 'mins' })), [
      'floors.0.unit: wrong unit: mins (gigabit-capable-broadband is in %)',
    ]);
    assert.deepEqual(issues(floors({ floor: 130 })), [
      'floors.0.floor: impossible floor 130: gigabit-capable-broadband lies in 0–100 %',
    ]);
  });

  it('names missing fields and inconsistent costs', () => {
    assert.deepEqual(issues(floors({ rationale: undefined })), [
      'floors.0.rationale: Invalid input: expected string, received undefined',
    ]);
    const cost = {
      per: 'premises',
      low: 500,
      central: 400,
      high: 4500,
      recurring: 'one-off',
      rationale: 'x',
    };
    assert.deepEqual(issues(floors({ cost })), [
      'floors.0.cost.central: need low ≤ central ≤ high (500, 400, 4500)',
      'floors.0.cost.peoplePerPremises: a cost per premises needs people per premises',
    ]);
  });

  it('refuses a share basis for a time and person-minute costs for a percentage', () => {
    const travel = {
      indicator: 'average-travel-time:public-transport-or-walk-to-work',
      unit: 'mins',
      floor: 15,
      direction: 'at-most',
    };
    assert.deepEqual(issues(floors(travel)), [
      'floors.0.basis: share needs a percentage indicator (average-travel-time:public-transport-or-walk-to-work is in mins)',
    ]);
    const cost = { per: 'person-minute', low: 1, central: 2, high: 3, recurring: 'annual', rationale: 'x' };
    assert.deepEqual(issues(floors({ cost })), [
      'floors.0.cost.per: person-minute costs need a time in minutes (%)',
    ]);
  });
});
