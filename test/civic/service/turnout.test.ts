// Turnout on each store: each voter counted once, by the area of their code and by the age band
// they declared; counts of 1 to 9 withheld with their rates, a lone one with its neighbour.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkConsultationFile } from '../../../src/civic/consultation-file.ts';
import { CivicService } from '../../../src/civic/service.ts';
import { GOALS } from '../consultation-fixture.ts';
import { freshStore, storeKinds, testClock, type TestStore } from '../stores.ts';

const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const ID = 'town-2026';

for (const kind of storeKinds()) {
  describe(`turnout on ${kind}`, () => {
    let store: TestStore;
    let svc: CivicService;
    const clock = testClock('2026-05-02T10:00:00Z');
    before(async () => {
      store = freshStore(kind);
      svc = await CivicService.open(store.url, { now: clock.now, mail: null });
      await svc.createConsultation(ADMIN, checkConsultationFile({ ...GOALS, id: ID, area: 'TLC1' }));
      await svc.openConsultation(ADMIN, ID);
      const issue = (count: number, area: string) =>
        svc.issueCodes(ADMIN, ID, { count, expiresAt: '2026-05-10T00:00:00Z', area, parents: ['TLC1'] });
      const north = await issue(40, 'E06000001');
      const south = await issue(20, 'E06000004');
      const ballot = Object.fromEntries(GOALS.options.map((o, i) => [o.id, i === 0 ? 100 : 0]));
      const vote = async (code: string, ageBand?: string, times = 1) => {
        const { session } = await svc.redeem({ consultationId: ID, code, ip: 'a' });
        for (let t = 0; t < times; t++)
          await svc.submitBallot({
            consultationId: ID,
            session,
            ballot,
            declared: ageBand ? { ageBand, sex: null } : undefined,
          });
      };
      for (const [i, code] of north.codes.slice(0, 25).entries())
        await vote(code, i < 12 ? '25-49' : i < 15 ? '65+' : undefined, i < 5 ? 2 : 1);
      for (const code of south.codes.slice(0, 4)) await vote(code, '25-49');
      await svc.revokeCodes(ADMIN, ID, south.codes.slice(15));
    });
    after(async () => {
      await svc.close();
      await store.drop();
    });

    it('counts each voter once, by zone and by declared age band, withholding small counts', async () => {
      const t = await svc.turnout(ID);
      assert.equal(t.threshold, 10);
      const rows = t.rows.map((r) => [
        r.breakdown,
        r.group,
        r.voters,
        r.electorate,
        r.turnout && Number(r.turnout.toFixed(4)),
      ]);
      assert.deepEqual(rows, [
        ['all', 'all', 29, 55, 0.5273],
        // 4 voters in E06000004 withheld; 25 in E06000001 with them, or 29 − 25 would give it away
        ['zone', 'E06000001', null, 40, null],
        ['zone', 'E06000004', null, 15, null],
        ['age band', '25-49', 16, null, null],
        // 3 declared 65+: withheld, and "not declared" (10) with it, so neither can be derived
        ['age band', '65+', null, null, null],
        ['age band', 'not declared', null, null, null],
      ]);
    });
  });
}
