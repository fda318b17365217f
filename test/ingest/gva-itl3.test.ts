import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readGvaItl3 } from '../../src/ingest/gva-itl3.ts';
import { inputOf } from '../helpers/source.ts';

const BOM = '\uFEFF';
const HEADER = 'ITL code,Region name,SIC07 code,SIC07 description,2021,2022';
const rows = (area: string, name: string) => [
  `${area},${name},Total,All industries,"3,317","3,469"`,
  `${area},${name},A-E,Production sector,"1,013",994`,
  `${area},${name},AB (1-9),"Agriculture, forestry and fishing; mining and quarrying",17,13`,
  `${area},${name},C (10-33),Manufacturing,775,756`,
  `${area},${name},DE (35-39),"Electricity, gas, water; sewerage and waste management",221,225`,
  `${area},${name},F (41-43),Construction,304,475`,
  `${area},${name},G-T,Services sector,"2,000","2,000"`,
];
const GOOD = BOM + [HEADER, ...rows('TLC11', 'Hartlepool and Stockton-on-Tees')].join('\r\n') + '\r\n';

describe('readGvaItl3', () => {
  it('reads quoted thousands, the BOM and the industry tree', () => {
    const out = readGvaItl3(inputOf({ 't3c.csv': GOOD }, { options: { measure: 'gva_cp' } }));
    const recs = out.records.industry!;
    assert.equal(recs.length, 14);
    const total2021 = recs.find((r) => r.industry === 'Total' && r.period === 2021)!;
    assert.equal(total2021.value, 3317);
    assert.equal(total2021.parent, null);
    assert.equal(recs.find((r) => r.industry === 'C (10-33)')!.parent, 'A-E');
    assert.equal(recs.find((r) => r.industry === 'F (41-43)')!.parent, 'Total');
    assert.equal(out.records.areas!.length, 1);
    assert.equal(out.provenance.reader, 'gva-itl3');
    assert.match(out.provenance.sha256, /^[0-9a-f]{64}$/);
  });

  it('checks children against parents within rounding and reports exceptions', () => {
    const out = readGvaItl3(inputOf({ 't3c.csv': GOOD }));
    // A-E: 17 + 775 + 221 = 1013 (exact in 2021); 2022: 13 + 756 + 225 = 994.
    const ae = out.checks.filter((c) => c.name.endsWith(' A-E'));
    assert.deepEqual(
      ae.map((c) => [c.expected, c.actual]),
      [
        [1013, 1013],
        [994, 994],
      ],
    );
    // Total 2021: 1013 + 304 + 2000 = 3317; 2022: 994 + 475 + 2000 = 3469.
    assert.deepEqual(out.warnings, []);
    const broken = GOOD.replace('304,475', '304,400');
    const warnings = readGvaItl3(inputOf({ 't3c.csv': broken })).warnings;
    assert.deepEqual(warnings, ['t3c.csv: TLC11 2022 Total: children sum to 3394, published parent 3469']);
  });

  const bad: [string, string, RegExp][] = [
    ['missing column', GOOD.replace('SIC07 code,', 'SIC code,'), /t\.csv:1: missing column: SIC07 code/],
    ['non-numeric cell', GOOD.replace('"1,013"', 'n/a'), /t\.csv:3:5: not a number \(value "n\/a"\)/],
    [
      'duplicate key',
      GOOD + rows('TLC11', 'Hartlepool')[1] + '\r\n',
      /t\.csv:9: duplicate area and industry/,
    ],
    ['unknown area code', GOOD.replace(/TLC11/g, 'E06000001'), /not an ITL3 code \(value "E06000001"\)/],
    ['unknown industry code', GOOD.replace('F (41-43)', 'ZZ (1-2)'), /unknown industry code: ZZ \(1-2\)/],
    ['truncated file', GOOD.slice(0, GOOD.indexOf('"2,000"') + 3), /unclosed quote|wrong number of fields/],
    ['empty file', '', /t\.csv: empty file/],
    ['bad year header', GOOD.replace(',2022', ',20X2'), /t\.csv:1:6: not a year/],
  ];
  for (const [name, text, pattern] of bad) {
    it(`rejects a ${name}`, () => assert.throws(() => readGvaItl3(inputOf({ 't.csv': text })), pattern));
  }
});
