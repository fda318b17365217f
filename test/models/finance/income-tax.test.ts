import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bandAt, taxBands } from '../../../src/models/finance/income-tax.ts';
import { incomeTax } from './rules-fixture.ts';

describe('income tax bands', () => {
  it('marginal rates for the rest of the UK and Scotland, 2025-26', () => {
    const ruk = taxBands(incomeTax(), '2025-26', 'rest-of-uk');
    const sco = taxBands(incomeTax(), '2025-26', 'scotland');
    assert.equal(bandAt(ruk, 12570).rate, 0);
    assert.equal(bandAt(ruk, 30000).rate, 0.2);
    assert.equal(bandAt(ruk, 60000).band, 'higher');
    assert.equal(bandAt(ruk, 110000).rate, 0.6);
    assert.equal(bandAt(ruk, 200000).rate, 0.45);
    assert.equal(bandAt(sco, 14000).band, 'starter');
    assert.equal(bandAt(sco, 30000).rate, 0.21);
    assert.equal(bandAt(sco, 60000).rate, 0.42);
    assert.equal(bandAt(sco, 200000).rate, 0.48);
  });
  it('refuses an unknown year and bands out of order', () => {
    assert.throws(() => taxBands(incomeTax(), '1999-00', 'scotland'), /unknown tax year: 1999-00/);
    const bad = incomeTax();
    bad.years['2025-26']!['rest-of-uk'][2]!.upTo = 40000;
    assert.throws(() => taxBands(bad, '2025-26', 'rest-of-uk'), /band higher must end above 50270/);
  });
});
