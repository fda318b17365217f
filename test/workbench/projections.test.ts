// Freezing a projection and setting it against the outturn once revised data arrive: the error
// split into data revision, later policy and the rest, worked by hand, adding up exactly.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Registers } from '../../src/civic/service.ts';
import { Workbench } from '../../src/workbench.ts';
import { projectionMethod } from '../../src/workbench/projections.ts';
import { accountabilityPack, revisePack } from '../helpers/accountability-fixture.ts';

const tmp = mkdtempSync(join(tmpdir(), 'strata-projections-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const spec = {
  indicator: 'gross-median-weekly-pay',
  area: 'E06000001',
  method: projectionMethod('linear-trend', 5),
  period: 2024,
  frozenOn: '2024-02-01',
  who: 'Analyst',
};

describe('projection register', () => {
  it('freezes a projection with its inputs and dataset checksums, and decomposes its error exactly', async () => {
    const pack = await accountabilityPack();
    const db = join(tmp, 'strata.duckdb');
    const regs = await Registers.open(`sqlite:${join(tmp, 'civic.sqlite')}`);
    try {
      let wb = await Workbench.open(db);
      await wb.import(pack);
      // 450, 460, 470, 480, 500 in 2019–2023: slope 120 / 10 = 12 about the mean 472 in 2021 → 472 + 3 × 12 = 508
      const p = await wb.freezeProjection(regs, spec);
      assert.equal(p.id, 'P-2024-001');
      assert.equal(p.exact, '508');
      assert.equal(p.method, 'linear-trend@1');
      assert.deepEqual(p.parameters, { window: 5 });
      assert.deepEqual(
        p.inputs.map((i) => i.value),
        [450, 460, 470, 480, 500],
      );
      assert.equal(p.vintages.length, 1);
      assert.match(p.vintages[0]!.sha256, /^[0-9a-f]{64}$/);
      await assert.rejects(wb.projectionOutturn(regs, p.id), /no outturn yet: .* 2024 is not in the store/);
      wb.close();

      // the revision: 2021 becomes 472 and 2024 is published at 530
      revisePack(pack);
      wb = await Workbench.open(db);
      await wb.import(pack);
      const o = await wb.projectionOutturn(regs, p.id, [{ scenario: 'pay-policy', effect: 10 }]);
      wb.close();
      // the same method on the revised data: mean 472.4, slope still 12 → 508.4
      assert.equal(o.reprojected, 508.4);
      assert.equal(o.outturn, 530);
      assert.deepEqual(
        o.revisedInputs.map((i) => i.value),
        [450, 460, 472, 480, 500],
      );
      assert.deepEqual(Object.fromEntries(Object.entries(o.error).map(([k, v]) => [k, v.exact])), {
        total: '22',
        revision: '0.4',
        policy: '10',
        rest: '11.6',
      });
      assert.notEqual(o.vintagesNow[0]!.sha256, p.vintages[0]!.sha256);
      // what was frozen is unchanged by the import
      assert.deepEqual((await wb.projections(regs)).projections, [p]);
      assert.equal((await wb.projections(regs, 'E06000002')).projections.length, 0);
    } finally {
      await regs.close();
      rmSync(pack, { recursive: true, force: true });
    }
  });

  it('refuses unknown methods, derived indicators and periods that are not ahead', async () => {
    assert.throws(() => projectionMethod('crystal-ball', 3), /invalid projection method: crystal-ball/);
    const pack = await accountabilityPack();
    const regs = await Registers.open(`sqlite:${join(tmp, 'refusals.sqlite')}`);
    const wb = await Workbench.open(join(tmp, 'refusals.duckdb'));
    try {
      await wb.import(pack);
      await assert.rejects(
        wb.freezeProjection(regs, { ...spec, period: 2022 }),
        /a projection is for a period after 2023: 2022/,
      );
      await assert.rejects(
        wb.freezeProjection(regs, { ...spec, frozenOn: '2024-02-30' }),
        /invalid frozen-on date/,
      );
      const derived = (await wb.registry()).indicators.find((e) => e.kind === 'derived')!.id;
      await assert.rejects(
        wb.freezeProjection(regs, { ...spec, indicator: derived }),
        /published indicators/,
      );
      assert.deepEqual((await wb.projections(regs)).projections, []);
    } finally {
      wb.close();
      await regs.close();
      rmSync(pack, { recursive: true, force: true });
    }
  });
});
