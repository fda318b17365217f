// The organiser's corrections and figures: `civic edit` (title, description, dates before the
// consultation opens), `civic delete` (a draft with no ballots), `civic codes revoke` (unused
// codes, by code or by batch) and `civic turnout` (ballots against the electorate, by zone and by
// declared age band, small counts withheld) and `civic notify` (the result to voters who left an
// address). Every change is in the audit log as `cli:<user>`.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Turnout } from '../../civic/service.ts';
import { CliError } from '../errors.ts';
import { flatOf, type Io } from '../output.ts';
import { withCivic } from './civic.ts';
import { formatOf, print, withFormat } from './common.ts';

const actor = () => ({ subject: `cli:${userInfo().username}`, role: 'admin' as const });

/** Codes from --code options and a --from file (one a line; blank lines and # comments skipped). */
function codesGiven(o: { code?: string[]; from?: string }): string[] {
  const out = [...(o.code ?? [])];
  if (o.from) {
    let text: string;
    try {
      text = readFileSync(o.from, 'utf8');
    } catch (e) {
      throw new CliError(
        `cannot read ${o.from}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    out.push(
      ...text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#')),
    );
  }
  return out;
}

/** Turnout as table rows: withheld counts shown as "<10", unknown electorates blank. */
export function turnoutRows(t: Turnout): Record<string, string | number>[] {
  const withheld = `<${t.threshold}`;
  return t.rows.map((r) => ({
    breakdown: r.breakdown,
    group: r.group,
    voters: r.voters ?? withheld,
    electorate: r.electorate ?? '',
    turnout:
      r.turnout === null
        ? r.voters === null && r.electorate
          ? withheld
          : ''
        : `${(100 * r.turnout).toFixed(1)}%`,
  }));
}

function registerEdit(civic: Command, io: Io): void {
  civic
    .command('edit')
    .description(
      'change a consultation’s title, description or dates before it opens (the title only while a draft); audited',
    )
    .argument('<id>', 'consultation id')
    .option('--title <text>', 'new title (drafts only: a published title is part of what the log commits to)')
    .option('--description <text>', 'new description')
    .option(
      '--opens <time>',
      'new opening time: ISO 8601 with an offset, or local time in the consultation’s zone',
    )
    .option(
      '--closes <time>',
      'new closing time (a date alone means the end of that day in the consultation’s zone)',
    )
    .action(
      async (
        id: string,
        o: { title?: string; description?: string; opens?: string; closes?: string },
        cmd: Command,
      ) => {
        const r = await withCivic(cmd, (svc) => svc.editConsultation(actor(), id, o));
        io.out(`${id}: changed; opens ${r.opensAt}, closes ${r.closesAt}\n`);
      },
    );
  civic
    .command('delete')
    .description('delete a draft consultation that has no ballots, with its codes; audited')
    .argument('<id>', 'consultation id')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withCivic(cmd, (svc) => svc.deleteConsultation(actor(), id));
      io.out(`${id}: deleted\n`);
    });
}

/** `civic codes revoke` under the `codes` command. */
export function registerRevoke(codes: Command, io: Io): void {
  codes
    .command('revoke')
    .description('revoke unused invitation codes, by code or a whole batch (all or nothing); audited')
    .argument('<id>', 'consultation id')
    .option('--code <code...>', 'codes to revoke')
    .option('--from <file>', 'a file of codes to revoke, one a line')
    .option('--batch <batch>', 'revoke every unused code of this batch (civic list of batches: GET …/codes)')
    .action(async (id: string, o: { code?: string[]; from?: string; batch?: string }, cmd: Command) => {
      const list = codesGiven(o);
      if (list.length > 0 === (o.batch !== undefined))
        throw new CliError('give the codes (--code, --from) or a --batch, not both', 2);
      if (o.batch) {
        const n = await withCivic(cmd, (svc) => svc.revokeBatch(actor(), id, o.batch!));
        io.out(`${id}: batch ${o.batch}: ${n} unused codes revoked\n`);
        return;
      }
      const r = await withCivic(cmd, (svc) => svc.revokeCodes(actor(), id, list));
      io.out(`${id}: ${r.revoked} codes revoked${r.already ? `, ${r.already} already were` : ''}\n`);
    });
}

function registerTurnout(civic: Command, io: Io): void {
  withFormat(
    civic
      .command('turnout')
      .description(
        'ballots cast against the electorate: in all, by zone (the codes’ areas) and by declared age band; counts of 1 to 9 withheld',
      )
      .argument('<id>', 'consultation id'),
  ).action(async (id: string, o: { format?: string }, cmd: Command) => {
    const t = await withCivic(cmd, (svc) => svc.turnout(id));
    print(io, flatOf(turnoutRows(t)), formatOf(io, o.format));
  });
}

function registerNotify(civic: Command, io: Io): void {
  civic
    .command('notify')
    .description(
      'after the close, e-mail the result once to every voter who left and confirmed an address (STRATA_SMTP_URL, STRATA_MAIL_FROM, STRATA_PUBLIC_URL); each address is deleted once sent, failed ones are retried on the next run, unconfirmed ones deleted unsent',
    )
    .argument('<id>', 'consultation id')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const r = await withCivic(cmd, (svc) => svc.notifyResults(actor(), id));
      const parts = [
        `${r.sent} notices sent`,
        ...(r.failed ? [`${r.failed} failed (kept: run it again)`] : []),
        ...(r.unconfirmed ? [`${r.unconfirmed} never confirmed (deleted unsent)`] : []),
        ...(r.inFlight
          ? [`${r.inFlight} being sent by another run, or left by an interrupted one (never sent twice)`]
          : []),
      ];
      io.out(`${id}: ${parts.join(', ')}\n`);
      if (r.failed) throw new CliError(`${r.failed} notices could not be sent`);
    });
}

/** The organiser's commands on `strata civic`. */
export function registerOrganiser(civic: Command, io: Io): void {
  registerEdit(civic, io);
  registerTurnout(civic, io);
  registerNotify(civic, io);
}
