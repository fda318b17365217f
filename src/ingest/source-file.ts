import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { SourceError } from '../core/errors.ts';

/** A file as read from disk: its bytes and their checksum. */
export interface SourceFile {
  path: string;
  /** File name as published, used in every error message. */
  name: string;
  bytes: Buffer;
  sha256: string;
  /** Modification time when read from disk, so a reader that reads the file again can tell it is the same. */
  mtimeMs?: number;
}

/** Files larger than this are refused: nothing in the official packs comes near it. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a file and its checksum; refuses directories and oversized files. */
export function readSourceFile(path: string): SourceFile {
  const name = basename(path);
  const stat = statSync(path);
  if (!stat.isFile()) throw new SourceError({ file: name }, 'not a regular file');
  if (stat.size > MAX_FILE_BYTES) throw new SourceError({ file: name, value: stat.size }, 'file too large');
  const bytes = readFileSync(path);
  return { path, name, bytes, sha256: sha256(bytes), mtimeMs: stat.mtimeMs };
}

/** Builds a SourceFile from bytes in memory (tests, downloads). */
export function sourceFromBytes(name: string, bytes: Uint8Array | string, path = name): SourceFile {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  return { path, name, bytes: buf, sha256: sha256(buf) };
}

/** One checksum for a dataset made of several files: sha256 over the sorted `name:sha256` lines. */
export function combinedSha256(files: readonly Pick<SourceFile, 'name' | 'sha256'>[]): string {
  if (files.length === 1) return files[0]!.sha256;
  return sha256(
    files
      .map((f) => `${f.name}:${f.sha256}`)
      .sort()
      .join('\n'),
  );
}
