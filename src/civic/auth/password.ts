// Password hashing with scrypt (RFC 7914), memory-hard, from node:crypto. Parameters follow
// OWASP's Password Storage Cheat Sheet minimum for scrypt: N = 2^17, r = 8, p = 1 (128 MiB and
// roughly 0.2–0.4 s per hash on one core), a 16-byte random salt and a 32-byte key. The
// parameters are stored with each hash, so raising them later leaves old hashes verifiable.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const SCRYPT_DEFAULT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Shortest password accepted (NIST SP 800-63B: at least 8; we ask for 10). */
export const MIN_PASSWORD = 10;
export const MAX_PASSWORD = 256;

function derive(password: string, salt: Buffer, q: ScryptParams): Promise<Buffer> {
  const opts: ScryptOptions = { N: q.N, r: q.r, p: q.p, maxmem: 256 * q.N * q.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, opts, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

/** Checks a new password's length; throws naming the rule. */
export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD)
    throw new Error(`password must have at least ${MIN_PASSWORD} characters`);
  if (password.length > MAX_PASSWORD)
    throw new Error(`password must have at most ${MAX_PASSWORD} characters`);
}

/** Hashes a password as `scrypt$N$r$p$salt$key` (base64url). */
export async function hashPassword(password: string, q: ScryptParams = SCRYPT_DEFAULT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, q);
  return ['scrypt', q.N, q.r, q.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parseHash(stored: string): { q: ScryptParams; salt: Buffer; key: Buffer } {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || key === undefined) throw new Error('invalid password hash');
  return {
    q: { N: Number(n), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt!, 'base64url'),
    key: Buffer.from(key, 'base64url'),
  };
}

/** True when the password matches the stored hash (constant-time comparison). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD) return false;
  const { q, salt, key } = parseHash(stored);
  const got = await derive(password, salt, q);
  return got.length === key.length && timingSafeEqual(got, key);
}

let dummy: Promise<string> | undefined;

/** Spends the time of one verification, so an unknown account answers as slowly as a wrong password. */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword('not a password of anyone');
  await verifyPassword(password, await dummy);
  return false;
}
