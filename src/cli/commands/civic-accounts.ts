// `strata civic accounts …`: account care staff do for people — a one-time link that lets the
// owner of a forgotten password set a new one. Whoever can run this against the store is an
// administrator; the action is recorded in the audit log as `cli:<user>`.
import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { CliError } from '../errors.ts';
import { withCivic } from './civic.ts';
import type { Io } from '../output.ts';

/** The site's public address for links: --public-url, else $STRATA_PUBLIC_URL. */
export function publicOrigin(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const text = given ?? env.STRATA_PUBLIC_URL;
  if (!text)
    throw new CliError('no public address for the link: give --public-url or set STRATA_PUBLIC_URL', 2);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`invalid public address: ${text}`, 2);
  }
  if (url.protocol !== 'https:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost')
    throw new CliError(`invalid public address: ${text} (https, or a loopback address for testing)`, 2);
  return url.origin;
}

/** Registers `civic accounts`. */
export function registerAccounts(civic: Command, io: Io): void {
  const accounts = civic.command('accounts').description('account care: password reset links');
  accounts
    .command('reset-link')
    .description(
      'print a one-time link that sets a new password for the account (24 hours; earlier links stop working; every session of the account ends when it is used)',
    )
    .argument('<email>', 'the account’s e-mail address')
    .option('--public-url <url>', 'the address people open the site at (default $STRATA_PUBLIC_URL)')
    .action(async (email: string, o: { publicUrl?: string }, cmd: Command) => {
      const origin = publicOrigin(o.publicUrl);
      const actor = { subject: `cli:${userInfo().username}`, role: 'admin' as const };
      const { token, expiresAt } = await withCivic(cmd, (svc) => svc.issueResetToken(actor, email));
      io.out(`${origin}/participate/reset?token=${token}\nworks once, until ${expiresAt}\n`);
    });
}
