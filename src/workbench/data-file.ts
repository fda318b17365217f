import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { UsageError } from '../core/errors.ts';

/** One problem in a data file: its path in the file (`indicators.0.target.value`), where, and why. */
export interface FileIssue {
  path: string;
  line: number | null;
  column: number | null;
  message: string;
}

/** A data file (mission, floors, pipeline, registry) that fails its schema; every issue names its path. */
export class DataFileError extends UsageError {
  readonly file: string;
  readonly issues: FileIssue[];
  constructor(file: string, issues: FileIssue[]) {
    const where = (i: FileIssue) => (i.line === null ? '' : `${file}:${i.line}:${i.column}: `);
    super(
      `invalid ${file}: ${issues.map((i) => `${where(i)}${i.path}: ${i.message}`).join('; ')}`,
      'invalid_file',
      400,
      { issues: issues.map(({ path, message }) => ({ path, message })) },
    );
    this.name = 'DataFileError';
    this.file = file;
    this.issues = issues;
  }
}

/** A parsed YAML or JSON text and a way to find where a path lies in it. */
export interface ParsedFile {
  name: string;
  value: unknown;
  locate: (path: readonly PropertyKey[]) => { line: number; column: number } | null;
}

/** Parses YAML (JSON is YAML) keeping positions; a syntax error names its line. */
export function parseText(text: string, name: string): ParsedFile {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, merge: true, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const at = counter.linePos(e.pos[0]);
    throw new DataFileError(name, [
      { path: '(root)', line: at.line, column: at.col, message: e.message.split('\n')[0]! },
    ]);
  }
  return { name, value: doc.toJS({ maxAliasCount: 1000 }), locate: (path) => locate(doc, counter, path) };
}

/** Reads and parses a data file; a missing file is a usage error naming it. `name` is how messages call it. */
export function readDataFile(path: string, name = path): ParsedFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${name}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseText(text, name);
}

// The deepest node on the path that exists (a missing field is reported where its parent is).
function locate(doc: Document, counter: LineCounter, path: readonly PropertyKey[]) {
  for (let k = path.length; k >= 0; k--) {
    const node = k === 0 ? doc.contents : doc.getIn(path.slice(0, k) as unknown[], true);
    if (isNode(node) && node.range) {
      const at = counter.linePos(node.range[0]);
      return { line: at.line, column: at.col };
    }
  }
  return null;
}

/**
 * Validates a parsed file against a schema; every issue becomes a located, path-named error
 * (`values`: with the value found there, when it is short, for files a user writes by hand).
 */
export function validateFile<S extends z.ZodType>(
  file: ParsedFile,
  schema: S,
  opts: { values?: boolean } = {},
): z.output<S> {
  const result = schema.safeParse(file.value, { reportInput: opts.values ?? false });
  if (result.success) return result.data;
  throw new DataFileError(
    file.name,
    result.error.issues.map((i) => {
      const at = file.locate(i.path);
      return {
        path: i.path.map(String).join('.') || '(root)',
        line: at?.line ?? null,
        column: at?.column ?? null,
        message: opts.values ? i.message + valueText(i.input) : i.message,
      };
    }),
  );
}

/** ` (value: 2)`: a short value an issue was raised on, quoted as JSON; nothing for objects or long ones. */
function valueText(input: unknown): string {
  if (input === undefined) return ' (missing)';
  if (input !== null && typeof input === 'object') return '';
  const text = JSON.stringify(input);
  return text.length <= 80 ? ` (value: ${text})` : '';
}

/** A plain object (e.g. an HTTP body) as a ParsedFile without positions. */
export function fromValue(value: unknown, name: string): ParsedFile {
  return { name, value, locate: () => null };
}
