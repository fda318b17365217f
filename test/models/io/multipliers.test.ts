import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inverse, luFactor } from '../../../src/models/io/lu.ts';
import { multipliers } from '../../../src/models/io/multipliers.ts';
import { multipliersTable } from '../../../src/models/io/multipliers-table.ts';
import { nationalModel } from '../../../src/models/io/national.ts';
import { closedMatrix } from '../../../src/models/io/type2.ts';
import { identityMinus } from '../../../src/models/io/leontief.ts';
import { twoSector } from './tables.ts';

const close = (a: number, b: number, tol = 1e-14) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

describe('multipliers (two-sector, by hand)', () => {
  const model = nationalModel(twoSector(), { employment: Float64Array.of(50, 30) });
  const m = multipliers(model);
  it('Type I output multipliers are the column sums of L = [[380, 100], [80, 340]]/303', () => {
    close(m.output.total1[0]!, 460 / 303);
    close(m.output.total1[1]!, 440 / 303);
    close(m.output.indirect[0]!, 460 / 303 - 1);
  });
  it('Type I compensation: hL = (0.3, 0.25)L = (134, 115)/303; ratio = total / direct', () => {
    close(m.compensation.total1[0]!, 134 / 303);
    close(m.compensation.total1[1]!, 115 / 303);
    close(m.compensation.type1[0]!, 134 / 303 / 0.3);
    close(m.compensation.indirect[1]!, 115 / 303 - 0.25);
  });
  it('Type II from the exact closed inverse L̄ = (I − Ā)⁻¹, det = 53/100', () => {
    // Ā = [[.15, .25, .25], [.2, .05, .5], [.3, .25, 0]]; L̄ (exact) =
    // [[165/106, 125/212, …], [35/53, 155/106, …], [67/106, 115/212, …]].
    // Output (industry rows): 165/106 + 35/53 = 235/106; 125/212 + 155/106 = 435/212.
    close(m.output.total2[0]!, 235 / 106);
    close(m.output.total2[1]!, 435 / 212);
    // Compensation row of L̄ over industries: (67/106, 115/212).
    close(m.compensation.total2[0]!, 67 / 106);
    close(m.compensation.total2[1]!, 115 / 212);
    close(m.compensation.induced[0]!, 67 / 106 - 134 / 303);
    close(m.compensation.type2[1]!, 115 / 212 / 0.25);
  });
  it('Sherman–Morrison agrees with factoring the bordered matrix', () => {
    const c = model.closure;
    const lbar = inverse(luFactor(identityMinus(closedMatrix(model.a, 2, c.h, c.c), 3), 3));
    for (let j = 0; j < 2; j++) {
      const gva = 0.5 * lbar[j]! + 0.5 * lbar[3 + j]!;
      close(m.gva.total2[j]!, gva, 1e-15);
      const emp = 0.05 * lbar[j]! + 0.015 * lbar[3 + j]!;
      close(m.employment!.total2[j]!, emp, 1e-15);
    }
  });
  it('the table has the headline columns, splits and nulls for undefined ratios', () => {
    const t = twoSector();
    t.primaryInputs.D1![1] = 0;
    const rows = multipliersTable(multipliers(nationalModel(t)));
    assert.deepEqual(Object.keys(rows[0]!).slice(0, 10), [
      'industry',
      'name',
      'output',
      'gva_type1',
      'compensation_type1',
      'employment_type1',
      'output_type2',
      'gva_type2',
      'compensation_type2',
      'employment_type2',
    ]);
    assert.equal(rows[1]!.compensation_type1, null);
    assert.equal(rows[0]!.employment_type1, null);
    assert.equal(rows[0]!.output_direct, 1);
    assert.ok(Math.abs((rows[0]!.output_indirect as number) - (460 / 303 - 1)) < 1e-15);
  });
});
