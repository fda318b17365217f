// Population by age band for the civic representativeness report, checked against the
// publisher's own totals: the 16+ bands plus "Aged 0 to 15" give "All Ages".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Workbench } from '../../src/workbench.ts';
import { packWorkbench } from '../helpers/pack.ts';
import { PACK } from '../helpers/source.ts';

let wb: Workbench;
before(async () => (wb = await packWorkbench()));
after(() => wb.close());

/** The published value for a district and age from the pack's Nomis file. */
function published(codes: string[], age: string): number {
  const rows = parse(readFileSync(join(PACK, 'population-mye-lad-2021', 'lad.csv')), {
    columns: true,
    bom: true,
  }) as Record<string, string>[];
  return rows
    .filter(
      (r) =>
        codes.includes(r.GEOGRAPHY_CODE!) &&
        r.GEOGRAPHY_TYPE!.startsWith('local authorities: district') &&
        r.C_AGE_NAME === age,
    )
    .reduce((s, r) => s + Number(r.OBS_VALUE), 0);
}

describe('area population by age band (mid-2021 estimates)', () => {
  it('Hartlepool: the 16+ bands and the 0–15 band add up to the published all-ages total', async () => {
    const p = (await wb.population('E06000001'))!;
    assert.deepEqual(
      p.cells.map((c) => c.ageBand),
      ['16-24', '25-49', '50-64', '65+'],
    );
    assert.ok(p.cells.every((c) => c.sex === null));
    const adults = p.cells.reduce((s, c) => s + c.population, 0);
    assert.equal(adults + published(['E06000001'], 'Aged 0 to 15'), published(['E06000001'], 'All Ages'));
    assert.equal(published(['E06000001'], 'All Ages'), 92571);
  });
  it('Cumberland (April 2023) sums its three former districts', async () => {
    const p = (await wb.population('E06000063'))!;
    const old = ['E07000026', 'E07000028', 'E07000029'];
    const adults = p.cells.reduce((s, c) => s + c.population, 0);
    assert.equal(adults + published(old, 'Aged 0 to 15'), published(old, 'All Ages'));
  });
  it('an area the estimates do not cover has no population', async () => {
    assert.equal(await wb.population('TLC11'), null);
  });
});
