// `strata pb` on every pabulib instance in the data pack, through the CLI: the tally under the
// file's META rule reproduces the published outcome (the PROJECTS `selected` column).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { parsePb } from '../../src/civic/pabulib.ts';
import { PACK } from '../helpers/source.ts';

const DIR = join(PACK, 'pabulib');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.pb'))
  .sort();

function strata(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/strata.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function published(file: string): string[] {
  const pb = parsePb(readFileSync(join(DIR, file), 'utf8'), file);
  return pb.projects.filter((p) => p.fields.selected === '1').map((p) => p.id);
}

describe('strata pb on the pabulib instances of the data pack', () => {
  it('holds eight instances', () => assert.equal(files.length, 8));
  for (const f of files)
    it(`strata pb tally ${f} reproduces the published outcome under its META rule`, () => {
      const r = strata('pb', 'tally', join(DIR, f), '--format', 'json');
      assert.equal(r.code, 0, r.err);
      const t = JSON.parse(r.out) as {
        rule: string;
        selected: string[];
        spent: number;
        budget: number;
        projects: {
          project_id: string;
          cost: number;
          votes: number;
          selected: boolean;
          order: number | null;
        }[];
      };
      assert.deepEqual([...t.selected].sort(), published(f).sort());
      assert.ok(t.spent <= t.budget);
      // Projects list the selected ones first, in the order of selection, with their costs.
      t.selected.forEach((id, k) => {
        assert.equal(t.projects[k]!.project_id, id);
        assert.equal(t.projects[k]!.order, k + 1);
      });
      const sum = t.projects.filter((p) => p.selected).reduce((s, p) => s + p.cost, 0);
      assert.ok(Math.abs(sum - t.spent) < 1e-6);
    });
  it('tally as CSV: one row per project; notes go to stderr', () => {
    const r = strata('pb', 'tally', join(DIR, 'Poland_Warszawa_2019_Goclaw.pb'), '--format', 'csv');
    assert.equal(r.code, 0, r.err);
    const rows = parse(r.out, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 29);
    assert.equal(rows.filter((x) => x['selected'] === '1').length, 14);
    assert.match(r.err, /^note: greedy: 14 projects, 1018100 of 1019940\.37 PLN$/m);
  });
  it('compare: Equal Shares satisfies EJR up to one on Wieliczka 2023, greedy does not', () => {
    const file = join(DIR, 'Poland_Wieliczka_2023_Green_Budget.pb');
    const r = strata(
      'pb',
      'compare',
      file,
      '--rules',
      'greedy,equalshares/add1-comparison',
      '--format',
      'json',
    );
    assert.equal(r.code, 0, r.err);
    const [greedy, mes] = (JSON.parse(r.out) as { rules: unknown }).rules as {
      rule: string;
      selected: string[];
      ejr: { method: string; violation: { voters: number } | null };
      prefer_over: Record<string, number>;
      covered_share: number;
    }[];
    assert.deepEqual([...mes!.selected].sort(), published('Poland_Wieliczka_2023_Green_Budget.pb').sort());
    assert.deepEqual(mes!.ejr, { method: 'exact', depth: 4, examined: 159, violation: null });
    assert.equal(greedy!.ejr.method, 'exact');
    assert.ok(greedy!.ejr.violation!.voters > 0);
    // The comparison step's own counts: 1,615 voters prefer Equal Shares, 873 greedy.
    assert.deepEqual(mes!.prefer_over, { greedy: 1615 });
    assert.deepEqual(greedy!.prefer_over, { 'equalshares/add1-comparison': 873 });
  });
  it('stats describes the instance and its published outcome', () => {
    const r = strata('pb', 'stats', join(DIR, 'Poland_Swiecie_2023.pb'), '--format', 'csv');
    assert.equal(r.code, 0, r.err);
    const rows = Object.fromEntries(
      (parse(r.out, { columns: true }) as { measure: string; value: string }[]).map((x) => [
        x.measure,
        x.value,
      ]),
    );
    assert.equal(rows['voters'], '2553');
    assert.equal(rows['projects'], '22');
    assert.equal(rows['published: projects funded'], '17');
    assert.equal(rows['votes column matches the ballots'], 'yes');
  });
  it('a bad rule is a usage error (exit 2); a missing file exits 1; each says so in one line', () => {
    const bad = strata('pb', 'tally', join(DIR, 'Netherlands_Assen_2024.pb'), '--rule', 'greedy-custom');
    assert.equal(bad.code, 2);
    assert.equal(
      bad.err,
      "strata: invalid tally rule: greedy-custom (pabulib's name for a rule described only in the file's comment)\n",
    );
    const missing = strata('pb', 'stats', 'no-such.pb');
    assert.equal(missing.code, 1);
    assert.equal(missing.err, 'strata: cannot read no-such.pb: ENOENT\n');
  });
});
