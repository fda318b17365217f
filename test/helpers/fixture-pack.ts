// A small data pack in the official formats, laid out like the real one (same folders and
// file names, so the catalogue recognises it), for import tests that must not need the real pack.
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { workbookBytes, type Rows } from './xlsx-fixture.ts';

export const ITL3_CP = 'gva-itl3-by-industry/Table 3c ITL3 current price estimates pounds million 2024.csv';
export const MYE = 'population-mye-lad-2021/lad.csv';
export const PAY_CSV = 'els-ashe-gva-lad/gross-median-weekly-pay.csv';
export const PAY_JSON = 'els-ashe-gva-lad/gross-median-weekly-pay.json';
export const GPG_712 = 'ashe-gpg-2025-la/PROV - Work Geography Table 7.12  Gender pay gap 2025.xlsx';
export const LAD_PARQUET = 'rgva-lad-by-industry/RGVA_LAD.parquet';

const ITL3_ROWS = (area: string, name: string) => [
  `${area},${name},Total,All industries,"3,317","3,469"`,
  `${area},${name},A-E,Production sector,"1,013",994`,
  `${area},${name},AB (1-9),"Agriculture, forestry and fishing; mining and quarrying",17,13`,
  `${area},${name},C (10-33),Manufacturing,775,756`,
  `${area},${name},DE (35-39),"Electricity, gas, water; sewerage and waste management",221,225`,
  `${area},${name},F (41-43),Construction,304,475`,
  `${area},${name},G-T,Services sector,"2,000","2,000"`,
];
export const ITL3_TEXT =
  '\uFEFF' +
  [
    'ITL code,Region name,SIC07 code,SIC07 description,2021,2022',
    ...ITL3_ROWS('TLC11', 'Hartlepool and Stockton-on-Tees'),
    ...ITL3_ROWS('TLC12', 'South Teesside'),
  ].join('\r\n') +
  '\r\n';

const NOMIS_HEAD =
  '"DATE","DATE_NAME","DATE_CODE","DATE_TYPE","DATE_TYPECODE","DATE_SORTORDER","GEOGRAPHY","GEOGRAPHY_NAME","GEOGRAPHY_CODE","GEOGRAPHY_TYPE","GEOGRAPHY_TYPECODE","GEOGRAPHY_SORTORDER","GENDER","GENDER_NAME","GENDER_CODE","GENDER_TYPE","GENDER_TYPECODE","GENDER_SORTORDER","C_AGE","C_AGE_NAME","C_AGE_CODE","C_AGE_TYPE","C_AGE_TYPECODE","C_AGE_SORTORDER","MEASURES","MEASURES_NAME","OBS_VALUE","OBS_STATUS","OBS_STATUS_NAME","OBS_CONF","OBS_CONF_NAME","URN","RECORD_OFFSET","RECORD_COUNT"';
const nomisRow = (geo: string, name: string, sex: string, sexName: string, value: number) =>
  `"2021","2021","2021","date",0,0,"1","${name}","${geo}","local authorities: district / unitary (as of April 2021)",424,0,"${sex}","${sexName}","${sex}","Sex",1000,0,"200","All Ages","200","Labour Market category",5000,0,"20100","Value",${value},"A","Normal Value","F","Free (free for publication)","Nm-x",0,4`;
export const MYE_TEXT =
  [
    NOMIS_HEAD,
    nomisRow('E06000001', 'Hartlepool', '1', 'Male', 45000),
    nomisRow('E06000001', 'Hartlepool', '2', 'Female', 47000),
    nomisRow('E06000002', 'Middlesbrough', '1', 'Male', 70000),
    nomisRow('E06000002', 'Middlesbrough', '2', 'Female', 71000),
  ].join('\n') + '\n';

const ELS_HEAD =
  'areacd,areanm,geography,indicator,period,observation,measure,unit,lci_95,uci_95,status,notes';
export const PAY_TEXT =
  '\uFEFF' +
  [
    ELS_HEAD,
    'K02000001,United Kingdom,Country,Gross median weekly pay,2025-04-30,642.5,Pounds,£,641.2407,643.7593,,',
    'E06000001,Hartlepool,County or Unitary Authority,Gross median weekly pay,2025-04-30,533.9,Pounds,£,459.602476,608.197524,,',
    'E06000002,Middlesbrough,County or Unitary Authority,Gross median weekly pay,2025-04-30,560.1,Pounds,£,500.1,620.1,,',
  ].join('\r\n') +
  '\r\n';
export const PAY_META = JSON.stringify({
  'ess-beta-metadata': {
    label: 'Gross median weekly pay',
    sourceOrg: 'Office for National Statistics',
    decimalPlaces: 0,
  },
});

export function gpgRows(data: Rows): Rows {
  return [
    ['Table 7.12 Gender pay gap (%): United Kingdom, 2025'],
    [],
    [null, null, 'Gender', 'Gender'],
    [null, null, 'pay gap', 'pay gap'],
    ['Description', 'Code', 'median', 'mean'],
    ...data,
    ['Source: Annual Survey of Hours and Earnings, Office for National Statistics.'],
  ];
}
export const GPG_DATA: Rows = [
  ['United Kingdom ', 'K02000001', 12.8, 13.4],
  ['Hartlepool UA', 'E06000001', 13.8, 9.3],
];
export function gpgBook(
  edit: (sheet: string, rows: Rows) => Rows = (_s, r) => r,
  sheets = ['All', 'Full-Time', 'Part-Time'],
): Uint8Array {
  return workbookBytes(
    Object.fromEntries([
      ['Notes', [['Guide to results']]],
      ...sheets.map((s) => [s, edit(s, gpgRows(GPG_DATA))]),
    ]),
  );
}

/** Writes the LAD GVA Parquet with DuckDB (the long layout: dates.date, variable.name, geography.*, industry.*, value). */
export async function writeLadParquet(
  path: string,
  opts: { dropValue?: boolean; variable?: string } = {},
): Promise<void> {
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  const variable = (opts.variable ?? 'GVA Current Prices £m').replace(/'/g, "''");
  const rows = [
    ['E06000001', 'Hartlepool', 'Total', 'All industries', 100],
    ['E06000001', 'Hartlepool', 'A-E', 'Production sector', 40],
    ['E06000001', 'Hartlepool', 'G-T', 'Services sector', 60],
  ]
    .map(
      ([g, gn, i, inm, v]) =>
        `('RGVA_LAD', DATE '2023-01-01', 'a', '${variable}', '${g}', '${gn}', '${i}', '${inm}', ${v})`,
    )
    .join(',');
  const cols = `dataset, "dates.date", "dates.freq", "variable.name", "geography.code", "geography.name", "industry.code", "industry.name"${opts.dropValue ? '' : ', value'}`;
  await c.run(
    `CREATE TABLE t (dataset VARCHAR, "dates.date" DATE, "dates.freq" VARCHAR, "variable.name" VARCHAR, "geography.code" VARCHAR, "geography.name" VARCHAR, "industry.code" VARCHAR, "industry.name" VARCHAR, value DOUBLE)`,
  );
  await c.run(`INSERT INTO t VALUES ${rows}`);
  await c.run(`COPY (SELECT ${cols} FROM t) TO '${path.replace(/'/g, "''")}' (FORMAT parquet)`);
  c.closeSync();
  inst.closeSync();
}

/** Writes the good fixture pack into a fresh temporary folder and returns its path. */
export async function fixturePack(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'strata-pack-'));
  const put = (rel: string, body: string | Uint8Array) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), body);
  };
  put(ITL3_CP, ITL3_TEXT);
  put(MYE, MYE_TEXT);
  put(PAY_CSV, PAY_TEXT);
  put(PAY_JSON, PAY_META);
  put(GPG_712, gpgBook());
  mkdirSync(join(dir, 'rgva-lad-by-industry'), { recursive: true });
  await writeLadParquet(join(dir, LAD_PARQUET));
  return dir;
}
