import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decompose } from '../../../src/models/accountability/forecast-error.ts';
import { add, fixed, parseFixed, text } from '../../../src/models/accountability/fixed.ts';
import { project } from '../../../src/models/accountability/projection.ts';

describe('forecast against outturn', () => {
  it('splits a hand-worked error: projected 100, same method on revised data 102, policy +1.5, outturn 104.2', () => {
    const d = decompose({
      projected: 100,
      reprojected: 102,
      policy: [{ scenario: 's1', effect: 1.5 }],
      outturn: 104.2,
    });
    assert.equal(d.total.exact, '4.2');
    assert.equal(d.revision.exact, '2');
    assert.equal(d.policy.exact, '1.5');
    assert.equal(d.rest.exact, '0.7');
  });
  it('the parts add up to the total exactly, for any inputs', () => {
    const num = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(
        num,
        num,
        num,
        fc.array(num, { maxLength: 4 }),
        (projected, reprojected, outturn, effects) => {
          const d = decompose({
            projected,
            reprojected,
            outturn,
            policy: effects.map((effect, i) => ({ scenario: `s${i}`, effect })),
          });
          const parts = [d.revision, d.policy, d.rest].map((p) => parseFixed(p.exact));
          const s = parts.reduce(add);
          assert.equal(text(s), d.total.exact);
        },
      ),
    );
  });
  it('reads each input at nine decimal places, the resolution the parts are exact to', () => {
    const d = decompose({ projected: 0, reprojected: -5e-10, policy: [], outturn: 1 / 3 });
    assert.equal(d.total.exact, '0.333333333');
    assert.equal(d.revision.exact, '-0.000000001');
    assert.equal(d.rest.exact, '0.333333334');
  });
  it('0.1 + 0.2 is 0.3 here', () => {
    assert.equal(text(add(fixed(0.1), fixed(0.2))), '0.3');
    assert.equal(text(fixed(-0.25)), '-0.25');
    assert.throws(() => fixed(Number.NaN), /not a finite number/);
  });
});

describe('projection methods', () => {
  const s = [2018, 2019, 2020, 2021, 2022].map((period, i) => ({ period, value: 10 + 2 * i }));
  it('a linear trend through points on a line continues the line', () => {
    assert.equal(project({ id: 'linear-trend', version: 1, window: 5 }, s, 2022, 2025), 24);
  });
  it('uses only the periods up to the frozen last period', () => {
    const revised = [...s, { period: 2023, value: 100 }];
    assert.equal(project({ id: 'last-value', version: 1 }, revised, 2022, 2024), 18);
    assert.equal(project({ id: 'mean-of-previous', version: 1, window: 3 }, revised, 2022, 2024), 16);
  });
  it('refuses a projection into the past, a short series and an unknown method', () => {
    assert.throws(() => project({ id: 'last-value', version: 1 }, s, 2022, 2022), /after 2022/);
    assert.throws(
      () => project({ id: 'linear-trend', version: 1, window: 9 }, s, 2022, 2025),
      /needs 9 values/,
    );
    assert.throws(
      () => project({ id: 'crystal', version: 1 } as never, s, 2022, 2025),
      /invalid projection method: crystal/,
    );
  });
});
