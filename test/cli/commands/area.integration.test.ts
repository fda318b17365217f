import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AreaGroupProfile } from '../../../src/contract/area-group.ts';
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

  it('profiles a group by --areas and --group, and writes a CSV for Excel with --excel', async () => {
    const list = await strata([
      'area',
      '--areas',
      'e06000001,E06000004',
      '--name',
      'Two',
      '--format',
      'json',
    ]);
    assert.equal(list.code, 0, list.err);
    const g = AreaGroupProfile.parse(JSON.parse(list.out));
    assert.deepEqual(
      g.group.members.map((m) => m.areacd),
      ['E06000001', 'E06000004'],
    );
    const dir = mkdtempSync(join(tmpdir(), 'strata-group-'));
    const file = join(dir, 'g.yaml');
    writeFileSync(file, 'name: Two\nareas:\n  - E06000001\n  - TLC11\n');
    const bad = await strata(['area', '--group', file, '--format', 'json']);
    assert.equal(bad.code, 2, bad.out);
    assert.match(bad.err, /g\.yaml:4:5: areas\.1: mixed levels: TLC11 is itl3/);
    const both = await strata(['area', 'E06000001', '--areas', 'E06000004,E06000005']);
    assert.match(both.err, /give one of: an area code, --group FILE or --areas a,b,c/);
    const comps = await strata([
      'area',
      '--areas',
      'E06000001,E06000004',
      '--format',
      'csv',
      '--view',
      'comparators',
    ]);
    assert.match(comps.out.split('\n')[0]!, /^year,layer,areacd,areanm,value,share,lq,sinceStart/);
    const excel = await strata(['area', 'E06000001', '--format', 'csv', '--view', 'layers', '--excel']);
    assert.equal(excel.code, 0, excel.err);
    assert.equal(excel.out.charCodeAt(0), 0xfeff);
    assert.match(excel.out, /\r\n\r\n"Source: Office for National Statistics, .*"\r\n$/);
  });
});
