import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readSicLookup } from '../../src/ingest/sic-lookup.ts';
import { inputOf } from '../helpers/source.ts';

const ONS_HEADER =
  'SIC_2DIGIT_CODE,SIC_2DIGIT_NAME,SIC_3DIGIT_CODE,SIC_3DIGIT_NAME,SIC_5DIGIT_CODE,SIC_5DIGIT_NAME,SIC_2DIGIT_CODE_NUMERIC,SIC_SECTION_LETTER,SIC_SECTION_CODE,SIC_SECTION_NAME';
const ONS_ROWS = [
  '01,"01 : Crop and animal production, hunting and related service activities",011,011 : Growing of non-perennial crops,01110,"01110 : Growing of cereals (except rice), leguminous crops and oil seeds",1,A,A (1-3),"Agriculture, forestry and fishing"',
  '01,"01 : Crop and animal production, hunting and related service activities",011,011 : Growing of non-perennial crops,01120,01120 : Growing of rice,1,A,A (1-3),"Agriculture, forestry and fishing"',
  '22,22 : Manufacture of rubber and plastic products,222,222 : Manufacture of plastics products,22220,22220 : Manufacture of plastic packing goods,22,C,C (10-33),Manufacturing',
];
const ONS = [ONS_HEADER, ...ONS_ROWS].join('\n') + '\n';
// The published file holds one windows-1252 byte, 0xC6, in "builders? ware".
const BUILDERS = Buffer.concat([
  Buffer.from(
    '22,22 : Manufacture of rubber and plastic products,222,222 : Manufacture of plastics products,22230,22230 : Manufacture of builders',
  ),
  Buffer.from([0xc6]),
  Buffer.from(' ware of plastic,22,C,C (10-33),Manufacturing\n'),
]);
const ONS_1252 = Buffer.concat([Buffer.from(ONS), BUILDERS]);

const GEO: Record<string, string> = {
  'SICSections.csv': '\uFEFFSICSection,SectionDescription\nA,"Agriculture, Forestry and Fishing"\n',
  'SICDivisions.csv':
    '\uFEFFSICDivision,DivisionDescription,SICCode,SICSection\n01,"Crop and animal production, hunting and related service activities",01000,A\n',
  'SICGroups.csv':
    '\uFEFFSICGroup,GroupDescription,SICCode,SICSection,SICDivision\n01.1,Growing of non-perennial crops,01100,A,01\n01.6,Support activities to agriculture and post-harvest crop activities,01600,A,01\n',
  'SICClasses.csv':
    '\uFEFFSICClass,ClassDescription,SICCode,SICSection,SICDivision,SICGroup\n01.11,"Growing of cereals (except rice), leguminous crops and oil seeds",01110,A,01,01.1\n01.62,Support activities for animal production,01620,A,01,01.6\n',
  'SICSubclasses.csv':
    '\uFEFFSICSubclass,SubclassDescription,SICCode,SICSection,SICDivision,SICGroup,SICClass\n01.62/1,Farm animal boarding and care,01621,A,01,01.6,01.62\n01.62/9,Support activities for animal production (other than farm animal boarding and care) n.e.c.,01629,A,01,01.6,01.62\n',
};

const ons = (text: string | Uint8Array, encoding: string | null = 'windows-1252') =>
  readSicLookup(inputOf({ 'SIClookup.csv': text }, { options: encoding ? { encoding } : {} }));
const geo = (over: Record<string, string> = {}) => readSicLookup(inputOf({ ...GEO, ...over }));

describe('readSicLookup', () => {
  it('reads the ONS lookup into sections, divisions, groups and 5-digit subclasses', () => {
    const sic = ons(ONS_1252).records.sic!;
    assert.deepEqual(
      sic.map((e) => `${e.level} ${e.code} < ${e.parent}`),
      [
        'section A < null',
        'division 01 < A',
        'group 011 < 01',
        'subclass 01110 < 011',
        'subclass 01120 < 011',
        'section C < null',
        'division 22 < C',
        'group 222 < 22',
        'subclass 22220 < 222',
        'subclass 22230 < 222',
      ],
    );
    assert.equal(sic[1]!.name, 'Crop and animal production, hunting and related service activities');
    assert.equal(
      sic.at(-1)!.name,
      'Manufacture of buildersÆ ware of plastic',
      'decoded as windows-1252, kept as published',
    );
  });

  it('reads the Government Equalities Office tables, codes without dots', () => {
    const sic = geo().records.sic!;
    assert.deepEqual(
      sic.map((e) => `${e.level} ${e.code} < ${e.parent}`),
      [
        'section A < null',
        'division 01 < A',
        'group 011 < 01',
        'group 016 < 01',
        'class 0111 < 011',
        'class 0162 < 016',
        'subclass 01621 < 0162',
        'subclass 01629 < 0162',
      ],
    );
    assert.equal(sic[0]!.name, 'Agriculture, Forestry and Fishing');
  });

  const bad: [string, () => unknown, RegExp][] = [
    [
      'the published file read as UTF-8',
      () => ons(ONS_1252, null),
      /SIClookup\.csv:5: not valid UTF-8 \(value "0xc6"\)/,
    ],
    [
      'a table it does not know',
      () => ons('SIC,Name\n01,Crops\n'),
      /SIClookup\.csv:1: not a SIC table \(value "SIC,Name"\)/,
    ],
    [
      'a missing column',
      () => ons(ONS.replace('SIC_5DIGIT_NAME', 'SIC_5DIGIT_LABEL')),
      /SIClookup\.csv:1: missing column: SIC_5DIGIT_NAME/,
    ],
    [
      'a name prefixed with another code',
      () => ons(ONS.replace('01120 : Growing', '01130 : Growing')),
      /SIClookup\.csv:3:6: name does not start with "01120 : " \(value "01130 : Growing of rice"\)/,
    ],
    [
      'a duplicate 5-digit code',
      () => ons(ONS + ONS_ROWS[1] + '\n'),
      /SIClookup\.csv:5:5: duplicate SIC subclass \(first at line 3\) \(value "01120"\)/,
    ],
    [
      'a division named two ways',
      () =>
        ons([ONS_HEADER, ONS_ROWS[0], ONS_ROWS[1]!.replace(/"01 : Crop[^"]*"/, '01 : Crops'), ''].join('\n')),
      /SIClookup\.csv:3:1: duplicate SIC division \(first at line 2\) \(value "01"\)/,
    ],
    [
      'a malformed 5-digit code',
      () => ons(ONS.replace('01120,01120 :', '0112,0112 :')),
      /SIClookup\.csv:3:5: not a SIC subclass code \(value "0112"\)/,
    ],
    [
      'a code outside its parent',
      () => ons(ONS.replace('01120,01120 :', '01220,01220 :')),
      /SIClookup\.csv:3:5: subclass not inside its parent \(value "01220 in 011"\)/,
    ],
    [
      'a division in the wrong section',
      () => ons(ONS.replace('22,C,C (10-33)', '22,B,B (5-9)')),
      /SIClookup\.csv:4:1: division belongs to section C \(value "22 in B"\)/,
    ],
    [
      'a truncated file',
      () => ons(ONS.slice(0, ONS.lastIndexOf('"Agriculture') + 5)),
      /SIClookup\.csv:3: unclosed quote/,
    ],
    [
      'UTF-16',
      () => ons(Buffer.from('\uFEFF' + ONS_HEADER, 'utf16le')),
      /SIClookup\.csv:1: file is UTF-16 encoded/,
    ],
    ['an unknown encoding option', () => ons(ONS, 'latin-9'), /invalid encoding: latin-9/],
    [
      'a SICCode that does not match',
      () => geo({ 'SICClasses.csv': GEO['SICClasses.csv']!.replace('01620', '01630') }),
      /SICClasses\.csv:3:3: SICCode does not match 01\.62 \(value "01630"\)/,
    ],
    [
      'a subclass that does not match its SICCode',
      () => geo({ 'SICSubclasses.csv': GEO['SICSubclasses.csv']!.replace('01.62/9', '01.62/8') }),
      /SICSubclasses\.csv:3:1: subclass does not match SICCode 01629 \(value "01\.62\/8"\)/,
    ],
    [
      'a class whose group is missing',
      () => geo({ 'SICGroups.csv': GEO['SICGroups.csv']!.split('\n').slice(0, 2).join('\n') + '\n' }),
      /SICClasses\.csv:3:1: parent group not in the tables \(value "016"\)/,
    ],
    [
      'a duplicate class',
      () => geo({ 'SICClasses.csv': GEO['SICClasses.csv'] + '01.11,Growing of cereals,01110,A,01,01.1\n' }),
      /SICClasses\.csv:4:1: duplicate SIC class \(first at line 2\) \(value "0111"\)/,
    ],
    ['an empty table', () => geo({ 'SICSections.csv': '' }), /SICSections\.csv: empty file/],
  ];
  for (const [name, run, pattern] of bad) it(`rejects ${name}`, () => assert.throws(run, pattern));
});
