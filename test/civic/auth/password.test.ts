// Passwords: scrypt with the documented parameters, stored with them, compared in constant time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkPassword,
  hashPassword,
  SCRYPT_DEFAULT,
  verifyPassword,
} from '../../../src/civic/auth/password.ts';
import {
  codeHash,
  csrfToken,
  invitationCode,
  normaliseCode,
  sameToken,
} from '../../../src/civic/auth/tokens.ts';

describe('passwords and tokens', () => {
  it('hashes with scrypt N=2^17, r=8, p=1 and a random salt; verifies only the right password', async () => {
    assert.deepEqual(SCRYPT_DEFAULT, { N: 131072, r: 8, p: 1 });
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    assert.match(a, /^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('correct horse battery', a), true);
    assert.equal(await verifyPassword('correct horse batterY', a), false);
  });
  it('keeps each hash verifiable under the parameters it was made with', async () => {
    const cheap = await hashPassword('another password', { N: 1024, r: 8, p: 1 });
    assert.match(cheap, /^scrypt\$1024\$/);
    assert.equal(await verifyPassword('another password', cheap), true);
  });
  it('asks for 10 to 256 characters', () => {
    assert.throws(() => checkPassword('short'), /at least 10/);
    assert.throws(() => checkPassword('x'.repeat(257)), /at most 256/);
    checkPassword('ten chars!');
  });
  it('issues 100-bit invitation codes and reads them back however they are typed', () => {
    const c = invitationCode();
    assert.match(c, /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    assert.equal(normaliseCode(' ab1o-il0 '), 'AB10110');
    assert.equal(codeHash(c.toLowerCase().replace(/-/g, ' ')), codeHash(c));
    assert.notEqual(codeHash(c), codeHash(invitationCode()));
  });
  it('binds CSRF tokens to their session', () => {
    const t = csrfToken('key', 'session:abc');
    assert.equal(sameToken(t, csrfToken('key', 'session:abc')), true);
    assert.equal(sameToken(t, csrfToken('key', 'session:abd')), false);
    assert.equal(sameToken(t, csrfToken('other key', 'session:abc')), false);
  });
});
