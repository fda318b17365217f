// The pabulib `.pb` format (Stolicki, Szufa & Talmon, "Pabulib: A Participatory Budgeting
// Library", 2020; the field list at pabulib.org/format): META (key;value), PROJECTS and VOTES
// sections, each a header line then rows. Every column is kept, so a file written back holds
// what was read; only the fields the tallies need are checked and typed.
import { SourceError } from '../core/errors.ts';
import { decimalPlaces } from './money.ts';
import { joinRecord, splitRecords, type PbRecord } from './pb-records.ts';

export const VOTE_TYPES = ['approval', 'ordinal', 'cumulative', 'scoring', 'choose-1'] as const;
export type VoteType = (typeof VOTE_TYPES)[number];

/** A project row: id, cost as published decimal text, and every column by name. */
export interface PbProject {
  id: string;
  cost: string;
  fields: Record<string, string>;
}

/** A voter row: the projects named in `vote` (in order), `points` when the vote type has them. */
export interface PbVote {
  voterId: string;
  vote: string[];
  points?: number[];
  fields: Record<string, string>;
}

/** A parsed `.pb` file. `meta` keeps the file's key order. */
export interface PbInstance {
  meta: Record<string, string>;
  voteType: VoteType;
  budget: string;
  projectColumns: string[];
  projects: PbProject[];
  voteColumns: string[];
  votes: PbVote[];
}

type Fail = (line: number | undefined, reason: string, value?: unknown) => never;

function failer(file: string, section: string): Fail {
  return (line, reason, value) => {
    const loc = value === undefined ? { file, line } : { file, line, value };
    throw new SourceError(loc, `${section}: ${reason}`);
  };
}

/** Parses `.pb` text; throws SourceError naming file, line, section and value on any defect. */
export function parsePb(text: string, file: string): PbInstance {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records = splitRecords(body, (line, reason) => failer(file, 'file')(line, reason));
  const sections = splitSections(records, failer(file, 'file'));
  const meta = readMeta(sections.META!, failer(file, 'META'));
  const failM = failer(file, 'META');
  const budget = meta.budget;
  if (budget === undefined) failM(sections.META![0]!.line, 'missing budget');
  checkAmount(budget, sections.META![0]!.line, 'budget', failM);
  const voteType = meta.vote_type as VoteType;
  if (voteType === undefined) failM(sections.META![0]!.line, 'missing vote_type');
  if (!VOTE_TYPES.includes(voteType)) failM(undefined, 'unknown vote_type', voteType);
  const projects = readProjects(sections.PROJECTS!, failer(file, 'PROJECTS'));
  const votes = readVotes(sections.VOTES!, voteType, projects.rows, failer(file, 'VOTES'));
  return {
    meta,
    voteType,
    budget,
    projectColumns: projects.columns,
    projects: projects.rows,
    voteColumns: votes.columns,
    votes: votes.rows,
  };
}

const SECTION_NAMES = ['META', 'PROJECTS', 'VOTES'];

function splitSections(records: PbRecord[], fail: Fail): Record<string, PbRecord[]> {
  const out: Record<string, PbRecord[]> = {};
  let current: PbRecord[] | undefined;
  for (const r of records) {
    const title = r.fields.length === 1 ? r.fields[0]!.toUpperCase() : '';
    if (SECTION_NAMES.includes(title)) {
      const expected = SECTION_NAMES[Object.keys(out).length];
      if (title !== expected) fail(r.line, `section ${title} where ${expected ?? 'nothing more'} was due`);
      out[title] = current = [];
    } else if (!current) fail(r.line, 'text before the META section', r.fields.join(';'));
    else current.push(r);
  }
  for (const name of SECTION_NAMES) if (!out[name]) fail(undefined, `missing section ${name}`);
  for (const name of SECTION_NAMES)
    if (out[name]!.length === 0) fail(undefined, `section ${name} has no header`);
  return out;
}

function checkAmount(text: string, line: number, what: string, fail: Fail): void {
  try {
    decimalPlaces(text);
  } catch {
    fail(line, `${what} is not a non-negative decimal number`, text);
  }
}

function readMeta(rows: PbRecord[], fail: Fail): Record<string, string> {
  const [header, ...data] = rows;
  if (header!.fields.join(';').toLowerCase() !== 'key;value')
    fail(header!.line, 'header must be key;value', header!.fields.join(';'));
  const meta: Record<string, string> = {};
  for (const r of data) {
    if (r.fields.length !== 2)
      fail(r.line, `expected 2 fields, found ${r.fields.length}`, r.fields.join(';'));
    const [key, value] = r.fields as [string, string];
    if (key in meta) fail(r.line, 'duplicate key', key);
    meta[key] = value;
  }
  return meta;
}

function table(rows: PbRecord[], required: string[], fail: Fail): { columns: string[]; data: PbRecord[] } {
  const [header, ...data] = rows;
  const columns = header!.fields;
  for (const name of required) if (!columns.includes(name)) fail(header!.line, `missing column ${name}`);
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c)) fail(header!.line, 'duplicate column', c);
    seen.add(c);
  }
  for (const r of data)
    if (r.fields.length !== columns.length)
      fail(r.line, `expected ${columns.length} fields, found ${r.fields.length}`, r.fields.join(';'));
  return { columns, data };
}

function record(columns: string[], fields: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  columns.forEach((c, i) => (out[c] = fields[i]!));
  return out;
}

function readProjects(rows: PbRecord[], fail: Fail): { columns: string[]; rows: PbProject[] } {
  const { columns, data } = table(rows, ['project_id', 'cost'], fail);
  const out: PbProject[] = [];
  const ids = new Set<string>();
  for (const r of data) {
    const fields = record(columns, r.fields);
    const id = fields.project_id!;
    if (id === '') fail(r.line, 'empty project_id');
    if (ids.has(id)) fail(r.line, 'duplicate project_id', id);
    ids.add(id);
    checkAmount(fields.cost!, r.line, 'cost', fail);
    out.push({ id, cost: fields.cost!, fields });
  }
  return { columns, rows: out };
}

function readVotes(
  rows: PbRecord[],
  voteType: VoteType,
  projects: PbProject[],
  fail: Fail,
): { columns: string[]; rows: PbVote[] } {
  const { columns, data } = table(rows, ['voter_id', 'vote'], fail);
  const needPoints = voteType === 'cumulative' || voteType === 'scoring';
  if (needPoints && !columns.includes('points'))
    fail(rows[0]!.line, `missing column points for ${voteType} votes`);
  const known = new Set(projects.map((p) => p.id));
  const voters = new Set<string>();
  const out: PbVote[] = [];
  for (const r of data) {
    const fields = record(columns, r.fields);
    const voterId = fields.voter_id!;
    if (voters.has(voterId)) fail(r.line, 'duplicate voter_id', voterId);
    voters.add(voterId);
    const vote = splitList(fields.vote!);
    const unique = new Set(vote);
    if (unique.size !== vote.length) fail(r.line, 'project named twice in one vote', fields.vote);
    for (const id of vote) if (!known.has(id)) fail(r.line, 'vote for a project not in PROJECTS', id);
    const row: PbVote = { voterId, vote, fields };
    if (needPoints || (fields.points ?? '') !== '')
      row.points = readPoints(fields.points ?? '', vote, r.line, fail);
    out.push(row);
  }
  return { columns, rows: out };
}

function splitList(text: string): string[] {
  return text === '' ? [] : text.split(',').map((s) => s.trim());
}

function readPoints(text: string, vote: string[], line: number, fail: Fail): number[] {
  const points = splitList(text).map((s) =>
    /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : fail(line, 'points value is not a number', s),
  );
  if (points.length !== vote.length)
    fail(line, `vote names ${vote.length} projects but points has ${points.length} values`, text);
  return points;
}

/** Writes a `.pb` file (CRLF line ends, quoting only where needed); `parsePb` reads it back unchanged. */
export function writePb(pb: PbInstance): string {
  const lines = ['META', 'key;value'];
  for (const [k, v] of Object.entries(pb.meta)) lines.push(joinRecord([k, v]));
  lines.push('PROJECTS', joinRecord(pb.projectColumns));
  for (const p of pb.projects) lines.push(joinRecord(pb.projectColumns.map((c) => p.fields[c] ?? '')));
  lines.push('VOTES', joinRecord(pb.voteColumns));
  for (const v of pb.votes) lines.push(joinRecord(pb.voteColumns.map((c) => v.fields[c] ?? '')));
  return lines.join('\r\n') + '\r\n';
}
