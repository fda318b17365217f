// `strata commitments` and `strata projections` on a small store: the registers outlive a data
// import (a new generation of the analytic store), a bad register file is refused with its path
// and line and changes nothing, and forecast against outturn prints parts that add up.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { accountabilityPack, COMMITMENTS, revisePack } from '../../helpers/accountability-fixture.ts';
import { strata as run } from '../../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-cli-accountability-'));
const db = join(dir, 'strata.duckdb');
const civic = `sqlite:${join(dir, 'civic.sqlite')}`;
const strata = (...args: string[]) => run(['--civic', civic, ...args], db);
let pack: string;
before(async () => {
  pack = await accountabilityPack();
  const r = await strata('data', 'import', pack);
  assert.equal(r.code, 0, r.err);
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
  if (pack) rmSync(pack, { recursive: true, force: true });
});

const registerFile = (name: string, commitments: object[]) => {
  const path = join(dir, name);
  writeFileSync(path, stringify({ register: 'test', title: 'Test', commitments }));
  return path;
};

describe('strata commitments and projections', () => {
  it('imports a register, lists statuses, shows a history; a bad file names its line and changes nothing', async () => {
    const ok = await strata(
      'commitments',
      'import',
      registerFile('good.yaml', COMMITMENTS),
      '--as-of',
      '2024-01-15',
    );
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.err, /test: 4 added, 0 already recorded, 4 statuses appended as of 2024-01-15/);
    const list = await strata('commitments', 'list', '--format', 'csv');
    assert.match(
      list.out,
      /^E06000001-2023-002,signs-of-progress,2024-01-15,target-met@1,2025-12-31,E06000001,/m,
    );
    const bad = registerFile('bad.yaml', [
      { ...COMMITMENTS[0]!, id: 'E06000001-2023-010', deadline: '2020-01-01' },
    ]);
    const refused = await strata('commitments', 'import', bad);
    assert.equal(refused.code, 2);
    assert.match(
      refused.err,
      /bad\.yaml:\d+:\d+: commitments\.0\.deadline: deadline 2020-01-01 is before the promise was made/,
    );
    assert.equal((await strata('commitments', 'list', '--format', 'csv')).out, list.out);
    const status = await strata('commitments', 'status', 'E06000001-2023-001');
    assert.match(
      status.err,
      /on-track by trajectory@1 on 2024-01-15: 500 in 2023 is on the line to 506 by 2025/,
    );
    const history = await strata('commitments', 'history', 'E06000001-2023-003', '--format', 'csv');
    assert.equal(
      history.out,
      'seq,date,status,rule,reason,evidence,who\n1,2023-06-01,off-track,assessed,no site,minutes,Officer\n',
    );
    const missing = await strata('commitments', 'history', 'UK-2020-001');
    assert.equal(missing.code, 2);
  });

  it('keeps both registers through a data import and sets the projection against the outturn', async () => {
    const frozen = await strata(
      'projections',
      'freeze',
      '--indicator',
      'gross-median-weekly-pay',
      '--area',
      'E06000001',
      '--period',
      '2024',
      '--as-of',
      '2024-02-01',
      '--format',
      'json',
    );
    assert.equal(frozen.code, 0, frozen.err);
    assert.equal(JSON.parse(frozen.out).id, 'P-2024-001');
    revisePack(pack);
    const imported = await strata('data', 'import', pack);
    assert.equal(imported.code, 0, imported.err);
    assert.match((await strata('commitments', 'list', '--format', 'csv')).out, /^UK-2023-001,achieved,/m);
    assert.match(
      (await strata('projections', 'list', '--format', 'csv')).out,
      /^P-2024-001,gross-median-weekly-pay,E06000001,2024,2023,linear-trend@1,508,2024-02-01,/m,
    );
    const o = await strata(
      'projections',
      'outturn',
      'P-2024-001',
      '--policy',
      'pay-policy=10',
      '--format',
      'csv',
    );
    assert.equal(o.code, 0, o.err);
    assert.equal(o.out, 'part,exact,value\ntotal,22,22\nrevision,0.4,0.4\npolicy,10,10\nrest,11.6,11.6\n');
    const assessed = await strata('commitments', 'assess', '--as-of', '2024-06-01', '--format', 'csv');
    assert.match(assessed.out, /^E06000001-2023-002,2,2024-06-01,achieved$/m);
    const badPolicy = await strata('projections', 'outturn', 'P-2024-001', '--policy', 'x');
    assert.equal(badPolicy.code, 2);
    assert.match(badPolicy.err, /invalid --policy: x/);
  });
});
