import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { CatalogueSource } from './reader.ts';

/** The catalogue shipped with Strata: every official source it knows how to read. */
export const CATALOGUE_DIR = new URL('../../data/catalogue/', import.meta.url).pathname;

/** Reads every `data/catalogue/*.json` (each an array of sources); ids must be unique. */
export function loadCatalogue(dir = CATALOGUE_DIR): CatalogueSource[] {
  const out: CatalogueSource[] = [];
  const ids = new Set<string>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const list = JSON.parse(readFileSync(join(dir, name), 'utf8')) as CatalogueSource[];
    if (!Array.isArray(list)) throw new Error(`catalogue ${name}: expected an array of sources`);
    for (const s of list) {
      for (const key of [
        'id',
        'publisher',
        'title',
        'landing',
        'licence',
        'vintage',
        'folder',
        'reader',
      ] as const) {
        if (typeof s[key] !== 'string' || s[key] === '')
          throw new Error(`catalogue ${name}: source ${s.id ?? '?'}: missing ${key}`);
      }
      if (!Array.isArray(s.files) || s.files.length === 0)
        throw new Error(`catalogue ${name}: source ${s.id}: missing files`);
      if (ids.has(s.id)) throw new Error(`catalogue ${name}: duplicate source id: ${s.id}`);
      ids.add(s.id);
      out.push({ ...s, downloads: s.downloads ?? {} });
    }
  }
  return out;
}

/** `*` matches any run of characters; everything else literally (case-sensitive, as published). */
export function matches(pattern: string, name: string): boolean {
  const re = new RegExp('^' + pattern.split('*').map(escape).join('.*') + '$');
  return re.test(name);
}

function escape(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** One dataset found in a folder: its catalogue source, a dataset key and its file paths. */
export interface FoundDataset {
  key: string;
  source: CatalogueSource;
  paths: string[];
}

export interface Recognised {
  datasets: FoundDataset[];
  /** Files no catalogue source claims (READMEs, SOURCE notes, archives). */
  unrecognised: string[];
  /** Catalogue sources with no file in the folder. */
  missing: CatalogueSource[];
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

/** A file belongs to a source when it sits in the source's folder, or directly in the pack folder. */
function inPlace(dir: string, file: string, source: CatalogueSource): boolean {
  const parent = basename(dirname(file));
  return parent === source.folder || dirname(file) === dir.replace(/\/$/, '');
}

function stem(name: string): string {
  return name.replace(/\.[^.]+$/, '');
}

/**
 * Recognises the files of a data pack folder by name. A source marked `perFile` makes one
 * dataset per matching file (key `id:stem`); otherwise its primary file makes one dataset (key `id`).
 */
export function recognise(dir: string, catalogue: CatalogueSource[]): Recognised {
  const files = walk(dir);
  const claimed = new Set<string>();
  const datasets: FoundDataset[] = [];
  const missing: CatalogueSource[] = [];
  for (const source of catalogue) {
    const primaries = files.filter((f) => inPlace(dir, f, source) && matches(source.files[0]!, basename(f)));
    if (primaries.length === 0) {
      missing.push(source);
      continue;
    }
    const perFile = source.options?.perFile === true;
    const chosen = perFile ? primaries : [primaries[primaries.length - 1]!];
    for (const primary of chosen) {
      const s = stem(basename(primary));
      const extra = [...source.files.slice(1), ...(source.companions ?? [])].map((p) =>
        p.replaceAll('{stem}', s),
      );
      const companions = files.filter((f) => f !== primary && extra.some((p) => matches(p, basename(f))));
      for (const f of [primary, ...companions]) claimed.add(f);
      datasets.push({
        key: perFile ? `${source.id}:${s}` : source.id,
        source,
        paths: [primary, ...companions],
      });
    }
  }
  const unrecognised = files.filter((f) => !claimed.has(f)).map((f) => relative(dir, f));
  return { datasets, unrecognised, missing };
}
