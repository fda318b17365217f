/** Where in a source file something went wrong: a CSV line/column or a spreadsheet cell. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number | string;
  /** Spreadsheet sheet name, for workbook readers. */
  sheet?: string;
  /** Spreadsheet cell reference such as `B7`. */
  cell?: string;
  /** The offending value, quoted in the message. */
  value?: unknown;
}

function quote(value: unknown): string {
  const raw = typeof value === 'string' && value.length > 80 ? `${value.slice(0, 77)}...` : value;
  const text = JSON.stringify(raw);
  return text === undefined ? String(value) : text;
}

/** Formats `file:line:column` (or `file!Sheet!B7`) followed by the reason and the value. */
export function formatLocation(loc: SourceLocation): string {
  let where = loc.file;
  if (loc.sheet !== undefined) where += `!${loc.sheet}`;
  if (loc.cell !== undefined) where += `!${loc.cell}`;
  if (loc.line !== undefined) where += `:${loc.line}`;
  if (loc.column !== undefined) where += `:${loc.column}`;
  return where;
}

/** A problem in an input file, pinned to its place; readers throw nothing else for bad data. */
export class SourceError extends Error {
  readonly location: SourceLocation;
  constructor(location: SourceLocation, reason: string) {
    const value = 'value' in location ? ` (value ${quote(location.value)})` : '';
    super(`${formatLocation(location)}: ${reason}${value}`);
    this.name = 'SourceError';
    this.location = location;
  }
}

/** A request the caller got wrong (unknown area code, bad parameter); edges map it to exit 2 / HTTP 400-422. */
export class UsageError extends Error {
  readonly code: string;
  readonly status: 400 | 404 | 409 | 422;
  /** What a program needs to act on it (the issues of a file, the gaps in a table), sent as the error's `details`. */
  readonly details?: unknown;
  constructor(message: string, code = 'bad_request', status: 400 | 404 | 409 | 422 = 400, details?: unknown) {
    super(message);
    this.name = 'UsageError';
    this.code = code;
    this.status = status;
    if (details !== undefined) this.details = details;
  }
}

/** Shorthand for an unknown code or name. */
export function notFound(what: string, value: string): UsageError {
  return new UsageError(`unknown ${what}: ${value}`, 'not_found', 404);
}
