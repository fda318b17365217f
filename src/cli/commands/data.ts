import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { OfflineError } from '../../workbench.ts';
import { fetchPack } from '../../workbench/data.ts';
import { importStore } from '../../workbench/import-store.ts';
import { CliError } from '../errors.ts';
import { flatOf, type Io } from '../output.ts';
import { formatOf, globals, print, withFormat, withWorkbench } from './common.ts';

/** `strata data import|list|verify|fetch`. */
export function registerData(program: Command, io: Io): void {
  const data = program.command('data').description('official datasets: import, list, verify, fetch');

  data
    .command('import')
    .description('recognise the official files in DIR, validate them, and import them all in one transaction')
    .argument('<dir>', 'a data pack folder (files as published)')
    .action(async (dir: string, _opts: unknown, cmd: Command) => {
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar(
            { format: 'importing [{bar}] {value}/{total} {key}', clearOnComplete: true },
            cliProgress.Presets.shades_classic,
          )
        : null;
      let started = false;
      const report = await importStore(globals(cmd).db, dir, ({ done, total, key }) => {
        if (!bar) return;
        if (!started) bar.start(total, 0, { key });
        started = true;
        bar.update(done, { key });
      }).finally(() => bar?.stop());
      for (const d of report.datasets) {
        const what =
          d.status === 'imported'
            ? `imported ${d.rows.toLocaleString('en-GB')} rows` +
              (d.vintageNumber > 1 ? ` (vintage ${d.vintageNumber})` : '')
            : 'unchanged';
        io.out(
          `${d.key}: ${what}${d.warnings ? `, ${d.warnings} warnings` : ''} (${d.seconds.toFixed(2)} s)\n`,
        );
      }
      const imported = report.datasets.filter((d) => d.status === 'imported').length;
      io.out(
        `${imported} imported, ${report.datasets.length - imported} unchanged in ${report.seconds.toFixed(1)} s\n`,
      );
      if (report.missing.length)
        io.out(`not in this folder: ${report.missing.map((s) => s.id).join(', ')}\n`);
      if (report.unrecognised.length)
        io.out(`not official data files (skipped): ${report.unrecognised.length}\n`);
    });

  withFormat(
    data.command('list').description('datasets in the store: source, vintage, rows, sha256, licence'),
  ).action(async (opts: { format?: string }, cmd: Command) => {
    const rows = await withWorkbench(cmd, {}, (wb) => wb.datasetRows());
    const records = rows.map((r) => ({
      source: r.source,
      publisher: r.publisher,
      vintage: r.vintage,
      rows: r.rows,
      sha256: r.sha256,
      licence: r.licence,
      current: r.current ? 'yes' : 'no',
      imported: r.imported_at,
    }));
    print(io, flatOf(records), formatOf(io, opts.format));
  });

  withFormat(
    data
      .command('verify')
      .description('re-check every current dataset: file checksums and published totals')
      .option('--dir <dir>', 'look for the files in this folder instead of where they were imported from'),
  ).action(async (opts: { format?: string; dir?: string }, cmd: Command) => {
    const findings = await withWorkbench(cmd, {}, (wb) => wb.verify(opts.dir));
    const records = findings.map((f) => ({
      source: f.source,
      check: f.check,
      ok: f.ok ? 'ok' : 'FAILED',
      detail: f.detail,
    }));
    print(io, flatOf(records), formatOf(io, opts.format));
    const failed = findings.filter((f) => !f.ok && f.check === 'checksum').length;
    if (failed) throw new CliError(`${failed} datasets failed verification`);
  });

  withFormat(
    data
      .command('fetch')
      .description('download the official files from their publishers (needs the internet)')
      .option('--dir <dir>', 'where to put them', '.strata/pack')
      .option('--source <ids...>', 'only these catalogue sources')
      .option('--mirror <url>', 'fetch https://host/path from <url>/host/path instead (a local mirror)'),
  ).action(async (opts: { dir: string; source?: string[]; mirror?: string; format?: string }) => {
    let result;
    try {
      result = await fetchPack(opts.dir, { only: opts.source, mirror: opts.mirror });
    } catch (e) {
      if (e instanceof OfflineError) throw new CliError(e.message);
      throw e;
    }
    const records = result.fetched.map((f) => ({
      source: f.source,
      file: f.file,
      status: f.status,
      bytes: f.bytes,
      detail: f.detail,
    }));
    print(io, flatOf(records), formatOf(io, opts.format));
    for (const s of result.manual) io.err(`note: ${s.id} has no direct download; get it from ${s.landing}\n`);
    const failed = result.fetched.filter((f) => f.status === 'failed').length;
    if (failed) throw new CliError(`${failed} of ${result.fetched.length} downloads failed`);
  });
}
