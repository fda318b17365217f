// One vocabulary for the levels of areas (DESIGN.md, core vocabulary): the names the CLI, the
// API and the web app use, the form the readers store, and which level a code is at.
import { levelOfCode } from './area.ts';
import { notFound, UsageError } from './errors.ts';

/** Every level Strata names: districts (lad), ITL 3/2/1, the UK, regions, countries, combined authorities, upper tiers, counties. */
export const AREA_LEVELS = [
  'lad',
  'itl3',
  'itl2',
  'itl1',
  'uk',
  'rgn',
  'ctry',
  'cauth',
  'utla',
  'cty',
] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/** The levels the layer model and area profiles are built at: GVA by industry is published for them. */
export const LEVELS = ['lad', 'itl3', 'itl2', 'itl1', 'uk'] as const;
export type Level = (typeof LEVELS)[number];

/** The levels whose boundaries the store holds for maps. */
export const BOUNDARY_LEVELS = ['lad', 'itl3', 'rgn', 'ctry', 'utla', 'cauth'] as const;

/** The levels indicators are published at. */
export const INDICATOR_LEVELS = ['lad', 'cty', 'rgn', 'ctry', 'cauth', 'itl1', 'itl2', 'itl3', 'uk'] as const;

/** National figures in the order a "vs UK" comparison prefers them (the widest the publisher gives). */
export const NATIONAL_CODES = [
  'K02000001', // United Kingdom
  'K99000002', // UK less Extra-Regio (regional accounts)
  'UK',
  'UKX',
  'K03000001', // Great Britain
  'K04000001', // England and Wales
  'E92000001', // England
  'TLB', // England (ITL)
] as const;

/** A level as the readers store it: `ltla` for districts (the GSS entity name), else the same. */
export function storedLevel(level: AreaLevel): string {
  return level === 'lad' ? 'ltla' : level;
}

/** A stored level in the vocabulary: `lad` for `ltla`. */
export function levelName(stored: string): string {
  return stored === 'ltla' ? 'lad' : stored;
}

/**
 * The level of a code: `lad` for any district form, `uk` for a UK-wide figure (K02000001,
 * K99000002, UK, UKX), else the level the GSS or ITL code's form says; null for a form Strata does not know.
 */
export function levelOf(code: string): AreaLevel | null {
  if ((NATIONAL_CODES as readonly string[]).slice(0, 4).includes(code)) return 'uk';
  const stored = levelOfCode(code);
  return stored === null ? null : (levelName(stored) as AreaLevel);
}

/** The level of a code that must be one of `allowed`: an unknown form is a usage error, another level is not found. */
export function levelIn<T extends AreaLevel>(code: string, allowed: readonly T[]): T {
  const level = levelOf(code);
  if (level === null)
    throw new UsageError(
      `invalid area code: ${code} (a LAD code such as E06000001, an ITL code such as TLC11, or K02000001)`,
    );
  if (!(allowed as readonly string[]).includes(level)) throw notFound('area', code);
  return level as T;
}

/** A level name that must be one of `allowed` (a usage error listing them otherwise). */
export function parseLevel<T extends string>(value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`invalid level: ${value} (${allowed.join(', ')})`);
  return value as T;
}
