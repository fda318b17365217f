import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { IoExtraction } from '../../../src/contract/io.ts';
import { strata } from '../../helpers/cli.ts';
import { packWorkbench } from '../../helpers/pack.ts';

before(async () => (await packWorkbench()).close());

describe('strata io', () => {
  it('layers: Λ as a table with the key sectors under it', async () => {
    const r = await strata(['io', 'layers', '--area', 'TLC11', '--format', 'table']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^output of ↓ per £1 of demand for →/);
    assert.match(r.out, /\nKey sectors \(backward and forward linkage above 1\)\nindustry/);
  });

  it('extract: JSON in the contract’s shape; the losses add up', async () => {
    const r = await strata(['io', 'extract', '--layer', 'foundational-material', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const e = IoExtraction.parse(JSON.parse(r.out));
    const lost = e.byLayer.reduce((s, l) => s + l.loss, 0);
    assert.ok(Math.abs(lost - e.lostOutput) < 1e-6 * e.lostOutput);
  });

  it('shock: a row per layer and measure whose parts add to the total; interregionally, where it lands', async () => {
    const local = await strata([
      'io',
      'shock',
      '--area',
      'TLC11',
      '--industry',
      'Q87',
      '--amount',
      '10e6',
      '--format',
      'csv',
    ]);
    assert.equal(local.code, 0, local.err);
    const rows = parse(local.out, { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]!), ['layer', 'measure', 'direct', 'indirect', 'induced', 'total']);
    for (const x of rows) {
      const parts = Number(x['direct']) + Number(x['indirect']) + Number(x['induced']);
      assert.ok(
        Math.abs(parts - Number(x['total'])) < 1e-9 * Math.max(1, Math.abs(parts)),
        JSON.stringify(x),
      );
    }
    const wide = await strata([
      'io',
      'shock',
      '--area',
      'TLC11',
      '--industry',
      'Q87',
      '--amount',
      '10e6',
      '--interregional',
      '--format',
      'table',
    ]);
    assert.equal(wide.code, 0, wide.err);
    assert.match(wide.out, /Where the output lands \(top 10 of 179 areas, £m\)\nareacd/);
    assert.match(wide.out, /converged: Type I \d+ sweeps/);
    assert.match(wide.out, /By place \(£m and employees; low–high: δ from 0\.1 to 0\.4\)/);
    assert.doesNotMatch(wide.out, /\bjobs\b/);
  });

  it('shock --view places: the area, elsewhere in its combined authority, the rest of the UK, with δ bands', async () => {
    const base = [
      'io',
      'shock',
      '--area',
      'E06000001',
      '--industry',
      'Q87',
      '--amount',
      '10e6',
      '--format',
      'csv',
    ];
    const r = await strata([...base, '--interregional', '--view', 'places']);
    assert.equal(r.code, 0, r.err);
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((x) => [x['part'], x['covers'], x['areas']]),
      [
        ['local', 'Hartlepool', '1'],
        ['group', 'Elsewhere in Tees Valley (combined authority)', '4'],
        ['rest', 'Rest of the UK', '356'],
        ['total', 'UK total', '361'],
      ],
    );
    for (const k of ['output', 'gva', 'employees']) {
      const v = rows.map((x) => Number(x[`${k}_value`]));
      assert.equal(v[0]! + v[1]! + v[2]!, v[3], k);
    }
    // The ITL3 area Hartlepool and Stockton-on-Tees too: its parts add up to the UK total exactly.
    const itl3 = await strata([
      ...base.map((a) => (a === 'E06000001' ? 'TLC11' : a)),
      '--interregional',
      '--view',
      'places',
    ]);
    assert.equal(itl3.code, 0, itl3.err);
    const parts = parse(itl3.out, { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      parts.map((x) => [x['part'], x['covers'], x['areas']]),
      [
        ['local', 'Hartlepool and Stockton-on-Tees', '1'],
        ['group', 'Elsewhere in Tees Valley (combined authority)', '2'],
        ['rest', 'Rest of the UK', '176'],
        ['total', 'UK total', '179'],
      ],
    );
    for (const k of ['output', 'gva', 'employees']) {
      const v = parts.map((x) => Number(x[`${k}_value`]));
      assert.equal(v[0]! + v[1]! + v[2]!, v[3], k);
      for (const x of parts)
        assert.ok(Number(x[`${k}_low`]) <= Number(x[`${k}_high`]), `${k} band of ${x['part']}`);
    }
    const refused = await strata([...base, '--view', 'places']);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /--view places needs --interregional/);
  });

  it('refuses a bad variant, type or δ with one line and exit 2', async () => {
    for (const [args, message] of [
      [['multipliers', '--variant', 'slq'], 'invalid variant: slq (flq or aflq)'],
      [['multipliers', '--type', '3'], 'invalid type: 3 (1 or 2)'],
      [['layers', '--area', 'TLC11', '--delta', '1'], 'invalid delta: 1 (FLQ δ must be in [0, 1))'],
    ] as const) {
      const r = await strata(['io', ...args]);
      assert.equal(r.code, 2, r.err);
      assert.equal(r.err, `strata: ${message}\n`);
    }
  });
});
