import { SourceError } from '../core/errors.ts';
import type { IndicatorMeta, Observation } from '../core/records.ts';
import { columnIndex, readCsv, requireRows, type CsvTable } from './csv.ts';
import { indicatorMeta, readSidecar } from './els-metadata.ts';
import { parseNumber } from './numbers.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';
import type { SourceFile } from './source-file.ts';

const READER = 'els';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 1;
const COLUMNS = [
  'areacd',
  'areanm',
  'geography',
  'indicator',
  'period',
  'observation',
  'measure',
  'unit',
  'lci_95',
  'uci_95',
  'status',
  'notes',
] as const;
/** GSS codes (`E06000001`, `K02000001`) or ITL codes (`TLB`, `TLC3`, `TLC31`, `TLN0A`). */
const AREA_CODE = /^(?:[EKNSW]\d{8}|TL[A-Z](?:\d[0-9A-Z]?)?)$/;

/**
 * ONS Explore Local Statistics: one tidy indicator CSV with its JSON metadata sidecar
 * (`<stem>.json`). The indicator id is the file stem; a file that holds several indicators
 * (business demography, early years) gets `<stem>:<slug of the published name>` per indicator.
 * Geography labels are kept as published (unitary authorities appear as "County or Unitary Authority").
 */
export function readEls(input: ReaderInput): ReadResult {
  const csvs = input.files.filter((f) => /\.csv$/i.test(f.name));
  if (csvs.length === 0) throw new SourceError({ file: input.files[0]?.name ?? '(none)' }, 'no CSV file');
  const observations: Observation[] = [];
  const indicators: IndicatorMeta[] = [];
  const warnings: string[] = [];
  for (const csv of csvs) {
    const stem = csv.name.replace(/\.csv$/i, '');
    const json = input.files.find((f) => f.name.toLowerCase() === `${stem.toLowerCase()}.json`);
    if (!json) throw new SourceError({ file: csv.name, value: `${stem}.json` }, 'missing metadata sidecar');
    const part = readIndicatorFile(csv, json, stem);
    for (const o of part.observations) observations.push(o);
    for (const m of part.indicators) indicators.push(m);
    for (const w of part.warnings) warnings.push(w);
  }
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: { observations, indicators },
    checks: [],
    warnings,
  };
}

function readIndicatorFile(csv: SourceFile, json: SourceFile, stem: string) {
  const sidecar = readSidecar(json);
  const table = readCsv(csv);
  requireRows(table);
  const col = columnIndex(table, COLUMNS);
  const names = [...new Set(table.rows.map((r) => r[col.indicator]!.trim()))];
  const idOf = new Map(names.map((n) => [n, names.length === 1 ? stem : `${stem}:${slug(n)}`]));
  const observations = table.rows.map((row, r) => observation(table, col, row, table.lines[r]!, idOf));
  checkUnique(table, observations);
  const indicators = names.map((name) => {
    const first = observations.find((o) => o.indicatorLabel === name)!;
    const ids = { id: idOf.get(name)!, dataset: stem, publishedName: name };
    return indicatorMeta(sidecar(name), { ...ids, measure: first.measure, unit: first.unit });
  });
  return { observations, indicators, warnings: outsideInterval(table, observations) };
}

/** An estimate outside its own 95% confidence interval is worth a user's attention. */
function outsideInterval(table: CsvTable, observations: Observation[]): string[] {
  const out: string[] = [];
  observations.forEach((o, r) => {
    const v = o.observation;
    if (v === null || o.lci95 === null || o.uci95 === null || (v >= o.lci95 && v <= o.uci95)) return;
    out.push(
      `${table.file}:${table.lines[r]}: ${o.areacd} ${o.period}: ${v} outside [${o.lci95}, ${o.uci95}]`,
    );
  });
  return out;
}

function observation(
  table: CsvTable,
  col: Record<(typeof COLUMNS)[number], number>,
  row: string[],
  line: number,
  idOf: Map<string, string>,
): Observation {
  const at = (c: number) => ({ file: table.file, line, column: c + 1 });
  const areacd = row[col.areacd]!.trim();
  if (!AREA_CODE.test(areacd))
    throw new SourceError({ ...at(col.areacd), value: areacd }, 'not a GSS or ITL code');
  const name = row[col.indicator]!.trim();
  return {
    areacd,
    areanm: row[col.areanm]!.trim(),
    geography: row[col.geography]!.trim(),
    indicator: idOf.get(name)!,
    indicatorLabel: name,
    period: row[col.period]!.trim(),
    observation: parseNumber(row[col.observation]!, at(col.observation)),
    measure: row[col.measure]!.trim(),
    unit: row[col.unit]!.trim(),
    lci95: parseNumber(row[col.lci_95]!, at(col.lci_95)),
    uci95: parseNumber(row[col.uci_95]!, at(col.uci_95)),
    status: orNull(row[col.status]!),
    notes: orNull(row[col.notes]!),
  };
}

function checkUnique(table: CsvTable, observations: Observation[]): void {
  const seen = new Set<string>();
  observations.forEach((o, r) => {
    const key = `${o.areacd}|${o.indicatorLabel}|${o.period}|${o.measure}`;
    if (seen.has(key)) {
      throw new SourceError(
        { file: table.file, line: table.lines[r], value: key },
        'duplicate area, indicator, period and measure',
      );
    }
    seen.add(key);
  });
}

function orNull(cell: string): string | null {
  const t = cell.trim();
  return t === '' ? null : t;
}

/** `Gross value added per hour worked` → `gross-value-added-per-hour-worked`. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
