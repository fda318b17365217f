// The participation pages over the real app and civic store: what a resident sees and keeps
// when they change a ballot, and what an unknown page answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RIVERSIDE } from '../../civic/consultation-fixture.ts';
import { civicWorld, type CivicWorld } from '../civic-fixture.ts';

describe('participation pages', () => {
  let w: CivicWorld;
  before(async () => {
    w = await civicWorld('sqlite');
  });
  after(async () => {
    await w.close();
  });

  it('a changed ballot keeps the age band declared with the first one', async () => {
    const v = await w.voter();
    const path = `/participate/${RIVERSIDE.id}/ballot`;
    let res = await v.request('POST', path, { form: { option: ['A'], ageBand: '65+', sex: '' } });
    assert.equal(res.status, 303);
    // the ballot page offers the declared band back, so a change sends it again
    const html = await (await v.request('GET', `/participate/${RIVERSIDE.id}`)).text();
    assert.match(html, /<option value="65\+" selected>/);
    const form = { option: ['B'], ageBand: '65+', sex: '' };
    res = await v.request('POST', path, { form });
    assert.equal(res.status, 303);
    const rows = await w.svc.ctx.cdb.db.selectFrom('respondents').selectAll().execute();
    assert.deepEqual(
      rows.map((r) => r.age_band),
      ['65+'],
    );
  });

  it('an unknown participation page answers 404 as a page', async () => {
    for (const path of [`/participate/${RIVERSIDE.id}/receipt`, '/participate/a/b/c']) {
      const res = await w.clients.anonymous.request('GET', path);
      assert.equal(res.status, 404, path);
      assert.match(await res.text(), /Not found/);
    }
  });
});
