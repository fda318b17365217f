import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readOcdsPackage } from '../../src/ingest/ocds.ts';
import { sourceFromBytes } from '../../src/ingest/source-file.ts';
import { tenderPackage } from '../helpers/ocds-fixture.ts';

const read = (pkg: unknown, name = 'fts.json') =>
  readOcdsPackage(sourceFromBytes(name, JSON.stringify(pkg, null, 2)));

describe('readOcdsPackage', () => {
  it('reads awards by supplier with GB-COH numbers, postcodes, scale and the value shared to the penny', () => {
    const o = read(tenderPackage());
    assert.equal(o.releases, 2);
    const firsts = o.awards.filter((a) => a.releaseId.endsWith('UK7-1'));
    assert.deepEqual(
      firsts.map((a) => [
        a.supplier.name,
        a.supplier.companyNumber,
        a.supplier.charityNumber,
        a.supplier.postcode,
        a.supplier.scale,
        a.pence,
      ]),
      [
        ['Northern Life Care Limited', '01867042', null, 'HG1 5BH', 'large', 50000001],
        ['Manchester Care Co-operative', null, '1101234', 'M13 9PL', 'sme', 50000000],
      ],
    );
    assert.equal(firsts[0]!.pence! + firsts[1]!.pence!, 100000001);
    assert.deepEqual(
      [firsts[0]!.publisher, firsts[0]!.buyer, firsts[0]!.contractId],
      ['Find a Tender', 'Manchester City Council', 'CT-1'],
    );
  });
  it('reads KPI targets agreed and ratings reported, with the suppliers of the award', () => {
    const o = read(tenderPackage());
    assert.deepEqual(
      o.metrics.map((m) => [m.stage, m.metricId, m.measure, m.periodEnd, m.supplierIds.length]),
      [
        ['agreed', 'kpi-1', '95% of eligible households', null, 2],
        ['implementation', 'kpi-1', 'Approaching target', '2026-03-31T23:59:59Z', 2],
      ],
    );
  });
  it('reads a release given twice once, and reports it; refuses the same id with other content', () => {
    const pkg = tenderPackage();
    const twice = read({ ...pkg, releases: [pkg.releases[0], pkg.releases[1], pkg.releases[0]] });
    assert.equal(twice.releases, 2);
    assert.deepEqual(twice.duplicates, [
      { ocid: 'ocds-h6vhtk-04a1b2', releaseId: 'ocds-h6vhtk-04a1b2-UK7-1', index: 2 },
    ]);
    const changed = structuredClone(pkg.releases[0]) as { awards: { value: { amount: number } }[] };
    changed.awards[0]!.value.amount = 5;
    assert.throws(
      () => read({ ...pkg, releases: [pkg.releases[0], changed] }),
      /fts\.json:releases\[1\]\.id: release repeated with other content \(first at releases\[0\]\)/,
    );
  });
  it('refuses what is not in the schema, naming the path and the value', () => {
    const pkg = tenderPackage();
    const bad = structuredClone(pkg.releases[0]) as {
      awards: { value: { amount: unknown } }[];
      parties: { additionalIdentifiers?: { id: string }[] }[];
    };
    bad.awards[0]!.value.amount = '1m';
    assert.throws(
      () => read({ ...pkg, releases: [bad] }),
      /fts\.json:releases\[0\]\.awards\[0\]\.value\.amount: .* \(value "1m"\)/,
    );
    const coh = structuredClone(pkg.releases[0]) as typeof bad;
    coh.parties[1]!.additionalIdentifiers![0]!.id = 'ABC';
    assert.throws(
      () => read({ ...pkg, releases: [coh] }),
      /releases\[0\]\.parties\[1\]\.additionalIdentifiers: not a Companies House number \(value "ABC"\)/,
    );
    assert.throws(
      () => read({ ...pkg, releases: [{ ...(pkg.releases[0] as object), ocid: 'tender-1' }] }),
      /releases\[0\]\.ocid: an ocid/,
    );
    assert.throws(() => read({ publishedDate: '2026-01-01', releases: [] }), /fts\.json:releases: /);
    assert.throws(
      () => readOcdsPackage(sourceFromBytes('x.json', '{"releases": [\n  1,\n}')),
      /x\.json: not JSON: Unexpected token/,
    );
  });
});
