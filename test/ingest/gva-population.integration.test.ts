import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readGvaPopulation } from '../../src/ingest/gva-population.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { PACK, testSource } from '../helpers/source.ts';

const FILE = 'Table 6 Total resident population numbers persons Apr2024.csv';

describe('readGvaPopulation on Table 6 (April 2024)', () => {
  const out = readGvaPopulation({
    files: [readSourceFile(join(PACK, 'gva-itl3-by-industry', FILE))],
    source: testSource({ reader: 'gva-population' }),
    retrieved: '2026-01-01',
  });
  const obs = out.records.observations!;
  const value = (code: string, year: string) =>
    obs.find((o) => o.areacd === code && o.period === year)!.observation;

  it('reads 236 rows × 25 years and the 12 + 41 + 179 ITL areas', () => {
    assert.equal(obs.length, 236 * 25);
    const levels = out.records.areas!.map((a) => a.level);
    assert.deepEqual(
      ['itl1', 'itl2', 'itl3'].map((l) => levels.filter((x) => x === l).length),
      [12, 41, 179],
    );
    assert.equal(value('UK', '2022'), 67_596_279);
    assert.equal(value('TLC11', '2022'), 293_827);
    assert.equal(value('TLC11', '1998'), 269_103);
  });
  it('every ITL3 sums to its ITL2, ITL2 to ITL1, ITL1 to the UK, exactly, in every year', () => {
    // (1 UK + 12 ITL1 + 41 ITL2 parents) × 25 years, less four 2022 checks with [u] cells.
    assert.equal(out.checks.length, 54 * 25 - 4);
    assert.deepEqual(
      out.checks.filter((c) => c.actual !== c.expected),
      [],
    );
  });
  it('reports the 2022 [u] cells in three Scottish ITL2 areas as exceptions', () => {
    const marked = obs.filter((o) => o.status === 'u').map((o) => `${o.areacd} ${o.period}`);
    assert.deepEqual(marked, [
      'TLM6 2022',
      'TLM61 2022',
      'TLM62 2022',
      'TLM63 2022',
      'TLM8 2022',
      'TLM81 2022',
      'TLM9 2022',
      'TLM93 2022',
    ]);
    assert.deepEqual(
      out.warnings.map((w) => w.replace(`${FILE}: `, '')),
      [
        'TLM 2022: not checked, a value is marked or missing',
        'TLM6 2022: not checked, a value is marked or missing',
        'TLM8 2022: not checked, a value is marked or missing',
        'TLM9 2022: not checked, a value is marked or missing',
      ],
    );
  });
  it('England (TLB) is the nine English ITL1 regions, and Extra-Regio holds nobody', () => {
    for (let year = 1998; year <= 2022; year++) {
      const english = ['TLC', 'TLD', 'TLE', 'TLF', 'TLG', 'TLH', 'TLI', 'TLJ', 'TLK'];
      const sum = english.reduce((s, c) => s + value(c, String(year))!, 0);
      assert.equal(sum, value('TLB', String(year)), String(year));
      assert.equal(value('TLZ', String(year)), 0);
      assert.equal(value('UKX', String(year)), value('UK', String(year)));
    }
  });
});
