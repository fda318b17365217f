// The registers in the civic store, on SQLite and PostgreSQL: rows are only ever added — the
// store's triggers refuse an update or a delete — and a write that would change anything recorded
// is refused whole, leaving the store as it was.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Registers } from '../../src/civic/service.ts';
import { openCivicDb } from '../../src/civic/store/open.ts';
import { freshStore, storeKinds, type TestStore } from './stores.ts';

const entry = (seq: number, date: string, status = 'on-track') => ({
  seq,
  date,
  status,
  rule: 'assessed',
  evidence: 'minutes',
  reason: 'work started',
  who: 'Officer',
});
const commitment = { id: 'UK-2024-001', register: 'r', example: false, fingerprint: 'fp', spec: '{"a":1}' };
const projection = {
  indicator: 'gross-median-weekly-pay',
  area: 'E06000001',
  period: 2025,
  last_period: 2023,
  method: '{"id":"last-value","version":1}',
  value: '500',
  inputs: '[[2023,500]]',
  vintages: '[]',
  frozen_on: '2026-03-01',
  who: 'Strata',
};

const plan = {
  kind: 'scenario',
  title: 'A care contract',
  source: 'care.yaml',
  fingerprint: 'a'.repeat(64),
  method: '{"method":"scenario-lab@1","year":2030}',
  areas: 'E06000001 K02000001',
  points: '[]',
  vintages: '[]',
  frozen_on: '2026-03-01',
  who: 'Strata',
};

for (const kind of storeKinds()) {
  describe(`registers (${kind})`, () => {
    const stores: TestStore[] = [];
    after(async () => Promise.all(stores.map((s) => s.drop())));
    const fresh = () => {
      const s = freshStore(kind);
      stores.push(s);
      return s.url;
    };

    it('records commitments and history, and refuses a write that would change what is recorded', async () => {
      const regs = await Registers.open(fresh());
      try {
        await regs.record({
          commitments: [commitment],
          history: [{ commitment: commitment.id, entries: [entry(1, '2024-08-01')] }],
        });
        const before = [await regs.commitments(), await regs.histories()];
        // the same id for another promise, other terms, an entry out of sequence or earlier than the last
        const refusals: [Parameters<Registers['record']>[0], RegExp][] = [
          [{ commitments: [{ ...commitment, fingerprint: 'other' }], history: [] }, /ids are never reused/],
          [{ commitments: [{ ...commitment, spec: '{"a":2}' }], history: [] }, /other terms/],
          [
            { commitments: [], history: [{ commitment: commitment.id, entries: [entry(1, '2024-09-01')] }] },
            /append-only: entry 1/,
          ],
          [
            { commitments: [], history: [{ commitment: commitment.id, entries: [entry(2, '2024-07-01')] }] },
            /append-only: entry 2 \(2024-07-01\) does not follow entry 1 \(2024-08-01\)/,
          ],
        ];
        for (const [w, re] of refusals) await assert.rejects(regs.record(w), re);
        // a write with a good part and a bad part writes neither
        await assert.rejects(
          regs.record({
            commitments: [{ ...commitment, id: 'UK-2024-002' }],
            history: [
              { commitment: commitment.id, entries: [entry(2, '2024-09-01'), entry(4, '2024-10-01')] },
            ],
          }),
          /append-only/,
        );
        assert.deepEqual([await regs.commitments(), await regs.histories()], before);
        await regs.record({
          commitments: [],
          history: [{ commitment: commitment.id, entries: [entry(2, '2024-09-01', 'achieved')] }],
        });
        assert.deepEqual(
          (await regs.histories()).get(commitment.id)!.map((e) => e.status),
          ['on-track', 'achieved'],
        );
      } finally {
        await regs.close();
      }
    });

    it('freezes plans under ids of their kind and year, never reused, and refuses a kind it does not know', async () => {
      const url = fresh();
      const regs = await Registers.open(url);
      try {
        assert.equal(await regs.freezePlan(plan), 'S-2026-001');
        assert.equal(await regs.freezePlan({ ...plan, kind: 'finance' }), 'F-2026-001');
        assert.equal(await regs.freezePlan(plan), 'S-2026-002');
        assert.equal(await regs.freezePlan({ ...plan, frozen_on: '2027-01-02' }), 'S-2027-001');
        await assert.rejects(regs.freezePlan({ ...plan, kind: 'mission' }), /invalid plan kind: mission/);
        const all = await regs.plans();
        assert.deepEqual(
          all.map((p) => [p.id, p.kind]),
          [
            ['F-2026-001', 'finance'],
            ['S-2026-001', 'scenario'],
            ['S-2026-002', 'scenario'],
            ['S-2027-001', 'scenario'],
          ],
        );
        assert.deepEqual({ ...all[1]!, id: undefined }, { ...plan, id: undefined });
      } finally {
        await regs.close();
      }
      const cdb = await openCivicDb(url);
      try {
        for (const a of [
          () => cdb.db.updateTable('plan_projections').set({ points: '[1]' }).execute(),
          () => cdb.db.deleteFrom('plan_projections').where('id', '=', 'S-2026-002').execute(),
        ])
          await assert.rejects(a(), /plan_projections is append-only: rows are never changed or deleted/);
        assert.equal((await cdb.db.selectFrom('plan_projections').select('id').execute()).length, 4);
      } finally {
        await cdb.close();
      }
    });

    it('has triggers that refuse updating or deleting any register row', async () => {
      const url = fresh();
      const regs = await Registers.open(url);
      await regs.record({
        commitments: [commitment],
        history: [{ commitment: commitment.id, entries: [entry(1, '2024-08-01')] }],
      });
      assert.equal(await regs.freeze(projection), 'P-2026-001');
      assert.equal(await regs.freeze(projection), 'P-2026-002');
      await regs.close();
      const cdb = await openCivicDb(url);
      try {
        const attempts = [
          () => cdb.db.updateTable('commitment_history').set({ status: 'achieved' }).execute(),
          () => cdb.db.deleteFrom('commitment_history').execute(),
          () => cdb.db.updateTable('commitments').set({ spec: '{}' }).execute(),
          () => cdb.db.deleteFrom('commitments').execute(),
          () => cdb.db.updateTable('projections').set({ value: '1' }).execute(),
          () => cdb.db.deleteFrom('projections').where('id', '=', 'P-2026-002').execute(),
        ];
        for (const a of attempts)
          await assert.rejects(a(), /is append-only: rows are never changed or deleted/);
        const rows = await cdb.db.selectFrom('commitment_history').select('status').execute();
        assert.deepEqual(rows, [{ status: 'on-track' }]);
        assert.equal((await cdb.db.selectFrom('projections').select('id').execute()).length, 2);
      } finally {
        await cdb.close();
      }
    });
  });
}
