// Shortfall against an entitlement floor, the people it leaves out and the cost of closing it
// (METHODS.md §5): gap = how far the value is on the wrong side of the floor; people affected =
// population × gap share (or everyone, for an area-wide average); cost = unit cost × units.
import type { Floor } from './schema.ts';

/** One area against one floor. */
export interface Shortfall {
  value: number | null;
  /** True when the value is on the wrong side of the floor; null without a value. */
  below: boolean | null;
  /** Distance to the floor in the indicator's unit (0 when the floor is met). */
  shortfall: number | null;
  population: number | null;
  /** People who must gain the service for the area to meet the floor. */
  peopleToFloor: number | null;
  /** People without the service (share basis), or everyone in an area below the floor (area basis). */
  peopleWithout: number | null;
  /** What the unit cost multiplies: premises, people or person-minutes. */
  units: number | null;
  costLow: number | null;
  costCentral: number | null;
  costHigh: number | null;
}

/** The gap to the floor: how far `value` is on the wrong side of it, or 0. */
export function gapTo(value: number, f: Pick<Floor, 'direction' | 'floor'>): number {
  return f.direction === 'at-least' ? Math.max(0, f.floor - value) : Math.max(0, value - f.floor);
}

/** Shortfall, people affected and cost to close for one area. */
export function shortfallOf(value: number | null, f: Floor, population: number | null): Shortfall {
  if (value === null || !Number.isFinite(value))
    return {
      value: null,
      below: null,
      shortfall: null,
      population,
      peopleToFloor: null,
      peopleWithout: null,
      units: null,
      costLow: null,
      costCentral: null,
      costHigh: null,
    };
  const gap = gapTo(value, f);
  const pop = population ?? NaN;
  const toFloor = f.basis === 'share' ? (pop * gap) / 100 : gap > 0 ? pop : 0;
  const lacking = f.direction === 'at-least' ? 100 - value : value;
  const without = f.basis === 'share' ? (gap > 0 ? (pop * lacking) / 100 : 0) : toFloor;
  const units = unitsOf(f, toFloor, gap);
  const cost = (c: number) => (Number.isFinite(units) ? units * c : null);
  const known = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    value,
    below: gap > 0,
    shortfall: gap,
    population,
    peopleToFloor: known(toFloor),
    peopleWithout: known(without),
    units: known(units),
    costLow: cost(f.cost.low),
    costCentral: cost(f.cost.central),
    costHigh: cost(f.cost.high),
  };
}

/** The quantity a unit cost applies to. */
export function unitsOf(f: Floor, peopleToFloor: number, gap: number): number {
  switch (f.cost.per) {
    case 'premises':
      return peopleToFloor / f.cost.peoplePerPremises!;
    case 'person':
      return peopleToFloor;
    case 'person-minute':
      return peopleToFloor * gap;
  }
  throw new Error(`invalid cost unit: ${(f.cost as { per: unknown }).per}`);
}

/** A draw from the triangular distribution on [low, high] with mode `mode`, from a uniform u. */
export function triangular(u: number, low: number, mode: number, high: number): number {
  if (high === low) return low;
  const c = (mode - low) / (high - low);
  return u < c
    ? low + Math.sqrt(u * (high - low) * (mode - low))
    : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}
