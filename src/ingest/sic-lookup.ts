import { SourceError, type SourceLocation } from '../core/errors.ts';
import type { SicEntry } from '../core/records.ts';
import { sectionOf } from '../core/sic.ts';
import { columnIndex, readCsv, requireRows, type CsvTable } from './csv.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';
import type { TextEncoding } from './text.ts';

const READER = 'sic-lookup';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 1;
type Level = SicEntry['level'];
type Found = SicEntry & { where: SourceLocation; parentLevel: Level | null };

/** The Government Equalities Office tables, one per level: code column, name column, parent column. */
const GEO: { level: Level; code: string; name: string; parent: string | null }[] = [
  { level: 'section', code: 'SICSection', name: 'SectionDescription', parent: null },
  { level: 'division', code: 'SICDivision', name: 'DivisionDescription', parent: 'SICSection' },
  { level: 'group', code: 'SICGroup', name: 'GroupDescription', parent: 'SICDivision' },
  { level: 'class', code: 'SICClass', name: 'ClassDescription', parent: 'SICGroup' },
  { level: 'subclass', code: 'SICSubclass', name: 'SubclassDescription', parent: 'SICClass' },
];
const PATTERN: Record<Level, RegExp> = {
  section: /^[A-U]$/,
  division: /^\d{2}$/,
  group: /^\d{3}$/,
  class: /^\d{4}$/,
  subclass: /^\d{5}$/,
};

/**
 * SIC 2007 hierarchies: the ONS `SIClookup.csv` (5-digit → 3-digit → 2-digit → section, names
 * prefixed `01 : `; not UTF-8, so the catalogue sets `encoding: windows-1252`) and the
 * Government Equalities Office tables `SICSections.csv` … `SICSubclasses.csv` (dotted codes
 * `01.1`, `01.11`, `01.62/1`). Codes are stored without dots (`011`, `0111`, `01621`) so both
 * sources share one key; the ONS lookup's 5-digit codes are subclasses whose parent is the group.
 */
export function readSicLookup(input: ReaderInput): ReadResult {
  const encoding = encodingOf(input.source.options?.encoding);
  const found = new Map<string, Found>();
  for (const file of input.files) {
    const table = readCsv(file, { encoding });
    requireRows(table);
    if (table.header.includes('SIC_5DIGIT_CODE')) readOnsLookup(table, found);
    else {
      const kind = GEO.find((k) => table.header[0] === k.code);
      if (!kind)
        throw new SourceError({ file: file.name, line: 1, value: table.header.join(',') }, 'not a SIC table');
      readGeoTable(table, kind, found);
    }
  }
  const sic = [...found.values()];
  requireParents(sic, found);
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: { sic: sic.map(({ where: _where, parentLevel: _parentLevel, ...entry }) => entry) },
    checks: [],
    warnings: [],
  };
}

function readOnsLookup(table: CsvTable, found: Map<string, Found>): void {
  const col = columnIndex(table, [
    'SIC_SECTION_LETTER',
    'SIC_SECTION_NAME',
    'SIC_2DIGIT_CODE',
    'SIC_2DIGIT_NAME',
    'SIC_3DIGIT_CODE',
    'SIC_3DIGIT_NAME',
    'SIC_5DIGIT_CODE',
    'SIC_5DIGIT_NAME',
  ]);
  table.rows.forEach((row, r) => {
    const at = (c: number): SourceLocation => ({ file: table.file, line: table.lines[r]!, column: c + 1 });
    const cell = (c: number) => row[c]!.trim();
    const section = cell(col.SIC_SECTION_LETTER);
    const division = cell(col.SIC_2DIGIT_CODE);
    const group = cell(col.SIC_3DIGIT_CODE);
    const sub = cell(col.SIC_5DIGIT_CODE);
    const name = (code: string, c: number) => unprefix(code, cell(c), at(c));
    add(
      found,
      entry('section', section, cell(col.SIC_SECTION_NAME), null, null),
      at(col.SIC_SECTION_LETTER),
      true,
    );
    add(
      found,
      entry('division', division, name(division, col.SIC_2DIGIT_NAME), section, 'section'),
      at(col.SIC_2DIGIT_CODE),
      true,
    );
    add(
      found,
      entry('group', group, name(group, col.SIC_3DIGIT_NAME), division, 'division'),
      at(col.SIC_3DIGIT_CODE),
      true,
    );
    // The 5-digit list skips the class level: its parent is the group.
    add(
      found,
      entry('subclass', sub, name(sub, col.SIC_5DIGIT_NAME), group, 'group'),
      at(col.SIC_5DIGIT_CODE),
      false,
    );
  });
}

function readGeoTable(table: CsvTable, kind: (typeof GEO)[number], found: Map<string, Found>): void {
  const names = [
    kind.code,
    kind.name,
    ...(kind.parent ? [kind.parent] : []),
    ...(kind.level === 'section' ? [] : ['SICCode']),
  ];
  const col = columnIndex(table, names);
  table.rows.forEach((row, r) => {
    const at = (c: number): SourceLocation => ({ file: table.file, line: table.lines[r]!, column: c + 1 });
    const published = row[col[kind.code]!]!.trim();
    const code = kind.level === 'subclass' ? row[col.SICCode!]!.trim() : published.replace('.', '');
    if (kind.level !== 'section' && !row[col.SICCode!]!.trim().startsWith(code)) {
      throw new SourceError(
        { ...at(col.SICCode!), value: row[col.SICCode!] },
        `SICCode does not match ${published}`,
      );
    }
    if (kind.level === 'subclass' && published.replace(/[./]/g, '') !== code) {
      throw new SourceError(
        { ...at(col[kind.code]!), value: published },
        `subclass does not match SICCode ${code}`,
      );
    }
    const parent = kind.parent ? row[col[kind.parent]!]!.trim().replace('.', '') : null;
    const parentLevel = GEO[GEO.indexOf(kind) - 1]?.level ?? null;
    add(
      found,
      entry(kind.level, code, row[col[kind.name]!]!.trim(), parent, parentLevel),
      at(col[kind.code]!),
      false,
    );
  });
}

function entry(level: Level, code: string, name: string, parent: string | null, parentLevel: Level | null) {
  return { level, code, name, parent, parentLevel };
}

function add(
  found: Map<string, Found>,
  e: Omit<Found, 'where'>,
  where: SourceLocation,
  repeats: boolean,
): void {
  const { level, code, name, parent } = e;
  if (!PATTERN[level].test(code)) throw new SourceError({ ...where, value: code }, `not a SIC ${level} code`);
  if (parent !== null && level !== 'division' && !code.startsWith(parent)) {
    throw new SourceError({ ...where, value: `${code} in ${parent}` }, `${level} not inside its parent`);
  }
  if (level === 'division' && knownSection(code) !== parent) {
    throw new SourceError(
      { ...where, value: `${code} in ${parent}` },
      `division belongs to section ${knownSection(code)}`,
    );
  }
  const key = `${level}|${code}`;
  const had = found.get(key);
  if (had && (!repeats || had.name !== name || had.parent !== parent)) {
    throw new SourceError(
      { ...where, value: code },
      `duplicate SIC ${level} (first at line ${had.where.line})`,
    );
  }
  if (!had) found.set(key, { ...e, where });
}

/** `01 : Crop and animal production` → `Crop and animal production`, checking the prefix is the code. */
function unprefix(code: string, name: string, where: SourceLocation): string {
  const m = /^(\S+) : (.*)$/.exec(name);
  if (!m || m[1] !== code)
    throw new SourceError({ ...where, value: name }, `name does not start with "${code} : "`);
  return m[2]!.trim();
}

function knownSection(division: string): string | null {
  try {
    return sectionOf(division);
  } catch {
    return null;
  }
}

function requireParents(sic: Found[], found: Map<string, Found>): void {
  for (const e of sic) {
    if (e.parentLevel !== null && !found.has(`${e.parentLevel}|${e.parent}`)) {
      throw new SourceError({ ...e.where, value: e.parent }, `parent ${e.parentLevel} not in the tables`);
    }
  }
}

function encodingOf(option: unknown): TextEncoding {
  if (option === undefined || option === 'utf-8' || option === 'windows-1252') return option ?? 'utf-8';
  throw new Error(`invalid encoding: ${String(option)}`);
}
