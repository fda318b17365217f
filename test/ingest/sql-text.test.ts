// The SQL expressions that stand in for the reference readers' JS, and the one way a file path
// enters SQL text.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { JS_SPACE, numberSql, sqlFilePath, trimmed } from '../../src/ingest/sql-text.ts';
import { parseNumber } from '../../src/ingest/numbers.ts';
import { sqlString } from '../../src/ingest/reader.ts';
import { closeStore, openStore, query } from '../../src/store/db.ts';

describe('sqlFilePath', () => {
  it('quotes a path, doubling its quotes', () => {
    assert.equal(sqlFilePath("/data/it's.csv"), "'/data/it''s.csv'");
    assert.equal(sqlFilePath("/d/'; DROP TABLE x; --.csv"), "'/d/''; DROP TABLE x; --.csv'");
  });
  it('makes a relative path absolute, so DuckDB never expands a leading ~ or opens a URL', () => {
    assert.equal(sqlFilePath('~/x.csv'), sqlString(`${process.cwd()}/~/x.csv`));
    assert.equal(sqlFilePath('s3://bucket/x.csv'), sqlString(`${process.cwd()}/s3:/bucket/x.csv`));
  });
  for (const p of ['/d/*.csv', '/d/a?.csv', '/d/a[1].csv', '/d/a].csv', '/d/a\0b'])
    it(`declines ${JSON.stringify(p)}, which DuckDB would not open as one local file`, () =>
      assert.equal(sqlFilePath(p), null));
});

describe('trimmed and numberSql against String.trim and parseNumber', () => {
  const store = openStore(':memory:');
  after(async () => closeStore(await store));
  const cells = [
    '',
    'x',
    ' x ',
    '\u00a0x\u3000',
    '\ufeffx',
    'a b',
    '\tx\n',
    'é',
    ' é',
    '"3,317"',
    '3,317',
    '10,13',
    '-1,234.5',
    '1e3',
    '.5',
    '5.',
    '+7',
    'n/a',
    '1e999',
    JS_SPACE,
  ];
  it('trims every cell as String.prototype.trim does', async () => {
    const got = await query<{ t: string }>(
      await store,
      `SELECT ${trimmed('c')} AS t FROM (SELECT unnest([${cells.map(sqlString).join(', ')}, NULL]) AS c)`,
    );
    assert.deepEqual(
      got.map((r) => r.t),
      [...cells.map((c) => c.trim()), ''],
    );
  });
  it('accepts and reads the numbers parseNumber accepts', async () => {
    const num = numberSql('t');
    const got = await query<{ ok: boolean; v: number | null }>(
      await store,
      `SELECT ${num.ok} AS ok, ${num.value} AS v FROM (SELECT unnest([${cells.map((c) => sqlString(c.trim())).join(', ')}]) AS t)`,
    );
    const want = cells.map((c) => {
      try {
        const v = parseNumber(c.trim(), { file: 'f' });
        return Number.isFinite(v ?? 0) ? { ok: true, v } : { ok: false, v: null };
      } catch {
        return { ok: false, v: null };
      }
    });
    assert.deepEqual(
      got.map((r) => (r.ok ? { ok: true, v: r.v } : { ok: false, v: null })),
      want,
    );
  });
});
