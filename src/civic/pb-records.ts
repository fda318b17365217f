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
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"') {
      if (field.trim() !== '') onError(line, 'quote inside an unquoted field');
      quoted = wasQuoted = true;
      field = '';
    } else if (ch === ';') {
      fields.push(wasQuoted ? field : field.trim());
      field = '';
      wasQuoted = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(wasQuoted ? field : field.trim());
      out.push({ line: start, fields });
      fields = [];
      field = '';
      wasQuoted = false;
      start = ++line;
    } else {
      if (wasQuoted && ch.trim() !== '') onError(line, 'text after a closing quote');
      if (!wasQuoted) field += ch;
    }
  }
  if (quoted) onError(start, 'unclosed quote');
  if (field !== '' || fields.length > 0 || wasQuoted) {
    fields.push(wasQuoted ? field : field.trim());
    out.push({ line: start, fields });
  }
  return out.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
}

function quote(value: string): string {
  if (!/[;"\r\n]/.test(value) && value.trim() === value) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

/** One `.pb` line (no line end), quoting only the fields that need it. */
export function joinRecord(fields: readonly string[]): string {
  return fields.map(quote).join(';');
}
