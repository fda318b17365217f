// The example register Strata ships, imported against the data pack: every example is marked,
// and the statuses follow from the published values (ONS, gross median weekly pay: the UK
// 574.9 in 2023 and 642.5 in 2025; Manchester 589.3 in 2025).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Registers } from '../../src/civic/service.ts';
import { type Workbench } from '../../src/workbench.ts';
import { readDataFile } from '../../src/workbench/data-file.ts';
import { packWorkbench } from '../helpers/pack.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-examples-'));
let wb: Workbench;
let regs: Registers;
before(async () => {
  wb = await packWorkbench();
  regs = await Registers.open(`sqlite:${join(dir, 'civic.sqlite')}`);
});
after(async () => {
  wb?.close();
  await regs?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the example commitments on the data pack', () => {
  it('are marked as examples and get the statuses their rules give on the published values', async () => {
    const r = await wb.importCommitments(regs, readDataFile('data/commitments/examples.yaml'), '2026-01-01');
    assert.equal(r.example, true);
    const list = (await wb.commitments(regs)).commitments;
    assert.ok(list.every((c) => c.example && c.what.startsWith('EXAMPLE')));
    const uk = list.find((c) => c.id === 'UK-2024-001')!;
    // 574.9 × 1.15 = 661.135 by 2027; half-way (2025) the line is at 574.9 + 86.235 / 2 = 618.0175
    assert.equal(uk.status, 'on-track');
    assert.equal(uk.reason, '642.5 in 2025 is on the line to 661.135 by 2027 (expected 618.017)');
    const man = list.find((c) => c.id === 'E08000003-2024-001')!;
    assert.equal(man.status, 'signs-of-progress');
    assert.match(man.evidence, /E08000003 2025: 589\.3/);
    assert.equal(list.find((c) => c.id === 'E08000035-2025-001')!.rule, 'assessed');
  });
});
