// One area's report on the data pack: the same store, registers and as-of date give the same
// bytes; a dataset with another vintage changes its one appendix line and nothing else.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Registers } from '../../src/civic/service.ts';
import { reportHtml } from '../../src/reports/page.ts';
import { type Workbench } from '../../src/workbench.ts';
import { readDataFile } from '../../src/workbench/data-file.ts';
import { projectionMethod } from '../../src/workbench/projections.ts';
import { packWorkbench } from '../helpers/pack.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-report-'));
let wb: Workbench;
let regs: Registers;
before(async () => {
  wb = await packWorkbench();
  regs = await Registers.open(`sqlite:${join(dir, 'civic.sqlite')}`);
  await wb.importCommitments(regs, readDataFile('data/commitments/examples.yaml'), '2026-01-01');
  await wb.freezeProjection(regs, {
    indicator: 'gross-median-weekly-pay',
    area: 'E08000003',
    method: projectionMethod('linear-trend', 5),
    lastPeriod: 2023,
    period: 2025,
    frozenOn: '2024-01-10',
    who: 'Analyst',
  });
});
after(async () => {
  wb?.close();
  await regs?.close();
  rmSync(dir, { recursive: true, force: true });
});

const opts = { area: 'E08000003', asOf: '2026-01-01', version: 'strata 0.0.0 (commit test)' };

describe('area report on the data pack', () => {
  it('is byte-identical for two builds from the same inputs, with every section', async () => {
    const a = await wb.report(regs, opts);
    const b = await wb.report(regs, opts);
    assert.equal(a, b);
    for (const id of [
      'layers',
      'indicators',
      'missions',
      'entitlements',
      'gender',
      'commitments',
      'forecasts',
      'consultations',
      'appendix',
    ])
      assert.match(a, new RegExp(`<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">`));
    assert.match(
      a,
      /<td>E08000003-2024-001<\/td>.*<strong>signs-of-progress<\/strong>.*<td>target-met@1<\/td>/,
    );
    // the 2025 outturn (589.3) against the projection from 2019–2023
    assert.match(a, /<td>P-2024-001<\/td>.*<td>589\.30<\/td>/);
    assert.match(a, /aria-label="Bar chart: share of Manchester[^"]*" role="img"/);
    assert.match(a, /strata report E08000003 --as-of 2026-01-01/);
    assert.doesNotMatch(a, /<script|<link|src="http/);
  });

  it('gives one area the bytes of its file in the batch build, though it computes only that area', async () => {
    const { inputFor, reportShared } = await import('../../src/workbench/report.ts');
    const t = wb.defaultTaxonomy;
    // what `strata report --all` shares: every area's lenses, every projection
    const batch = await reportShared(wb, regs, opts.asOf, t);
    for (const area of ['E08000003', 'E06000001', 'W06000015', 'S12000036', 'TLD3', 'uk']) {
      const alone = await wb.report(regs, { ...opts, area });
      const inBatch = reportHtml(await inputFor(wb, batch, { area, version: opts.version }, t));
      assert.equal(alone, inBatch, area);
    }
  });

  it('shows missions, entitlements and the gender lens as those answers give them for the area', async () => {
    const input = await wb.reportInput(regs, opts);
    const { exampleMission, exampleMissions } = await import('../../src/workbench/missions.ts');
    assert.equal(input.missions.length, exampleMissions().length);
    for (const m of input.missions) {
      const r = await wb.missionStatus(exampleMission(m.id), { area: 'E08000003' });
      assert.deepEqual(m.status, r.areas[0], m.id);
      assert.equal(m.statusRule, r.mission.statusRule);
    }
    const e = await wb.entitlements(undefined, { area: 'E08000003' });
    assert.deepEqual(input.entitlements.rows, e.rows);
    assert.ok(input.entitlements.rows.length >= 3);
    assert.equal(input.entitlements.unavailable, null);
    const g = await wb.gender({ area: 'E08000003' });
    assert.deepEqual(input.gender.rows, g.local.rows);
    assert.equal(input.gender.source, g.local.source);

    // the UK: each mission's national status and the floors' national summary; an ITL area: neither
    const uk = await wb.reportInput(regs, { ...opts, area: 'uk' });
    assert.ok(uk.missions.every((m) => m.status?.areacd === 'K02000001'));
    assert.equal(uk.entitlements.summary.length, e.summary.length);
    const itl = await wb.reportInput(regs, { ...opts, area: 'TLD3' });
    assert.ok(itl.missions.every((m) => m.status === null));
    assert.deepEqual(itl.entitlements.rows, []);
    assert.match(reportHtml(itl), /Missions are judged for local authority districts and the UK/);
  });

  it('changes only the appendix line of a dataset whose vintage changes', async () => {
    const input = await wb.reportInput(regs, opts);
    const before = reportHtml(input);
    assert.equal(before, await wb.report(regs, opts));
    const d = input.datasets[0]!;
    const after = reportHtml({
      ...input,
      datasets: [
        { ...d, vintage: `${d.vintage} (revised)`, sha256: 'f'.repeat(64) },
        ...input.datasets.slice(1),
      ],
    });
    const old = before.split('\n');
    const now = after.split('\n');
    assert.equal(now.length, old.length);
    const changed = now.flatMap((line, i) => (line === old[i] ? [] : [[old[i], line]]));
    assert.equal(changed.length, 1);
    assert.match(changed[0]![0]!, new RegExp(d.sha256));
    assert.match(changed[0]![1]!, /\(revised\).*f{64}/);
  });
});
