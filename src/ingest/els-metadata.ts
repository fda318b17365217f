import { SourceError } from '../core/errors.ts';
import type { IndicatorMeta } from '../core/records.ts';
import type { SourceFile } from './source-file.ts';
import { decodeText } from './text.ts';

const ROOT = 'ess-beta-metadata';

/** One indicator's sidecar entry, with the path it sits at for error messages. */
export interface SidecarEntry {
  path: string;
  fields: Record<string, unknown>;
}

/**
 * The Explore Local Statistics sidecar (`<stem>.json`) comes in two shapes: a flat object
 * with `label` for a single-indicator file, or a `shared` block plus one block per name in
 * the data file's `indicator` column. Returns a lookup from indicator name to its entry.
 */
export function readSidecar(file: SourceFile): (name: string) => SidecarEntry {
  const root = parseJson(file);
  const meta = isObject(root) ? root[ROOT] : undefined;
  if (!isObject(meta)) throw new SourceError({ file: file.name, value: ROOT }, `missing object ${ROOT}`);
  if ('label' in meta || !Object.values(meta).some(isObject)) {
    const entry = { path: ROOT, fields: meta };
    requireLabel(file, entry);
    return () => entry;
  }
  const shared = isObject(meta.shared) ? meta.shared : {};
  return (name) => {
    const own = meta[name];
    const path = `${ROOT}[${JSON.stringify(name)}]`;
    if (!isObject(own)) throw new SourceError({ file: file.name, value: path }, 'no metadata for indicator');
    const entry = { path, fields: { ...shared, ...own } };
    requireLabel(file, entry);
    return entry;
  };
}

/** Builds the stored metadata record from a sidecar entry and what the data file says. */
export function indicatorMeta(
  entry: SidecarEntry,
  ids: { id: string; dataset: string; publishedName: string; measure: string; unit: string },
): IndicatorMeta {
  const f = entry.fields;
  return {
    ...ids,
    label: text(f.label)!,
    subtitle: text(f.subtitle),
    prefix: text(f.prefix),
    suffix: text(f.suffix),
    subText: text(f.subText),
    decimalPlaces: count(f.decimalPlaces),
    sourceOrg: text(f.sourceOrg),
    sourceURL: text(f.sourceURL),
    sourceDate: text(f.sourceDate),
    longDescription: text(f.longDescription),
    caveats: text(f.caveats),
    experimental: flag(f.experimentalStatistic),
    standardised: flag(f.standardised),
  };
}

function parseJson(file: SourceFile): unknown {
  const body = decodeText(file);
  try {
    return JSON.parse(body);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? body.slice(0, Number(at[1])).split('\n').length : undefined;
    throw new SourceError({ file: file.name, line, value: message }, 'not valid JSON');
  }
}

function requireLabel(file: SourceFile, entry: SidecarEntry): void {
  if (text(entry.fields.label) === null) {
    throw new SourceError({ file: file.name, value: `${entry.path}.label` }, 'missing indicator label');
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown): string | null {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function count(v: unknown): number | null {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

function flag(v: unknown): boolean | null {
  return v === 'T' || v === true ? true : v === 'F' || v === false ? false : null;
}
