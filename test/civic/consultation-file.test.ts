// Consultation files: checked before anything is stored, round-tripped, and pabulib instances.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkConsultationFile,
  parseConsultationFile,
  fileWarnings,
  pbConsultationFile,
  toConsultationFile,
} from '../../src/civic/consultation-file.ts';
import { GOALS, RIVERSIDE } from './consultation-fixture.ts';

describe('consultation files', () => {
  it('splits the published consultation (hashed into the log) from schedule and voter notes', () => {
    const f = checkConsultationFile(RIVERSIDE);
    assert.deepEqual(f.consultation.options[0], { id: 'A', name: 'Play area', cost: '20' });
    assert.equal(f.meta.notes.A, 'A new play area by the river.');
    assert.equal(f.meta.opensAt, '2026-05-01T09:00:00.000Z');
    assert.deepEqual(checkConsultationFile(toConsultationFile(f)), f);
  });
  it('reads YAML, with numbers for amounts and ids', () => {
    const f = parseConsultationFile(
      `id: g\ntitle: T\narea: E06000001\nopens: 2026-05-01T09:00:00Z\ncloses: 2026-05-02T09:00:00Z\nballot: knapsack\nrule: greedy\nbudget: 100\noptions:\n  - { id: 1, cost: 60 }\n  - { id: 2, cost: 50.5 }\n`,
    );
    assert.deepEqual(f.consultation.options, [
      { id: '1', cost: '60' },
      { id: '2', cost: '50.5' },
    ]);
    assert.equal(f.consultation.budget, '100');
    assert.equal(f.meta.electorate, 'codes');
  });
  it('refuses, naming the field: a bad id, area, schedule, rule or ballot kind', () => {
    const bad: [object, RegExp][] = [
      [{ ...RIVERSIDE, id: 'Riverside 2026' }, /invalid id/],
      [{ ...RIVERSIDE, area: 'hartlepool' }, /invalid area/],
      [{ ...RIVERSIDE, closes: RIVERSIDE.opens }, /closes: must be after opens/],
      [{ ...RIVERSIDE, opens: 'soon' }, /invalid opens/],
      [{ ...RIVERSIDE, rule: 'plurality' }, /invalid tally rule: plurality/],
      [{ ...GOALS, rule: 'greedy' }, /rule greedy cannot tally points ballots/],
      [{ ...RIVERSIDE, budget: undefined }, /needs a budget/],
      [{ ...RIVERSIDE, budget: 'thirty' }, /invalid amount: thirty/],
      [{ ...RIVERSIDE, options: [{ id: 'A', cost: 1e21 }] }, /invalid amount: 1e\+21/],
      [{ ...RIVERSIDE, budget: '90071992547409930' }, /too large for exact arithmetic/],
      [{ ...RIVERSIDE, options: [] }, /invalid options/],
      [{ ...RIVERSIDE, options: [{ id: 'a b' }] }, /invalid options\.0\.id/],
      [{ ...RIVERSIDE, descripton: 'typo' }, /unknown key descripton \(known: id, title, area, /],
      [
        { ...RIVERSIDE, options: [{ id: 'A', cost: '1', descripton: 'typo' }] },
        /unknown key options\.0\.descripton \(known: id, name, cost, description\)/,
      ],
      [
        { ...RIVERSIDE, rule: 'mes' },
        /invalid tally rule: mes \(valid: greedy, .*equalshares\/add1.*, borda, mean/,
      ],
    ];
    for (const [file, message] of bad) assert.throws(() => checkConsultationFile(file), message);
  });
  it('warns of a project costing more than the whole budget', () => {
    const f = checkConsultationFile({
      ...RIVERSIDE,
      options: [...RIVERSIDE.options, { id: 'D', name: 'Bridge', cost: '31' }],
    });
    assert.deepEqual(fileWarnings(f), [
      'option D (Bridge) costs 31, more than the whole budget 30: no rule can fund it',
    ]);
    assert.deepEqual(fileWarnings(checkConsultationFile(RIVERSIDE)), []);
  });
  it('takes a pabulib instance’s projects, budget and rule', () => {
    const pb = `META\nkey;value\ndescription;Small fund\nnum_projects;2\nnum_votes;1\nbudget;10\nvote_type;approval\nrule;greedy\nPROJECTS\nproject_id;cost;name\n1;5;Bench\n2;8;Lamp\nVOTES\nvoter_id;vote\nv1;1\n`;
    const f = pbConsultationFile(pb, 'small.pb', {
      id: 'small',
      area: 'E06000001',
      opens: '2026-01-01',
      closes: '2026-02-01',
    });
    assert.equal(f.consultation.title, 'Small fund');
    assert.equal(f.consultation.rule, 'greedy');
    assert.deepEqual(
      f.consultation.options.map((o) => o.name),
      ['Bench', 'Lamp'],
    );
    assert.throws(
      () =>
        pbConsultationFile('META\n', 'bad.pb', {
          id: 'x',
          area: 'E06000001',
          opens: '2026-01-01',
          closes: '2026-02-01',
        }),
      /bad\.pb/,
    );
  });
});
