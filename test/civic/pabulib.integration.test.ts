// Every real pabulib instance in the data pack: the tally under the file's own META `rule`
// reproduces the published outcome (the PROJECTS `selected` column) exactly.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parsePb, writePb, type PbInstance } from '../../src/civic/pabulib.ts';
import { pbProblem } from '../../src/civic/problem.ts';
import { budgetRule, tallyPb } from '../../src/civic/tally/rules.ts';
import { PACK } from '../helpers/source.ts';

const DIR = join(PACK, 'pabulib');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.pb'))
  .sort();
const read = (f: string): PbInstance => parsePb(readFileSync(join(DIR, f), 'utf8'), f);
const published = (pb: PbInstance) =>
  pb.projects
    .filter((p) => p.fields.selected === '1')
    .map((p) => p.id)
    .sort();

const EXPECTED: Record<string, string> = {
  'Netherlands_Assen_2024.pb': 'equalshares/add1',
  'Poland_Swiecie_2023.pb': 'equalshares/add1',
  'Poland_Wieliczka_2023_Green_Budget.pb': 'equalshares/add1-comparison',
  'Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb': 'greedy',
  'Poland_Warszawa_2019_Goclaw.pb': 'greedy',
  'Poland_Warszawa_2020_Praga-Poludnie.pb': 'greedy',
  'Poland_Warszawa_2023_Bialoleka.pb': 'greedy',
  'Poland_Wroclaw_2018.pb': 'greedy-no-skip',
};

describe('pabulib instances in the data pack', () => {
  it('holds the eight instances with the rules they were decided by', () => {
    assert.deepEqual(files, Object.keys(EXPECTED).sort());
    for (const f of files) assert.equal(read(f).meta.rule, EXPECTED[f], f);
  });
  for (const f of files)
    it(`${f}: the tally under its META rule reproduces the selected column`, () => {
      const pb = read(f);
      const out = tallyPb(pb);
      assert.deepEqual([...out.selected].sort(), published(pb));
      const problem = pbProblem(pb);
      assert.ok(out.spent <= problem.budget);
      // The votes column agrees with the ballots the tally counted.
      pb.projects.forEach((p, j) =>
        assert.equal(Number(p.fields.votes), problem.approvers[j]!.length, `${f} ${p.id}`),
      );
    });
  for (const f of files)
    it(`${f}: reads back unchanged after writing`, () => {
      const pb = read(f);
      assert.deepEqual(parsePb(writePb(pb), f), pb);
    });
  it('Wieliczka 2023 tells the add1 variants apart: stopping at the first exhaustive outcome misses it', () => {
    const pb = read('Poland_Wieliczka_2023_Green_Budget.pb');
    const early = budgetRule('equalshares/add1-comparison', { exhaustive: true })(pbProblem(pb));
    assert.notDeepEqual([...early.selected].sort(), published(pb));
  });
  it('Wieliczka 2023 kept Equal Shares in the comparison step; Assen 2024 funds 9 projects for 76,700 of 100,000', () => {
    const w = tallyPb(read('Poland_Wieliczka_2023_Green_Budget.pb'));
    assert.match(w.notes.at(-1)!, /^comparison: \d+ voters prefer Equal Shares, \d+ prefer greedy$/);
    const a = tallyPb(read('Netherlands_Assen_2024.pb'));
    assert.equal(a.selected.length, 9);
    assert.equal(a.spent, 76700);
  });
});
