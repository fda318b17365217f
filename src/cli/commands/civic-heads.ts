// `strata civic heads …`: the signed head series. `keygen` makes the operator's Ed25519 key
// (mode 0600, outside any repository); `publish` runs one tick of the schedule (for a cron job
// when no server publishes); `export` writes a consultation's series for `civic verify --heads`.
import type { Command } from 'commander';
import { createPublicKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  createHeadKey,
  MIN_HEAD_INTERVAL,
  publishedKey,
  type HeadSeries,
  type PublishedKey,
} from '../../civic/service.ts';
import { CliError } from '../errors.ts';
import { headSchedule } from './serve.ts';
import { withCivic } from './civic.ts';
import type { Io } from '../output.ts';

/**
 * The key a checker pins for `verify --heads --key`: a PEM public key file, or the key's
 * fingerprint (64 hex digits; the series must then carry the key itself).
 */
export function pinnedKey(given: string, series: HeadSeries): PublishedKey {
  if (/^[0-9a-f]{64}$/.test(given)) {
    const k = Array.isArray(series.keys) ? series.keys.find((x) => x.fingerprint === given) : undefined;
    if (!k) throw new CliError(`the head series carries no key with fingerprint ${given}`);
    return k;
  }
  try {
    return publishedKey(createPublicKey(readFileSync(given)));
  } catch (e) {
    throw new CliError(
      `--key ${given}: neither a key fingerprint nor a readable PEM public key (${(e as Error).message})`,
      2,
    );
  }
}

function readPage(file: string): HeadSeries & { next?: number | null } {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as HeadSeries & { next?: number | null };
  } catch (e) {
    throw new CliError(
      `cannot read the head series ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

/**
 * Reads a head series: one file (`civic heads export`, or a single page of GET …/heads), or the
 * pages of GET …/heads in order, joined into one series. Each page must start where the one
 * before ended, and the last must end the series (`next` null); the signatures and the chain are
 * checked afterwards by `verifyExport`.
 */
export function readSeries(files: readonly string[]): HeadSeries {
  const pages = files.map((f) => ({ file: f, page: readPage(f) }));
  const { file: first, page: head } = pages[0]!;
  const keys = new Map<string, PublishedKey>();
  const entries: HeadSeries['entries'] = [];
  for (const { file, page } of pages) {
    if (!Array.isArray(page.entries) || !Array.isArray(page.keys)) return page; // verifyExport names the fault
    if (page.consultationId !== head.consultationId || page.format !== head.format)
      throw new CliError(`${file} is a page of another series than ${first}`);
    const expected = entries.length ? entries.at(-1)!.seq + 1 : 0;
    if (page.entries.length && page.entries[0]!.seq !== expected)
      throw new CliError(`${file} starts at head entry ${page.entries[0]!.seq}, expected ${expected}`);
    for (const k of page.keys) keys.set(k.fingerprint, k);
    entries.push(...page.entries);
  }
  const next = pages.at(-1)!.page.next;
  if (typeof next === 'number')
    throw new CliError(
      `the head series goes on after entry ${next}: add the next page (GET …/heads?after=${next})`,
    );
  const { next: _next, ...rest } = head;
  return { ...rest, keys: [...keys.values()], entries };
}

/** `strata civic heads keygen|publish|export`. */
export function registerHeads(civic: Command, io: Io): void {
  const heads = civic
    .command('heads')
    .description('the signed, dated series of ballot-log heads published while voting runs');
  heads
    .command('keygen')
    .description(
      'create the Ed25519 key that signs published heads (mode 0600; keep it outside any repository)',
    )
    .requiredOption('--out <file>', 'where to write the private key (never overwritten)')
    .action((o: { out: string }) => {
      let key: PublishedKey;
      try {
        key = createHeadKey(o.out);
      } catch (e) {
        throw new CliError((e as Error).message, 2);
      }
      io.out(
        `wrote the private key to ${o.out} (mode 0600): back it up, keep it secret.\nfingerprint ${key.fingerprint}\n${key.publicKey}`,
      );
    });
  heads
    .command('publish')
    .description(
      'publish every due head now, at most once per interval (for a cron job; strata serve --head-key does this on its own)',
    )
    .requiredOption('--key <file>', 'the private key (env STRATA_CIVIC_HEAD_KEY)')
    .option('--interval <minutes>', `the declared interval (default 60, at least ${MIN_HEAD_INTERVAL / 60})`)
    .action(async (o: { key: string; interval?: string }, cmd: Command) => {
      const s = headSchedule({ headKey: o.key, headInterval: o.interval })!;
      const out = await withCivic(cmd, (svc) => svc.publishHeads(s.signer, s.intervalSeconds));
      for (const e of out)
        io.out(`${e.consultationId}: head ${e.seq} at ${e.at}, ${e.count} entries, ${e.head}\n`);
      if (out.length === 0) io.out('nothing due: every head is published for this interval\n');
    });
  heads
    .command('export')
    .description('write a consultation’s signed head series (JSON) for civic verify --heads')
    .argument('<id>', 'consultation id')
    .option('--out <file>', 'output file (default: standard output)')
    .action(async (id: string, o: { out?: string }, cmd: Command) => {
      const series = await withCivic(cmd, (svc) => svc.headSeries(id, true));
      const text = JSON.stringify(series, null, 2) + '\n';
      if (o.out) writeFileSync(o.out, text);
      else io.out(text);
    });
}
