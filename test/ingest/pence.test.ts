import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePence, poundsToPence } from '../../src/ingest/pence.ts';

const at = { file: 'f.csv', line: 2, column: 6 };

describe('parsePence', () => {
  it('reads pounds as exact integer pence', () => {
    assert.equal(parsePence('1773.66', at, ['minus']), 177366);
    assert.equal(parsePence('472.4', at, ['minus']), 47240);
    assert.equal(parsePence('500', at, ['minus']), 50000);
    assert.equal(parsePence('£1,234,567.89', at, ['minus']), 123456789);
    assert.equal(parsePence(' 0.07 ', at, ['minus']), 7);
    // 0.1 + 0.2 is not 0.3 in floating point; in pence it is.
    assert.equal(
      parsePence('0.10', at, ['minus']) + parsePence('0.20', at, ['minus']),
      parsePence('0.30', at, ['minus']),
    );
  });
  it('reads the credit marks a layout declares, and only those', () => {
    assert.equal(parsePence('-387.00', at, ['minus']), -38700);
    assert.equal(parsePence('(12.50)', at, ['minus', 'brackets']), -1250);
    assert.equal(parsePence('12.50CR', at, ['minus', 'cr']), -1250);
    assert.equal(parsePence('12.50 cr', at, ['cr']), -1250);
    assert.throws(
      () => parsePence('-1.00', at, ['brackets']),
      /f\.csv:2:6: minus sign not expected \(value "-1\.00"\)/,
    );
    assert.throws(() => parsePence('(1.00)', at, ['minus']), /not an amount/);
  });
  it('refuses text that is not an amount, and fractions of a penny, naming place and value', () => {
    assert.throws(
      () => parsePence('12.345', at, ['minus']),
      /f\.csv:2:6: amount finer than a penny \(value "12\.345"\)/,
    );
    assert.throws(() => parsePence('twelve', at, ['minus']), /f\.csv:2:6: not an amount \(value "twelve"\)/);
    assert.throws(() => parsePence('', at, ['minus']), /not an amount/);
    assert.throws(() => parsePence('1,23.00', at, ['minus']), /not an amount/);
    assert.throws(() => parsePence('-(1.00)', at, ['minus', 'brackets']), /not an amount/);
  });
  it('converts JSON pounds to pence, refusing sub-penny values', () => {
    assert.equal(poundsToPence(1200000.5, at), 120000050);
    assert.equal(poundsToPence(0.29, at), 29);
    assert.throws(() => poundsToPence(1.005, at), /finer than a penny/);
    assert.throws(() => poundsToPence(Number.NaN, at), /not an amount/);
  });
});
