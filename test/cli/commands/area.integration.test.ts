import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AreaProfile } from '../../../src/contract/areas.ts';
import { strata } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';

before(async () => (await packWorkbench()).close());

describe('strata area', () => {
  it('answers JSON in the contract’s shape, and CSV of the layer rows', async () => {
    const json = await strata(['area', 'tlc11', '--format', 'json']);
    assert.equal(json.code, 0, json.err);
    const p = AreaProfile.parse(JSON.parse(json.out));
    assert.equal(p.area.areacd, 'TLC11');
    assert.deepEqual(
      p.area.lads.map((l) => l.areacd),
      ['E06000001', 'E06000004'],
    );
    const csv = await strata(['area', 'TLC11', '--format', 'csv']);
    const lines = csv.out.trim().split('\n');
    assert.equal(lines[0], 'areacd,areanm,year,layer,value,share,lq');
    assert.equal(lines.length - 1, p.layers.rows.length);
  });

  it('refuses a code that is no area with one line and exit 2', async () => {
    const r = await strata(['area', 'XYZ']);
    assert.equal(r.code, 2);
    assert.match(r.err, /^strata: invalid area code: XYZ /);
    assert.equal(r.err.trim().split('\n').length, 1);
  });
});
