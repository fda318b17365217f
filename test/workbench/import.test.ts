// Importing official files: all-or-nothing, idempotent, vintaged — on a small fixture pack in
// the official formats. Every malformed variant must fail naming file, place and value, and
// leave the store exactly as it was (row counts and a content checksum of every table).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { query } from '../../src/store/db.ts';
import { DATA_TABLES } from '../../src/store/schema.ts';
import { closeStore, openStore, type Store } from '../../src/store/db.ts';
import { importDir, listDatasets, verifyStore } from '../../src/workbench/data.ts';
import {
  fixturePack,
  GPG_712,
  gpgBook,
  ITL3_CP,
  ITL3_TEXT,
  LAD_PARQUET,
  MYE,
  MYE_TEXT,
  PAY_CSV,
  PAY_JSON,
  PAY_TEXT,
  writeLadParquet,
} from '../helpers/fixture-pack.ts';
import { withCell } from '../helpers/xlsx-fixture.ts';

let pack: string;
let store: Store;
const dbDir = mkdtempSync(join(tmpdir(), 'strata-db-'));

before(async () => {
  pack = await fixturePack();
  store = await openStore(join(dbDir, 'strata.duckdb'));
});
after(() => {
  closeStore(store);
  rmSync(dbDir, { recursive: true, force: true });
  rmSync(pack, { recursive: true, force: true });
});

/** Row count and content checksum of every table, and the dataset list. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of [...DATA_TABLES, 'datasets']) {
    const [r] = await query<{ n: bigint; h: string | null }>(
      store,
      `SELECT count(*) AS n, sum(hash(t))::VARCHAR AS h FROM ${t} t`,
    );
    out[t] = `${r!.n}:${r!.h}`;
  }
  return out;
}

/** A copy of the good pack with one file replaced. */
function variant(rel: string, body: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'strata-bad-'));
  cpSync(pack, dir, { recursive: true });
  writeFileSync(join(dir, rel), body);
  return dir;
}

describe('strata data import on the fixture pack', () => {
  it('imports every dataset, then finds them unchanged', async () => {
    const first = await importDir(store, pack);
    assert.deepEqual(first.datasets.map((d) => [d.key, d.status]).sort(), [
      ['els-gross-median-weekly-pay', 'imported'],
      ['ons-ashe-gpg-workplace-2025', 'imported'],
      ['ons-gva-itl3-cp', 'imported'],
      ['ons-gva-lad', 'imported'],
      ['ons-mye-lad-2021', 'imported'],
    ]);
    const before = await snapshot();
    const again = await importDir(store, pack);
    assert.ok(again.datasets.every((d) => d.status === 'unchanged'));
    assert.deepEqual(await snapshot(), before);
    const list = await listDatasets(store);
    assert.equal(list.find((d) => d.source === 'ons-gva-itl3-cp')!.rows > 0, true);
    assert.ok(
      list.every((d) => /^[0-9a-f]{64}$/.test(d.sha256) && d.licence === 'Open Government Licence v3.0'),
    );
  });

  it('verify re-hashes the files and re-checks published totals', async () => {
    const findings = await verifyStore(store);
    assert.ok(
      findings.every((f) => f.ok),
      JSON.stringify(findings.filter((f) => !f.ok)),
    );
    assert.ok(findings.some((f) => f.check === 'published-total' && f.source === 'ons-gva-itl3-cp'));
    const tampered = variant(ITL3_CP, ITL3_TEXT.replace('"3,317"', '"3,318"'));
    const bad = await verifyStore(store, join(tampered, 'gva-itl3-by-industry'));
    assert.ok(bad.some((f) => f.source === 'ons-gva-itl3-cp' && f.check === 'checksum' && !f.ok));
  });

  it('a changed file becomes a new vintage; the old one is kept', async () => {
    const changed = variant(
      ITL3_CP,
      ITL3_TEXT.replace('775,756', '775,757')
        .replace('"1,013",994', '"1,013",995')
        .replace('"3,317","3,469"', '"3,317","3,470"'),
    );
    const r = await importDir(store, changed);
    const itl3 = r.datasets.find((d) => d.key === 'ons-gva-itl3-cp')!;
    assert.equal(itl3.status, 'imported');
    assert.equal(itl3.vintageNumber, 2);
    const rows = (await listDatasets(store)).filter((d) => d.source === 'ons-gva-itl3-cp');
    assert.equal(rows.length, 2);
    assert.equal(rows.filter((d) => d.current).length, 1);
    assert.ok(rows[0]!.current && rows[0]!.id > rows[1]!.id);
  });

  const bad: [string, string, string | Uint8Array | (() => Promise<string>), RegExp][] = [
    // ITL3 GVA table (CSV with BOM and quoted thousands)
    [
      'ITL3: wrong header',
      ITL3_CP,
      ITL3_TEXT.replace('SIC07 code', 'SIC code'),
      /2024\.csv:1: missing column: SIC07 code/,
    ],
    [
      'ITL3: missing column',
      ITL3_CP,
      ITL3_TEXT.replace(/,SIC07 description/, ''),
      /2024\.csv:(1: missing column|\d+: wrong number of fields)/,
    ],
    [
      'ITL3: non-numeric cell',
      ITL3_CP,
      ITL3_TEXT.replace('775,756', 'n/a,756'),
      /2024\.csv:5:5: not a number \(value "n\/a"\)/,
    ],
    [
      'ITL3: duplicate key',
      ITL3_CP,
      ITL3_TEXT + 'TLC11,Hartlepool and Stockton-on-Tees,C (10-33),Manufacturing,1,2\r\n',
      /2024\.csv:16: duplicate area and industry/,
    ],
    [
      'ITL3: unknown area code',
      ITL3_CP,
      ITL3_TEXT.replace(/TLC12/g, 'XX999'),
      /2024\.csv:9:1: not an ITL3 code \(value "XX999"\)/,
    ],
    [
      'ITL3: unknown industry code',
      ITL3_CP,
      ITL3_TEXT.replace('F (41-43)', 'ZZ (41-43)'),
      /2024\.csv:7:3: unknown industry code: ZZ \(41-43\) \(value "ZZ \(41-43\)"\)/,
    ],
    [
      'ITL3: truncated file',
      ITL3_CP,
      ITL3_TEXT.slice(0, ITL3_TEXT.lastIndexOf('"2,000"') + 3),
      /2024\.csv:\d+: (unclosed quote|wrong number of fields)/,
    ],
    [
      'ITL3: wrong encoding',
      ITL3_CP,
      Buffer.concat([Buffer.from(ITL3_TEXT.slice(0, 200)), Buffer.from([0xe9, 0x0a])]),
      /2024\.csv:\d+: not valid UTF-8 \(value "0xe9"\)/,
    ],
    [
      'ITL3: UTF-16',
      ITL3_CP,
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ITL3_TEXT, 'utf16le')]),
      /2024\.csv:1: file is UTF-16 encoded/,
    ],
    ['ITL3: empty file', ITL3_CP, '', /2024\.csv: empty file/],
    [
      'ITL3: year header',
      ITL3_CP,
      ITL3_TEXT.replace(',2022', ',2O22'),
      /2024\.csv:1:6: not a year \(value "2O22"\)/,
    ],
    // Nomis API CSV
    [
      'Nomis: missing OBS_STATUS',
      MYE,
      MYE_TEXT.replace('"OBS_STATUS",', '"OBS_STATE",'),
      /lad\.csv:1: missing column: OBS_STATUS/,
    ],
    [
      'Nomis: non-numeric value',
      MYE,
      MYE_TEXT.replace(',47000,', ',4700O,'),
      /lad\.csv:3:27: not a number \(value "4700O"\)/,
    ],
    [
      'Nomis: duplicate observation',
      MYE,
      MYE_TEXT + MYE_TEXT.split('\n')[1] + '\n',
      /lad\.csv:6: duplicate observation/,
    ],
    ['Nomis: header only', MYE, MYE_TEXT.split('\n')[0] + '\n', /lad\.csv:2: no data rows/],
    [
      'Nomis: truncated',
      MYE,
      MYE_TEXT.slice(0, MYE_TEXT.length - 40),
      /lad\.csv:\d+: (unclosed quote|wrong number of fields)/,
    ],
    ['Nomis: empty', MYE, '', /lad\.csv: empty file/],
    // Explore Local Statistics CSV + JSON sidecar
    [
      'ELS: missing column',
      PAY_CSV,
      PAY_TEXT.replace(',lci_95', ',lci'),
      /gross-median-weekly-pay\.csv:1: missing column: lci_95/,
    ],
    [
      'ELS: non-numeric observation',
      PAY_CSV,
      PAY_TEXT.replace(',533.9,', ',five hundred,'),
      /gross-median-weekly-pay\.csv:3:6: not a number \(value "five hundred"\)/,
    ],
    [
      'ELS: duplicate key',
      PAY_CSV,
      PAY_TEXT + PAY_TEXT.split('\r\n')[2] + '\r\n',
      /gross-median-weekly-pay\.csv:5: duplicate/,
    ],
    [
      'ELS: malformed area code',
      PAY_CSV,
      PAY_TEXT.replace('E06000002,', 'E0600002,'),
      /gross-median-weekly-pay\.csv:4:1: .*\(value "E0600002"\)/,
    ],
    [
      'ELS: sidecar not JSON',
      PAY_JSON,
      '{"ess-beta-metadata": {',
      /gross-median-weekly-pay\.json:1: not valid JSON/,
    ],
    [
      'ELS: sidecar without label',
      PAY_JSON,
      JSON.stringify({ 'ess-beta-metadata': { sourceOrg: 'ONS' } }),
      /gross-median-weekly-pay\.json: .*label/,
    ],
    ['ELS: empty file', PAY_CSV, '', /gross-median-weekly-pay\.csv: empty file/],
    // ASHE workbook
    [
      'ASHE: not a workbook',
      GPG_712,
      'Description,Code,median,mean\n',
      /Gender pay gap 2025\.xlsx: not an XLSX or XLS workbook/,
    ],
    [
      'ASHE: sheet missing',
      GPG_712,
      gpgBook(undefined, ['All', 'Full-Time']),
      /Gender pay gap 2025\.xlsx!Part-Time: missing sheet/,
    ],
    [
      'ASHE: renamed column',
      GPG_712,
      gpgBook((_s, r) => withCell(r, 4, 1, 'Area code')),
      /Gender pay gap 2025\.xlsx!All/,
    ],
    [
      'ASHE: non-numeric cell',
      GPG_712,
      gpgBook((s, r) => (s === 'All' ? withCell(r, 6, 2, 'thirteen') : r)),
      /Gender pay gap 2025\.xlsx!All!C7.*\(value "thirteen"\)/,
    ],
    ['ASHE: truncated workbook', GPG_712, gpgBook().subarray(0, 900), /Gender pay gap 2025\.xlsx/],
    ['ASHE: empty file', GPG_712, '', /Gender pay gap 2025\.xlsx: empty file/],
    [
      'ASHE: unknown area code',
      GPG_712,
      gpgBook((s, r) => (s === 'All' ? withCell(r, 6, 1, 'Z99999999') : r)),
      /Gender pay gap 2025\.xlsx!All!B7.*Z99999999/,
    ],
    // LAD GVA Parquet
    ['Parquet: truncated', LAD_PARQUET, () => truncatedParquet(), /RGVA_LAD\.parquet: not a Parquet file/],
    [
      'Parquet: missing value column',
      LAD_PARQUET,
      () => parquetVariant({ dropValue: true }),
      /RGVA_LAD\.parquet: missing column: value/,
    ],
    [
      'Parquet: unknown measure',
      LAD_PARQUET,
      () => parquetVariant({ variable: 'GVA per head' }),
      /RGVA_LAD\.parquet:1:variable\.name: unknown measure \(value "GVA per head"\)/,
    ],
  ];
  for (const [name, rel, body, pattern] of bad) {
    it(`rejects ${name}, naming the place, and changes nothing`, async () => {
      const dir = typeof body === 'function' ? await body() : variant(rel, body);
      const before = await snapshot();
      await assert.rejects(importDir(store, dir), pattern);
      assert.deepEqual(await snapshot(), before);
      rmSync(dir, { recursive: true, force: true });
    });
  }
  it('has at least 30 malformed variants', () => assert.ok(bad.length >= 30));
});

async function parquetVariant(opts: { dropValue?: boolean; variable?: string }): Promise<string> {
  const dir = variant(LAD_PARQUET, readFileSync(join(pack, LAD_PARQUET)));
  await writeLadParquet(join(dir, LAD_PARQUET), opts);
  return dir;
}

async function truncatedParquet(): Promise<string> {
  const bytes = readFileSync(join(pack, LAD_PARQUET));
  return variant(LAD_PARQUET, bytes.subarray(0, Math.floor(bytes.length / 2)));
}
