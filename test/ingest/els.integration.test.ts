import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Observation } from '../../src/core/records.ts';
import { readEls } from '../../src/ingest/els.ts';
import type { ReadResult } from '../../src/ingest/reader.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { PACK, testSource } from '../helpers/source.ts';

/** Data rows per file, as published (line count less the header). */
const ROWS: Record<string, number> = {
  'average-travel-time': 5565,
  'early-years': 4257,
  'library-walk': 362,
  'railway-station-walk': 362,
  'gross-median-weekly-pay': 7109,
  'gross-value-added': 16402,
  'gigabit-capable-broadband': 413,
  'network-coverage-4g': 413,
  'network-coverage-5g': 413,
  'premises-below-30': 413,
  'greenhouse-gas-emissions': 7885,
  'business-demography': 16532,
  'employment-rate': 16080,
  'gross-disposable-household-income-per-head': 17442,
};
const LAD = /^(E06|E07|E08|E09|W06|S12|N09)/;

function readAll(): Map<string, ReadResult> {
  const out = new Map<string, ReadResult>();
  for (const dir of readdirSync(PACK).filter((d) => d.startsWith('els-'))) {
    for (const csv of readdirSync(join(PACK, dir)).filter((f) => f.endsWith('.csv'))) {
      const stem = csv.slice(0, -4);
      const files = [csv, `${stem}.json`].map((f) => readSourceFile(join(PACK, dir, f)));
      out.set(stem, readEls({ files, source: testSource({ reader: 'els' }), retrieved: '2026-01-01' }));
    }
  }
  return out;
}

const find = (obs: Observation[], areacd: string, indicator: string, period: string) =>
  obs.find((o) => o.areacd === areacd && o.indicator === indicator && o.period === period)!;

describe('readEls on every Explore Local Statistics file in the pack', () => {
  const all = readAll();
  it('reads all 14 files, every row, with no warnings', () => {
    assert.deepEqual([...all.keys()].sort(), Object.keys(ROWS).sort());
    for (const [stem, out] of all) {
      assert.equal(out.records.observations!.length, ROWS[stem], stem);
      assert.deepEqual(out.warnings, [], stem);
    }
  });
  it('keeps ASHE pay with its confidence limits and markers', () => {
    const obs = all.get('gross-median-weekly-pay')!.records.observations!;
    const h = find(obs, 'E06000001', 'gross-median-weekly-pay', '2025-04-30');
    assert.deepEqual([h.observation, h.lci95, h.uci95], [533.9, 459.602476, 608.1975239999999]);
    assert.equal(h.geography, 'County or Unitary Authority');
    assert.equal(find(obs, 'K02000001', 'gross-median-weekly-pay', '2025-04-30').observation, 642.5);
    assert.equal(obs.filter((o) => o.status === 'x').length, 94);
    assert.equal(obs.filter((o) => o.status === 'u').length, 35);
    assert.equal(new Set(obs.filter((o) => LAD.test(o.areacd)).map((o) => o.areacd)).size, 361);
  });
  it('covers all 361 current LADs in the Ofcom coverage files', () => {
    for (const stem of [
      'gigabit-capable-broadband',
      'network-coverage-4g',
      'network-coverage-5g',
      'premises-below-30',
    ]) {
      const obs = all.get(stem)!.records.observations!;
      assert.equal(new Set(obs.filter((o) => LAD.test(o.areacd)).map((o) => o.areacd)).size, 361, stem);
    }
    const giga = all.get('gigabit-capable-broadband')!.records.observations!;
    assert.equal(find(giga, 'K02000001', 'gigabit-capable-broadband', '2026-01-01').observation, 87.8);
  });
  it('splits business demography into its nine published indicators', () => {
    const out = all.get('business-demography')!;
    assert.equal(out.records.indicators!.length, 9);
    const active = find(
      out.records.observations!,
      'E06000001',
      'business-demography:active-businesses',
      '2023-01-01/P1Y',
    );
    assert.equal(active.observation, 2380);
    assert.equal(active.unit, 'Number of enterprises');
    const survival = out.records.indicators!.find(
      (m) => m.id === 'business-demography:five-year-survival-rate',
    )!;
    assert.equal(survival.label, 'Five-year business survival rate');
    assert.equal(survival.sourceOrg, 'Office for National Statistics');
  });
  it('keeps ITL codes where the publisher uses them', () => {
    const gdhi = all.get('gross-disposable-household-income-per-head')!.records.observations!;
    assert.equal(new Set(gdhi.filter((o) => o.geography === 'ITL Level 3').map((o) => o.areacd)).size, 182);
    const early = all.get('early-years')!.records.indicators!.map((m) => m.id);
    assert.deepEqual(early.sort(), [
      'early-years:communication-and-language',
      'early-years:literacy',
      'early-years:mathematics',
    ]);
  });
});
