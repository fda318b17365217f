import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sourceFromBytes } from '../../src/ingest/source-file.ts';
import { decodeText } from '../../src/ingest/text.ts';

const file = (...lines: (string | number[])[]) =>
  sourceFromBytes(
    'a.csv',
    Buffer.concat(lines.map((l) => Buffer.concat([Buffer.from(l as never), Buffer.from('\n')]))),
  );

describe('decodeText', () => {
  it('decodes UTF-8 with a BOM, and Windows-1252 when declared', () => {
    assert.equal(decodeText(sourceFromBytes('a.csv', '\uFEFFa,£\n')), 'a,£\n');
    assert.equal(decodeText(sourceFromBytes('a.csv', Buffer.from([0x61, 0xa3])), 'windows-1252'), 'a£');
  });

  // Each sequence has well-formed lead and continuation bits but is not UTF-8; the fatal decoder
  // refuses it, and the message must point at its line, not at line 1.
  for (const [what, bytes] of [
    ['a Latin-1 byte', [0xe9, 0x74, 0xe9]],
    ['an overlong form', [0xe0, 0x80, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['an overlong four-byte form', [0xf0, 0x80, 0x80, 0xaf]],
  ] as const) {
    it(`names the line of ${what}`, () => {
      assert.throws(
        () => decodeText(file('a,b', '1,ok', [0x32, 0x2c, ...bytes])),
        new RegExp(`^SourceError: a\\.csv:3: not valid UTF-8 \\(value "0x${bytes[0].toString(16)}"\\)$`),
      );
    });
  }
});
