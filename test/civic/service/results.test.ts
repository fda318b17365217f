// A participatory budget loaded from a pabulib instance held outside the UK keeps its country,
// place and currency through to the `.pb` export.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pbConsultationFile } from '../../../src/civic/consultation-file.ts';
import { parsePb } from '../../../src/civic/pabulib.ts';
import { CivicService } from '../../../src/civic/service.ts';
import { freshStore, testClock, type TestStore } from '../stores.ts';

const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const WARSZAWA = [
  'META',
  'key;value',
  'description;Budżet obywatelski: Ursynów',
  'country;Poland',
  'unit;Warszawa',
  'subunit;Ursynów',
  'currency;PLN',
  'num_projects;2',
  'num_votes;1',
  'budget;500000',
  'vote_type;approval',
  'rule;greedy',
  'PROJECTS',
  'project_id;cost;name',
  '1;300000;Skwer',
  '2;150000;Ławki',
  'VOTES',
  'voter_id;vote',
  'v1;1',
  '',
].join('\n');

describe('a pabulib instance from outside the UK', () => {
  let store: TestStore;
  let svc: CivicService;
  const clock = testClock('2026-04-20T10:00:00Z');
  before(async () => {
    store = freshStore('sqlite');
    svc = await CivicService.open(store.url, { now: clock.now });
  });
  after(async () => {
    await svc.close();
    await store.drop();
  });

  it('takes a national area code and keeps country, place and currency into the export', async () => {
    const f = pbConsultationFile(WARSZAWA, 'ursynow.pb', {
      id: 'ursynow',
      area: '1465011',
      opens: '2026-05-01T09:00:00Z',
      closes: '2026-05-15T17:00:00Z',
    });
    assert.deepEqual([f.meta.country, f.meta.unit, f.meta.currency], ['Poland', 'Warszawa', 'PLN']);
    await svc.createConsultation(ADMIN, f);
    await svc.openConsultation(ADMIN, 'ursynow', { immediately: true });
    const { codes } = await svc.issueCodes(ADMIN, 'ursynow', { count: 1, expiresAt: '2026-05-16T00:00:00Z' });
    clock.set('2026-05-02T10:00:00Z');
    const { session } = await svc.redeem({ consultationId: 'ursynow', code: codes[0]!, ip: 'test' });
    await svc.submitBallot({ consultationId: 'ursynow', session, ballot: ['1'] });
    clock.set('2026-05-16T10:00:00Z');
    await svc.closeConsultation(ADMIN, 'ursynow');
    const meta = parsePb(await svc.exportPabulib('ursynow'), 'export.pb').meta;
    assert.equal(meta['country'], 'Poland');
    assert.equal(meta['unit'], 'Warszawa');
    assert.equal(meta['currency'], 'PLN');
  });
});
