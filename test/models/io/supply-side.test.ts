import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allocationCoefficients,
  ghoshModel,
  ghoshOutputs,
  ghoshRowSums,
} from '../../../src/models/io/ghosh.ts';
import { linkages } from '../../../src/models/io/linkages.ts';
import { nationalModel } from '../../../src/models/io/national.ts';
import { twoSector } from './tables.ts';

const close = (a: number, b: number) => assert.ok(Math.abs(a - b) <= 1e-14 * Math.abs(b), `${a} vs ${b}`);
const t = twoSector();
const model = nationalModel(t);
const g = ghoshModel(t.z, t.output, 2);

describe('Ghosh supply-side model (two-sector, by hand)', () => {
  it('B = x̂⁻¹Z', () => {
    // [[150/1000, 500/1000], [200/2000, 100/2000]]
    assert.deepEqual([...allocationCoefficients(t.z, t.output, 2)], [0.15, 0.5, 0.1, 0.05]);
  });
  it('primary inputs (x_j − Σ_i z_ij = 650, 1400) support exactly the observed outputs', () => {
    const x = ghoshOutputs(g, Float64Array.of(650, 1400));
    close(x[0]!, 1000);
    close(x[1]!, 2000);
  });
  it('G = x̂⁻¹ L x̂: row sums (380·1000 + 100·2000)/303000 = 580/303 and (80·1000 + 340·2000)/606000 = 380/303', () => {
    const rows = ghoshRowSums(g);
    close(rows[0]!, 580 / 303);
    close(rows[1]!, 380 / 303);
  });
});

describe('Rasmussen linkages (two-sector, by hand)', () => {
  // L = [[380, 100], [80, 340]]/303: column sums (460, 440)/303, row sums (480, 420)/303, total 900/303.
  const lk = linkages(model, g);
  it('backward: n · column sum / total', () => {
    close(lk.backward[0]!, (2 * 460) / 900);
    close(lk.backward[1]!, (2 * 440) / 900);
  });
  it('forward: from L rows and from G rows (Σ G = 960/303)', () => {
    close(lk.forward[0]!, (2 * 480) / 900);
    close(lk.forwardGhosh![0]!, (2 * 580) / 960);
    close(lk.forwardGhosh![1]!, (2 * 380) / 960);
    assert.deepEqual(lk.key, [true, false]);
  });
});
