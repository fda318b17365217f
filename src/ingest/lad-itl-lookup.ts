import { straddleWeights } from '../core/area-links.ts';
import { SourceError } from '../core/errors.ts';
import type { AreaLink, AreaRecord } from '../core/records.ts';
import { readCsv, requireRows, type CsvTable } from './csv.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';

const READER = 'lad-itl-lookup';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 1;
const UK = { areacd: 'K02000001', areanm: 'United Kingdom', level: 'uk', start: null, end: null };
/** Levels from the LAD down the chain to ITL1, with the code pattern each must match. */
const LEVELS = [
  { level: 'ltla', prefix: 'LAD', code: /^[ENSW]\d{8}$/ },
  { level: 'lau1', prefix: 'LAU1', code: /^[ENSW]\d{8}$/ },
  { level: 'itl3', prefix: 'ITL3', code: /^TL[C-N]\d[0-9A-Z]$/ },
  { level: 'itl2', prefix: 'ITL2', code: /^TL[C-N]\d$/ },
  { level: 'itl1', prefix: 'ITL1', code: /^TL[C-N]$/ },
] as const;

type Columns = { code: number; name: number }[];

/**
 * ONS lookups LAD → LAU1 → ITL3 → ITL2 → ITL1, in either published layout: `LAD23CD,…,ITL121NM`
 * or the 2025 order `ITL125CD,…,LAD25NM` with empty `column10`…`column16` and `ObjectId`.
 * Columns are found by name (`LAD23CD`), and the vintage is the LAD year. Emits every area
 * and the chain of links up to the UK, plus LAD → ITL3 with the straddle rule of area-links.ts.
 */
export function readLadItlLookup(input: ReaderInput): ReadResult {
  const file = input.files[0]!;
  const table = readCsv(file);
  requireRows(table);
  const { cols, vintage } = layout(table);
  const unnamed = table.header.flatMap((h, i) => (/^column\d+$/.test(h) ? [i] : []));
  const areas = new Map<string, AreaRecord>([[`${UK.level}|${UK.areacd}`, UK]]);
  const links = new Map<string, AreaLink>();
  const seenLau1 = new Set<string>();
  table.rows.forEach((row, r) => {
    const line = table.lines[r]!;
    for (const i of unnamed) {
      if (row[i]!.trim() !== '') {
        throw new SourceError(
          { file: file.name, line, column: i + 1, value: row[i] },
          'value in an unnamed column',
        );
      }
    }
    const codes = LEVELS.map((lv, k) => areaAt(table, row, line, cols[k]!, lv, areas));
    if (seenLau1.has(codes[1]!))
      throw new SourceError({ file: file.name, line, value: codes[1] }, 'duplicate LAU1');
    seenLau1.add(codes[1]!);
    for (let k = 0; k < codes.length; k++) {
      const parent = k + 1 < codes.length ? codes[k + 1]! : UK.areacd;
      if (k >= 2 && !parent.startsWith('K') && !codes[k]!.startsWith(parent)) {
        const where = { file: file.name, line, column: cols[k]!.code + 1, value: `${codes[k]} in ${parent}` };
        throw new SourceError(where, 'ITL code not inside its parent');
      }
      addLink(links, codes[k]!, parent, LEVELS[k]!.level, LEVELS[k + 1]?.level ?? UK.level, vintage);
    }
  });
  const chain = [...links.values()];
  const ladItl3 = straddleWeights(chain);
  return {
    provenance: provenanceFor(input, READER, VERSION, vintage),
    records: { areas: [...areas.values()], links: [...chain, ...ladItl3] },
    checks: [],
    warnings: straddleNotes(ladItl3, areas),
  };
}

function layout(table: CsvTable): { cols: Columns; vintage: string } {
  let year: string | null = null;
  const cols = LEVELS.map(({ prefix }) => {
    const re = new RegExp(`^${prefix}(\\d\\d)CD$`);
    const code = table.header.findIndex((h) => re.test(h));
    if (code < 0)
      throw new SourceError(
        { file: table.file, line: 1, value: table.header.join(',') },
        `missing column: ${prefix}yyCD`,
      );
    const yy = re.exec(table.header[code]!)![1]!;
    const name = table.header.indexOf(`${prefix}${yy}NM`);
    if (name < 0)
      throw new SourceError(
        { file: table.file, line: 1, value: table.header.join(',') },
        `missing column: ${prefix}${yy}NM`,
      );
    year ??= yy;
    return { code, name };
  });
  return { cols, vintage: `20${year}` };
}

function areaAt(
  table: CsvTable,
  row: string[],
  line: number,
  col: { code: number; name: number },
  lv: (typeof LEVELS)[number],
  areas: Map<string, AreaRecord>,
): string {
  const areacd = row[col.code]!.trim();
  const areanm = row[col.name]!.trim();
  const where = { file: table.file, line, column: col.code + 1, value: areacd };
  if (!lv.code.test(areacd)) throw new SourceError(where, `not a ${lv.prefix} code`);
  // A LAU1 that is a whole district shares the LAD's code: one record per code and level.
  const key = `${lv.level}|${areacd}`;
  const known = areas.get(key);
  if (known && known.areanm !== areanm) {
    throw new SourceError({ ...where, column: col.name + 1, value: areanm }, `name differs for ${areacd}`);
  }
  if (!known) areas.set(key, { areacd, areanm, level: lv.level, start: null, end: null });
  return areacd;
}

function addLink(
  links: Map<string, AreaLink>,
  child: string,
  parent: string,
  childLevel: string,
  parentLevel: string,
  vintage: string,
): void {
  const key = `${childLevel}|${child}|${parent}`;
  if (!links.has(key))
    links.set(key, { child, parent, childLevel, parentLevel, vintage, weight: 1, rule: null });
}

function straddleNotes(ladItl3: AreaLink[], areas: Map<string, AreaRecord>): string[] {
  return ladItl3
    .filter((l) => l.rule !== null)
    .map(
      (l) =>
        `${l.child} ${areas.get(`ltla|${l.child}`)!.areanm} → ${l.parent}: weight ${l.weight.toFixed(4)} (${l.rule})`,
    );
}
