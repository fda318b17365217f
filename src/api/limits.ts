// Limits on the public routes whose answers are computed per request and may cost seconds of CPU
// (composites with Monte Carlo runs, mission status, input–output shocks, finance runs, and the
// scenario routes as they come). A route opts in with one line in COSTLY_ROUTES. Each such
// request waits for one of `concurrency` places (at most `waiting` wait; beyond that: 503 busy),
// and each client address has a token bucket of `burst` requests refilled at `perMinute` (beyond
// that: 429 with Retry-After). Counts are per server process: they bound one process's load.
import type { Context, MiddlewareHandler } from 'hono';
import { clientKey } from './client-address.ts';
import { HttpError } from './errors.ts';

/** `METHOD /path` of every costly route: add a line to put a new route under the limits. */
export const COSTLY_ROUTES: readonly string[] = [
  'POST /api/v1/composite',
  'POST /api/v1/missions/status',
  'POST /api/v1/io/shock',
  'POST /api/v1/scenarios/run',
  'POST /api/v1/scenarios/frontier',
  'POST /api/v1/scenarios/compare',
  'POST /api/v1/finance/run',
  'POST /api/v1/franchise/conditions',
  'POST /api/v1/franchise/suppliers',
  'GET /api/v1/franchise/whatif',
  'GET /api/v1/reports/{area}',
  'GET /api/v1/reports/{area}/input',
  'GET /api/v1/reports/{area}/pdf',
];

/** How much costly work one process takes, and how often one address may ask for it. */
export interface CostlyLimits {
  concurrency: number;
  waiting: number;
  perMinute: number;
  burst: number;
}

export const COSTLY_LIMITS: CostlyLimits = { concurrency: 2, waiting: 8, perMinute: 20, burst: 10 };

/** A counting semaphore with a bounded wait list. */
function gate(concurrency: number, waiting: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  return {
    async enter(): Promise<void> {
      if (running < concurrency) {
        running++;
        return;
      }
      if (queue.length >= waiting)
        throw new HttpError(503, 'busy', 'the server is busy with other analyses: try again in a moment');
      await new Promise<void>((go) => queue.push(go));
    },
    leave(): void {
      const next = queue.shift();
      if (next) next();
      else running--;
    },
  };
}

/** Token buckets per client address (refilled continuously; idle full buckets are forgotten). */
function buckets(perMinute: number, burst: number, now: () => number) {
  const held = new Map<string, { tokens: number; at: number }>();
  return (key: string): number => {
    const t = now();
    const b = held.get(key) ?? { tokens: burst, at: t };
    b.tokens = Math.min(burst, b.tokens + ((t - b.at) * perMinute) / 60_000);
    b.at = t;
    if (held.size > 100_000) held.clear();
    if (b.tokens < 1) {
      held.set(key, b);
      return Math.ceil(((1 - b.tokens) * 60_000) / perMinute / 1000);
    }
    b.tokens -= 1;
    held.set(key, b);
    return 0;
  };
}

/** Whether `METHOD /path` is one of `routes`, where a `{name}` segment stands for any one segment. */
export function routeMatcher(routes: readonly string[]): (key: string) => boolean {
  const exact = new Set(routes.filter((r) => !r.includes('{')));
  const patterns = routes
    .filter((r) => r.includes('{'))
    .map(
      (r) =>
        new RegExp(
          `^${r
            .split(/\{[^}/]+\}/)
            .map(escapeRegExp)
            .join('[^/]+')}$`,
        ),
    );
  return (key) => exact.has(key) || patterns.some((p) => p.test(key));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Middleware that puts the routes in `routes` (`METHOD /path`) under the limits; others pass untouched. */
export function costlyRoutes(
  routes: readonly string[] = COSTLY_ROUTES,
  limits: CostlyLimits = COSTLY_LIMITS,
  now: () => number = Date.now,
): MiddlewareHandler {
  const costly = routeMatcher(routes);
  const places = gate(limits.concurrency, limits.waiting);
  const take = buckets(limits.perMinute, limits.burst, now);
  return async (c: Context, next) => {
    if (!costly(`${c.req.method} ${c.req.path}`)) return next();
    const wait = take(clientKey(c));
    if (wait) {
      c.header('retry-after', String(wait));
      throw new HttpError(429, 'rate_limited', `too many analyses from this address: try again in ${wait} s`);
    }
    await places.enter();
    try {
      await next();
    } finally {
      places.leave();
    }
  };
}
