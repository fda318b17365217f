import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readCensusTs060 } from '../../src/ingest/census-ts060.ts';
import { readDistrictChanges } from '../../src/ingest/district-changes.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { PACK, testSource } from '../helpers/source.ts';

/** Census 2021 usual resident population of England and Wales, as ONS published it. */
const PUBLISHED = 59_597_542;

describe('readCensusTs060 on the published TS060 file', () => {
  const districtChanges = readDistrictChanges(readSourceFile('data/lookups/lad-changes-2023.csv'));
  const out = readCensusTs060({
    files: [readSourceFile(join(PACK, 'census2021-ts060-industry-ltla', 'TS060-2021-1.csv'))],
    source: testSource({ reader: 'census-ts060', options: { districtChanges, publishedTotal: PUBLISHED } }),
    retrieved: '2026-01-01',
  });
  const recs = out.records.industry!;
  const total = (areacd: string) => recs.filter((r) => r.areacd === areacd).reduce((s, r) => s + r.value!, 0);

  it('has 318 current LADs (331 − 17 + 4) × 87 industries', () => {
    assert.equal(new Set(recs.map((r) => r.areacd)).size, 318);
    assert.equal(recs.length, 318 * 87);
    for (const c of districtChanges) assert.ok(!recs.some((r) => r.areacd === c.oldCode), c.oldCode);
  });
  it('reproduces the published population within 79 people, and says so', () => {
    // Every row, "Does not apply" included, sums to 59,597,621: 79 more than the published
    // 59,597,542 (England +69, Wales +10), as Census tables are perturbed independently.
    assert.deepEqual(
      out.checks.map((c) => [c.expected, c.actual]),
      [[PUBLISHED, 59_597_621]],
    );
    assert.equal(out.warnings.length, 1);
    assert.match(out.warnings[0]!, /rows sum to 59597621, the published population is 59597542 \(\+79;/);
  });
  it('keeps residents in employment by industry', () => {
    assert.equal(
      recs.reduce((s, r) => s + r.value!, 0),
      27_773_743,
    );
    const h = recs.filter((r) => r.areacd === 'E06000001');
    assert.equal(h.find((r) => r.industry === '01')!.value, 117);
    assert.equal(h.find((r) => r.industry === '41-43')!.value, 3809);
    assert.equal(total('E06000001'), 37_749);
  });
  it('sums Allerdale, Carlisle and Copeland into Cumberland', () => {
    assert.equal(total('E06000063'), 44_236 + 52_946 + 30_572);
    assert.equal(recs.find((r) => r.areacd === 'E06000063')!.areanm, 'Cumberland');
  });
});
