// The import reads the ITL3 GVA tables with DuckDB's read_csv and checks them in SQL; the JS
// reader is the reference. Both must store the same rows, checks and warnings, and fail alike.
import { after, describe, it } from 'node:test';
import { readGvaItl3 } from '../../src/ingest/gva-itl3.ts';
import { readGvaItl3Sql } from '../../src/ingest/gva-itl3-sql.ts';
import { bothAgree, closeShared } from '../helpers/native-agree.ts';

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
const table = (eol: string, ...body: string[]) => '\uFEFF' + [HEADER, ...body].join(eol) + eol;
const GOOD = table(
  '\r\n',
  ...rows('TLC11', 'Hartlepool and Stockton-on-Tees'),
  ...rows('TLC12', 'South Teesside'),
);

const agree = async (
  text: string | Uint8Array,
  expectNative: boolean,
  measure = 'gva_cp',
  name = 't3c.csv',
) =>
  void (await bothAgree(
    readGvaItl3Sql,
    readGvaItl3,
    { [name]: text },
    { options: { measure } },
    expectNative,
  ));

describe('gva-itl3: DuckDB path against the reference reader', () => {
  after(closeShared);
  it('agrees on rows, industries, areas and checks (CRLF, BOM, quoted thousands)', () => agree(GOOD, true));
  it('agrees on children whose sum depends on the order they are added in', () =>
    agree(
      table(
        '\n',
        ...rows('TLC11', 'Hartlepool').map((r) =>
          r
            .replace('"1,013",994', '0.6,994')
            .replace('17,13', '0.1,13')
            .replace('775,756', '0.2,756')
            .replace('221,225', '0.3,225'),
        ),
      ),
      true,
    ));
  it('agrees on chained volume measures (no checks)', () => agree(GOOD, true, 'gva_cvm'));
  it('agrees on LF endings, no BOM, blank lines and padded cells', () =>
    agree(
      [HEADER, ...rows('TLC11', ' Hartlepool '), '', ...rows('TLC12', 'South Teesside')]
        .join('\n')
        .replace('775,756', ' 775 ," 756 "'),
      true,
    ));
  it('agrees on warnings, missing cells and an area named twice', () =>
    agree(
      table(
        '\n',
        ...rows('TLC12', 'South Teesside').map((r) => r.replace('304,475', '304,400')),
        ...rows('TLC11', 'Hartlepool').map((r) => r.replace('17,13', '17,')),
        rows('TLC11', 'Hartlepool and Stockton')[0]!.replace('Total', 'F (41-43)').replace('TLC11', 'TLC13'),
      ),
      true,
    ));
  const bad: [string, string | Uint8Array][] = [
    ['missing column', GOOD.replace('SIC07 code,', 'SIC code,')],
    ['region column missing', GOOD.replace('Region name', 'Region')],
    ['non-numeric cell', GOOD.replace('"1,013"', 'n/a')],
    ['misplaced thousands', GOOD.replace('"1,013"', '"10,13"')],
    ['duplicate key', GOOD + rows('TLC11', 'Hartlepool')[1] + '\r\n'],
    ['unknown area code', GOOD.replace(/TLC11/g, 'E06000001')],
    ['unknown industry code', GOOD.replace('F (41-43)', 'ZZ (1-2)')],
    ['truncated file', GOOD.slice(0, GOOD.indexOf('"2,000"') + 3)],
    ['empty file', ''],
    ['header only', table('\r\n')],
    ['bad year header', GOOD.replace(',2022', ',20X2')],
    [
      'no year columns',
      GOOD.replace(',2021,2022', '').replace(/,("[0-9,]+"|[0-9]+),("[0-9,]+"|[0-9]+)\r\n/g, '\r\n'),
    ],
    ['a record too short', GOOD.replace(',994', '')],
    ['a record too long', GOOD.replace(',994', ',994,')],
    ['a quote inside a field', GOOD.replace('Manufacturing', 'Manu"facturing')],
    ['text after a closing quote', GOOD.replace('"1,013"', '"1,013"x')],
    ['not UTF-8', Buffer.concat([Buffer.from(GOOD.slice(0, 200)), Buffer.from([0xe9, 0x0a])])],
    ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')])],
    ['a NUL byte', GOOD.replace('Manufacturing', 'Manu\0facturing')],
  ];
  for (const [name, text] of bad) it(`agrees on the error: ${name}`, () => agree(text, false));
  it('reads a file whose name has a quote in it', () => agree(GOOD, true, 'gva_cp', "it's t3c.csv"));
  it('gives a file whose name DuckDB would take as a glob to the reference', () =>
    agree(GOOD, false, 'gva_cp', 't3c[1].csv'));
  // Files the reference reads that the native path leaves to it.
  it('gives mixed line endings to the reference', () => agree(GOOD.replace('\r\n', '\n'), false));
  it('gives a number beyond a double to the reference', () => agree(GOOD.replace('"1,013"', '1e999'), false));
});
