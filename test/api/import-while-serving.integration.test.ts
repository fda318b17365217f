// `strata data import` while `strata serve` answers requests: the import writes a new generation
// of the store file and the server moves to it. Under steady load from several clients no
// request fails or is dropped, every answer is whole, and the new datasets appear without a restart.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServerProcess, type ServerProcess } from '../civic/server-process.ts';
import { PACK } from '../helpers/source.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-live-import-'));
const db = join(dir, 'strata.duckdb');
const CLIENTS = 8;

/** A pack folder holding some of the data pack's folders (linked, not copied). */
function packOf(name: string, folders: string[]): string {
  const p = join(dir, name);
  mkdirSync(p);
  for (const f of folders) symlinkSync(join(PACK, f), join(p, f));
  return p;
}

/** Runs `strata …`; resolves with its exit code and output. */
function strata(args: string[]): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['bin/strata.js', '--db', db, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  child.stderr.on('data', (d: Buffer) => (out += d));
  return new Promise((done) => child.on('exit', (code) => done({ code, out })));
}

let server: ServerProcess;
let serverOut = '';
before(async () => {
  const first = await strata(['data', 'import', packOf('a', ['lad-itl-lookup', 'els-connectivity-lad'])]);
  assert.equal(first.code, 0, first.out);
  server = await startServerProcess(db, `sqlite:${join(dir, 'civic.sqlite')}`);
  server.child.stdout!.on('data', (d: Buffer) => (serverOut += d));
});
after(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  rmSync(dir, { recursive: true, force: true });
});

const sources = async (url: string) =>
  ((await (await fetch(`${url}api/v1/datasets`)).json()) as { datasets: { source: string }[] }).datasets
    .map((d) => d.source)
    .sort();

describe('import while serving', () => {
  it('moves the server to the new store under load without a failed request', async () => {
    const url = server.url;
    const before = await sources(url);
    assert.ok(before.includes('els-gigabit-capable-broadband') && !before.includes('ons-mye-lad-2021'));
    let stop = false;
    const failures: string[] = [];
    const seen = new Set<string>();
    let answered = 0;
    const client = async (k: number) => {
      const paths = ['api/v1/datasets', 'api/v1/indicators', `api/v1/datasets?n=${k}`];
      for (let n = 0; !stop && n < 20_000; n++) {
        const path = paths[n % paths.length]!;
        try {
          const res = await fetch(url + path);
          const body = await res.text();
          if (res.status !== 200) failures.push(`${path}: ${res.status} ${body.slice(0, 200)}`);
          else if (path.startsWith('api/v1/datasets')) {
            const list = (JSON.parse(body) as { datasets: { source: string }[] }).datasets.map(
              (d) => d.source,
            );
            seen.add(list.includes('ons-mye-lad-2021') ? 'new' : 'old');
          }
          answered++;
        } catch (e) {
          failures.push(`${path}: ${(e as Error).message}`);
        }
      }
    };
    const load = Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
    await new Promise((r) => setTimeout(r, 500));
    const second = await strata([
      'data',
      'import',
      packOf('b', ['lad-itl-lookup', 'els-connectivity-lad', 'els-access-lad', 'population-mye-lad-2021']),
    ]);
    assert.equal(second.code, 0, second.out);
    const t0 = Date.now();
    while (!(await sources(url)).includes('ons-mye-lad-2021') && Date.now() - t0 < 10_000)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await load;
    assert.deepEqual(failures, []);
    assert.deepEqual([...seen].sort(), ['new', 'old'], 'clients saw the store before and after the import');
    assert.ok(answered > 100, `only ${answered} requests answered`);
    const after = await sources(url);
    assert.ok(after.includes('ons-mye-lad-2021') && after.includes('els-library-walk'));
    assert.match(serverOut, /serving its new import \(generation 2\)/);
  });
});
