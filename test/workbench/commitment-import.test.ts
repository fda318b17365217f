// Importing a commitments register against a small store: statuses by the declared rules (worked
// by hand below), located errors with nothing written, append-only history, fixed terms.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { Registers } from '../../src/civic/service.ts';
import { Workbench } from '../../src/workbench.ts';
import { DataFileError, parseText } from '../../src/workbench/data-file.ts';
import { accountabilityPack, COMMITMENTS, revisePack } from '../helpers/accountability-fixture.ts';

const tmp = mkdtempSync(join(tmpdir(), 'strata-commitments-'));
let pack: string;
let wb: Workbench;
after(() => {
  wb?.close();
  rmSync(tmp, { recursive: true, force: true });
  if (pack) rmSync(pack, { recursive: true, force: true });
});
before(async () => {
  pack = await accountabilityPack();
  wb = await Workbench.open(join(tmp, 'strata.duckdb'));
  await wb.import(pack);
});

const file = (commitments: object[], name = 'register.yaml') =>
  parseText(stringify({ register: 'test', title: 'Test', commitments }), name);

async function withRegs<T>(fn: (r: Registers) => Promise<T>, name = 'a'): Promise<T> {
  const regs = await Registers.open(`sqlite:${join(tmp, `${name}.sqlite`)}`);
  try {
    return await fn(regs);
  } finally {
    await regs.close();
  }
}

describe('importing a commitments register', () => {
  it('records each commitment with the status its rule gives, worked by hand', async () => {
    await withRegs(async (regs) => {
      const r = await wb.importCommitments(regs, file(COMMITMENTS), '2024-01-15');
      assert.deepEqual(
        r.added,
        COMMITMENTS.map((c) => c.id),
      );
      const list = await wb.commitments(regs);
      const status = Object.fromEntries(list.commitments.map((c) => [c.id, [c.status, c.rule]]));
      // trajectory: 460 in 2020 → 506 in 2025; in 2023 the line is at 460 + 0.6 × 46 = 487.6, and 500 is above it
      assert.deepEqual(status['E06000001-2023-001'], ['on-track', 'trajectory@1']);
      // target-met: 500 < 520, but above 470, the mean of 2020–2022
      assert.deepEqual(status['E06000001-2023-002'], ['signs-of-progress', 'target-met@1']);
      // criteria for change: 640 in 2023 against 620 (mean of 2020–2022), and the deadline year is in
      assert.deepEqual(status['UK-2023-001'], ['achieved', 'criteria-for-change@1']);
      assert.deepEqual(status['E06000001-2023-003'], ['off-track', 'assessed']);
      const one = list.commitments.find((c) => c.id === 'E06000001-2023-001')!;
      assert.match(one.reason, /expected 487\.6/);
      assert.match(one.evidence, /E06000001 2023: 500/);
      assert.equal(one.target, '+10% by 2025');
      // filters
      assert.equal((await wb.commitments(regs, { status: 'achieved' })).commitments.length, 1);
      assert.equal((await wb.commitments(regs, { area: 'K02000001' })).commitments[0]!.id, 'UK-2023-001');
      assert.equal((await wb.commitments(regs, { dueBy: '2024-01-01' })).commitments.length, 1);
      await assert.rejects(wb.commitments(regs, { status: 'great' }), /invalid status: great/);
    });
  });

  it('names the path and line of every problem in a bad file and writes nothing', async () => {
    await withRegs(async (regs) => {
      const bad = [
        COMMITMENTS[0]!,
        { ...COMMITMENTS[1]!, id: COMMITMENTS[0]!.id },
        { ...COMMITMENTS[3]!, areas: ['E99999999'], deadline: '2022-01-01' },
        { ...COMMITMENTS[2]!, measure: { ...COMMITMENTS[2]!.measure, indicator: 'happiness' } },
      ];
      const err = await wb.importCommitments(regs, file(bad, 'bad.yaml'), '2024-01-15').then(
        () => assert.fail('accepted a bad register'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof DataFileError);
      const m = err.message;
      assert.match(
        m,
        /bad\.yaml:\d+:\d+: commitments\.1\.id: duplicate id: E06000001-2023-001 \(also commitments\.0\)/,
      );
      assert.match(m, /bad\.yaml:\d+:\d+: commitments\.2\.areas\.0: unknown area: E99999999/);
      assert.match(
        m,
        /commitments\.2\.deadline: deadline 2022-01-01 is before the promise was made \(2023-02-01\)/,
      );
      assert.match(m, /commitments\.3\.measure\.indicator: unknown indicator: happiness/);
      // a status outside the vocabulary is refused before the checks against the store
      const great = { ...COMMITMENTS[3]!, assessed: { ...COMMITMENTS[3]!.assessed, status: 'great' } };
      await assert.rejects(
        wb.importCommitments(regs, file([COMMITMENTS[0]!, great], 'bad.yaml'), '2024-01-15'),
        /bad\.yaml:\d+:\d+: commitments\.1\.assessed\.status: Invalid option: expected one of "achieved"/,
      );
      assert.deepEqual((await wb.commitments(regs)).commitments, []);
    }, 'bad');
  });

  it('keeps history append-only and terms fixed; an id is never reused', async () => {
    await withRegs(async (regs) => {
      await wb.importCommitments(regs, file(COMMITMENTS), '2024-01-15');
      const again = await wb.importCommitments(regs, file(COMMITMENTS), '2024-01-15');
      assert.deepEqual([again.added, again.appended], [[], []]);
      const before = await wb.commitments(regs);
      // an assessment dated before the last entry would rewrite history
      const earlier = {
        ...COMMITMENTS[3]!,
        assessed: { ...COMMITMENTS[3]!.assessed, status: 'on-track', date: '2023-05-01' },
      };
      await assert.rejects(
        wb.importCommitments(regs, file([earlier]), '2024-01-15'),
        /commitment E06000001-2023-003: history is append-only: 2023-05-01 is before the last entry's date 2023-06-01/,
      );
      // an assessment dated before the recorded one, where the rule would now say something else, is refused too
      await assert.rejects(
        wb.assessCommitments(regs, '2022-12-01'),
        /assessment: commitment E06000001-2023-001: history is append-only: 2022-12-01 is before/,
      );
      // new terms under a recorded id, or the id for another promise
      await assert.rejects(
        wb.importCommitments(regs, file([{ ...COMMITMENTS[1]!, deadline: '2026-12-31' }]), '2024-01-15'),
        /E06000001-2023-002 is recorded with other terms/,
      );
      await assert.rejects(
        wb.importCommitments(regs, file([{ ...COMMITMENTS[1]!, what: 'Build a bridge' }]), '2024-01-15'),
        /ids are never reused/,
      );
      assert.deepEqual(await wb.commitments(regs), before);
    }, 'history');
  });

  it('appends the statuses revised data give, keeping the old ones', async () => {
    const revisedPack = await accountabilityPack();
    revisePack(revisedPack);
    const later = await Workbench.open(join(tmp, 'revised.duckdb'));
    try {
      await later.import(revisedPack);
      await withRegs(async (regs) => {
        await wb.importCommitments(regs, file(COMMITMENTS), '2024-01-15');
        const r = await later.assessCommitments(regs, '2024-06-01');
        assert.deepEqual(
          r.appended.map((a) => [a.id, a.seq, a.status]),
          [
            ['E06000001-2023-001', 2, 'on-track'],
            ['E06000001-2023-002', 2, 'achieved'],
            ['UK-2023-001', 2, 'achieved'],
          ],
        );
        const h = await later.commitmentHistory(regs, 'E06000001-2023-002');
        assert.deepEqual(
          h.history.map((e) => [e.seq, e.date, e.status]),
          [
            [1, '2024-01-15', 'signs-of-progress'],
            [2, '2024-06-01', 'achieved'],
          ],
        );
        await assert.rejects(later.commitmentHistory(regs, 'UK-2099-001'), /commitment/);
      }, 'revised');
    } finally {
      later.close();
      rmSync(revisedPack, { recursive: true, force: true });
    }
  });
});
