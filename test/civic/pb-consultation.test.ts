import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePb, writePb } from '../../src/civic/pabulib.ts';
import { consultationFromPb, consultationToPb } from '../../src/civic/pb-consultation.ts';
import { tally } from '../../src/civic/tally/rules.ts';

const PB = [
  'META',
  'key;value',
  'description;Riverside fund',
  'budget;30',
  'vote_type;approval',
  'rule;equalshares/add1',
  'max_length;2',
  'PROJECTS',
  'project_id;cost;name',
  'A;20;Play area',
  'B;10;Bike racks',
  'C;20;Trees',
  'VOTES',
  'voter_id;vote',
  'v1;B,A',
  'v2;A,B',
  'v3;A,C',
  'v4;A',
].join('\r\n');

describe('consultations and the pabulib format', () => {
  it('loads a .pb file as a consultation with its rule, costs and ballots', () => {
    const { consultation, ballots } = consultationFromPb(parsePb(PB, 'riverside.pb'), 'riverside');
    assert.equal(consultation.rule, 'equalshares/add1');
    assert.equal(consultation.maxLength, 2);
    assert.deepEqual(consultation.options[0], { id: 'A', name: 'Play area', cost: '20' });
    assert.deepEqual(ballots[0], { voter: 'v1', ballot: ['A', 'B'] });
    const out = tally(
      consultation,
      ballots.map((b) => b.ballot),
    );
    assert.deepEqual(out.kind === 'budget' && out.selected, ['A', 'B']);
  });
  it('exports a consultation with its outcome, and reads back the same ballots', () => {
    const { consultation, ballots } = consultationFromPb(parsePb(PB, 'riverside.pb'), 'riverside');
    const out = tally(
      consultation,
      ballots.map((b) => b.ballot),
    );
    const pb = consultationToPb(consultation, ballots, out, { country: 'United Kingdom', unit: 'Riverside' });
    const text = writePb(pb);
    assert.match(text, /^META\r\nkey;value\r\ndescription;Riverside fund\r\ncountry;United Kingdom\r\n/);
    assert.match(
      text,
      /project_id;cost;votes;name;selected\r\nA;20;4;Play area;1\r\nB;10;2;Bike racks;1\r\nC;20;1;Trees;0\r\n/,
    );
    const again = consultationFromPb(parsePb(text, 'export.pb'), 'riverside');
    assert.deepEqual(again.ballots, ballots);
    assert.deepEqual(again.consultation, consultation);
  });
  it('refuses ballots pabulib cannot hold', () => {
    const c = { id: 'g', title: 'Goals', ballot: 'points' as const, options: [{ id: 'x' }], rule: 'mean' };
    assert.throws(() => consultationToPb(c, []), /invalid ballot kind for pabulib export: points/);
  });
});
