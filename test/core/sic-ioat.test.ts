import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveIndustry } from '../../src/core/sic.ts';

// Codes exactly as the ONS input-output analytical tables (2019, 2022) print them.
describe('resolveIndustry on every IOAT code form', () => {
  const cases: [string, string[], boolean][] = [
    ['C102_3', ['10'], true],
    ['C235_6', ['23'], true],
    ['C244_5', ['24'], true],
    ['D352_3', ['35'], true],
    ['H491_2', ['49'], true],
    ['H493T495', ['49'], true],
    ['F41, F42  & F43', ['41', '42', '43'], false],
    ['K65.1-2 & K65.3', ['65'], true],
    ['C23OTHER', ['23'], true],
    ['J59 & J60', ['59', '60'], false],
    ['Q87 & Q88', ['87', '88'], false],
    ['T97', ['97'], false],
    ['C1101T1106 & C12', ['11', '12'], true],
  ];
  for (const [code, divisions, partial] of cases) {
    it(code, () => {
      const r = resolveIndustry(code);
      assert.deepEqual(r.divisions, divisions);
      assert.equal(r.partial, partial);
    });
  }
  it('rejects malformed IOAT codes', () => {
    assert.throws(() => resolveIndustry('C1x'), /unknown industry code: C1x/);
    assert.throws(() => resolveIndustry('C04'), /unknown industry code|empty SIC range/);
  });
});
