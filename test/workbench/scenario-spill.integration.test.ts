// Interregional responses on the real data pack, intervention by intervention: the same numbers as
// solving the whole scenario at once, kept and reused when asked for again, and a new key for any
// change that alters them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { spilloverGross } from '../../src/models/scenarios/spill.ts';
import type { Workbench } from '../../src/workbench.ts';
import { fromValue } from '../../src/workbench/data-file.ts';
import { spilloverFor, spillKey, systemAt } from '../../src/workbench/scenario-spill.ts';
import { prepareScenario } from '../../src/workbench/scenarios.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => {
  wb = await packWorkbench();
});
after(() => wb.close());

const demand = (id: string, area: string, industry: string, perYear: number) => ({
  id,
  kind: 'demand',
  area,
  target: { industry },
  cost: { perYear },
  timing: { start: 2026, years: 1 },
});
const prepare = (ivs: unknown[]) =>
  prepareScenario(
    wb,
    wb.defaultTaxonomy,
    fromValue(
      {
        id: 's',
        title: 's',
        model: { level: 'itl3', type: 2, interregional: true, band: null },
        interventions: ivs,
      },
      's.yaml',
    ),
  );

describe('interregional responses per intervention', () => {
  it('equal the whole scenario solved at once, and are reused when the same interventions come again', async () => {
    const ivs = [demand('care', 'TLC11', 'Q87', 10e6), demand('cars', 'TLC12', 'C29', 20e6)];
    const p = await prepare(ivs);
    const systems = await Promise.all(p.nodes.map((d) => systemAt(wb, p, d)));
    const whole = spilloverGross(p.ivs, p.national.nat, p.areaData, p.areas.index, systems, 2).gross;
    const each = await spilloverFor(wb, p);
    assert.equal(each.length, 2 * p.areaData.length);
    assert.deepEqual(
      each.map((x) => [x.iv, x.area, x.costShare, [...x.g]]),
      whole.map((x) => [x.iv, x.area, x.costShare, [...x.g]]),
    );
    // the second intervention alone, asked for in another scenario: its kept response, not a new solve
    const again = await spilloverFor(wb, await prepare([ivs[1]]));
    assert.equal(again[0]!.iv, 0);
    again.forEach((x, k) => assert.equal(x.g, each[p.areaData.length + k]!.g));
  });

  it('a change to the amount, the area or the model gives a new key', async () => {
    const base = await prepare([demand('care', 'TLC11', 'Q87', 10e6)]);
    const key = spillKey(base, base.ivs[0]!);
    assert.equal(spillKey(await prepare([demand('care', 'TLC11', 'Q87', 10e6)]), base.ivs[0]!), key);
    for (const other of [
      await prepare([demand('care', 'TLC11', 'Q87', 11e6)]),
      await prepare([demand('care', 'TLC12', 'Q87', 10e6)]),
    ])
      assert.notEqual(spillKey(other, other.ivs[0]!), key);
    const type1 = {
      ...base,
      scenario: { ...base.scenario, model: { ...base.scenario.model, type: 1 as const } },
    };
    assert.notEqual(spillKey(type1, base.ivs[0]!), key);
  });
});
