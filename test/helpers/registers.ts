// A civic store in a temporary folder holding the example commitments (recorded as of
// 2026-01-01) and one frozen projection of Manchester's pay, for the routes and pages that read
// the registers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CivicService } from '../../src/civic/service.ts';
import { type Workbench } from '../../src/workbench.ts';
import { readDataFile } from '../../src/workbench/data-file.ts';
import { projectionMethod } from '../../src/workbench/projections.ts';

/** The as-of date the example statuses are recorded for. */
export const REGISTER_AS_OF = '2026-01-01';

/** Records the example register and freezes P-2024-001 (Manchester's 2024 pay from 2018–2022) into the store at `url`. */
export async function fillRegisters(wb: Workbench, url: string): Promise<void> {
  const svc = await CivicService.open(url, { mail: null });
  try {
    await wb.importCommitments(svc.registers, readDataFile('data/commitments/examples.yaml'), REGISTER_AS_OF);
    await wb.freezeProjection(svc.registers, {
      indicator: 'gross-median-weekly-pay',
      area: 'E08000003',
      method: projectionMethod('linear-trend', 5),
      lastPeriod: 2022,
      period: 2024,
      frozenOn: '2023-06-01',
      who: 'Analyst',
    });
  } finally {
    await svc.close();
  }
}

/** A civic service over a filled temporary store, and how to remove it. */
export async function registersService(
  wb: Workbench,
): Promise<{ civic: CivicService; url: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'strata-registers-'));
  const url = `sqlite:${join(dir, 'civic.sqlite')}`;
  await fillRegisters(wb, url);
  const civic = await CivicService.open(url, { mail: null });
  return {
    civic,
    url,
    close: async () => {
      await civic.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
