import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { AreaProfile } from '../../../src/contract/areas.ts';
import { strata } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';

before(async () => (await packWorkbench()).close());

describe('strata area', () => {
  it('answers JSON in the contract’s shape, CSV of every section, and CSV of one section by --view', async () => {
    const json = await strata(['area', 'tlc11', '--format', 'json']);
    assert.equal(json.code, 0, json.err);
    const p = AreaProfile.parse(JSON.parse(json.out));
    assert.equal(p.area.areacd, 'TLC11');
    assert.deepEqual(
      p.area.lads.map((l) => l.areacd),
      ['E06000001', 'E06000004'],
    );
    const layers = await strata(['area', 'TLC11', '--format', 'csv', '--view', 'layers']);
    const lines = layers.out.trim().split('\n');
    assert.equal(lines[0], 'areacd,areanm,year,layer,value,share,lq');
    assert.equal(lines.length - 1, p.layers.rows.length);

    const all = await strata(['area', 'TLC11', '--format', 'csv']);
    assert.equal(all.code, 0, all.err);
    const rows = parse(all.out, { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]!), [
      'section',
      'item',
      'name',
      'period',
      'measure',
      'value',
      'unit',
      'lci95',
      'uci95',
      'source',
    ]);
    const count = (section: string) => rows.filter((r) => r['section'] === section).length;
    assert.equal(count('layers'), 3 * p.layers.rows.length);
    assert.equal(count('specialisations'), 3 * p.specialisations.rows.length);
    assert.equal(count('growth'), p.growth.layers.length * (p.growth.years.length + 3));
    const comparators = p.indicators.reduce((n, i) => n + 1 + i.comparators.length, 0);
    assert.equal(count('indicators'), comparators);
    assert.ok(
      rows.every((r) => r['source']!.length > 0),
      'every line names its source',
    );
    // the same numbers as the JSON
    const l = p.layers.rows.at(-1)!;
    const gva = rows.find(
      (r) =>
        r['section'] === 'layers' &&
        r['item'] === l.layer &&
        r['period'] === String(l.year) &&
        r['measure'] === 'gva',
    )!;
    assert.equal(Number(gva['value']), l.value);
    const bad = await strata(['area', 'TLC11', '--format', 'csv', '--view', 'maps']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /invalid view: maps/);
  });

  it('refuses a code that is no area with one line and exit 2', async () => {
    const r = await strata(['area', 'XYZ']);
    assert.equal(r.code, 2);
    assert.match(r.err, /^strata: invalid area code: XYZ /);
    assert.equal(r.err.trim().split('\n').length, 1);
  });
});
