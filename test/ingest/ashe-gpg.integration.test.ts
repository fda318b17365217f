import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Observation } from '../../src/core/records.ts';
import { readAsheGpg } from '../../src/ingest/ashe-gpg.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { PACK, testSource } from '../helpers/source.ts';

const DIR = join(PACK, 'ashe-gpg-2025-la');
const FILES = {
  '7.12': 'PROV - Work Geography Table 7.12  Gender pay gap 2025.xlsx',
  '8.12': 'PROV - Home Geography Table 8.12  Gender pay gap 2025.xlsx',
  '4.12': 'PROV - SIC07 Industry (2) SIC2007 Table 4.12  Gender pay gap 2025.xlsx',
  '32.12': 'PROV - Work ITL (3) Table 32.12  Gender pay gap 2025.xlsx',
} as const;

function read(table: keyof typeof FILES) {
  const started = performance.now();
  const out = readAsheGpg({
    files: [readSourceFile(join(DIR, FILES[table]))],
    source: testSource({ options: { table } }),
    retrieved: '2026-01-01',
  });
  return { ...out, ms: performance.now() - started };
}

const value = (obs: Observation[], areacd: string, indicator: string) =>
  obs.find((o) => o.areacd === areacd && o.indicator === indicator);

describe('ASHE 2025 provisional gender pay gap tables (real files)', () => {
  const work = read('7.12');
  const obs = work.records.observations!;

  it('Table 7.12: 395 areas per sheet (UK, GB, E&W, nations, regions, counties, 350 GB districts)', () => {
    const all = obs.filter((o) => o.indicator === 'gpg-median-workplace-all');
    assert.equal(all.length, 395);
    assert.equal(obs.length, 395 * 6);
    const lads = all.filter((o) => /^(E0[6789]|W06|S12)/.test(o.areacd));
    assert.equal(lads.length, 350);
    assert.ok(work.ms < 2000, `took ${work.ms} ms`);
  });

  it('Table 7.12: the published UK and Hartlepool gaps, and the suppressed cells', () => {
    assert.equal(value(obs, 'K02000001', 'gpg-median-workplace-all')!.observation, 12.8);
    assert.equal(value(obs, 'K02000001', 'gpg-mean-workplace-all')!.observation, 13.4);
    assert.equal(value(obs, 'K02000001', 'gpg-median-workplace-full-time')!.observation, 6.9);
    assert.equal(value(obs, 'K02000001', 'gpg-median-workplace-part-time')!.observation, -2.9);
    assert.equal(value(obs, 'E06000001', 'gpg-median-workplace-all')!.observation, 13.8);
    assert.equal(value(obs, 'E06000001', 'gpg-mean-workplace-all')!.observation, 9.3);
    const pt = value(obs, 'E06000001', 'gpg-median-workplace-part-time')!;
    assert.deepEqual([pt.observation, pt.status], [null, 'x']);
    const suppressed = (id: string) => obs.filter((o) => o.indicator.endsWith(id) && o.status === 'x').length;
    // The sheets hold 8 and 119 `x` cells, two of them in the uncoded Not Classified row.
    assert.equal(suppressed('-all'), 6);
    assert.equal(suppressed('-part-time'), 117);
    assert.ok(obs.filter((o) => o.status !== 'x').every((o) => o.status === 'p' && o.observation !== null));
    assert.deepEqual(work.warnings, [
      `${FILES['7.12']}: the uncoded "Not Classified" row is not kept (sheets All, Full-Time, Part-Time)`,
    ]);
  });

  it('Table 8.12 by residence: UK 12.8, Hartlepool 9.5 / 0.9', () => {
    const home = read('8.12').records.observations!;
    assert.equal(home.length, 395 * 6);
    assert.equal(value(home, 'K02000001', 'gpg-median-residence-all')!.observation, 12.8);
    assert.equal(value(home, 'E06000001', 'gpg-median-residence-all')!.observation, 9.5);
    assert.equal(value(home, 'E06000001', 'gpg-mean-residence-all')!.observation, 0.9);
  });

  it('Table 32.12: UK, 12 ITL1, 45 ITL2 and 171 ITL3 areas; ITL1 equal to the 7.12 regions and nations', () => {
    const itl = read('32.12').records.observations!;
    const all = itl.filter((o) => o.indicator === 'gpg-median-workplace-itl3-all');
    const count = (g: string) => all.filter((o) => o.geography === g).length;
    assert.deepEqual(
      [all.length, count('ITL Level 1'), count('ITL Level 2'), count('ITL Level 3')],
      [229, 12, 45, 171],
    );
    assert.equal(value(itl, 'TLC31', 'gpg-median-workplace-itl3-all')!.observation, 12.8);
    assert.equal(value(itl, 'K02000001', 'gpg-mean-workplace-itl3-all')!.observation, 13.4);
    const gss = ['E12000001', 'E12000002', 'E12000003', 'E12000004', 'E12000005', 'E12000006'];
    gss.push('E12000007', 'E12000008', 'E12000009', 'W92000004', 'S92000003', 'N92000002');
    'CDEFGHIJKLMN'.split('').forEach((letter, i) => {
      for (const part of ['all', 'full-time', 'part-time']) {
        for (const stat of ['median', 'mean']) {
          const a = value(itl, `TL${letter}`, `gpg-${stat}-workplace-itl3-${part}`)!;
          const b = value(obs, gss[i]!, `gpg-${stat}-workplace-${part}`)!;
          assert.deepEqual(
            [a.observation, a.status],
            [b.observation, b.status],
            `TL${letter} ${part} ${stat}`,
          );
        }
      }
    });
  });

  it('Table 4.12: 21 sections, 88 divisions, Total and B-E; Total equals the UK gap of 7.12', () => {
    const out = read('4.12');
    const recs = out.records.industry!.filter((r) => r.measure === 'gpg_median_all');
    assert.equal(recs.length, 111);
    assert.equal(recs.filter((r) => /^[A-U]$/.test(r.industry)).length, 21);
    assert.equal(recs.filter((r) => /^\d+$/.test(r.industry)).length, 88);
    const get = (industry: string, measure: string) =>
      out.records.industry!.find((r) => r.industry === industry && r.measure === measure)!;
    assert.equal(get('Total', 'gpg_median_all').value, 12.8);
    assert.equal(get('Total', 'gpg_mean_all').value, 13.4);
    assert.equal(get('K', 'gpg_median_all').value, 27.2);
    assert.equal(get('64', 'gpg_median_all').value, 31.6);
    assert.equal(get('64', 'gpg_median_all').parent, 'K');
    assert.equal(get('B-E', 'gpg_median_all').value, 13.7);
    assert.deepEqual([get('12', 'gpg_median_all').value, get('12', 'gpg_median_all').status], [null, 'x']);
    assert.equal(out.warnings.length, 1);
    assert.match(out.warnings[0]!, /All Service Industries .*NOT CLASSIFIED/);
  });
});
