import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson } from '../../src/civic/canonical.ts';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    assert.equal(
      canonicalJson({ b: [1, { d: 'x', c: null }], a: true }),
      '{"a":true,"b":[1,{"c":null,"d":"x"}]}',
    );
  });
  it('writes numbers in the shortest round-trip form and escapes strings as JSON', () => {
    assert.equal(canonicalJson([0.1, 1e21, -0, 100]), '[0.1,1e+21,0,100]');
    assert.equal(canonicalJson('Świecie "x"\n'), '"Świecie \\"x\\"\\n"');
  });
  it('rejects values JSON cannot hold exactly', () => {
    assert.throws(() => canonicalJson(NaN), /not a finite number/);
    assert.throws(() => canonicalJson(new Date(0)), /not a JSON value/);
  });
});
