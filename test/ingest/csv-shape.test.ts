// csv-shape decides which CSV files DuckDB's read_csv may read in place of the reference parser
// (csv.ts): for every file it accepts, the reference must read the same records, starting on the
// same lines, and DuckDB must load exactly those fields. Checked on hand-made cases and on
// thousands of seeded random texts built from the characters that matter.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { readCsv } from '../../src/ingest/csv.ts';
import { csvShape } from '../../src/ingest/csv-shape.ts';
import { Staging } from '../../src/ingest/staging-sql.ts';
import { sourceFromBytes } from '../../src/ingest/source-file.ts';
import { createRandom } from '../../src/models/random.ts';
import { closeStore, openStore, query, sqlSession } from '../../src/store/db.ts';
import { diskInput } from '../helpers/native-agree.ts';

const shape = (text: string | Uint8Array) => {
  const s = csvShape(typeof text === 'string' ? Buffer.from(text) : text);
  return s && { fields: s.fields, lines: [...s.lines] };
};

describe('csvShape', () => {
  it('finds the line each record starts on, across quoted line breaks, blank lines, CRLF and a BOM', () => {
    assert.deepEqual(shape('a,b\n1,"x\ny"\n2,z\n3,"p\r\nq"\n\n4,w\n'), { fields: 2, lines: [1, 2, 4, 5, 8] });
    assert.deepEqual(shape('\uFEFFa,b\r\n£1,"x\r\ny"\r\n\r\n2,z'), { fields: 2, lines: [1, 2, 5] });
    assert.deepEqual(shape('a,"b"\n"1","2"""'), { fields: 2, lines: [1, 2] });
  });
  const declined: [string, string | Uint8Array][] = [
    ['an empty file', ''],
    ['one column', 'a\n1\n'],
    ['a short record', 'a,b\n1\n'],
    ['a trailing comma', 'a,b\n1,2,\n'],
    ['a quote inside a field', 'a,b\n1,x"y\n'],
    ['a space before a quote', 'a,b\n1, "x"\n'],
    ['text after a closing quote', 'a,b\n1,"x"y\n'],
    ['an unclosed quote', 'a,b\n1,"x\n'],
    ['mixed line endings', 'a,b\r\n1,2\n'],
    ['a bare CR', 'a,b\n1,2\r3,4\n'],
    ['old Mac line endings', 'a,b\r1,2\r'],
    ['a whitespace-only line', 'a,b\n1,2\n \n'],
    ['a NUL byte', 'a,b\n1,\0\n'],
    ['bytes that are not UTF-8', Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xe9, 0x2c, 0x31, 0x0a])],
    ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')])],
    ['two BOMs', '\uFEFF\uFEFFa,b\n1,2\n'],
  ];
  for (const [name, text] of declined) it(`declines ${name}`, () => assert.equal(shape(text), null));
});

/** Random CSV-like text: fields from a small alphabet of the characters that matter. */
function randomCsv(rng: ReturnType<typeof createRandom>): string {
  const alphabet = ['a', 'b', ' ', ',', '"', '""', '\n', '\r\n', '\r', '£', '1,5'];
  const quoted = () =>
    `"${Array.from({ length: rng.next() % 4 }, () => alphabet[rng.next() % alphabet.length]).join('')}"`;
  const plain = () => ['', 'x', 'y z', '12', ' p '][rng.next() % 5]!;
  const width = 2 + (rng.next() % 2);
  const eol = rng.uniform() < 0.5 ? '\n' : '\r\n';
  const records = Array.from({ length: 1 + (rng.next() % 4) }, () =>
    Array.from({ length: width }, () => (rng.uniform() < 0.4 ? quoted() : plain())).join(','),
  );
  let text = records.join(eol) + (rng.uniform() < 0.7 ? eol : '');
  // Now and then a fault: a character dropped, doubled or inserted anywhere.
  if (rng.uniform() < 0.5) {
    const at = rng.next() % (text.length + 1);
    const ch = alphabet[rng.next() % alphabet.length]!;
    text = [text.slice(0, at) + ch + text.slice(at), text.slice(0, at) + text.slice(at + 1)][rng.next() % 2]!;
  }
  return (rng.uniform() < 0.2 ? '\uFEFF' : '') + text;
}

describe('csvShape against the reference parser and DuckDB', () => {
  const store = openStore(':memory:');
  after(async () => closeStore(await store));

  it('accepts only what the reference reads alike, on 4000 random texts', () => {
    const rng = createRandom(20260101);
    let accepted = 0;
    for (let k = 0; k < 4000; k++) {
      const text = randomCsv(rng);
      const s = shape(text);
      if (!s) continue;
      accepted++;
      const ref = readCsv(sourceFromBytes('t.csv', text));
      assert.equal(ref.header.length, s.fields, JSON.stringify(text));
      assert.deepEqual(s.lines.slice(1), ref.lines, JSON.stringify(text));
    }
    assert.ok(accepted > 1000, `only ${accepted} accepted`);
  });

  it('has DuckDB load the same fields as the reference for 300 accepted texts', async () => {
    const rng = createRandom(7);
    const sql = sqlSession(await store);
    for (let done = 0; done < 300;) {
      const text = randomCsv(rng);
      if (!shape(text)) continue;
      done++;
      const { input, done: clean } = diskInput({ 't.csv': text });
      try {
        const staging = new Staging(sql);
        const staged = await staging.csv(input.files[0]!).catch((e: Error) => {
          throw new Error(`${JSON.stringify(text)}: ${e.message}`);
        });
        assert.ok(staged, JSON.stringify(text));
        const cols = Array.from({ length: staged.header.length }, (_, c) => `coalesce(c${c}, '')`).join(', ');
        const rows = await query<{ f: string[] }>(
          await store,
          `SELECT [${cols}] AS f FROM ${staged.table} ORDER BY r`,
        );
        const ref = readCsv(input.files[0]!);
        assert.deepEqual(staged.header, ref.header, JSON.stringify(text));
        assert.deepEqual(
          rows.slice(1).map((x) => x.f),
          ref.rows,
          JSON.stringify(text),
        );
        await staging.drop();
      } finally {
        clean();
      }
    }
  });
});
