// A browser-like client for the in-process app: keeps cookies, fetches the CSRF token, sends JSON
// or form bodies. Used by the civic API tests.
import type { OpenAPIHono } from '@hono/zod-openapi';

export interface Sent {
  json?: unknown;
  form?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  /** Send the CSRF token (default true for state-changing methods). */
  csrf?: boolean | string;
}

/** One browser: its cookie jar and the CSRF token it last saw. */
export class Client {
  readonly app: OpenAPIHono;
  readonly cookies = new Map<string, string>();
  token = '';
  /** The socket address the server sees (app.request passes it as Node's incoming request would). */
  address: string;

  constructor(app: OpenAPIHono, address = '127.0.0.1') {
    this.app = app;
    this.address = address;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const gone = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, pair!.slice(eq + 1).trim());
    }
  }

  /** Fetches the session and its CSRF token. */
  async refresh(): Promise<{ role: string; csrfToken: string; subject: string | null }> {
    const res = await this.request('GET', '/api/v1/civic/session');
    const body = (await res.json()) as { role: string; csrfToken: string; subject: string | null };
    this.token = body.csrfToken;
    return body;
  }

  async request(method: string, path: string, sent: Sent = {}): Promise<Response> {
    const headers: Record<string, string> = { host: 'localhost', ...(sent.headers ?? {}) };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    let body: string | undefined;
    const csrf = sent.csrf === undefined ? method !== 'GET' : sent.csrf;
    const token = typeof csrf === 'string' ? csrf : csrf ? this.token : undefined;
    if (sent.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(sent.json);
      if (token !== undefined) headers['x-csrf-token'] = token;
    } else if (sent.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(sent.form))
        for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
      if (token !== undefined) p.append('_csrf', token);
      body = p.toString();
    } else if (token !== undefined) headers['x-csrf-token'] = token;
    const env = { incoming: { socket: { remoteAddress: this.address } } };
    const res = await this.app.request(`http://localhost${path}`, { method, headers, body }, env);
    this.keep(res);
    return res;
  }

  /** Signs in with a password and refreshes the CSRF token. */
  async signIn(email: string, password: string): Promise<Response> {
    await this.refresh();
    const res = await this.request('POST', '/api/v1/civic/login', { json: { email, password } });
    if (res.ok) await this.refresh();
    return res;
  }

  /** Redeems an invitation code for a consultation and refreshes the CSRF token. */
  async redeem(id: string, code: string): Promise<Response> {
    await this.refresh();
    const res = await this.request('POST', `/api/v1/civic/consultations/${id}/redeem`, { json: { code } });
    if (res.ok) await this.refresh();
    return res;
  }
}
