import { isAbsolute, resolve } from 'node:path';
import { sqlString } from './reader.ts';

/**
 * SQL (DuckDB) expressions that do to a staged text cell what the reference readers do in JS,
 * so a native reader and its reference read every cell alike. Each takes a SQL expression.
 */

/** The characters String.prototype.trim removes: ECMAScript WhiteSpace and LineTerminator. */
export const JS_SPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/**
 * `cell.trim()`, an absent (empty) cell read as ''. A cell that starts and ends with a printable
 * ASCII character (nearly every cell) is left as it is without the slower trim over JS_SPACE.
 */
export function trimmed(cell: string): string {
  return `CASE WHEN ${cell} IS NULL THEN '' WHEN regexp_full_match(${cell}, '[!-~](.*[!-~])?') THEN ${cell}
               ELSE trim(${cell}, ${sqlString(JS_SPACE)}) END`;
}

/** An empty cell (after trimming) as NULL, else the trimmed text: the readers' `orNull`. */
export function orNull(cell: string): string {
  return `nullif(${trimmed(cell)}, '')`;
}

const THOUSANDS = `'-?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?'`;
const NUMBER = `'[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?'`;

/**
 * numbers.ts `parseNumber` over trimmed text `t`, as two expressions: `ok`, whether the reference
 * accepts it (empty, or a number in its syntax that DuckDB reads as a finite double: the
 * reference reads `1e999` as Infinity, and gets that file to itself), and `value`, the number
 * (NULL for empty text).
 */
export function numberSql(t: string): { ok: string; value: string } {
  const clean = `CASE WHEN regexp_full_match(${t}, ${THOUSANDS}) THEN replace(${t}, ',', '') ELSE ${t} END`;
  const value = `TRY_CAST(${clean} AS DOUBLE)`;
  return {
    ok: `(${t} = '' OR (regexp_full_match(${clean}, ${NUMBER}) AND coalesce(isfinite(${value}), false)))`,
    value,
  };
}

/**
 * A file's path as the SQL literal that read_csv and read_parquet open, or null when DuckDB would
 * not open that very file: it takes `*`, `?` and `[` as a glob. The path is made absolute first, so
 * a leading `~` (the home folder) or `scheme://` (a remote file) never reaches DuckDB. The one
 * place a path enters SQL text.
 */
export function sqlFilePath(path: string): string | null {
  const abs = isAbsolute(path) ? path : resolve(path);
  if (/[*?[\]\0]/.test(abs)) return null;
  return sqlString(abs);
}
