// The head-signing key file: created 0600, refused when others may read it or it is not Ed25519.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createHeadKey, loadHeadKey } from '../../src/civic/head-key.ts';

describe('head-signing key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-key-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('loads what it created, with the same public key', () => {
    const published = createHeadKey(join(dir, 'a.key'));
    assert.deepEqual(loadHeadKey(join(dir, 'a.key')).published, published);
    assert.match(published.publicKey, /^-----BEGIN PUBLIC KEY-----/);
  });

  it('refuses a key others may read, a missing file and a key of another kind', () => {
    createHeadKey(join(dir, 'b.key'));
    chmodSync(join(dir, 'b.key'), 0o640);
    assert.throws(() => loadHeadKey(join(dir, 'b.key')), /may be read by others \(mode 640\): run chmod 600/);
    assert.throws(() => loadHeadKey(join(dir, 'none.key')), /cannot read the head-signing key .*ENOENT/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    writeFileSync(join(dir, 'c.key'), rsa.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    assert.throws(() => loadHeadKey(join(dir, 'c.key')), /holds a rsa key, not Ed25519/);
  });
});
