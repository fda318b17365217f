// The record layer of the pabulib `.pb` format: `;`-separated fields, standard CSV quoting
// ("" inside a quoted field), CRLF, LF or CR line ends (published files mix them).

/** One line of fields and the 1-based line of the file it starts on. */
export interface PbRecord {
  line: number;
  fields: string[];
}

/** Splits text into records; a quoted field may hold `;`, quotes and line breaks. */
export function splitRecords(text: string, onError: (line: number, reason: string) => never): PbRecord[] {
  const out: PbRecord[] = [];
  let at = 0;
  let line = 1;
  while (at < text.length) {
    let end = at;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const raw = text.slice(at, end);
    if (raw.includes('"')) {
      // Rare: a quoted field, possibly spanning lines.
      const r = quotedRecord(text, at, line, onError);
      if (r.fields.length > 1 || r.fields[0] !== '') out.push({ line, fields: r.fields });
      line = r.line;
      at = r.at;
      continue;
    }
    if (raw.trim() !== '') out.push({ line, fields: raw.split(';').map((f) => f.trim()) });
    at = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
    line++;
  }
  return out;
}

/** One record from `at`, character by character; returns it, the next line number and offset. */
function quotedRecord(
  text: string,
  at: number,
  line: number,
  onError: (line: number, reason: string) => never,
): { fields: string[]; line: number; at: number } {
  const start = line;
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let i = at;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"') {
      if (field.trim() !== '' || wasQuoted) onError(line, 'quote inside an unquoted field');
      quoted = wasQuoted = true;
      field = '';
    } else if (ch === ';') {
      fields.push(wasQuoted ? field : field.trim());
      field = '';
      wasQuoted = false;
    } else if (ch === '\r' || ch === '\n') break;
    else if (wasQuoted && ch.trim() !== '') onError(line, 'text after a closing quote');
    else if (!wasQuoted) field += ch;
  }
  if (quoted) onError(start, 'unclosed quote');
  fields.push(wasQuoted ? field : field.trim());
  const next = i + (text[i] === '\r' && text[i + 1] === '\n' ? 2 : i < text.length ? 1 : 0);
  return { fields, line: line + 1, at: next };
}

function quote(value: string): string {
  if (!/[;"\r\n]/.test(value) && value.trim() === value) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

/** One `.pb` line (no line end), quoting only the fields that need it. */
export function joinRecord(fields: readonly string[]): string {
  return fields.map(quote).join(';');
}
