// `strata serve` as a user runs it: a process that says where it serves, answers the API and
// stops on SIGTERM.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UsageError } from '../../../src/core/errors.ts';
import { parsePort } from '../../../src/cli/commands/serve.ts';
import { startServerProcess } from '../../civic/server-process.ts';
import { PACK_DB, packWorkbench } from '../../helpers/pack.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-cli-serve-'));
before(async () => (await packWorkbench()).close());
after(() => rmSync(dir, { recursive: true, force: true }));

describe('strata serve', () => {
  it('serves the API from the store until stopped', async () => {
    const server = await startServerProcess(PACK_DB, `sqlite:${join(dir, 'civic.sqlite')}`);
    try {
      const health = await fetch(`${server.url}api/v1/health`);
      assert.deepEqual(await health.json(), { ok: true });
      const layers = await fetch(`${server.url}api/v1/layers?level=itl1&format=csv`);
      assert.match(await layers.text(), /^areacd,areanm,year,layer,value,share,lq\n/);
    } finally {
      server.child.kill('SIGTERM');
      assert.equal(await server.exited, 0);
    }
  });

  it('refuses a port that is no port', () => {
    assert.equal(parsePort('8080'), 8080);
    assert.throws(() => parsePort('80x'), UsageError);
    assert.throws(() => parsePort('70000'), /invalid port: 70000/);
  });
});
