import { SourceError, type SourceLocation } from '../core/errors.ts';
import type { GpgEmployerReturn } from '../core/records.ts';
import { columnIndex, readCsv, requireRows, type CsvTable } from './csv.ts';
import { parseNumber } from './numbers.ts';
import { provenanceFor, type ReaderInput, type ReadResult } from './reader.ts';
import type { SourceFile } from './source-file.ts';

const READER = 'gpg-employers';
/** Bumped when the reader changes what it produces: datasets read by an older version are read again. */
export const VERSION = 1;
/** Employer size bands as the service publishes them, in its order. */
export const SIZE_BANDS = [
  'Less than 250',
  '250 to 499',
  '500 to 999',
  '1000 to 4999',
  '5000 to 19,999',
  '20,000 or more',
  'Not Provided',
] as const;
const SIZES = new Set<string>(SIZE_BANDS);
const FIGURES = {
  diffMeanHourly: 'DiffMeanHourlyPercent',
  diffMedianHourly: 'DiffMedianHourlyPercent',
  diffMeanBonus: 'DiffMeanBonusPercent',
  diffMedianBonus: 'DiffMedianBonusPercent',
  maleBonus: 'MaleBonusPercent',
  femaleBonus: 'FemaleBonusPercent',
  femaleLowerQuartile: 'FemaleLowerQuartile',
  femaleLowerMiddleQuartile: 'FemaleLowerMiddleQuartile',
  femaleUpperMiddleQuartile: 'FemaleUpperMiddleQuartile',
  femaleTopQuartile: 'FemaleTopQuartile',
} as const;
const QUARTILES = ['LowerQuartile', 'LowerMiddleQuartile', 'UpperMiddleQuartile', 'TopQuartile'] as const;
const COLUMNS = [
  'EmployerName',
  'EmployerId',
  'PostCode',
  'CompanyNumber',
  'SicCodes',
  'EmployerSize',
  'SubmittedAfterTheDeadline',
  'DateSubmitted',
  ...Object.values(FIGURES),
  ...QUARTILES.map((q) => `Male${q}`),
] as const;

type Parsed = { rec: GpgEmployerReturn; submitted: string; line: number; maleQuartiles: (number | null)[] };

/**
 * Government Equalities Office gender pay gap service, employer returns for one reporting
 * year. The period comes from `options.period` or the file name (`… - 2021 to 2022.csv` →
 * `2021-22`). `SicCodes` lists several codes split by commas and line breaks; they are kept
 * as published (`1` = dormant; some lost their leading zero). An employer that filed twice
 * keeps its latest return, with a warning; `options.partial` marks an incomplete download.
 */
export function readGpgEmployers(input: ReaderInput): ReadResult {
  const opts = input.source.options ?? {};
  const latest = new Map<string, Parsed>();
  const warnings: string[] = [];
  for (const file of input.files) {
    const period = periodOf(file, opts.period);
    const table = readCsv(file);
    requireRows(table);
    const col = columnIndex(table, COLUMNS);
    table.rows.forEach((row, r) => {
      const parsed = parseRow(table, col, row, table.lines[r]!, period);
      const key = `${period}|${parsed.rec.employerId}`;
      const had = latest.get(key);
      if (had && had.submitted === parsed.submitted) {
        throw new SourceError(
          { file: file.name, line: parsed.line, value: parsed.rec.employerId },
          `duplicate return (first at line ${had.line})`,
        );
      }
      if (had)
        warnings.push(
          `${file.name}:${parsed.line}: employer ${parsed.rec.employerId} filed again (line ${had.line}); the later return is kept`,
        );
      if (!had || parsed.submitted > had.submitted) latest.set(key, parsed);
      for (const w of quality(parsed, file.name)) warnings.push(w);
    });
  }
  if (opts.partial === true)
    warnings.unshift(`${input.source.id}: a partial download, not every employer's return for the year`);
  return {
    provenance: provenanceFor(input, READER, VERSION),
    records: { gpgEmployers: [...latest.values()].map((p) => p.rec) },
    checks: [],
    warnings,
  };
}

/** `UK Gender Pay Gap Data - 2021 to 2022.csv` → `2021-22`, unless the catalogue says otherwise. */
export function periodOf(file: SourceFile, option: unknown): string {
  if (typeof option === 'string') return option;
  const m = /(\d{4}) to (\d{4})/.exec(file.name);
  if (!m || Number(m[2]) !== Number(m[1]) + 1) {
    throw new SourceError(
      { file: file.name, value: file.name },
      'no reporting year in the file name (set options.period)',
    );
  }
  return `${m[1]}-${m[2]!.slice(2)}`;
}

function parseRow(
  table: CsvTable,
  col: Record<(typeof COLUMNS)[number], number>,
  row: string[],
  line: number,
  period: string,
): Parsed {
  const at = (c: number, value: unknown = row[c]): SourceLocation => ({
    file: table.file,
    line,
    column: c + 1,
    value,
  });
  const text = (c: number) => row[c]!.trim();
  const orNull = (c: number) => (text(c) === '' ? null : text(c));
  const employerId = text(col.EmployerId);
  if (!/^\d+$/.test(employerId)) throw new SourceError(at(col.EmployerId), 'not an employer id');
  const employerSize = text(col.EmployerSize);
  if (!SIZES.has(employerSize)) throw new SourceError(at(col.EmployerSize), 'unknown employer size band');
  const submitted = text(col.DateSubmitted);
  if (!/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/.test(submitted))
    throw new SourceError(at(col.DateSubmitted), 'not a submission time');
  const figures = Object.fromEntries(
    Object.entries(FIGURES).map(([key, name]) => [key, parseNumber(row[col[name]]!, at(col[name]))]),
  ) as Record<keyof typeof FIGURES, number | null>;
  return {
    line,
    submitted,
    maleQuartiles: QUARTILES.map((q) => parseNumber(row[col[`Male${q}`]]!, at(col[`Male${q}`]))),
    rec: {
      period,
      employerId,
      employerName: text(col.EmployerName),
      postcode: orNull(col.PostCode),
      companyNumber: orNull(col.CompanyNumber),
      sicCodes: sicCodes(row[col.SicCodes]!, at(col.SicCodes)),
      ...figures,
      employerSize,
      submittedLate: late(text(col.SubmittedAfterTheDeadline), at(col.SubmittedAfterTheDeadline)),
    },
  };
}

/** `"93110,\n93130,\n93290"` → `['93110', '93130', '93290']`. */
export function sicCodes(cell: string, where: SourceLocation): string[] {
  const codes = cell
    .split(/[,\r\n]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const bad = codes.find((c) => !/^\d{1,5}$/.test(c));
  if (bad !== undefined) throw new SourceError({ ...where, value: bad }, 'not a SIC code');
  return codes;
}

function late(text: string, where: SourceLocation): boolean | null {
  if (text === 'True') return true;
  if (text === 'False') return false;
  if (text === '') return null;
  throw new SourceError(where, 'not True or False');
}

/** Proportions outside 0–100, and male and female shares of a quartile that do not make 100. */
function quality(p: Parsed, file: string): string[] {
  const out: string[] = [];
  const r = p.rec;
  for (const key of [
    'maleBonus',
    'femaleBonus',
    'femaleLowerQuartile',
    'femaleLowerMiddleQuartile',
    'femaleUpperMiddleQuartile',
    'femaleTopQuartile',
  ] as const) {
    const v = r[key];
    if (v !== null && (v < 0 || v > 100))
      out.push(`${file}:${p.line}: employer ${r.employerId} ${FIGURES[key]} is ${v}, outside 0-100`);
  }
  const female = [
    r.femaleLowerQuartile,
    r.femaleLowerMiddleQuartile,
    r.femaleUpperMiddleQuartile,
    r.femaleTopQuartile,
  ];
  QUARTILES.forEach((q, k) => {
    const [m, f] = [p.maleQuartiles[k], female[k]];
    // Each share is rounded to 0.1 or 0.01, so the pair may miss 100 by up to 0.1.
    if (m != null && f != null && Math.abs(m + f - 100) > 0.11) {
      out.push(`${file}:${p.line}: employer ${r.employerId} Male${q} + Female${q} = ${m + f}, not 100`);
    }
  });
  return out;
}
