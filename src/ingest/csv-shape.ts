import { isUtf8 } from 'node:buffer';

/** A CSV file's records as the reference parser (csv.ts) finds them, without reading a field. */
export interface CsvShape {
  /** Fields in every record (the header's count). */
  fields: number;
  /** The 1-based line each record starts on: the header's first, then each data record's. */
  lines: Int32Array;
  /** The line ending outside quotes. */
  newline: '\n' | '\r\n';
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
/** DuckDB refuses a record longer than its max_line_size (2 MB); the reference reads those. */
const LONGEST_RECORD = 1 << 20;

/**
 * The records of a comma-separated UTF-8 file, found in one pass over its bytes, or null when
 * the file is anything but plain RFC 4180 text: not UTF-8 (a BOM is allowed), a NUL byte, line
 * endings other than one kind of `\n` or `\r\n` outside quotes, a quote inside an unquoted field
 * or text after a closing one, an unclosed quote, a record narrower or wider than the header,
 * fewer than two columns, a single line, a record over 1 MB. DuckDB's read_csv is laxer than the reference
 * (it drops a trailing empty field, takes a stray quote as text), so only files this accepts
 * go to it; the reference reads the rest and names their faults as it always has.
 */
export function csvShape(b: Uint8Array): CsvShape | null {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  // A second BOM would be dropped by the reference's decoder but kept by DuckDB.
  if (b[i] === 0xef && b[i + 1] === 0xbb && b[i + 2] === 0xbf) return null;
  if (b.indexOf(0) >= 0 || !isUtf8(b)) return null;
  const lines = new Lines();
  let crlf: boolean | null = null;
  let fields = -1;
  let line = 1;
  while (i < b.length) {
    const blank = crlf === true ? b[i] === CR && b[i + 1] === LF : crlf === false && b[i] === LF;
    if (blank) {
      i += crlf ? 2 : 1;
      line++;
      continue;
    }
    const start = i;
    const first = line;
    let n = 0;
    for (;;) {
      n++;
      const end = b[i] === QUOTE ? quoted(b, i) : unquoted(b, i);
      if (end < 0) return null;
      for (let k = i; k < end; k++) if (b[k] === LF) line++;
      i = end;
      if (i >= b.length) break;
      if (b[i] === COMMA) {
        i++;
        continue;
      }
      // The first line ending outside quotes sets the kind, as csv-parse's discovery does.
      if (crlf === null) crlf = b[i] === CR && b[i + 1] === LF ? true : b[i] === LF ? false : null;
      if (crlf === null) return null;
      if (crlf ? b[i] !== CR || b[i + 1] !== LF : b[i] !== LF) return null;
      i += crlf ? 2 : 1;
      line++;
      break;
    }
    if (fields < 0) fields = n;
    if (n !== fields || i - start > LONGEST_RECORD) return null;
    lines.push(first);
  }
  if (fields < 2 || crlf === null) return null;
  // DuckDB finds `\r\n` from the first line break in the file, quoted or not (given `\n`, it reads LF files right).
  if (crlf && !firstBreakIsCrlf(b)) return null;
  return { fields, lines: lines.done(), newline: crlf ? '\r\n' : '\n' };
}

function firstBreakIsCrlf(b: Uint8Array): boolean {
  const lf = b.indexOf(LF);
  const cr = b.indexOf(CR);
  return cr >= 0 && (lf < 0 || cr < lf) && b[cr + 1] === LF;
}

/** The offset just past a quoted field that starts at `i`, or -1 when it does not close cleanly. */
function quoted(b: Uint8Array, i: number): number {
  for (i++; i < b.length; i++) {
    if (b[i] !== QUOTE) continue;
    if (b[i + 1] === QUOTE) {
      i++;
      continue;
    }
    const next = b[i + 1];
    return next === undefined || next === COMMA || next === LF || next === CR ? i + 1 : -1;
  }
  return -1;
}

/** The offset where an unquoted field that starts at `i` ends, or -1 at a quote inside it. */
function unquoted(b: Uint8Array, i: number): number {
  for (; i < b.length; i++) {
    const c = b[i];
    if (c === COMMA || c === LF || c === CR) return i;
    if (c === QUOTE) return -1;
  }
  return i;
}

/** A growing list of line numbers. */
class Lines {
  private a = new Int32Array(1024);
  private n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const grown = new Int32Array(this.a.length * 2);
      grown.set(this.a);
      this.a = grown;
    }
    this.a[this.n++] = v;
  }
  done(): Int32Array {
    return this.a.subarray(0, this.n);
  }
}
