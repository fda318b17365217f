import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layerMap } from '../../../src/models/io/layers.ts';
import { industryClasses, sicShares, type Sectors } from '../../../src/models/scenarios/sectors.ts';
import { resolveTarget, type TargetContext } from '../../../src/models/scenarios/targets.ts';
import { TAXONOMY } from './economy.ts';

const CODES = ['C29', 'J62', 'M70', 'Q87 & Q88', 'L68A'];
const CLASSES = [
  '2910',
  '2920',
  '2931',
  '2932',
  '6201',
  '6202',
  '6203',
  '6209',
  '7010',
  '7021',
  '7022',
  '8710',
  '8720',
  '8730',
  '8790',
  '8810',
  '8891',
  '8899',
];
const sectors: Sectors = {
  id: 's',
  title: 's',
  source: 's',
  sectors: [
    {
      id: 'creative',
      name: 'Creative',
      is8: true,
      coverage: 'good',
      sic: ['62.01', '62.02', '70.21'],
      note: 'n',
    },
  ],
};
const ctx: TargetContext = {
  codes: CODES,
  layers: layerMap(CODES, TAXONOMY),
  sectors,
  classes: industryClasses(CODES, CLASSES),
};

describe('targets', () => {
  it('SIC codes finer than an industry count it by its share of SIC classes', () => {
    assert.deepEqual([...sicShares(ctx.classes, '62.01')], [0, 0.25, 0, 0, 0]);
    assert.deepEqual([...sicShares(ctx.classes, '87')], [0, 0, 0, 4 / 7, 0]);
    const t = resolveTarget({ sector: 'creative' }, ctx, 'output');
    assert.deepEqual([...t.weights], [0, 0.5, 1 / 3, 0, 0]);
    assert.match(t.notes.join(), /counted in part \(share of their SIC classes\): J62 50%, M70 33%/);
  });
  it('an industry by its IOAT code or a SIC code; a single one names the industry it falls in', () => {
    assert.deepEqual([...resolveTarget({ industry: 'j62' }, ctx, 'output').weights], [0, 1, 0, 0, 0]);
    const q88 = resolveTarget({ industry: 'Q88' }, ctx, 'output');
    assert.equal(q88.weights[3]! > 0 && q88.weights.filter((w) => w > 0).length, 1);
    assert.match(q88.notes[0]!, /Q88 is part of the input-output industry Q87 & Q88/);
  });
  it('layers and the whole economy; imputed rent is never a target', () => {
    const h = resolveTarget({ horizontal: 'final-demand' }, ctx, 'output');
    assert.deepEqual([...h.weights], [1, 1, 1, 1, 0]);
    assert.equal(h.vertical, false);
    assert.equal(resolveTarget({ layer: 'foundational-providential' }, ctx, 'output').weights[3], 1);
  });
  it('names an unknown industry, layer or sector', () => {
    assert.throws(() => resolveTarget({ industry: 'Z99' }, ctx, 'output'), /unknown industry: Z99/);
    assert.throws(
      () => resolveTarget({ industry: '55' }, ctx, 'output'),
      /unknown industry: 55 \(no input-output industry holds it\)/,
    );
    assert.throws(() => resolveTarget({ layer: 'magic' }, ctx, 'output'), /unknown layer: magic/);
    assert.throws(
      () => resolveTarget({ sector: 'space' }, ctx, 'output'),
      /unknown sector: space \(creative\)/,
    );
  });
});
