import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Floor } from '../../../src/models/entitlements/schema.ts';
import { shortfallOf, triangular } from '../../../src/models/entitlements/shortfall.ts';

const near = (a: number | null, b: number, tol = 1e-9) =>
  assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} is not within ${tol} of ${b}`);

const gigabit: Floor = {
  id: 'gigabit',
  title: 'Gigabit',
  indicator: 'gigabit-capable-broadband',
  unit: '%',
  direction: 'at-least',
  floor: 99,
  by: 2030,
  rationale: 'x',
  population: 'all',
  basis: 'share',
  cost: {
    per: 'premises',
    low: 500,
    central: 1400,
    high: 4500,
    recurring: 'one-off',
    peoplePerPremises: 2.36,
    rationale: 'x',
  },
};

describe('shortfall against a floor', () => {
  it('counts the people to reach, the people without, premises and cost (Hartlepool, gigabit 96.9% of 92,571 people)', () => {
    const s = shortfallOf(96.9, gigabit, 92571);
    near(s.shortfall, 2.1, 1e-12);
    near(s.peopleToFloor, 92571 * 0.021, 1e-6);
    near(s.peopleWithout, 92571 * 0.031, 1e-6);
    near(s.units, (92571 * 0.021) / 2.36, 1e-6);
    near(s.costCentral, ((92571 * 0.021) / 2.36) * 1400, 1e-3);
    assert.equal(s.below, true);
  });

  it('is zero above the floor and empty without a value', () => {
    const s = shortfallOf(99.5, gigabit, 1000);
    assert.equal(s.below, false);
    assert.equal(s.costHigh, 0);
    assert.equal(shortfallOf(null, gigabit, 1000).below, null);
  });

  it('counts everyone in an area whose average is above an at-most floor, by person-minute', () => {
    const travel: Floor = {
      ...gigabit,
      indicator: 'average-travel-time:public-transport-or-walk-to-work',
      unit: 'mins',
      direction: 'at-most',
      floor: 15,
      basis: 'area',
      cost: { per: 'person-minute', low: 4, central: 10, high: 25, recurring: 'annual', rationale: 'x' },
    };
    const s = shortfallOf(18, travel, 50000);
    near(s.peopleToFloor, 50000);
    near(s.units, 150000);
    near(s.costLow, 600000);
    assert.equal(shortfallOf(14, travel, 50000).peopleWithout, 0);
  });

  it('draws triangular values with the right mode and bounds', () => {
    near(triangular(0, 1, 2, 4), 1);
    near(triangular(1, 1, 2, 4), 4);
    near(triangular(1 / 3, 1, 2, 4), 2); // the CDF at the mode is (mode − low)/(high − low)
    assert.equal(triangular(0.7, 5, 5, 5), 5);
  });
});
