// The operator's head-signing key: an Ed25519 private key in a PEM file (PKCS#8) that only its
// owner may read (mode 0600), kept outside any git repository so it is never committed. The
// server and `strata civic heads publish` load it; the public half is published at
// GET /api/v1/civic/heads/keys and in every exported series.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { publishedKey, type PublishedKey } from './head-series.ts';

/** A loaded signing key with its published public half. */
export interface HeadSigner {
  privateKey: KeyObject;
  published: PublishedKey;
}

/** The git working tree a path lies in, if any. */
function gitTreeOf(file: string): string | undefined {
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Writes a new key to `file` (never over an existing one), mode 0600; returns its public half. */
export function createHeadKey(file: string): PublishedKey {
  const tree = gitTreeOf(file);
  if (tree)
    throw new Error(
      `${file} is inside the git repository ${tree}: keep the signing key outside any repository`,
    );
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  try {
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EEXIST'
        ? `${file} exists: a signing key is never overwritten (move it away first)`
        : `cannot write ${file}: ${code ?? (e as Error).message}`,
      { cause: e },
    );
  }
  return publishedKey(publicKey);
}

/** Reads the signing key; refuses a file others may read or anything but an Ed25519 private key. */
export function loadHeadKey(file: string): HeadSigner {
  let mode: number;
  try {
    mode = statSync(file).mode & 0o777;
  } catch (e) {
    throw new Error(`cannot read the head-signing key ${file}: ${(e as NodeJS.ErrnoException).code}`, {
      cause: e,
    });
  }
  if (mode & 0o077)
    throw new Error(
      `the head-signing key ${file} may be read by others (mode ${mode.toString(8)}): run chmod 600 ${file}`,
    );
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(file));
  } catch (e) {
    throw new Error(`${file} is not a PEM private key: ${(e as Error).message}`, { cause: e });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new Error(`${file} holds a ${privateKey.asymmetricKeyType} key, not Ed25519`);
  return { privateKey, published: publishedKey(createPublicKey(privateKey)) };
}
