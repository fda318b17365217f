// Layer taxonomies (METHODS.md §1): a value choice kept as data. Built-in ones by id (all the
// HTTP API may name), or a file the CLI is given.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.ts';
import { parseTaxonomy, type Taxonomy } from '../core/taxonomy.ts';

const DIR = new URL('../../data/taxonomies/', import.meta.url).pathname;

/** The default taxonomy's id and file. */
export const DEFAULT_TAXONOMY_ID = 'foundational-economy-v1';
export const DEFAULT_TAXONOMY = `${DIR}${DEFAULT_TAXONOMY_ID}.json`;

/** Built-in taxonomies, by id (file name without .json). */
export const TAXONOMY_IDS = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));

/** Loads a layer taxonomy file (the default unless a path is given); a bad file is a usage error naming it. */
export function loadTaxonomy(path = DEFAULT_TAXONOMY): Taxonomy {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`cannot read taxonomy ${path}: ${(e as Error).message.split('\n')[0]}`);
  }
  try {
    return parseTaxonomy(json, path);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** A built-in taxonomy's file by id, or a 404-style error listing them. */
export function builtInTaxonomyPath(id: string): string {
  if (!TAXONOMY_IDS.includes(id))
    throw new UsageError(`unknown taxonomy: ${id} (${TAXONOMY_IDS.join(', ')})`, 'not_found', 404);
  return `${DIR}${id}.json`;
}

/** A taxonomy's id and a digest of its content, so an edited copy that keeps the id is not mistaken for it. */
export function taxonomyKey(t: Taxonomy): string {
  return `${t.id}:${createHash('sha1').update(JSON.stringify(t)).digest('hex').slice(0, 12)}`;
}
