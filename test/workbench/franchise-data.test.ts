// Conditions files are checked at the edge, rule by rule: an unknown rule or parameter, a value
// out of range or of the wrong type is refused naming the path in the file and the value found.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DataFileError } from '../../src/workbench/data-file.ts';
import {
  conditionsFromValue,
  defaultConditionSet,
  loadConditions,
} from '../../src/workbench/franchise-data.ts';

const set = (...conditions: unknown[]) => ({ id: 'test', version: 1, title: 'Test', conditions });
const local = { id: 'local', name: 'Local', rule: 'registered-office-local', evidence: 'postcode' };

/** The single message a refused set gives. */
function refusal(value: unknown): string {
  try {
    conditionsFromValue(value, 'request body');
  } catch (e) {
    assert.ok(e instanceof DataFileError, String(e));
    assert.equal(e.status, 400);
    return e.message;
  }
  assert.fail('the set was accepted');
}

describe('franchise conditions files', () => {
  it('the default file loads with every parameter filled in', () => {
    const d = defaultConditionSet();
    assert.equal(d.conditions.length, 6);
    const pay = d.conditions.find((c) => c.rule === 'paid-within-days')!;
    assert.deepEqual(pay.params, { days: 30, share: 0.95 });
    const kpi = d.conditions.find((c) => c.rule === 'kpi-rating')!;
    assert.equal(kpi.params.metric, 'coverage');
    assert.equal(loadConditions().conditions.length, 6);
  });

  it('missing parameters take their defaults', () => {
    const s = conditionsFromValue(set(local));
    assert.deepEqual(s.conditions[0]!.params, { area: 'local' });
  });

  it('an unknown rule is refused naming the rules there are', () => {
    const m = refusal(set({ ...local, rule: 'read-file' }));
    assert.match(m, /^invalid request body: conditions\.0\.rule: /);
    assert.match(m, /registered-office-local/);
  });

  it('an unknown parameter is refused by name', () => {
    const m = refusal(set({ ...local, params: { area: 'local', radius: 5 } }));
    assert.match(m, /conditions\.0\.params: Unrecognized key: "radius"/);
  });

  it('out-of-range thresholds are refused with the field and value', () => {
    const pay = { id: 'pay', name: 'Pay', rule: 'paid-within-days', evidence: 'dates' };
    assert.match(
      refusal(set({ ...pay, params: { share: 1.5 } })),
      /conditions\.0\.params\.share: Too big: expected number to be <=1 \(value: 1\.5\)/,
    );
    assert.match(refusal(set({ ...pay, params: { days: 0 } })), /params\.days: .*\(value: 0\)/);
    assert.match(refusal(set({ ...pay, params: { days: 7.5 } })), /params\.days: .*\(value: 7\.5\)/);
    const ghg = { id: 'ghg', name: 'GHG', rule: 'industry-ghg-intensity', evidence: 'ONS' };
    assert.match(
      refusal(set({ ...ghg, params: { ratioToEconomy: -1 } })),
      /params\.ratioToEconomy: .*\(value: -1\)/,
    );
    assert.match(
      refusal(set({ ...ghg, params: { max: 1, ratioToEconomy: 1 } })),
      /conditions\.0\.params: give exactly one of max and ratioToEconomy/,
    );
    assert.match(refusal(set({ ...ghg })), /give exactly one of max and ratioToEconomy/);
  });

  it('wrong types and forms are refused with the field and value', () => {
    const gpg = { id: 'gpg', name: 'GPG', rule: 'gpg-narrowing', evidence: 'returns' };
    assert.match(
      refusal(set({ ...gpg, params: { periods: ['2019-20', '2021-22'], parity: '5' } })),
      /params\.parity: Invalid input: expected number, received string \(value: "5"\)/,
    );
    assert.match(
      refusal(set({ ...gpg, params: { periods: ['2019', '2021-22'] } })),
      /params\.periods\.0: a reporting year such as 2021-22 \(value: "2019"\)/,
    );
    assert.match(refusal(set({ ...gpg, params: { periods: ['2021-22'] } })), /at least two reporting years/);
    assert.match(
      refusal(set({ ...gpg, params: { periods: ['2019-20', '2021-22'], statistic: 'mode' } })),
      /params\.statistic: .*\(value: "mode"\)/,
    );
    assert.match(
      refusal(set({ ...local, params: { area: 'county' } })),
      /params\.area: .*\(value: "county"\)/,
    );
    assert.match(refusal(set({ ...local, id: 'Local!' })), /conditions\.0\.id: .*\(value: "Local!"\)/);
    assert.match(refusal(set(local, local)), /conditions\.1\.id: duplicate condition id: local/);
    assert.match(refusal({ ...set(local), version: 'one' }), /version: .*\(value: "one"\)/);
    assert.match(refusal(set()), /conditions: /);
  });

  const dir = mkdtempSync(join(tmpdir(), 'strata-conditions-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a YAML file’s errors give the line and the value', () => {
    const file = join(dir, 'c.yaml');
    writeFileSync(
      file,
      [
        'id: c',
        'version: 1',
        'title: C',
        'conditions:',
        '  - id: pay',
        '    name: Pay',
        '    rule: paid-within-days',
        '    evidence: dates',
        '    params:',
        '      days: 400',
      ].join('\n'),
    );
    assert.throws(
      () => loadConditions(file, 'c.yaml'),
      /c\.yaml:10:13: conditions\.0\.params\.days: Too big: expected number to be <=365 \(value: 400\)/,
    );
  });
});
