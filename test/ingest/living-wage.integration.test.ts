import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LWF_SHEETS, readLivingWage } from '../../src/ingest/living-wage.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { PACK, testSource } from '../helpers/source.ts';

const FILE = 'PROV - Work Geography LWF Table 7 LWF.1a   lwfmgx 2022.xls';

describe('ASHE 2022 provisional, jobs below the Living Wage Foundation rate (real .xls)', () => {
  const started = performance.now();
  const out = readLivingWage({
    files: [readSourceFile(join(PACK, 'living-wage-lad-2022', FILE))],
    source: testSource(),
    retrieved: '2026-01-01',
  });
  const ms = performance.now() - started;
  const obs = out.records.observations!;
  const get = (areacd: string, indicator: string) =>
    obs.find((o) => o.areacd === areacd && o.indicator === indicator)!;

  it('holds 411 areas on each of the 9 sheets: pre-2023 districts, GB and Northern Ireland as a whole', () => {
    assert.equal(obs.length, 411 * 9 * 2);
    const all = obs.filter((o) => o.indicator === 'jobs-below-lwf-all');
    const count = (prefix: string) => all.filter((o) => o.areacd.startsWith(prefix)).length;
    assert.deepEqual(
      ['E06', 'E07', 'E08', 'E09', 'W06', 'S12', 'E10', 'E12'].map(count),
      [59, 181, 36, 33, 22, 32, 24, 9],
    );
    assert.ok(all.some((o) => o.areacd === 'N92000002') && !all.some((o) => o.areacd.startsWith('N09')));
    assert.ok(ms < 3000, `took ${ms} ms`);
  });

  it('gives the published UK, Northern Ireland and Hartlepool figures', () => {
    assert.equal(get('K02000001', 'jobs-below-lwf-all').observation, 3495);
    assert.equal(get('K02000001', 'pct-jobs-below-lwf-all').observation, 12.2);
    assert.equal(get('K03000001', 'jobs-below-lwf-all').observation, 3317);
    assert.equal(get('N92000002', 'jobs-below-lwf-all').observation, 178);
    assert.equal(get('E06000001', 'jobs-below-lwf-all').observation, 5);
    assert.equal(get('E06000001', 'pct-jobs-below-lwf-all').observation, 16.1);
    assert.equal(get('K02000001', 'pct-jobs-below-lwf-male-part-time').observation, 31.2);
    assert.equal(get('E06000001', 'pct-jobs-below-lwf-all').status, 'p');
  });

  it('keeps every marker: 193 suppressed cells on All, nil, disclosive and not applicable', () => {
    const onAll = obs.filter((o) => o.indicator.endsWith('-below-lwf-all'));
    assert.equal(onAll.filter((o) => o.status === 'x').length, 193);
    const statuses = new Map<string, number>();
    for (const o of obs) statuses.set(o.status ?? 'null', (statuses.get(o.status ?? 'null') ?? 0) + 1);
    assert.equal(statuses.get('-'), 20);
    assert.equal(get('E06000053', 'jobs-below-lwf-female').status, '..');
    assert.equal(get('E06000053', 'jobs-below-lwf-female-part-time').status, ':');
    assert.ok(obs.filter((o) => o.status === 'p').every((o) => o.observation !== null));
  });

  it('reproduces every total the table states within rounding', () => {
    assert.equal(out.checks.length, 411);
    const bad = out.checks.filter((c) => Math.abs(c.actual - c.expected) > c.tolerance);
    assert.deepEqual(bad, []);
    const uk = out.checks.find((c) => c.name === 'All: UK = GB + Northern Ireland')!;
    assert.deepEqual([uk.expected, uk.actual], [3495, 3495]);
    assert.deepEqual(out.warnings, [
      `${FILE}: the uncoded "Not Classified" row is not kept (sheets ${LWF_SHEETS.join(', ')})`,
    ]);
  });
});
