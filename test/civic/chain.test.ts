import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  appendEntry,
  countedBallots,
  entryHash,
  genesisHash,
  pseudonym,
  sha256Hex,
} from '../../src/civic/chain.ts';
import { verifyChain } from '../../src/civic/chain-verify.ts';
import { buildLog, CONSULTATION, SECRET } from './chain-fixture.ts';

describe('hash-chained ballot log', () => {
  it('chains entries from the hash of the published consultation', () => {
    const log = buildLog();
    assert.equal(log[0]!.seq, 0);
    assert.equal(log[0]!.prevHash, genesisHash(CONSULTATION));
    for (let i = 1; i < log.length; i++) assert.equal(log[i]!.prevHash, log[i - 1]!.hash);
    // The hash covers the canonical fields: reproducible from the entry alone.
    const e = log[1]!;
    const text = `{"ballot":["A","B"],"consultationId":"riverside-2026","prevHash":"${e.prevHash}","seq":1,"voter":"${e.voter}"}`;
    assert.equal(e.hash, sha256Hex(text));
    assert.equal(entryHash(e), e.hash);
    assert.deepEqual(e.ballot, ['A', 'B']);
  });
  it('verifies an intact log and reports its head', () => {
    const log = buildLog();
    assert.deepEqual(verifyChain(CONSULTATION, log, { count: 4, head: log[3]!.hash }), {
      ok: true,
      head: log[3]!.hash,
      count: 4,
    });
    assert.deepEqual(verifyChain(CONSULTATION, []), { ok: true, head: genesisHash(CONSULTATION), count: 0 });
  });
  it('derives stable pseudonyms per consultation, unlinkable across consultations', () => {
    const a = pseudonym(SECRET, 'riverside-2026', 'alice');
    assert.match(a, /^[0-9a-f]{64}$/);
    assert.equal(a, pseudonym(SECRET, 'riverside-2026', 'alice'));
    assert.notEqual(a, pseudonym(SECRET, 'hillside-2026', 'alice'));
    assert.notEqual(a, pseudonym('another-secret', 'riverside-2026', 'alice'));
    assert.ok(!buildLog().some((e) => e.voter.includes('alice')));
  });
  it('rejects an invalid ballot before it reaches the log', () => {
    assert.throws(() => appendEntry(CONSULTATION, undefined, 'v', ['Z']), /unknown option: Z/);
  });
  it('counts the last ballot of a voter who votes again', () => {
    const log = buildLog([
      ['alice', ['A']],
      ['bob', ['B']],
      ['alice', ['C']],
    ]);
    assert.deepEqual(countedBallots(log), [['B'], ['C']]);
  });
});
