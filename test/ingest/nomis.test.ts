import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readNomis } from '../../src/ingest/nomis.ts';
import { inputOf } from '../helpers/source.ts';

const HEAD =
  '"DATE","DATE_NAME","DATE_CODE","DATE_TYPE","DATE_TYPECODE","DATE_SORTORDER","GEOGRAPHY","GEOGRAPHY_NAME","GEOGRAPHY_CODE","GEOGRAPHY_TYPE","GEOGRAPHY_TYPECODE","GEOGRAPHY_SORTORDER","GENDER","GENDER_NAME","GENDER_CODE","GENDER_TYPE","GENDER_TYPECODE","GENDER_SORTORDER","MEASURES","MEASURES_NAME","OBS_VALUE","OBS_STATUS","OBS_STATUS_NAME","OBS_CONF","OBS_CONF_NAME","URN","RECORD_OFFSET","RECORD_COUNT"';
const row = (geo: string, gender: string, name: string, value: string, status = 'A') =>
  `"2021","2021","2021","date",0,0,"1946157057","Hartlepool","${geo}","local authorities: district / unitary (as of April 2021)",424,0,"${gender}","${name}","${gender}","Sex",1000,0,"20100","Value",${value},"${status}","Normal Value","F","Free (free for publication)","Nm-x",0,2`;
const GOOD =
  [HEAD, row('E06000001', '1', 'Male', '45000'), row('E06000001', '2', 'Female', '47000')].join('\n') + '\n';

describe('readNomis', () => {
  it('reads dimensions generically and keeps OBS_STATUS', () => {
    const out = readNomis(inputOf({ 'lad.csv': GOOD }));
    const recs = out.records.nomis!;
    assert.equal(recs.length, 2);
    assert.deepEqual(recs[1]!.dims, { GENDER: { code: '2', name: 'Female' } });
    assert.equal(recs[1]!.value, 47000);
    assert.equal(recs[0]!.status, 'A');
    assert.equal(recs[0]!.geographyType, 'local authorities: district / unitary (as of April 2021)');
  });
  it('keeps suppressed values as null with their status', () => {
    const out = readNomis(inputOf({ 'lad.csv': [HEAD, row('E06000001', '1', 'Male', '', 'x')].join('\n') }));
    assert.equal(out.records.nomis![0]!.value, null);
    assert.equal(out.records.nomis![0]!.status, 'x');
  });
  const bad: [string, string, RegExp][] = [
    [
      'missing OBS_STATUS',
      GOOD.replace('"OBS_STATUS",', '"OBS_STATE",'),
      /lad\.csv:1: missing column: OBS_STATUS/,
    ],
    [
      'non-numeric value',
      GOOD.replace(',47000,', ',forty,'),
      /lad\.csv:3:21: not a number \(value "forty"\)/,
    ],
    [
      'duplicate observation',
      GOOD + row('E06000001', '1', 'Male', '1') + '\n',
      /lad\.csv:4: duplicate observation/,
    ],
    ['header only', HEAD + '\n', /lad\.csv:2: no data rows/],
  ];
  for (const [name, text, pattern] of bad) {
    it(`rejects ${name}`, () => assert.throws(() => readNomis(inputOf({ 'lad.csv': text })), pattern));
  }
});
