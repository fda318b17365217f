import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueSource } from './reader.ts';
import { sha256 } from './source-file.ts';

/** One file fetched (or not) from its publisher. */
export interface Fetched {
  source: string;
  file: string;
  url: string;
  status: 'downloaded' | 'failed';
  bytes: number;
  sha256: string | null;
  detail: string;
}

export interface FetchOptions {
  /** Serve publisher URLs from a mirror: `https://host/path` → `${mirror}/host/path` (tests, caches). */
  mirror?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/** The URL to request for a publisher URL, through the mirror when one is set. */
export function requestUrl(url: string, mirror?: string): string {
  if (!mirror) return url;
  const u = new URL(url);
  return `${mirror.replace(/\/$/, '')}/${u.host}${u.pathname}${u.search}`;
}

/** Thrown when no publisher can be reached at all: the caller says so in one line. */
export class OfflineError extends Error {}

function isNetworkDown(e: unknown): boolean {
  const code = (e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code;
  return (
    [
      'ENOTFOUND',
      'EAI_AGAIN',
      'ECONNREFUSED',
      'ENETUNREACH',
      'EHOSTUNREACH',
      'UND_ERR_CONNECT_TIMEOUT',
    ].includes(code ?? '') || (e as Error).name === 'TimeoutError'
  );
}

/**
 * Downloads every file the catalogue knows a direct URL for into `dir/<folder>/<name>`
 * (written to a temporary name, then renamed, so a failed download leaves no partial file).
 */
export async function fetchSources(
  sources: CatalogueSource[],
  dir: string,
  opts: FetchOptions = {},
): Promise<Fetched[]> {
  const get = opts.fetchImpl ?? fetch;
  const out: Fetched[] = [];
  let reached = false;
  let lastNetworkError: unknown = null;
  for (const s of sources) {
    for (const [file, url] of Object.entries(s.downloads)) {
      const target = join(dir, s.folder, file);
      try {
        const res = await get(requestUrl(url, opts.mirror), {
          signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000),
          redirect: 'follow',
        });
        reached = true;
        if (!res.ok) {
          out.push({
            source: s.id,
            file,
            url,
            status: 'failed',
            bytes: 0,
            sha256: null,
            detail: `HTTP ${res.status}`,
          });
          continue;
        }
        const bytes = Buffer.from(await res.arrayBuffer());
        mkdirSync(join(dir, s.folder), { recursive: true });
        writeFileSync(`${target}.part`, bytes);
        renameSync(`${target}.part`, target);
        out.push({
          source: s.id,
          file,
          url,
          status: 'downloaded',
          bytes: bytes.length,
          sha256: sha256(bytes),
          detail: target,
        });
      } catch (e) {
        if (isNetworkDown(e)) lastNetworkError = e;
        out.push({
          source: s.id,
          file,
          url,
          status: 'failed',
          bytes: 0,
          sha256: null,
          detail: (e as Error).message,
        });
      }
    }
  }
  if (!reached && lastNetworkError) {
    const host = out[0] ? new URL(requestUrl(out[0].url, opts.mirror)).host : 'the publishers';
    throw new OfflineError(
      `offline: cannot reach ${host}; download the files yourself and run strata data import DIR`,
    );
  }
  return out;
}
