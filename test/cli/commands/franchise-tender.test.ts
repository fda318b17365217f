// `strata franchise tender FILE` against POST /api/v1/franchise/tender on the same body: the same
// answer as JSON, the same CSV, a text table, and a refused file naming its line and value.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { Workbench } from '../../../src/workbench.ts';
import { appOver, json } from '../../helpers/api.ts';
import { strata as run } from '../../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-tender-cli-'));
const strata = (...args: string[]) => run(args, join(dir, 'none.duckdb'));

// The shipped example, as YAML: the CLI reads the file, the API gets the same body as JSON.
const EXAMPLE = new URL('../../../data/franchise/tender-example.yaml', import.meta.url).pathname;
const TENDER = parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;

describe('strata franchise tender', () => {
  let wb: Workbench;
  let app: ReturnType<typeof appOver>;
  const file = EXAMPLE;
  before(async () => {
    wb = await Workbench.open(':memory:');
    app = appOver(wb);
  });
  after(() => wb.close());
  const post = (query = '') =>
    app.request(`/api/v1/franchise/tender${query}`, {
      method: 'POST',
      body: JSON.stringify(TENDER),
      headers: { 'content-type': 'application/json' },
    });

  it('prints the API’s answer as JSON and its CSV byte for byte, for the shipped example', async () => {
    const j = await strata('franchise', 'tender', file, '--format', 'json');
    assert.equal(j.code, 0, j.err);
    const api = await json(await post());
    assert.deepEqual(JSON.parse(j.out), api);
    // Linear price marks 90, 100 and 80: totals 45 + 28 + 9, 50 + 26.25 + 4.5, 40 + 24.5 + 14.25.
    assert.deepEqual(
      api.bids.map((b: { bidder: string; rank: number; total: number }) => [
        b.rank,
        b.bidder,
        Math.round(b.total * 1e9) / 1e9,
      ]),
      [
        [1, 'Local Care Ltd', 82],
        [2, 'National Care plc', 80.75],
        [3, 'Northern Care Co-operative', 78.75],
      ],
    );
    const csv = await strata('franchise', 'tender', file, '--format', 'csv');
    assert.equal(csv.code, 0, csv.err);
    assert.equal(csv.out, await (await post('?format=csv')).text());
  });
  it('prints a text table with the notes on stderr', async () => {
    const t = await strata('franchise', 'tender', file, '--format', 'table');
    assert.equal(t.code, 0, t.err);
    assert.match(t.out.split('\n')[0]!, /rank\s+bidder\s+price\s+total\s+criterion/);
    assert.match(
      t.out,
      /2\s+National Care plc\s+1,000,000\s+80\.75\s+price\s+Price\s+price\s+0\.5\s+100\s+50\n/,
    );
    assert.match(t.err, /note: Price marked linearly/);
    assert.match(t.err, /note: Social value weighs 15\.0 %/);
  });
  it('refuses a file the API would refuse, naming file, line, field and value, with a usage exit code', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      [
        'criteria:',
        '  - { id: price, name: Price, weight: 0.95, kind: price }',
        '  - { id: sv, name: Social value, weight: 0.05, kind: social-value }',
        'bids:',
        '  - { bidder: A, price: 10, marks: { sv: 50 } }',
        '',
      ].join('\n'),
    );
    const r = await strata('franchise', 'tender', bad);
    assert.notEqual(r.code, 0);
    assert.match(
      r.err,
      /bad\.yaml:2:3: criteria: social value weighs 5\.0 %, below the 10 % minimum \(PPN 002\) \(value: 0\.05\)/,
    );
    const api = await app.request('/api/v1/franchise/tender', {
      method: 'POST',
      body: JSON.stringify({
        criteria: [
          { id: 'price', name: 'Price', weight: 0.95, kind: 'price' },
          { id: 'sv', name: 'Social value', weight: 0.05, kind: 'social-value' },
        ],
        bids: [{ bidder: 'A', price: 10, marks: { sv: 50 } }],
      }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(api.status, 400);
  });
});
