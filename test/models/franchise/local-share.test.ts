import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PostcodeArea } from '../../../src/core/franchise.ts';
import { localShare, placeIn, ruleArea } from '../../../src/models/franchise/local-share.ts';
import { postcodeParts } from '../../../src/models/franchise/postcode.ts';

const city: PostcodeArea = {
  name: 'Manchester (city)',
  areas: [],
  districts: ['M1', 'M13', 'M22'],
  note: '',
};
const region: PostcodeArea = { name: 'Greater Manchester', areas: ['M', 'BL'], districts: ['SK8'], note: '' };

describe('postcodes and the local share', () => {
  it('splits a postcode into area and district', () => {
    assert.deepEqual(postcodeParts('m13 9pl'), { postcode: 'M13 9PL', area: 'M', district: 'M13' });
    assert.deepEqual(postcodeParts('EC1A 1BB'), { postcode: 'EC1A 1BB', area: 'EC', district: 'EC1' });
    assert.equal(postcodeParts('M139WL')!.district, 'M13');
    assert.equal(postcodeParts('not a postcode'), null);
  });
  it('places a postcode inside, outside or unknown under a declared area', () => {
    assert.equal(placeIn('M22 9TA', city), 'inside');
    assert.equal(placeIn('M27 8US', city), 'outside');
    assert.equal(placeIn('M27 8US', region), 'inside');
    assert.equal(placeIn('SK8 1JE', region), 'inside');
    assert.equal(placeIn('SK9 7UD', region), 'outside');
    assert.equal(placeIn(null, region), 'unknown');
  });
  it('shares of spend with a known place, and a floor counting unknowns as outside, under a named rule', () => {
    const s = localShare(
      [
        { pence: 600, postcode: 'M1 3BG' },
        { pence: 200, postcode: 'LS1 2DE' },
        { pence: 200, postcode: null },
      ],
      'registered-office-in-area',
      city,
    );
    assert.deepEqual(
      [s.rule, s.inside, s.outside, s.unknown, s.shareOfKnown, s.shareOfAll],
      ['registered-office-in-area', 600, 200, 200, 0.75, 0.6],
    );
    assert.equal(ruleArea('registered-office-in-region', { local: city, region }), region);
    assert.throws(
      () => ruleArea('based-or-branched' as never, { local: city, region }),
      /invalid local rule: based-or-branched/,
    );
  });
});
