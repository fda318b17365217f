// The HTTP server itself: TLS when given a certificate, a refusal to serve plain HTTP on a
// network address, and limits that stop slow or numerous clients from holding it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isLoopback, startServer, type ServerOptions } from '../../src/api/server.ts';
import { Workbench } from '../../src/workbench.ts';

const TLS = { cert: 'test/fixtures/tls/cert.pem', key: 'test/fixtures/tls/key.pem' };
let dir: string;
let base: Omit<ServerOptions, 'port'>;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'strata-server-'));
  const db = join(dir, 'empty.duckdb');
  (await Workbench.open(db)).close();
  base = { db, civic: `sqlite:${join(dir, 'civic.sqlite')}` };
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves with what the server sent before it closed the socket, and how long that took. */
function closed(socket: Socket): Promise<{ data: string; ms: number }> {
  const start = Date.now();
  let data = '';
  socket.on('data', (d: Buffer) => (data += d));
  return new Promise((done) => socket.on('close', () => done({ data, ms: Date.now() - start })));
}

function port(url: string): number {
  return Number(new URL(url).port);
}

describe('strata serve', () => {
  it('refuses plain HTTP on a network address, saying why and what to do', async () => {
    await assert.rejects(
      () => startServer({ ...base, port: 0, host: '0.0.0.0' }),
      /refusing to serve plain HTTP on 0\.0\.0\.0: browsers would not send the Secure session cookies back.*--tls-cert FILE --tls-key FILE.*--trust-proxy/,
    );
    assert.ok(isLoopback('127.0.0.1') && isLoopback('::1') && isLoopback('localhost'));
    assert.ok(!isLoopback('192.0.2.2') && !isLoopback('::') && !isLoopback('0.0.0.0'));
  });

  it('serves on a network address behind a declared proxy', async () => {
    const s = await startServer({ ...base, port: 0, host: '0.0.0.0', trustProxy: { hops: 1 } });
    try {
      assert.equal((await fetch(`http://127.0.0.1:${port(s.url)}/api/v1/health`)).status, 200);
    } finally {
      await s.close();
    }
  });

  it('serves HTTPS with the certificate and key given', async () => {
    const s = await startServer({ ...base, port: 0, tls: TLS });
    try {
      assert.match(s.url, /^https:\/\/127\.0\.0\.1:\d+\/$/);
      const body = await new Promise<string>((done, fail) => {
        const req = request(`${s.url}api/v1/health`, { ca: readFileSync(TLS.cert) }, (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d));
          res.on('end', () => done(text));
        });
        req.on('error', fail);
        req.end();
      });
      assert.deepEqual(JSON.parse(body), { ok: true });
    } finally {
      await s.close();
    }
    await assert.rejects(
      () => startServer({ ...base, port: 0, tls: { ...TLS, key: join(dir, 'missing.pem') } }),
      /cannot read the TLS key .*missing\.pem: ENOENT/,
    );
  });

  it('drops a client that sends its headers too slowly', async () => {
    const s = await startServer({ ...base, port: 0, limits: { headersTimeout: 500, requestTimeout: 1000 } });
    try {
      const socket = connect(port(s.url), '127.0.0.1');
      const done = closed(socket);
      socket.write('GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      const { data, ms } = await done;
      assert.match(data, /^HTTP\/1\.1 408/);
      assert.ok(ms < 3000, `closed after ${ms} ms`);
    } finally {
      await s.close();
    }
  });

  it('closes connections beyond the cap', async () => {
    const s = await startServer({ ...base, port: 0, limits: { maxConnections: 2 } });
    const sockets: Socket[] = [];
    try {
      const open = () =>
        new Promise<Socket>((done) => {
          const socket = connect(port(s.url), '127.0.0.1', () => done(socket));
          sockets.push(socket);
        });
      await open();
      await open();
      const third = await open();
      const { ms } = await closed(third);
      assert.ok(ms < 2000);
      assert.ok(!sockets[0]!.destroyed && !sockets[1]!.destroyed, 'the first two stay connected');
    } finally {
      for (const x of sockets) x.destroy();
      await s.close();
    }
  });
});
