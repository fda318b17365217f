import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { SicEntry } from '../../src/core/records.ts';
import { SIC_DIVISIONS } from '../../src/core/sic.ts';
import { readSicLookup } from '../../src/ingest/sic-lookup.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { PACK, testSource } from '../helpers/source.ts';

const GEO_FILES = ['SICSections', 'SICDivisions', 'SICGroups', 'SICClasses', 'SICSubclasses'];
const ons = readSicLookup({
  files: [readSourceFile(join(PACK, 'gva-itl3-by-industry', 'SIClookup.csv'))],
  source: testSource({ options: { encoding: 'windows-1252' } }),
  retrieved: '2026-01-01',
}).records.sic!;
const geo = readSicLookup({
  files: GEO_FILES.map((f) => readSourceFile(join(PACK, 'gender-pay-gap-employers', `${f}.csv`))),
  source: testSource(),
  retrieved: '2026-01-01',
}).records.sic!;
const counts = (sic: SicEntry[]) =>
  ['section', 'division', 'group', 'class', 'subclass'].map((l) => sic.filter((e) => e.level === l).length);
const codes = (sic: SicEntry[], level: string) => sic.filter((e) => e.level === level).map((e) => e.code);

describe('SIC 2007 hierarchies as published', () => {
  it('Government Equalities Office tables: 21 sections, 88 divisions, 272 groups, 615 classes, 191 subclasses', () => {
    assert.deepEqual(counts(geo), [21, 88, 272, 615, 191]);
    assert.deepEqual(codes(geo, 'division'), [...SIC_DIVISIONS]);
    // The published class name carries a replacement character where an apostrophe was lost.
    assert.equal(geo.find((e) => e.code === '2223')!.name, 'Manufacture of builders\uFFFD ware of plastic');
  });
  it('ONS lookup: 21 sections, 88 divisions, 273 groups and 729 five-digit codes', () => {
    assert.deepEqual(counts(ons), [21, 88, 273, 0, 729]);
    assert.deepEqual(codes(ons, 'division'), [...SIC_DIVISIONS]);
    assert.equal(ons.find((e) => e.code === '22230')!.name, 'Manufacture of buildersÆ ware of plastic');
  });
  it('the two agree: ONS five-digit codes are the 728 classes and subclasses, plus DEFRA 01000', () => {
    const subs = geo.filter((e) => e.level === 'subclass');
    const split = new Set(subs.map((e) => e.parent));
    const geo5 = new Set([
      ...subs.map((e) => e.code),
      ...geo.filter((e) => e.level === 'class' && !split.has(e.code)).map((e) => `${e.code}0`),
    ]);
    assert.equal(geo5.size, 728);
    const ons5 = codes(ons, 'subclass');
    assert.deepEqual(
      ons5.filter((c) => !geo5.has(c)),
      ['01000'],
    );
    assert.equal(ons.find((e) => e.code === '01000')!.name, 'DEFRA/Scottish Executive Agricultural Data');
  });
});
