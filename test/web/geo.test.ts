import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pickFeatures, project, type AreaFeature } from '../../src/web/lib/geo.ts';

const square = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x, y + 1],
      [x + 1, y + 1],
      [x + 1, y],
      [x, y],
    ],
  ],
});
const area = (areacd: string, x: number, start: number | null, end: number | null): AreaFeature => ({
  type: 'Feature',
  geometry: square(x, 52),
  properties: {
    areacd,
    areanm: areacd,
    ...(start === null ? {} : { start }),
    ...(end === null ? {} : { end }),
  },
});

// Two districts merged into one in 2023; another unchanged throughout.
const all = [
  area('OLD1', -3, null, 2022),
  area('OLD2', -2, null, 2022),
  area('NEW', -3, 2023, null),
  area('SAME', 0, null, null),
];

describe('atlas boundaries', () => {
  it('draws the areas valid in the year shown', () => {
    const codes = new Set(['OLD1', 'OLD2', 'SAME']);
    assert.deepEqual(
      pickFeatures(all, 2019, codes).features.map((f) => f.properties.areacd),
      ['OLD1', 'OLD2', 'SAME'],
    );
  });
  it('uses the vintage the data are published on when that is not the year shown', () => {
    // a back series on the latest codes: 2015 values for NEW
    const r = pickFeatures(all, 2015, new Set(['NEW', 'SAME']));
    assert.equal(r.year, 2023);
    assert.deepEqual(
      r.features.map((f) => f.properties.areacd),
      ['NEW', 'SAME'],
    );
  });
  it('projects one path per area, fitted to the width', () => {
    const p = project(all.slice(2), false, 600);
    assert.equal(p.width, 600);
    assert.deepEqual([...p.paths.keys()], ['NEW', 'SAME']);
    assert.ok(p.height > 100 && p.height < 400, `height ${p.height}`);
    assert.match(p.paths.get('NEW')!, /^M[\d.]+,[\d.]+L/);
  });
});
