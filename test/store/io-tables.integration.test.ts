// The newest input–output table's primary inputs, picked out in the store, are the ones the whole
// table holds (the exact reference: loading the table and reading its rows).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ioTableYears, latestPrimaryInputs, loadIoTable } from '../../src/store/io-tables.ts';
import type { Workbench } from '../../src/workbench.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => {
  wb = await packWorkbench();
});
after(() => wb?.close());

describe('latestPrimaryInputs', () => {
  it('equals the newest whole table’s year, industries and primary inputs', async () => {
    const year = (await ioTableYears(wb.store)).at(-1)!;
    const whole = (await loadIoTable(wb.store, year))!;
    const fast = (await latestPrimaryInputs(wb.store))!;
    assert.equal(fast.year, year);
    assert.deepEqual(fast.codes, whole.codes);
    assert.deepEqual(Object.keys(fast.primaryInputs).sort(), Object.keys(whole.primaryInputs).sort());
    for (const [k, v] of Object.entries(whole.primaryInputs)) assert.deepEqual(fast.primaryInputs[k], v, k);
    assert.equal(fast.codes.length, 105);
  });
});
