import type { Reader, ReaderInput, ReadResult } from './reader.ts';
import { Staging } from './staging-sql.ts';

/**
 * A reader's DuckDB path: loads the files with read_csv or read_parquet, checks in SQL every
 * thing its reference checks, and returns rows for the store to copy with INSERT … SELECT — or
 * null when anything is not as the reference would accept it (a malformed file, a layout it
 * does not know), having dropped what it staged.
 */
export type NativeReader = (input: ReaderInput, staging: Staging) => Promise<ReadResult | null>;

/**
 * The native path inside an import (when the reader gets the store's SQL session), the JS
 * reference otherwise and whenever the native path declines: the reference then reads the
 * files and names the first fault, file, line and value, exactly as it always has.
 */
export function nativeOr(native: NativeReader, reference: Reader): Reader {
  return async (input) => {
    if (!input.sql) return reference(input);
    const staging = new Staging(input.sql);
    const result = await native(input, staging);
    if (result) return { ...result, temp: staging.tables };
    await staging.drop();
    return reference(input);
  };
}
