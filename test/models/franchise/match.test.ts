import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { indexEmployers, type EmployerRecord } from '../../../src/models/franchise/employer-index.ts';
import { matchPayee, type MatchRules, type PayeeEvidence } from '../../../src/models/franchise/match.ts';
import { normaliseName, prepareRules, type NameRules } from '../../../src/models/franchise/normalise.ts';

const data = JSON.parse(
  readFileSync(new URL('../../../data/franchise/matching.json', import.meta.url), 'utf8'),
) as NameRules & MatchRules;
const prepared = prepareRules(data);
const employer = (employerId: string, name: string, more: Partial<EmployerRecord> = {}): EmployerRecord => ({
  employerId,
  name,
  companyNumber: null,
  postcode: null,
  divisions: [],
  publicSector: false,
  ...more,
});
const index = indexEmployers(
  [
    employer('1', 'BIFFA MUNICIPAL LIMITED', {
      companyNumber: '04321212',
      postcode: 'HP12 3TZ',
      divisions: ['38'],
    }),
    employer('2', 'BIFFA WASTE SERVICES LIMITED', { companyNumber: '00946107', divisions: ['38'] }),
    employer('3', 'REED SPECIALIST RECRUITMENT LIMITED', { companyNumber: '06903140', divisions: ['78'] }),
    employer('4', 'Salford City Council', { publicSector: true, divisions: ['84'] }),
    employer('5', 'Oxford City Council', { publicSector: true, divisions: ['84'] }),
    employer('6', 'THE TOGETHER TRUST', { companyNumber: '00301722', divisions: ['85', '87'] }),
    employer('7', 'JOHN SISK & SON LIMITED', { companyNumber: '01973332', divisions: ['41'] }),
    employer('8', 'ACME SERVICES LIMITED', { companyNumber: '11111111' }),
    employer('9', 'ACME SERVICES LTD', { companyNumber: '22222222' }),
    // HOLDINGS is a common word among employers, so it weighs little in the score.
    ...['ALPHA', 'BETA', 'GAMMA', 'DELTA', 'EPSILON', 'ZETA'].map((w, k) =>
      employer(`h${k}`, `${w} HOLDINGS LIMITED`),
    ),
  ],
  prepared,
);
const payee = (name: string, more: Partial<PayeeEvidence> = {}): PayeeEvidence => ({
  name,
  companyNumber: null,
  postcode: null,
  divisions: new Set(),
  publicBody: false,
  ...more,
});
const match = (p: PayeeEvidence) => matchPayee(p, index, data);

describe('normaliseName', () => {
  it('sets legal forms aside, reads & as AND, joins initials and splits off a trading name', () => {
    assert.deepEqual(normaliseName('Faithful & Gould Ltd', prepared), {
      key: 'FAITHFUL GOULD',
      tokens: ['FAITHFUL', 'GOULD'],
      legalForm: 'LIMITED',
      trading: null,
    });
    assert.equal(normaliseName('FAITHFUL+GOULD LIMITED', prepared).key, 'FAITHFUL GOULD');
    assert.equal(normaliseName('H.M. Land Registry', prepared).key, 'HM LAND REGISTRY');
    assert.equal(
      normaliseName('Central Mcr Uni Hospital', prepared).key,
      'CENTRAL MANCHESTER UNIVERSITY HOSPITAL',
    );
    const ta = normaliseName('Assa Abloy Ltd T/A Traka', prepared);
    assert.deepEqual([ta.key, ta.legalForm, ta.trading], ['ASSA ABLOY', 'LIMITED', 'TRAKA']);
  });
  it('drops apostrophes inside a word, and accents, keeping the word whole', () => {
    assert.deepEqual(normaliseName("O'Neill's Bakery", prepared).tokens, ['ONEILLS', 'BAKERY']);
    assert.deepEqual(normaliseName('D’Arcy Café', prepared).tokens, ['DARCY', 'CAFE']);
    assert.deepEqual(normaliseName("'Tis A B C", prepared).tokens, ['TIS', 'ABC']);
  });
});

describe('matchPayee', () => {
  it('a company number in the file decides', () => {
    const m = match(payee('Biffa', { companyNumber: '4321212' }));
    assert.deepEqual([m.status, m.method, m.employerId, m.score], ['matched', 'company-number', '1', 100]);
  });
  it('accepts a name with a clear margin and a corroborating field: legal form, industry, public sector', () => {
    const m = match(payee('Biffa Municipal Ltd'));
    assert.deepEqual([m.status, m.employerId, m.corroboration], ['matched', '1', ['legal-form']]);
    assert.equal(match(payee('Salford City Council', { publicBody: true })).status, 'matched');
    const cut = match(payee('Reed Specialist Recrui', { divisions: new Set(['78']) }));
    assert.deepEqual([cut.status, cut.employerId, cut.corroboration], ['matched', '3', ['industry']]);
  });
  it('sends to review, never guesses: no corroboration, a close runner-up, another entity, numbers that differ', () => {
    const bare = match(payee('Salford City Council'));
    assert.deepEqual(
      [bare.status, bare.reason, bare.candidates[0]!.employerId],
      ['review', 'no corroborating field', '4'],
    );
    assert.equal(match(payee('The Together Trust')).reason, 'no corroborating field');
    const twin = match(payee('Acme Services Ltd'));
    assert.deepEqual([twin.status, twin.reason, twin.margin], ['review', 'runner-up within the margin', 0]);
    const holding = match(payee('John Sisk & Son (Holdings) Ltd', { divisions: new Set(['41']) }));
    assert.deepEqual(
      [holding.status, holding.reason],
      ['review', 'HOLDINGS in one name only: another entity'],
    );
    const other = match(payee('Biffa Municipal Ltd', { companyNumber: '99999999' }));
    assert.deepEqual([other.status, other.reason], ['review', 'company numbers differ']);
  });
  it('leaves a payee with no plausible employer unmatched', () => {
    assert.deepEqual(
      [match(payee('Rosgal Ltd')).status, match(payee('Rosgal Ltd')).employerId],
      ['unmatched', null],
    );
  });
});
