// The signed, dated head series: while a consultation runs, its ballot log's head is published
// once per declared interval (never per ballot, so the moment of each vote stays unknown), each
// entry signed with the operator's Ed25519 key and chained to the previous entry:
//   body      = { format, consultationId, seq, at, interval, count, head, prev, key }
//   signature = Ed25519(canonicalJson(body)), base64
//   hash      = sha256(canonicalJson({ ...body, signature }))
// The first entry's `prev` is the consultation's genesis hash (chain.ts), so the series commits
// to the published rule as the log does. `key` is the fingerprint of the signing public key.
// The entry published when the consultation closes carries `final: true` in its signed body: it
// states the whole log, may come within the interval of the entry before it (the closing time is
// public, so it dates no ballot), and no entry may follow it.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical.ts';
import { sha256Hex } from './chain.ts';

export const HEAD_SERIES_FORMAT = 'strata-head-series/1';

/** One published head: at `at` the log of `consultationId` had `count` entries ending at `head`. */
export interface HeadEntry {
  consultationId: string;
  seq: number;
  /** ISO 8601 UTC. */
  at: string;
  /** The declared publication interval, seconds: at most one entry per interval. */
  interval: number;
  count: number;
  head: string;
  /** The previous entry's hash (for the first: the consultation's genesis hash). */
  prev: string;
  /** Fingerprint of the signing key (`keyFingerprint`). */
  key: string;
  signature: string;
  hash: string;
  /** Present (true) only on the final head, published at the close: the log's last state. */
  final?: true;
}

/** The fields an entry's signature covers. */
export type HeadBody = Omit<HeadEntry, 'signature' | 'hash'>;

/** A public key as the series and the key route publish it. */
export interface PublishedKey {
  algorithm: 'Ed25519';
  fingerprint: string;
  /** SPKI, PEM. */
  publicKey: string;
}

/** The series of one consultation as exported (`GET …/heads`, `strata civic heads export`). */
export interface HeadSeries {
  format: string;
  consultationId: string;
  keys: PublishedKey[];
  entries: HeadEntry[];
}

/** The bytes a signature covers. */
export function signedBytes(b: HeadBody): Buffer {
  const { consultationId, seq, at, interval, count, head, prev, key } = b;
  const body = { at, consultationId, count, format: HEAD_SERIES_FORMAT, head, interval, key, prev, seq };
  return Buffer.from(canonicalJson(b.final === true ? { ...body, final: true } : body), 'utf8');
}

/** An entry's hash: over its body and its signature, so the next entry commits to both. */
export function headEntryHash(e: Omit<HeadEntry, 'hash'>): string {
  const { consultationId, seq, at, interval, count, head, prev, key, signature } = e;
  const body = { at, consultationId, count, head, interval, key, prev, seq, signature };
  return sha256Hex(canonicalJson(e.final === true ? { ...body, final: true } : body));
}

/** sha256 of the key's SPKI DER, hex: how entries name the key that signed them. */
export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/** The published form of a public key. */
export function publishedKey(publicKey: KeyObject): PublishedKey {
  return {
    algorithm: 'Ed25519',
    fingerprint: keyFingerprint(publicKey),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Signs a body with the operator's private key into a complete entry. */
export function signHead(body: HeadBody, privateKey: KeyObject): HeadEntry {
  const signature = sign(null, signedBytes(body), privateKey).toString('base64');
  return { ...body, signature, hash: headEntryHash({ ...body, signature }) };
}

/** Whether an entry's signature holds under a published key (PEM). */
export function signatureHolds(e: HeadEntry, key: PublishedKey): boolean {
  try {
    const pub = createPublicKey(key.publicKey);
    if (pub.asymmetricKeyType !== 'ed25519' || keyFingerprint(pub) !== e.key) return false;
    return verify(null, signedBytes(e), pub, Buffer.from(e.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The interval slot a time falls in: entries of one series must be in increasing slots. */
export function slotOf(at: string, intervalSeconds: number): number {
  return Math.floor(new Date(at).getTime() / (intervalSeconds * 1000));
}
