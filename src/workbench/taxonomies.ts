// Layer taxonomies (METHODS.md §1): a value choice kept as data. Built-in ones by id (all the
// HTTP API may name), or a file the CLI is given. A file is checked against the schema
// (core/taxonomy-schema.ts) unless the build already checked the very same bytes: `npm run
// build` writes lib/taxonomies-checked.json, so a command reading a built-in taxonomy does not
// load the schema library. An edited file has other bytes and is checked again.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.ts';
import type { Taxonomy } from '../core/taxonomy.ts';

const DIR = new URL('../../data/taxonomies/', import.meta.url).pathname;
/** Where the build leaves the built-in taxonomies it checked (beside the compiled modules; absent in src/). */
export const CHECKED_FILE = new URL('../taxonomies-checked.json', import.meta.url).pathname;

/** The default taxonomy's id and file. */
export const DEFAULT_TAXONOMY_ID = 'foundational-economy-v1';
export const DEFAULT_TAXONOMY = `${DIR}${DEFAULT_TAXONOMY_ID}.json`;

/** Built-in taxonomies, by id (file name without .json). */
export const TAXONOMY_IDS = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));

/** Checked taxonomies by the SHA-256 of the file text they were parsed from. */
export type CheckedTaxonomies = ReadonlyMap<string, Taxonomy>;

let shipped: CheckedTaxonomies | undefined;

/** The taxonomies the build checked (none when running from the sources). */
function shippedChecked(): CheckedTaxonomies {
  if (!shipped) {
    const entries = existsSync(CHECKED_FILE)
      ? (JSON.parse(readFileSync(CHECKED_FILE, 'utf8')) as Record<string, Taxonomy>)
      : {};
    shipped = new Map(Object.entries(entries));
  }
  return shipped;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Loads a layer taxonomy file (the default unless a path is given); a bad file is a usage error
 * naming it. `checked` holds files already parsed by the schema, by the digest of their text.
 */
export async function loadTaxonomy(path = DEFAULT_TAXONOMY, checked = shippedChecked()): Promise<Taxonomy> {
  let text: string;
  let json: unknown;
  try {
    text = readFileSync(path, 'utf8');
    const known = checked.get(digest(text));
    if (known) return structuredClone(known);
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`cannot read taxonomy ${path}: ${(e as Error).message.split('\n')[0]}`);
  }
  const { parseTaxonomy } = await import('../core/taxonomy-schema.ts');
  try {
    return parseTaxonomy(json, path);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Parses every built-in taxonomy by the schema: what the build writes to CHECKED_FILE. */
export async function checkBuiltIns(): Promise<Record<string, Taxonomy>> {
  const out: Record<string, Taxonomy> = {};
  for (const id of TAXONOMY_IDS) {
    const path = `${DIR}${id}.json`;
    out[digest(readFileSync(path, 'utf8'))] = await loadTaxonomy(path, new Map());
  }
  return out;
}

/** Every built-in taxonomy, by id. */
export async function loadBuiltIns(checked = shippedChecked()): Promise<ReadonlyMap<string, Taxonomy>> {
  const out = new Map<string, Taxonomy>();
  for (const id of TAXONOMY_IDS) out.set(id, await loadTaxonomy(`${DIR}${id}.json`, checked));
  return out;
}

/** A built-in taxonomy by id, or a 404-style error listing them. */
export function builtInTaxonomy(builtIns: ReadonlyMap<string, Taxonomy>, id: string): Taxonomy {
  const t = builtIns.get(id);
  if (!t) throw new UsageError(`unknown taxonomy: ${id} (${TAXONOMY_IDS.join(', ')})`, 'not_found', 404);
  return t;
}

/** A taxonomy's id and a digest of its content, so an edited copy that keeps the id is not mistaken for it. */
export function taxonomyKey(t: Taxonomy): string {
  return `${t.id}:${createHash('sha1').update(JSON.stringify(t)).digest('hex').slice(0, 12)}`;
}
