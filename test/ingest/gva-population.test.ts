import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { itlParent, readGvaPopulation } from '../../src/ingest/gva-population.ts';
import { inputOf } from '../helpers/source.ts';

const HEADER = 'ITL,ITL code,Region name,2021,2022';
// Real Table 6 rows (April 2024): the UK, its 12 ITL1s, and the North East down to ITL3.
const ROWS = [
  'UK,UK,United Kingdom,"67,044,988","67,596,279"',
  'Other,TLB,England,"56,554,891","57,106,398"',
  'ITL1,TLC,North East,"2,647,493","2,683,040"',
  'ITL2,TLC1,Tees Valley and Durham,"1,199,812","1,216,883"',
  'ITL3,TLC11,Hartlepool and Stockton-on-Tees,"289,607","293,827"',
  'ITL3,TLC12,South Teesside,"280,548","285,460"',
  'ITL3,TLC13,Darlington,"108,210","109,469"',
  'ITL3,TLC14,Durham CC,"521,447","528,127"',
  'ITL2,TLC2,"Northumberland, and Tyne and Wear","1,447,681","1,466,157"',
  'ITL3,TLC21,Northumberland,"321,532","324,362"',
  'ITL3,TLC22,Tyneside,"851,771","864,441"',
  'ITL3,TLC23,Sunderland,"274,378","277,354"',
  'ITL1,TLD,North West,"7,424,092","7,516,113"',
  'ITL1,TLE,Yorkshire and The Humber,"5,482,455","5,541,262"',
  'ITL1,TLF,East Midlands,"4,881,559","4,934,939"',
  'ITL1,TLG,West Midlands,"5,956,226","6,021,653"',
  'ITL1,TLH,East,"6,349,646","6,398,497"',
  'ITL1,TLI,London,"8,804,769","8,866,180"',
  'ITL1,TLJ,South East,"9,295,829","9,379,833"',
  'ITL1,TLK,South West,"5,712,822","5,764,881"',
  'ITL1,TLL,Wales,"3,105,633","3,131,640"',
  'ITL1,TLM,Scotland,"5,479,900",[u]',
  'ITL1,TLN,Northern Ireland,"1,904,564","1,910,543"',
];
const GOOD = [HEADER, ...ROWS].join('\n') + '\n';
const F = 'Table 6 Total resident population numbers persons Apr2024.csv';
const read = (text: string | Uint8Array) => readGvaPopulation(inputOf({ [F]: text }));

describe('readGvaPopulation', () => {
  it('reads population observations and the ITL areas', () => {
    const out = read(GOOD);
    const obs = out.records.observations!;
    assert.equal(obs.length, ROWS.length * 2);
    const h = obs.find((o) => o.areacd === 'TLC11' && o.period === '2022')!;
    assert.deepEqual(
      [h.observation, h.geography, h.indicator, h.unit],
      [293827, 'ITL3', 'population', 'persons'],
    );
    const marked = obs.find((o) => o.areacd === 'TLM' && o.period === '2022')!;
    assert.deepEqual([marked.observation, marked.status], [null, 'u']);
    const areas = out.records.areas!;
    assert.equal(areas.length, 21, 'ITL1, ITL2 and ITL3 rows only');
    assert.deepEqual(
      areas.find((a) => a.areacd === 'TLC2'),
      {
        areacd: 'TLC2',
        areanm: 'Northumberland, and Tyne and Wear',
        level: 'itl2',
        start: null,
        end: null,
      },
    );
  });

  it('checks each level against the sum of its parts, from the codes', () => {
    const out = read(GOOD);
    const byName = new Map(out.checks.map((c) => [c.name, c]));
    // 289,607 + 280,548 + 108,210 + 521,447 = 1,199,812
    assert.deepEqual(byName.get('TLC1 2021 = sum of its 4 parts'), {
      name: 'TLC1 2021 = sum of its 4 parts',
      expected: 1199812,
      actual: 1199812,
      tolerance: 0,
    });
    assert.equal(byName.get('TLC 2022 = sum of its 2 parts')!.actual, 2683040);
    assert.equal(byName.get('UK 2021 = sum of its 12 parts')!.actual, 67044988);
    assert.ok(!byName.has('UK 2022 = sum of its 12 parts'), 'Scotland 2022 is marked [u]');
    assert.deepEqual(out.warnings, [`${F}: UK 2022: not checked, a value is marked or missing`]);
    const broken = read(GOOD.replace('"108,210"', '"108,211"'));
    assert.ok(broken.warnings.includes(`${F}: TLC1 2021: parts sum to 1199813, published 1199812`));
  });

  it('derives parents from ITL codes', () => {
    assert.deepEqual(
      [
        itlParent('TLN0A', 'ITL3'),
        itlParent('TLN0', 'ITL2'),
        itlParent('TLN', 'ITL1'),
        itlParent('TLB', 'Other'),
      ],
      ['TLN0', 'TLN', 'UK', null],
    );
  });

  const f = F.replace(/[.]/g, '\\.');
  const bad: [string, string | Uint8Array, RegExp][] = [
    ['missing column', GOOD.replace('ITL code', 'Code'), new RegExp(`${f}:1: missing column: ITL code`)],
    ['bad year header', GOOD.replace(',2022', ',22'), new RegExp(`${f}:1:5: not a year \\(value "22"\\)`)],
    [
      'non-numeric cell',
      GOOD.replace('"280,548"', 'n/a'),
      new RegExp(`${f}:7:4: not a number \\(value "n/a"\\)`),
    ],
    [
      'unknown level',
      GOOD.replace('ITL3,TLC13', 'ITL4,TLC13'),
      new RegExp(`${f}:8:1: unknown ITL level \\(value "ITL4"\\)`),
    ],
    [
      'code at the wrong level',
      GOOD.replace('ITL3,TLC13', 'ITL3,TLC1X3'),
      new RegExp(`${f}:8:2: not an ITL3 code \\(value "TLC1X3"\\)`),
    ],
    [
      'GSS code',
      GOOD.replace('ITL3,TLC13', 'ITL3,E06000005'),
      new RegExp(`${f}:8:2: not an ITL3 code \\(value "E06000005"\\)`),
    ],
    ['duplicate code', GOOD + ROWS[6] + '\n', new RegExp(`${f}:25: duplicate ITL code \\(value "TLC13"\\)`)],
    [
      'orphan ITL3',
      GOOD.replace(/ITL3,TLC21/, 'ITL3,TLC31'),
      new RegExp(`${f}:11: no row for its parent TLC3 \\(value "TLC31"\\)`),
    ],
    ['truncated file', GOOD.slice(0, GOOD.indexOf('"280,548"') + 4), new RegExp(`${f}:7: unclosed quote`)],
    ['UTF-16', Buffer.from('\uFEFF' + HEADER, 'utf16le'), new RegExp(`${f}:1: file is UTF-16 encoded`)],
    ['empty file', '\n\n', new RegExp(`${f}: empty file`)],
  ];
  for (const [name, text, pattern] of bad)
    it(`rejects a ${name}`, () => assert.throws(() => read(text), pattern));
});
