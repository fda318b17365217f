// `strata civic …`: run a consultation from the command line — create it from a consultation
// file (or a pabulib instance), open and close it, issue invitation codes, tally, export the
// anonymised log, and verify any exported log. Every command that changes the civic store is
// recorded in its audit log as `cli:<user>`; whoever can run these against the store is an
// administrator.
import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import {
  CivicError,
  CivicService,
  DEFAULT_CIVIC_DB,
  verifyExport,
  type Actor,
  type Outcome,
  fileWarnings,
  formatOutcome,
  formatVerifyReport,
  parseConsultationFile,
  pbConsultationFile,
  type Electorate,
} from '../../civic/service.ts';
import { CliError } from '../errors.ts';
import { registerAccounts } from './civic-accounts.ts';
import { pinnedKey, readSeries, registerHeads } from './civic-heads.ts';
import { headSchedule } from './serve.ts';
import { registerOrganiser, registerRevoke } from './civic-organiser.ts';
import { flatOf, stdio, type Io } from '../output.ts';
import { formatOf, print, withFormat, withWorkbench } from './common.ts';

const actor = (): Actor => ({ subject: `cli:${userInfo().username}`, role: 'admin' });

/** Opens the civic store named by --civic (or $STRATA_CIVIC_DB), runs `fn`, closes it; refusals become CLI errors. */
export async function withCivic<T>(cmd: Command, fn: (svc: CivicService) => Promise<T>): Promise<T> {
  const url = (cmd.optsWithGlobals() as { civic?: string }).civic ?? DEFAULT_CIVIC_DB;
  const svc = await CivicService.open(url);
  try {
    return await fn(svc);
  } catch (e) {
    if (e instanceof CivicError) throw new CliError(e.message, e.kind === 'bad_request' ? 2 : 1);
    throw e;
  } finally {
    await svc.close();
  }
}

function write(io: Io, out: string | undefined, text: string): void {
  if (out) writeFileSync(out, text);
  else io.out(text);
}

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

interface CreateOpts {
  pb?: boolean;
  id?: string;
  area?: string;
  opens?: string;
  closes?: string;
  electorate?: Electorate;
  rule?: string;
}

function consultationFile(file: string, o: CreateOpts) {
  const text = readInput(file);
  try {
    if (!o.pb) return parseConsultationFile(text);
    if (!o.id || !o.area || !o.opens || !o.closes)
      throw new Error('--pb needs --id, --area, --opens and --closes');
    return pbConsultationFile(text, file, {
      id: o.id,
      area: o.area,
      opens: o.opens,
      closes: o.closes,
      electorate: o.electorate,
      rule: o.rule,
    });
  } catch (e) {
    throw new CliError(`${file}: ${(e as Error).message}`, 2);
  }
}

function registerLifecycle(civic: Command, io: Io): void {
  civic
    .command('create')
    .description(
      'create a draft consultation from a consultation file (JSON or YAML), or with --pb from a pabulib .pb instance',
    )
    .argument('<file>', 'consultation file, or .pb file with --pb')
    .option('--pb', 'FILE is a pabulib instance: its projects, budget and rule (votes are not used)')
    .option('--id <id>', 'consultation id (with --pb)')
    .option(
      '--area <code>',
      'area code (with --pb): GSS (E06000001), ITL, NUTS (PL911) or national (1465011)',
    )
    .option('--opens <time>', 'opening time, ISO 8601 (with --pb)')
    .option('--closes <time>', 'closing time, ISO 8601 (with --pb)')
    .option('--electorate <who>', 'codes, accounts or codes-or-accounts (with --pb)')
    .option('--rule <rule>', 'tally rule instead of the file’s META rule (with --pb)')
    .action(async (file: string, o: CreateOpts, cmd: Command) => {
      const f = consultationFile(file, o);
      for (const w of fileWarnings(f)) io.err(`warning: ${file}: ${w}\n`);
      await withCivic(cmd, (svc) => svc.createConsultation(actor(), f));
      io.out(
        `created draft ${f.consultation.id}: ${f.consultation.options.length} options, rule ${f.consultation.rule}\n`,
      );
    });
  withFormat(civic.command('list').description('consultations with their phase and schedule')).action(
    async (o: { format?: string }, cmd: Command) => {
      const rows = await withCivic(cmd, (svc) => svc.consultations(true));
      print(io, flatOf(rows as unknown as Record<string, unknown>[]), formatOf(io, o.format));
    },
  );
  civic
    .command('open')
    .description(
      'publish a draft (its rule is fixed from now on) and open it now, or with --scheduled at its opening time',
    )
    .argument('<id>', 'consultation id')
    .option('--scheduled', 'keep the opening time in the file')
    .action(async (id: string, o: { scheduled?: boolean }, cmd: Command) => {
      const [phase, head] = await withCivic(cmd, async (svc) => [
        await svc.openConsultation(actor(), id, { immediately: !o.scheduled }),
        await svc.head(id),
      ]);
      io.out(`${id}: ${phase}; log head ${head?.hash} (publish it)\n`);
    });
  civic
    .command('close')
    .description(
      'close now: later ballots are refused; the outcome is tallied with the published rule; with a head key, the final signed head is published with the close',
    )
    .argument('<id>', 'consultation id')
    .option('--head-key <file>', 'the private key that signs published heads (env STRATA_CIVIC_HEAD_KEY)')
    .option('--head-interval <minutes>', 'the declared head interval (default 60)')
    .action(async (id: string, o: { headKey?: string; headInterval?: string }, cmd: Command) => {
      const heads = headSchedule(o);
      const [r, series] = await withCivic(cmd, async (svc) => {
        await svc.closeConsultation(actor(), id, heads);
        return [await svc.results(id), await svc.headSeries(id, true)] as const;
      });
      io.out(`${id}: closed; ${r.head.count} entries, head ${r.head.hash}\n`);
      const final = series.entries.at(-1);
      if (final?.final)
        io.out(
          `final head published: entry ${final.seq} of the signed series at ${final.at}, ${final.count} entries (strata civic heads export ${id})\n`,
        );
      else io.out('no final head published: no signing key (--head-key FILE or STRATA_CIVIC_HEAD_KEY)\n');
      if (r.outcome) io.out(formatOutcome(r.outcome, r.consultation).join('\n') + '\n');
    });
}

function registerCodes(civic: Command, io: Io): void {
  const codes = civic
    .command('codes')
    .description(
      'issue single-use invitation codes (printed once; only their hashes are stored); codes revoke: withdraw unused ones',
    )
    .argument('<id>', 'consultation id')
    .option('--count <n>', 'how many codes (required)')
    .option('--expires <time>', 'when the codes stop working, ISO 8601 (required)')
    .option(
      '--area <code>',
      'area the codes are for, inside the consultation’s by the official lookup (default: the consultation’s)',
    )
    .option('--out <file>', 'write the codes to a file, one a line')
    .action(
      async (
        id: string,
        o: { count?: string; expires?: string; area?: string; out?: string },
        cmd: Command,
      ) => {
        const expiresAt = o.expires;
        if (o.count === undefined || expiresAt === undefined)
          throw new CliError('civic codes needs --count and --expires', 2);
        const count = Number(o.count);
        if (!Number.isInteger(count) || count < 1) throw new CliError(`invalid count: ${o.count}`, 2);
        const parents = o.area
          ? await withWorkbench(cmd, {}, (wb) => wb.parents(o.area!)).catch(() => undefined)
          : undefined;
        const b = await withCivic(cmd, (svc) =>
          svc.issueCodes(actor(), id, { count, expiresAt, area: o.area, parents }),
        );
        write(io, o.out, b.codes.join('\n') + '\n');
        io.err(`batch ${b.batchId}: ${b.codes.length} codes for ${b.area}, expiring ${b.expiresAt}\n`);
      },
    );
  registerRevoke(codes, io);
}

function registerEligibility(civic: Command, io: Io): void {
  civic
    .command('eligible')
    .description(
      'import an eligibility list (members, tenants, a register extract): one e-mail address a line; kept only as keyed hashes',
    )
    .argument('<id>', 'consultation id (its eligibility is { list: true })')
    .argument('<file>', 'text file, one e-mail address a line (blank lines and # comments skipped)')
    .action(async (id: string, file: string, _o: unknown, cmd: Command) => {
      const emails = readInput(file)
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
      const r = await withCivic(cmd, (svc) => svc.importEligibility(actor(), id, emails));
      io.out(`${id}: ${r.added} addresses added, ${r.total} on the list\n`);
    });
}

function registerResults(civic: Command, io: Io): void {
  civic
    .command('export')
    .description(
      'write the anonymised ballot log of a closed consultation (JSON Lines), or with --pabulib a .pb file',
    )
    .argument('<id>', 'consultation id')
    .option('--out <file>', 'output file (default: standard output)')
    .option('--pabulib', 'write the pabulib .pb form instead (budget consultations)')
    .action(async (id: string, o: { out?: string; pabulib?: boolean }, cmd: Command) => {
      const text = await withCivic(cmd, (svc) => (o.pabulib ? svc.exportPabulib(id) : svc.exportLog(id)));
      write(io, o.out, text);
    });
  civic
    .command('verify')
    .description(
      'recompute an exported log’s hash chain and its tally with the published rule; exit 1 on any fault',
    )
    .argument('<file>', 'an exported ballot log')
    .option('--head <hash>', 'the head hash published while voting ran')
    .option(
      '--heads <files...>',
      'the signed head series published while voting ran (civic heads export, or every page of GET …/heads in order)',
    )
    .option(
      '--key <file|fingerprint>',
      'with --heads: the signing public key (PEM file) or its fingerprint, as the organiser publishes it',
    )
    .action((file: string, o: { head?: string; heads?: string[]; key?: string }) => {
      if (o.key && !o.heads) throw new CliError('--key goes with --heads', 2);
      const series = o.heads ? readSeries(o.heads) : undefined;
      const heads = series ? { series, pinned: o.key ? pinnedKey(o.key, series) : undefined } : undefined;
      const r = verifyExport(readInput(file), { file, publishedHead: o.head, heads });
      io.out(formatVerifyReport(r));
      if (r.fault) throw new CliError(`the log does not verify: ${r.fault.kind} at seq ${r.fault.seq}`);
      if (r.heads?.fault)
        throw new CliError(
          `the log does not hold the published heads: ${r.heads.fault.kind} at head entry ${r.heads.fault.index}`,
        );
      if (r.matchesPublished === false)
        throw new CliError('the recomputed outcome differs from the published one');
    });
  civic
    .command('tally')
    .description(
      'the result of a closed consultation with the representativeness report, or the tally so far (audited)',
    )
    .argument('<id>', 'consultation id')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const lines = await withCivic(cmd, (svc) => tallyLines(cmd, svc, id));
      io.out(lines.join('\n') + '\n');
    });
}

async function tallyLines(cmd: Command, svc: CivicService, id: string): Promise<string[]> {
  const s = await svc.consultation(id, true);
  if (s.phase !== 'closed') {
    const t = await svc.interimTally(actor(), id);
    return [
      `${id}: ${s.phase}, ${t.counted} ballots so far (interim)`,
      ...(t.outcome ? formatOutcome(t.outcome, s.spec) : [`no tally: ${t.note}`]),
    ];
  }
  const r = await svc.results(id);
  const lines = [`${id}: closed, ${r.counted} ballots counted, head ${r.head.hash}`];
  lines.push(...(r.outcome ? formatOutcome(r.outcome as Outcome, r.consultation) : ['no outcome']));
  const pop = await withWorkbench(cmd, {}, (wb) => wb.population(s.meta.area)).catch(() => null);
  if (!pop)
    return [...lines, `representativeness: no population estimates for ${s.meta.area} in the analytic store`];
  const rep = await svc.representativeness(id, pop.cells);
  lines.push(`representativeness (${rep.declared} of ${rep.counted} declared an age band; ${pop.source}):`);
  for (const st of rep.poststratification.strata)
    lines.push(
      `  ${st.ageBand}${st.sex ? ' ' + st.sex : ''}: population ${(100 * st.populationShare).toFixed(1)}%, respondents ${st.respondents}, weight ${st.weight?.toFixed(3) ?? '—'}`,
    );
  lines.push(`  mean ${rep.weighted.measure} per ballot, raw / weighted:`);
  for (const o of rep.weighted.options)
    lines.push(`  ${o.id}: ${o.raw.toFixed(3)} / ${o.weighted?.toFixed(3) ?? '—'}`);
  return lines;
}

function registerAdmin(civic: Command, io: Io): void {
  const admin = civic.command('admin').description('accounts and the audit log');
  admin
    .command('create')
    .description(
      'create an account (default role admin); the password comes from standard input with --password-stdin, else one is generated and printed once',
    )
    .requiredOption('--email <address>', 'e-mail address')
    .option('--role <role>', 'admin, analyst, moderator or participant', 'admin')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .option('--verified', 'vouch for the e-mail address (an account needs a confirmed address to vote by it)')
    .action(
      async (
        o: { email: string; role: string; passwordStdin?: boolean; verified?: boolean },
        cmd: Command,
      ) => {
        const password = o.passwordStdin
          ? readFileSync(0, 'utf8').split(/\r?\n/)[0]!
          : randomBytes(15).toString('base64url');
        const a = await withCivic(cmd, (svc) =>
          svc.createAccount(actor(), { email: o.email, password, role: o.role, verified: o.verified }),
        );
        io.out(
          `created ${a.role} ${a.email}${o.passwordStdin ? '' : `; password (shown once): ${password}`}\n`,
        );
      },
    );
  withFormat(
    admin.command('audit').description('the audit log, newest first').option('--limit <n>', 'entries', '50'),
  ).action(async (o: { limit: string; format?: string }, cmd: Command) => {
    const rows = await withCivic(cmd, (svc) => svc.auditLog(Number(o.limit)));
    const records = rows.map((r) => ({ ...r, details: JSON.stringify(r.details) }));
    print(io, flatOf(records), formatOf(io, o.format));
  });
}

/** `strata civic …` (the global `--civic URL` is the root command's, in main.ts). */
export function registerCivic(program: Command, io: Io = stdio): void {
  const civic = program
    .command('civic')
    .description(
      'consultations: create, open, close, invitation codes, tally, export and verify the ballot log',
    );
  registerLifecycle(civic, io);
  registerCodes(civic, io);
  registerEligibility(civic, io);
  registerResults(civic, io);
  registerAdmin(civic, io);
  registerAccounts(civic, io);
  registerHeads(civic, io);
  registerOrganiser(civic, io);
}
