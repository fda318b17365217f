import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Workbench } from '../../src/workbench.ts';
import { lads2023, ladsWithin } from '../../src/workbench/geography.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => {
  wb = await packWorkbench();
});
after(() => wb.close());

describe('local authorities of the April 2023 lookup', () => {
  it('lists the 361 LADs, each in its ITL areas', async () => {
    const lads = await lads2023(wb);
    assert.equal(lads.length, 361);
    const hartlepool = lads.find((l) => l.areacd === 'E06000001')!;
    assert.deepEqual(hartlepool.itl, ['TLC', 'TLC1', 'TLC11']);
    assert.equal(hartlepool.region, 'E12000001');
  });

  it('finds the LADs inside an ITL area at any level, a straddling LAD in each of its ITL3 areas', async () => {
    assert.deepEqual(
      (await ladsWithin(wb, 'TLC11')).map((l) => `${l.areacd} ${l.areanm} ${l.level}`),
      ['E06000001 Hartlepool lad', 'E06000004 Stockton-on-Tees lad'],
    );
    for (const itl3 of ['TLM61', 'TLM62', 'TLM63'])
      assert.ok(
        (await ladsWithin(wb, itl3)).some((l) => l.areanm === 'Highland'),
        itl3,
      );
    assert.equal((await ladsWithin(wb, 'TLC')).length, 12);
    assert.equal((await ladsWithin(wb, 'TLM')).length, 32);
  });
});
