import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fetchSources, OfflineError, requestUrl } from '../../src/ingest/fetch.ts';
import { testSource } from '../helpers/source.ts';

const FILES: Record<string, string> = {
  '/www.ons.gov.uk/file/table3c.csv': 'ITL code,Region name\r\nTLC11,Hartlepool and Stockton-on-Tees\r\n',
  '/www.nomisweb.co.uk/api/v01/dataset/NM_2002_1.data.csv?date=2021': '"DATE"\n"2021"\n',
};
let server: Server;
let base: string;

before(async () => {
  server = createServer((req, res) => {
    const body = FILES[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/csv' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
});
after(() => server.close());

const source = testSource({
  id: 'ons-test',
  folder: 'gva',
  downloads: {
    'Table 3c.csv': 'https://www.ons.gov.uk/file/table3c.csv',
    'lad.csv': 'https://www.nomisweb.co.uk/api/v01/dataset/NM_2002_1.data.csv?date=2021',
  },
});

describe('fetching from publishers (a local server stands in for them)', () => {
  it('maps publisher URLs onto a mirror', () => {
    assert.equal(
      requestUrl('https://www.ons.gov.uk/a/b.csv?x=1', 'http://127.0.0.1:9/'),
      'http://127.0.0.1:9/www.ons.gov.uk/a/b.csv?x=1',
    );
    assert.equal(requestUrl('https://www.ons.gov.uk/a.csv'), 'https://www.ons.gov.uk/a.csv');
  });
  it('downloads each file into its folder with its checksum', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-fetch-'));
    const out = await fetchSources([source], dir, { mirror: base });
    assert.deepEqual(
      out.map((f) => [f.file, f.status]),
      [
        ['Table 3c.csv', 'downloaded'],
        ['lad.csv', 'downloaded'],
      ],
    );
    assert.equal(
      readFileSync(join(dir, 'gva', 'Table 3c.csv'), 'utf8'),
      FILES['/www.ons.gov.uk/file/table3c.csv'],
    );
    assert.match(out[0]!.sha256!, /^[0-9a-f]{64}$/);
  });
  it('reports a missing file without writing a partial one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strata-fetch-'));
    const missing = testSource({ folder: 'x', downloads: { 'gone.csv': 'https://www.ons.gov.uk/gone.csv' } });
    const [f] = await fetchSources([missing], dir, { mirror: base });
    assert.equal(f!.status, 'failed');
    assert.equal(f!.detail, 'HTTP 404');
  });
  it('says it is offline in one line when no publisher answers', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await assert.rejects(
      fetchSources([source], mkdtempSync(join(tmpdir(), 'strata-fetch-')), {
        mirror: `http://127.0.0.1:${port}`,
      }),
      (e: Error) => {
        assert.ok(e instanceof OfflineError);
        assert.match(
          e.message,
          /^offline: cannot reach 127\.0\.0\.1:\d+; download the files yourself and run strata data import DIR$/,
        );
        assert.ok(!e.message.includes('\n'));
        return true;
      },
    );
  });
});
