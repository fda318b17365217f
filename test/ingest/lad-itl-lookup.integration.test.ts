import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { straddleWeights } from '../../src/core/area-links.ts';
import type { AreaLink } from '../../src/core/records.ts';
import { readLadItlLookup } from '../../src/ingest/lad-itl-lookup.ts';
import { readNomis } from '../../src/ingest/nomis.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { PACK, testSource } from '../helpers/source.ts';

const DIR = join(PACK, 'lad-itl-lookup');
const read = (name: string) =>
  readLadItlLookup({
    files: [readSourceFile(join(DIR, name))],
    source: testSource(),
    retrieved: '2026-01-01',
  });
const L23 = read('LAD23_LAU121_ITL321_ITL221_ITL121_UK_LU.csv');
const L25 = read('LAD_(April_2025)_to_LAU1_to_ITL3_to_ITL2_to_ITL1_(January_2025)_Lookup_in_the_UK.csv');

const count = (out: typeof L23, level: string) => out.records.areas!.filter((a) => a.level === level).length;
const ladItl3 = (links: AreaLink[], lad: string) =>
  links
    .filter((l) => l.child === lad && l.childLevel === 'ltla' && l.parentLevel === 'itl3')
    .map((l) => [l.parent, l.weight, l.rule]);

describe('readLadItlLookup on the ONS lookups', () => {
  it('2023: 361 LADs, 388 LAU1, 179 ITL3, 41 ITL2, 12 ITL1', () => {
    assert.equal(L23.provenance.vintage, '2023');
    assert.deepEqual(
      ['ltla', 'lau1', 'itl3', 'itl2', 'itl1', 'uk'].map((l) => count(L23, l)),
      [361, 388, 179, 41, 12, 1],
    );
    assert.deepEqual(ladItl3(L23.records.links!, 'E06000001'), [['TLC11', 1, null]]);
  });
  it('2023: the five straddling LADs, weighted by LAU1 count', () => {
    const straddlers = new Set(L23.records.links!.filter((l) => l.rule !== null).map((l) => l.child));
    assert.deepEqual([...straddlers].sort(), [
      'E06000063',
      'E06000064',
      'S12000017',
      'S12000021',
      'S12000035',
    ]);
    assert.deepEqual(ladItl3(L23.records.links!, 'S12000017'), [
      ['TLM61', 1 / 3, 'lau1-count'],
      ['TLM62', 1 / 3, 'lau1-count'],
      ['TLM63', 1 / 3, 'lau1-count'],
    ]);
    assert.deepEqual(ladItl3(L23.records.links!, 'E06000064'), [
      ['TLD11', 1 / 3, 'lau1-count'],
      ['TLD12', 2 / 3, 'lau1-count'],
    ]);
  });
  it('2023: Cumbria weighted by the former districts’ mid-2021 population', () => {
    const mye = readNomis({
      files: [readSourceFile(join(PACK, 'population-mye-lad-2021', 'lad.csv'))],
      source: testSource(),
      retrieved: '2026-01-01',
    }).records.nomis!;
    const pop = new Map(
      mye
        .filter((r) => r.dims.GENDER!.name === 'Total' && r.dims.C_AGE!.name === 'All Ages')
        .map((r) => [r.geographyCode, r.value!]),
    );
    const links = straddleWeights(L23.records.links!, pop);
    // Allerdale 96,384 and Copeland 67,176 in West Cumbria; Carlisle 110,255 in East Cumbria.
    assert.deepEqual(ladItl3(links, 'E06000063'), [
      ['TLD11', (96_384 + 67_176) / (96_384 + 110_255 + 67_176), 'lau1-population'],
      ['TLD12', 110_255 / (96_384 + 110_255 + 67_176), 'lau1-population'],
    ]);
    // Scottish LAU1 parts have no population there, so the count rule stays.
    assert.equal(ladItl3(links, 'S12000021')[0]![2], 'lau1-count');
    const byLad = new Map<string, number>();
    for (const l of links) byLad.set(l.child, (byLad.get(l.child) ?? 0) + l.weight);
    assert.equal(byLad.size, 361);
    for (const [lad, w] of byLad) assert.ok(Math.abs(w - 1) < 1e-12, lad);
  });
  it('2025: 361 LADs in 182 ITL3 (2025 codes); only North Ayrshire straddles', () => {
    assert.equal(L25.provenance.vintage, '2025');
    assert.deepEqual(
      ['ltla', 'lau1', 'itl3', 'itl2', 'itl1'].map((l) => count(L25, l)),
      [361, 362, 182, 46, 12],
    );
    assert.deepEqual(ladItl3(L25.records.links!, 'E06000001'), [['TLC31', 1, null]]);
    assert.ok(L25.records.areas!.some((a) => a.areacd === 'E08000039' && a.areanm === 'Sheffield'));
    assert.ok(L23.records.areas!.some((a) => a.areacd === 'E08000019' && a.areanm === 'Sheffield'));
    const straddlers = new Set(L25.records.links!.filter((l) => l.rule !== null).map((l) => l.child));
    assert.deepEqual([...straddlers], ['S12000021']);
  });
});
