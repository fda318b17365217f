import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Position } from 'geojson';
import { geoContains } from 'd3-geo';
import { interiorPoint } from '../../../src/models/geo/interior-point.ts';
import {
  membersByBoundary,
  membersByBoundaryExact,
  type AreaFeature,
} from '../../../src/models/geo/membership.ts';

// Rings wound clockwise as d3-geo reads them (x east, y north), in degrees near the equator.
const box = (x0: number, y0: number, x1: number, y1: number): Position[] => [
  [x0, y0],
  [x0, y1],
  [x1, y1],
  [x1, y0],
  [x0, y0],
];
const area = (areacd: string, ring: Position[]): AreaFeature => ({
  type: 'Feature',
  properties: { areacd },
  geometry: { type: 'Polygon', coordinates: [ring] },
});
// A "C" opening east: its centroid lies in the gap, outside the shape.
const crescent: Position[] = [
  [0, 0],
  [0, 3],
  [3, 3],
  [3, 2],
  [1, 2],
  [1, 1],
  [3, 1],
  [3, 0],
  [0, 0],
];

describe('interiorPoint', () => {
  it('lies inside a shape whose centroid does not', () => {
    const p = interiorPoint({ type: 'Polygon', coordinates: [crescent] });
    assert.ok(geoContains(area('C', crescent), p as [number, number]), `outside: ${p}`);
    assert.deepEqual(p, [1.5, 1.5 - 0.75]);
  });
  it('takes the widest part of a multipolygon', () => {
    const p = interiorPoint({ type: 'MultiPolygon', coordinates: [[box(0, 0, 1, 1)], [box(5, 0, 9, 1)]] });
    assert.deepEqual(p, [7, 0.5]);
  });
  it('refuses a geometry with no area', () => {
    assert.throws(() => interiorPoint({ type: 'Polygon', coordinates: [] }), /invalid geometry/);
  });
});

describe('membersByBoundary', () => {
  // The parent's ring runs through its children's corners (edges are great-circle arcs).
  const parent = area('P', [
    [0, 0],
    [0, 3],
    [2, 3],
    [4, 3],
    [4, 0],
    [2, 0],
    [0, 0],
  ]);
  it('finds the children tiling a parent and checks they cover it exactly', () => {
    const [m] = membersByBoundary(
      [parent],
      [area('A', box(0, 0, 2, 3)), area('B', box(2, 0, 4, 3)), area('Z', box(10, 0, 12, 3))],
    );
    assert.deepEqual(m!.members, ['A', 'B']);
    assert.ok(Math.abs(m!.cover - 1) < 1e-9, `cover ${m!.cover}`);
    assert.equal(m!.ok, true);
  });
  it('fails the check when a member straddles the edge or one is missing', () => {
    const [straddle] = membersByBoundary([parent], [area('A', box(0, 0, 2, 3)), area('B', box(2, 0, 7, 3))]);
    assert.deepEqual(straddle!.members, ['A']);
    assert.ok(Math.abs(straddle!.cover - 0.5) < 1e-3);
    assert.equal(straddle!.ok, false);
    const [wide] = membersByBoundary([parent], [area('A', box(0, 0, 2, 3)), area('B', box(2, 0, 4.2, 3))]);
    assert.deepEqual(wide!.members, ['A', 'B']);
    assert.ok(wide!.cover > 1.04 && !wide!.ok);
  });
  it('agrees with the reference that asks d3-geo about every point, near and far, and over the antimeridian', () => {
    const children = [
      area('A', box(0, 0, 2, 3)),
      area('B', box(2, 0, 4, 3)),
      area('N', box(4.1, 0, 4.3, 3)), // just outside, inside the padded box
      area('Z', box(10, 0, 12, 3)),
      area('W', box(179.2, 10, 179.6, 11)),
      area('E', box(-179.6, 10, -179.2, 11)),
    ];
    // a parent across the antimeridian: no box is drawn for it
    const across = area('X', [
      [179, 9],
      [179, 12],
      [-179, 12],
      [-179, 9],
      [179, 9],
    ]);
    const fast = membersByBoundary([parent, across], children);
    assert.deepEqual(fast, membersByBoundaryExact([parent, across], children));
    assert.deepEqual(
      fast.map((m) => m.members),
      [
        ['A', 'B'],
        ['W', 'E'],
      ],
    );
  });
});
