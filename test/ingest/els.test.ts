import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readEls, slug } from '../../src/ingest/els.ts';
import { inputOf } from '../helpers/source.ts';

const BOM = '\uFEFF';
const HEADER = 'areacd,areanm,geography,indicator,period,observation,measure,unit,lci_95,uci_95,status,notes';
const PAY = [
  'K02000001,United Kingdom,Country,Gross median weekly pay,2025-04-30,642.5,Pounds,£,641.2407,643.7593,,',
  'E06000001,Hartlepool,County or Unitary Authority,Gross median weekly pay,2025-04-30,533.9,Pounds,£,459.602476,608.1975239999999,,',
  'E06000001,Hartlepool,County or Unitary Authority,Gross median weekly pay,2024-04-17,567.3,Pounds,£,493.9140719999999,640.685928,,',
  'E06000063,Cumberland,County or Unitary Authority,Gross median weekly pay,2013-04-17,,Pounds,£,,,x,',
];
const PAY_CSV = BOM + [HEADER, ...PAY].join('\r\n') + '\r\n';
const PAY_JSON = JSON.stringify({
  _note: 'This file was last modified on 29/04/2026 at 09:24',
  'ess-beta-metadata': {
    label: 'Gross median weekly pay',
    prefix: 'GBPSign',
    suffix: null,
    subText: null,
    decimalPlaces: 0,
    subtitle: 'Gross median weekly pay based on where people live (£)',
    experimentalStatistic: 'F',
    sourceDate: '23/10/2025|23/10/2025',
    sourceURL: 'https://www.ons.gov.uk/employmentandlabourmarket/peopleinwork/earningsandworkinghours',
    sourceOrg: 'Office for National Statistics|Northern Ireland Statistics and Research Agency',
    caveats: 'For Great Britain data, 2025 estimates are provisional.',
    standardised: 'T',
  },
});
const BD = [
  'E06000001,Hartlepool,County or Unitary Authority,Business births,2023-01-01/P1Y,11.554621848739496,Percentage,%,,,,',
  'E06000001,Hartlepool,County or Unitary Authority,Business deaths,2023-01-01/P1Y,11.76470588235294,Percentage,%,,,,',
  'E06000001,Hartlepool,County or Unitary Authority,Active businesses,2023-01-01/P1Y,2380.0,Number of enterprises,Number of enterprises,,,,',
];
const BD_CSV = [HEADER, ...BD].join('\r\n') + '\r\n';
const BD_JSON = JSON.stringify({
  'ess-beta-metadata': {
    shared: { prefix: null, experimentalStatistic: 'F', sourceOrg: 'Office for National Statistics' },
    'Active businesses': { label: 'Active businesses', suffix: null, decimalPlaces: 0 },
    'Business births': { label: 'Business births', suffix: '%', decimalPlaces: 1 },
    'Business deaths': { label: 'Business deaths', suffix: '%', decimalPlaces: 1, sourceOrg: 'ONS' },
  },
});

const pay = (csv = PAY_CSV, json: string | Uint8Array = PAY_JSON) =>
  readEls(inputOf({ 'gross-median-weekly-pay.csv': csv, 'gross-median-weekly-pay.json': json }));

describe('readEls', () => {
  it('reads the tidy schema with its sidecar, keeping markers and confidence limits', () => {
    const out = pay();
    const obs = out.records.observations!;
    assert.equal(obs.length, 4);
    assert.deepEqual(obs[1], {
      areacd: 'E06000001',
      areanm: 'Hartlepool',
      geography: 'County or Unitary Authority',
      indicator: 'gross-median-weekly-pay',
      indicatorLabel: 'Gross median weekly pay',
      period: '2025-04-30',
      observation: 533.9,
      measure: 'Pounds',
      unit: '£',
      lci95: 459.602476,
      uci95: 608.1975239999999,
      status: null,
      notes: null,
    });
    assert.equal(obs[3]!.observation, null);
    assert.equal(obs[3]!.status, 'x');
    const [meta] = out.records.indicators!;
    assert.equal(meta!.id, 'gross-median-weekly-pay');
    assert.equal(meta!.label, 'Gross median weekly pay');
    assert.equal(meta!.prefix, 'GBPSign');
    assert.equal(meta!.decimalPlaces, 0);
    assert.equal(meta!.experimental, false);
    assert.equal(meta!.standardised, true);
    assert.equal(meta!.unit, '£');
    assert.deepEqual(out.warnings, []);
    assert.deepEqual(out.provenance.files, ['gross-median-weekly-pay.csv', 'gross-median-weekly-pay.json']);
  });

  it('gives each indicator of a multi-indicator file its own id and merged metadata', () => {
    const out = readEls(inputOf({ 'business-demography.csv': BD_CSV, 'business-demography.json': BD_JSON }));
    const ids = out.records.observations!.map((o) => o.indicator);
    assert.deepEqual(ids, [
      'business-demography:business-births',
      'business-demography:business-deaths',
      'business-demography:active-businesses',
    ]);
    const metas = out.records.indicators!;
    const deaths = metas.find((m) => m.publishedName === 'Business deaths')!;
    assert.equal(deaths.sourceOrg, 'ONS', 'an indicator block overrides the shared block');
    const active = metas.find((m) => m.publishedName === 'Active businesses')!;
    assert.equal(active.sourceOrg, 'Office for National Statistics');
    assert.equal(active.unit, 'Number of enterprises');
    assert.equal(active.decimalPlaces, 0);
  });

  it('warns about an estimate outside its confidence interval', () => {
    const out = pay(PAY_CSV.replace(',533.9,', ',700,'));
    assert.deepEqual(out.warnings, [
      'gross-median-weekly-pay.csv:3: E06000001 2025-04-30: 700 outside [459.602476, 608.1975239999999]',
    ]);
  });

  it('slugs published names', () => assert.equal(slug('One-year survival rate'), 'one-year-survival-rate'));

  const F = 'gross-median-weekly-pay.csv';
  const J = 'gross-median-weekly-pay.json';
  const badCsv: [string, string | Uint8Array, RegExp][] = [
    ['missing column', PAY_CSV.replace('lci_95,', 'lower_95,'), new RegExp(`${F}:1: missing column: lci_95`)],
    [
      'wrong header',
      'GEOGRAPHY_CODE,OBS_VALUE\r\nE06000001,1\r\n',
      new RegExp(`${F}:1: missing column: areacd`),
    ],
    [
      'non-numeric observation',
      PAY_CSV.replace(',533.9,', ',n/a,'),
      new RegExp(`${F}:3:6: not a number \\(value "n/a"\\)`),
    ],
    [
      'non-numeric lci_95',
      PAY_CSV.replace('459.602476', '459.6.2'),
      new RegExp(`${F}:3:9: not a number \\(value "459.6.2"\\)`),
    ],
    [
      'non-numeric uci_95',
      PAY_CSV.replace('643.7593', '[c]'),
      new RegExp(`${F}:2:10: not a number \\(value "\\[c\\]"\\)`),
    ],
    [
      'duplicate key',
      PAY_CSV + PAY[2] + '\r\n',
      new RegExp(
        `${F}:6: duplicate area, indicator, period and measure \\(value "E06000001\\|Gross median weekly pay\\|2024-04-17\\|Pounds"\\)`,
      ),
    ],
    [
      'malformed area code',
      PAY_CSV.replace('E06000063', 'E0600063'),
      new RegExp(`${F}:5:1: not a GSS or ITL code \\(value "E0600063"\\)`),
    ],
    [
      'unknown area code scheme',
      PAY_CSV.replace('K02000001', 'UK'),
      new RegExp(`${F}:2:1: not a GSS or ITL code \\(value "UK"\\)`),
    ],
    [
      'truncated file',
      PAY_CSV.slice(0, PAY_CSV.indexOf('Hartlepool')) + '"Hartle',
      new RegExp(`${F}:3: unclosed quote`),
    ],
    ['short row', PAY_CSV + 'E06000002,Middlesbrough\r\n', new RegExp(`${F}:6: wrong number of fields`)],
    [
      'invalid UTF-8',
      Buffer.concat([
        Buffer.from(PAY_CSV.split('\r\n').slice(0, 3).join('\r\n') + '\r\n'),
        Buffer.from([0xa3, 0x0d, 0x0a]),
      ]),
      new RegExp(`${F}:4: not valid UTF-8 \\(value "0xa3"\\)`),
    ],
    ['UTF-16', Buffer.from('\uFEFF' + HEADER, 'utf16le'), new RegExp(`${F}:1: file is UTF-16 encoded`)],
    ['empty file', '', new RegExp(`${F}: empty file`)],
    ['header only', BOM + HEADER + '\r\n', new RegExp(`${F}:2: no data rows`)],
  ];
  for (const [name, csv, pattern] of badCsv) {
    it(`rejects a CSV with ${name}`, () => assert.throws(() => pay(csv as string), pattern));
  }

  const badJson: [string, string, RegExp][] = [
    ['invalid JSON', PAY_JSON.replace('"label"', 'label'), new RegExp(`${J}:1: not valid JSON`)],
    [
      'no label',
      PAY_JSON.replace('"label":"Gross median weekly pay",', ''),
      new RegExp(`${J}: missing indicator label \\(value "ess-beta-metadata.label"\\)`),
    ],
    ['no metadata object', '{"_note":"x"}', new RegExp(`${J}: missing object ess-beta-metadata`)],
  ];
  for (const [name, json, pattern] of badJson) {
    it(`rejects a sidecar with ${name}`, () => assert.throws(() => pay(PAY_CSV, json), pattern));
  }

  it('rejects an indicator the sidecar does not describe, naming the path', () => {
    const csv = BD_CSV + BD[0]!.replace(/Business births/, 'High growth businesses') + '\r\n';
    assert.throws(
      () => readEls(inputOf({ 'business-demography.csv': csv, 'business-demography.json': BD_JSON })),
      /business-demography\.json: no metadata for indicator \(value "ess-beta-metadata\[\\"High growth businesses\\"\]"\)/,
    );
  });
  it('rejects an indicator entry without a label', () => {
    const json = BD_JSON.replace('"label":"Business deaths",', '');
    assert.throws(
      () => readEls(inputOf({ 'business-demography.csv': BD_CSV, 'business-demography.json': json })),
      /business-demography\.json: missing indicator label \(value "ess-beta-metadata\[\\"Business deaths\\"\]\.label"\)/,
    );
  });
  it('rejects a CSV without its sidecar', () => {
    assert.throws(
      () => readEls(inputOf({ [F]: PAY_CSV })),
      /gross-median-weekly-pay\.csv: missing metadata sidecar \(value "gross-median-weekly-pay\.json"\)/,
    );
  });
});
