import { SourceError, type SourceLocation } from '../core/errors.ts';

/**
 * Parses a published number: `3,317`, `-4.4`, `1.5e3`, with optional surrounding spaces.
 * Returns null for an empty cell. Throws a SourceError for anything else.
 */
export function parseNumber(text: string, where: SourceLocation): number | null {
  const t = text.trim();
  if (t === '') return null;
  const clean = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '') : t;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(clean)) {
    throw new SourceError({ ...where, value: text }, 'not a number');
  }
  return Number(clean);
}

/** Like parseNumber, but an empty cell is an error too. */
export function requireNumber(text: string, where: SourceLocation): number {
  const n = parseNumber(text, where);
  if (n === null) throw new SourceError({ ...where, value: text }, 'missing value');
  return n;
}

/** Parses a whole-number year such as `2022`. */
export function parseYear(text: string, where: SourceLocation): number {
  const t = text.trim();
  if (!/^(19|20)\d\d$/.test(t)) throw new SourceError({ ...where, value: text }, 'not a year');
  return Number(t);
}
