import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readLadItlLookup } from '../../src/ingest/lad-itl-lookup.ts';
import { inputOf } from '../helpers/source.ts';

const BOM = '\uFEFF';
const H23 = 'LAD23CD,LAD23NM,LAU121CD,LAU121NM,ITL321CD,ITL321NM,ITL221CD,ITL221NM,ITL121CD,ITL121NM';
const R23 = [
  'E06000001,Hartlepool,E06000001,Hartlepool,TLC11,Hartlepool and Stockton-on-Tees,TLC1,Tees Valley and Durham,TLC,North East (England)',
  'E06000063,Cumberland,E07000026,Allerdale,TLD11,West Cumbria,TLD1,Cumbria,TLD,North West (England)',
  'E06000063,Cumberland,E07000028,Carlisle,TLD12,East Cumbria,TLD1,Cumbria,TLD,North West (England)',
  'E06000063,Cumberland,E07000029,Copeland,TLD11,West Cumbria,TLD1,Cumbria,TLD,North West (England)',
];
const L23 = BOM + [H23, ...R23].join('\r\n') + '\r\n';
const H25 =
  'ITL125CD,ITL125NM,ITL225CD,ITL225NM,ITL325CD,ITL325NM,LAU125CD,LAU125NM,LAD25CD,LAD25NM,column10,column11,column12,column13,column14,column15,column16,ObjectId';
const R25 = [
  'TLC,North East (England),TLC3,Tees Valley,TLC31,Hartlepool and Stockton-on-Tees,E06000001,Hartlepool,E06000001,Hartlepool,,,,,,,,1',
  'TLC,North East (England),TLC3,Tees Valley,TLC31,Hartlepool and Stockton-on-Tees,E06000004,Stockton-on-Tees,E06000004,Stockton-on-Tees,,,,,,,,2',
  'TLM,Scotland,TLM2,Highlands and Islands,TLM20,Highlands and Islands,S30000034,Arran and Cumbrae,S12000021,North Ayrshire,,,,,,,,281',
  'TLM,Scotland,TLM9,Southern Scotland,TLM93,North Ayrshire and East Ayrshire,S30000018,North Ayrshire mainland,S12000021,North Ayrshire,,,,,,,,297',
];
const L25 = [H25, ...R25].join('\r\n') + '\r\n';

const F23 = 'LAD23_LAU121_ITL321_ITL221_ITL121_UK_LU.csv';
const read = (text: string | Uint8Array, name = F23) => readLadItlLookup(inputOf({ [name]: text }));
const linksOf = (out: ReturnType<typeof read>, childLevel: string, parentLevel: string) =>
  out.records.links!.filter((l) => l.childLevel === childLevel && l.parentLevel === parentLevel);

describe('readLadItlLookup', () => {
  it('reads the 2023 layout into areas by level and the chain of links', () => {
    const out = read(L23);
    assert.equal(out.provenance.vintage, '2023');
    const levels = out.records.areas!.map((a) => `${a.level}:${a.areacd}`);
    assert.ok(levels.includes('ltla:E06000001') && levels.includes('lau1:E06000001'));
    assert.ok(levels.includes('uk:K02000001') && levels.includes('itl1:TLD'));
    assert.equal(out.records.areas!.find((a) => a.areacd === 'TLD12')!.areanm, 'East Cumbria');
    assert.deepEqual(
      linksOf(out, 'ltla', 'lau1').map((l) => `${l.child}>${l.parent}`),
      ['E06000001>E06000001', 'E06000063>E07000026', 'E06000063>E07000028', 'E06000063>E07000029'],
    );
    assert.deepEqual(
      linksOf(out, 'itl3', 'itl2').map((l) => `${l.child}>${l.parent}`),
      ['TLC11>TLC1', 'TLD11>TLD1', 'TLD12>TLD1'],
    );
    assert.deepEqual(
      linksOf(out, 'itl1', 'uk').map((l) => l.child),
      ['TLC', 'TLD'],
    );
    assert.ok(out.records.links!.every((l) => l.vintage === '2023'));
  });

  it('weights a straddling LAD by the count of its LAU1 parts', () => {
    const out = read(L23);
    assert.deepEqual(
      linksOf(out, 'ltla', 'itl3').map((l) => [l.child, l.parent, l.weight, l.rule]),
      [
        ['E06000001', 'TLC11', 1, null],
        ['E06000063', 'TLD11', 2 / 3, 'lau1-count'],
        ['E06000063', 'TLD12', 1 / 3, 'lau1-count'],
      ],
    );
    assert.deepEqual(out.warnings, [
      'E06000063 Cumberland → TLD11: weight 0.6667 (lau1-count)',
      'E06000063 Cumberland → TLD12: weight 0.3333 (lau1-count)',
    ]);
  });

  it('reads the 2025 layout, columns in the other order', () => {
    const out = read(L25, 'LAD_(April_2025)_lookup.csv');
    assert.equal(out.provenance.vintage, '2025');
    assert.deepEqual(
      linksOf(out, 'ltla', 'itl3').map((l) => [l.child, l.parent, l.weight]),
      [
        ['E06000001', 'TLC31', 1],
        ['E06000004', 'TLC31', 1],
        ['S12000021', 'TLM20', 0.5],
        ['S12000021', 'TLM93', 0.5],
      ],
    );
  });

  const F = F23.replace(/[()]/g, '\\$&');
  const bad: [string, string | Uint8Array, RegExp][] = [
    [
      'a wrong header',
      'LADCD,LADNM\r\nE06000001,Hartlepool\r\n',
      new RegExp(`${F}:1: missing column: LADyyCD`),
    ],
    [
      'a missing name column',
      L23.replace('LAU121NM', 'LAU121NAME'),
      new RegExp(`${F}:1: missing column: LAU121NM`),
    ],
    [
      'a malformed LAD code',
      L23.replace('E06000063,Cumberland,E07000028', 'E0600063,Cumberland,E07000028'),
      new RegExp(`${F}:4:1: not a LAD code \\(value "E0600063"\\)`),
    ],
    [
      'an ITL2 code in the ITL3 column',
      L23.replace(',TLC11,', ',TLC1,'),
      new RegExp(`${F}:2:5: not a ITL3 code \\(value "TLC1"\\)`),
    ],
    [
      'an ITL3 outside its ITL2',
      L23.replace('TLD12,East Cumbria,TLD1', 'TLD12,East Cumbria,TLE1'),
      new RegExp(`${F}:4:5: ITL code not inside its parent \\(value "TLD12 in TLE1"\\)`),
    ],
    ['a duplicate LAU1', L23 + R23[1] + '\r\n', new RegExp(`${F}:6: duplicate LAU1 \\(value "E07000026"\\)`)],
    [
      'two names for one code',
      L23.replace(
        'Copeland,TLD11,West Cumbria,TLD1,Cumbria,TLD,North West (England)',
        'Copeland,TLD11,West Cumbria,TLD1,Cumbria,TLD,North West',
      ),
      new RegExp(`${F}:5:10: name differs for TLD \\(value "North West"\\)`),
    ],
    [
      'a truncated file',
      L23.slice(0, L23.indexOf('Allerdale')) + '"Aller',
      new RegExp(`${F}:3: unclosed quote`),
    ],
    ['UTF-16', Buffer.from('\uFEFF' + H23, 'utf16le'), new RegExp(`${F}:1: file is UTF-16 encoded`)],
    ['no data rows', BOM + H23 + '\r\n', new RegExp(`${F}:2: no data rows`)],
  ];
  for (const [name, text, pattern] of bad)
    it(`rejects ${name}`, () => assert.throws(() => read(text), pattern));

  it('rejects a value in an unnamed 2025 column', () => {
    const text = L25.replace('E06000004,Stockton-on-Tees,,', 'E06000004,Stockton-on-Tees,x,');
    assert.throws(
      () => read(text, 'lookup25.csv'),
      /lookup25\.csv:3:11: value in an unnamed column \(value "x"\)/,
    );
  });
});
