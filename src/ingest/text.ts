import { SourceError } from '../core/errors.ts';
import type { SourceFile } from './source-file.ts';

export type TextEncoding = 'utf-8' | 'windows-1252';

/**
 * Decodes a text file strictly: refuses empty files, UTF-16, and bytes that are not valid
 * in the declared encoding, naming the line where the first bad byte sits. Strips a BOM.
 */
export function decodeText(file: SourceFile, encoding: TextEncoding = 'utf-8'): string {
  const b = file.bytes;
  if (b.length === 0) throw new SourceError({ file: file.name }, 'empty file');
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    throw new SourceError({ file: file.name, line: 1 }, 'file is UTF-16 encoded; expected ' + encoding);
  }
  const start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const body = b.subarray(start);
  if (body.includes(0)) {
    throw new SourceError(
      { file: file.name, line: lineAt(body, body.indexOf(0)) },
      'binary data (NUL byte) in a text file',
    );
  }
  if (encoding === 'windows-1252') return new TextDecoder('windows-1252').decode(body);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8(body);
    throw new SourceError(
      { file: file.name, line: lineAt(body, at), value: `0x${body[at]!.toString(16)}` },
      'not valid UTF-8',
    );
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * The offset of the first byte sequence that is not UTF-8, by the same rules as the fatal
 * decoder: no overlong forms (E0 80, F0 80), no surrogates (ED A0) and nothing past U+10FFFF (F4 90).
 */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need =
      c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    // The second byte's range narrows after E0, ED, F0 and F4; every other continuation is 80–BF.
    const [lo, hi] =
      c === 0xe0
        ? [0xa0, 0xbf]
        : c === 0xed
          ? [0x80, 0x9f]
          : c === 0xf0
            ? [0x90, 0xbf]
            : c === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    for (let k = 1; k <= need; k++) {
      const next = b[i + k];
      if (next === undefined || next < (k === 1 ? lo : 0x80) || next > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return 0;
}
