// Who is asking, for per-address limits. Without a trusted proxy the answer is the socket's peer
// and every forwarding header is ignored (anyone can write one). Behind proxies the operator
// declares them, by hop count or by address, and the client is the right-most address in
// X-Forwarded-For that is not a trusted proxy: the entries to its left were written by the
// client and prove nothing. IPv6 clients are keyed by their /64, the block one household or
// one virtual machine usually gets, so an attacker cannot step through 2^64 addresses.
import type { Context, MiddlewareHandler } from 'hono';
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** Which proxies in front of the server are trusted: the nearest `hops`, or those at `addresses` (CIDR or single). */
export type TrustProxy = { hops: number } | { addresses: string[] };

/** Parses `--trust-proxy`: a hop count (`1`) or a comma-separated list of addresses and CIDR blocks. */
export function parseTrustProxy(text: string): TrustProxy {
  const t = text.trim();
  if (/^\d+$/.test(t)) {
    const hops = Number(t);
    if (hops < 1 || hops > 10) throw new Error(`invalid trusted proxy hop count: ${t} (1 to 10)`);
    return { hops };
  }
  const addresses = t.split(',').map((a) => a.trim());
  for (const a of addresses) blockOf([a]);
  return { addresses };
}

function blockOf(addresses: string[]): BlockList {
  const list = new BlockList();
  for (const a of addresses) {
    const [ip, bits] = a.split('/');
    const family = isIP(ip ?? '');
    if (!family) throw new Error(`invalid trusted proxy address: ${a}`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const prefix = bits === undefined ? (family === 4 ? 32 : 128) : Number(bits);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128))
      throw new Error(`invalid trusted proxy address: ${a}`);
    list.addSubnet(ip!, prefix, type);
  }
  return list;
}

/** An address without a zone and with an IPv4-mapped IPv6 form (`::ffff:192.0.2.1`) as IPv4. */
function plain(address: string): string {
  const a = address.trim().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1]! : a;
}

/** Resolves the client address of a request from its socket peer and X-Forwarded-For. */
export function clientAddressOf(
  trust: TrustProxy | null,
): (peer: string | undefined, forwarded: string | undefined) => string {
  const list = trust && 'addresses' in trust ? blockOf(trust.addresses) : null;
  const trusted = (a: string) => {
    const family = isIP(a);
    return family !== 0 && list!.check(a, family === 4 ? 'ipv4' : 'ipv6');
  };
  return (peer, forwarded) => {
    const socket = plain(peer ?? 'unknown');
    if (!trust || forwarded === undefined) return socket;
    const chain = [...forwarded.split(','), socket].map(plain);
    let at = chain.length - 1;
    if ('hops' in trust) at = Math.max(0, at - trust.hops);
    else while (at > 0 && trusted(chain[at]!)) at--;
    // a malformed entry where the client should be: keep the nearest address a proxy vouched for
    while (at < chain.length - 1 && !isIP(chain[at]!)) at++;
    return chain[at]!;
  };
}

/** The eight 16-bit groups of an IPv6 address, as numbers. */
function groups6(a: string): number[] {
  const [head, tail] = a.includes('::') ? a.split('::') : [a, undefined];
  const part = (s: string | undefined) => (s ? s.split(':') : []);
  const words = (xs: string[]) =>
    xs.flatMap((x) => {
      if (!x.includes('.')) return [parseInt(x, 16)];
      const [b0, b1, b2, b3] = x.split('.').map(Number);
      return [(b0! << 8) | b1!, (b2! << 8) | b3!];
    });
  const left = words(part(head));
  const right = words(part(tail));
  const fill = tail === undefined ? [] : Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...fill, ...right];
}

/** The key per-address limits count against: an IPv4 address, or an IPv6 address's /64. */
export function addressKey(address: string): string {
  const a = plain(address);
  if (isIP(a) !== 6) return a;
  return (
    groups6(a)
      .slice(0, 4)
      .map((g) => g.toString(16))
      .join(':') + '::/64'
  );
}

declare module 'hono' {
  interface ContextVariableMap {
    /** The client address key (set once per request by `clientAddresses`). */
    clientKey: string;
  }
}

/** Middleware that works out each request's client address key once (see `clientKey`). */
export function clientAddresses(trust: TrustProxy | null): MiddlewareHandler {
  const resolve = clientAddressOf(trust);
  return async (c, next) => {
    const peer = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress;
    c.set('clientKey', addressKey(resolve(peer, c.req.header('x-forwarded-for'))));
    await next();
  };
}

/** The client address key of a request, for per-address limits. */
export function clientKey(c: Context): string {
  return c.get('clientKey') ?? 'unknown';
}
