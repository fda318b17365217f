import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { query } from '../../src/store/db.ts';
import { loadTaxonomy, type Workbench } from '../../src/workbench.ts';
import { DataFileError, readDataFile } from '../../src/workbench/data-file.ts';
import { DEFAULT_FLOORS, entitlements } from '../../src/workbench/entitlements.ts';
import { ladPopulation } from '../../src/workbench/geography.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => {
  wb = await packWorkbench();
});
after(() => wb.close());

const taxonomy = await loadTaxonomy();

function floorsFile(edit: (text: string) => string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'strata-floors-')), 'floors.yaml');
  writeFileSync(path, edit(readFileSync(DEFAULT_FLOORS, 'utf8')));
  return path;
}

describe('entitlements on the real pack', () => {
  it('puts every local authority against every default floor, naming the floor', async () => {
    const r = await entitlements(wb, taxonomy);
    assert.equal(r.rows.length, 361 * r.summary.length);
    assert.equal(r.summary.length, 5);
    for (const row of r.rows) assert.match(row.rule, /^[a-z0-9:-]+ [≥≤] [\d.]+ \S+ by \d{4}$/);
    for (const s of r.summary) {
      const below = r.rows.filter((x) => x.floor === s.floor && x.status === 'below');
      assert.equal(s.areasBelow, below.length, s.floor);
      assert.ok(Math.abs(s.costCentral - below.reduce((t, x) => t + x.costCentral!, 0)) < 1e-3);
    }
    assert.equal(r.ranking.length, 361);
    for (const x of r.ranking) assert.ok(x.rankP05 <= x.medianRank && x.medianRank <= x.rankP95);
  });

  it('counts the people and premises behind Hartlepool’s gigabit shortfall', async () => {
    const r = await entitlements(wb, taxonomy, undefined, { area: 'E06000001' });
    const g = r.rows.find((x) => x.floor === 'gigabit')!;
    assert.equal(g.value, 96.9);
    assert.equal(g.population, 92571);
    assert.ok(Math.abs(g.peopleToFloor! - 92571 * 0.021) < 1e-6);
    assert.ok(Math.abs(g.costCentral! - ((92571 * 0.021) / 2.36) * 1400) < 1e-3);
  });

  it('changes with the floor file alone', async () => {
    const base = await entitlements(wb, taxonomy);
    const path = floorsFile((t) => t.replace('floor: 99\n', 'floor: 90\n'));
    const lower = await entitlements(wb, taxonomy, readDataFile(path));
    const count = (r: typeof base) => r.summary.find((s) => s.floor === 'gigabit')!.areasBelow;
    assert.ok(count(lower) < count(base), `${count(lower)} < ${count(base)}`);
    assert.match(lower.rows.find((x) => x.floor === 'gigabit')!.rule, /≥ 90 %/);
    assert.equal(lower.floors.source, path);
  });

  it('refuses a floor file with an impossible floor, naming its path and line', async () => {
    const path = floorsFile((t) => t.replace('floor: 99\n', 'floor: 130\n'));
    await assert.rejects(entitlements(wb, taxonomy, readDataFile(path)), (e: unknown) => {
      assert.ok(e instanceof DataFileError);
      assert.equal(e.issues[0]!.path, 'floors.0.floor');
      assert.ok(e.issues[0]!.line! > 10);
      return true;
    });
  });

  it('keeps the mid-2021 population whole when districts merge into 2023 authorities', async () => {
    const pop = await ladPopulation(wb);
    const [raw] = await query<{ total: number }>(
      wb.store,
      `SELECT sum(value) AS total FROM nomis_obs n JOIN current_datasets d ON d.id = n.dataset_id
        WHERE d.source = 'ons-mye-lad-2021' AND geography_type LIKE 'local authorities: district%'
          AND json_extract_string(dims, '$.C_AGE.code') = '200' AND json_extract_string(dims, '$.GENDER.code') = '0'`,
    );
    assert.equal(
      [...pop.all.values()].reduce((s, x) => s + x, 0),
      Number(raw!.total),
    );
    assert.equal(pop.all.size, 361);
    assert.equal(
      pop.all.get('E06000063'),
      ['E07000026', 'E07000028', 'E07000029'].length ? pop.all.get('E06000063') : 0,
    );
    assert.ok(pop.all.get('E06000063')! > 250000); // Cumberland: Allerdale + Carlisle + Copeland
  });
});
