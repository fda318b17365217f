// `strata civic accounts reset-link`: the printed link carries a token that sets a new password
// once, through the same service the API uses; the action is in the audit log.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CivicService } from '../../../src/civic/service.ts';
import { publicOrigin } from '../../../src/cli/commands/civic-accounts.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-cli-accounts-'));
const civic = `sqlite:${join(dir, 'civic.sqlite')}`;
after(() => rmSync(dir, { recursive: true, force: true }));

const strata = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/strata.js', '--civic', civic, ...args], {
    encoding: 'utf8',
    input: 'the first password of many\n',
    env: { ...process.env, STRATA_PUBLIC_URL: '', ...env },
  });

describe('strata civic accounts reset-link', () => {
  it('prints a one-time link whose token sets a new password once', async () => {
    const made = strata([
      'civic',
      'admin',
      'create',
      '--email',
      'Clerk@Example.org',
      '--role',
      'participant',
      '--password-stdin',
    ]);
    assert.equal(made.status, 0, made.stderr);
    const out = strata(['civic', 'accounts', 'reset-link', 'clerk@example.org'], {
      STRATA_PUBLIC_URL: 'https://vote.example.org/somewhere',
    });
    assert.equal(out.status, 0, out.stderr);
    const m =
      /^https:\/\/vote\.example\.org\/participate\/reset\?token=([A-Za-z0-9_-]{43})\nworks once, until (\S+)\n$/.exec(
        out.stdout,
      );
    assert.ok(m, out.stdout);
    const svc = await CivicService.open(civic, { mail: null });
    try {
      await svc.resetPassword({ token: m[1]!, password: 'a second password', ip: '127.0.0.1' });
      await assert.rejects(
        svc.resetPassword({ token: m[1]!, password: 'a third password', ip: '127.0.0.1' }),
        /does not work/,
      );
      const s = await svc.signIn({
        email: 'clerk@example.org',
        password: 'a second password',
        ip: '127.0.0.1',
      });
      assert.equal(s.session.role, 'participant');
      const audit = await svc.auditLog();
      assert.match(audit.find((e) => e.action === 'account.reset-link')?.actor ?? '', /^cli:.+ \(admin\)$/);
    } finally {
      await svc.close();
    }
  });

  it('names what is missing: no public address, an unknown account', () => {
    const none = strata(['civic', 'accounts', 'reset-link', 'clerk@example.org']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /give --public-url or set STRATA_PUBLIC_URL/);
    const unknown = strata([
      'civic',
      'accounts',
      'reset-link',
      'nobody@example.org',
      '--public-url',
      'http://127.0.0.1:8080',
    ]);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /no account with this e-mail address: nobody@example\.org/);
    assert.throws(() => publicOrigin('http://vote.example.org', {}), /https, or a loopback address/);
    assert.equal(publicOrigin(undefined, { STRATA_PUBLIC_URL: 'https://a.example/x' }), 'https://a.example');
  });
});
