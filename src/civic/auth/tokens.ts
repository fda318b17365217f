// Random tokens and their hashes. Session ids and invitation codes are random (≥ 100 bits),
// so a plain sha256 is enough to store them (no dictionary to search); passwords, which people
// choose, get scrypt (password.ts).
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A random URL-safe token of `bytes` random bytes. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** sha256 hex of a token, as stored. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

// Crockford's base32 without I, L, O, U: no letters people confuse when typing a code.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** An invitation code: 20 base32 characters (100 bits) in groups of five, `7KQ2M-…`. */
export function invitationCode(): string {
  let s = '';
  for (let i = 0; i < 20; i++) s += CODE_ALPHABET[randomInt(32)];
  return s.match(/.{5}/g)!.join('-');
}

/** A typed code in canonical form: upper case, no spaces or dashes, confusable letters mapped. */
export function normaliseCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** The stored hash of an invitation code (normalised first). */
export function codeHash(code: string): string {
  return tokenHash(`code:${normaliseCode(code)}`);
}

/** A CSRF token bound to a session (or a pre-session nonce): HMAC-SHA256 under the store's key. */
export function csrfToken(key: string, binding: string): string {
  return createHmac('sha256', key).update(`csrf\n${binding}`, 'utf8').digest('base64url');
}

/** Constant-time comparison of two tokens. */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
