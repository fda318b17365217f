// `strata report AREA|uk`: one area's accountability report as one self-contained HTML file,
// byte-identical for the same store, registers, commit and --as-of; `strata report --all --out
// DIR`: every area's report and an index page, with a progress bar on a terminal.
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CIVIC_DB, Registers } from '../../civic/service.ts';
import { UsageError } from '../../core/errors.ts';
import {
  REPORT_LEVELS,
  reportIndexHtml,
  reportLevels,
  type PdfPrinter,
  type ReportLevel,
  type Workbench,
} from '../../workbench.ts';
import type { Io } from '../output.ts';
import { versionLine } from '../version.ts';
import { withWorkbench } from './common.ts';
import { codeOf } from './options.ts';

interface ReportFlags {
  asOf?: string;
  out?: string;
  taxonomy?: string;
  all?: boolean;
  levels?: string;
  pdf?: boolean;
}

function outDir(out: string): string {
  if (out.includes('\0')) throw new UsageError(`invalid --out: ${out}`);
  mkdirSync(out, { recursive: true });
  return out;
}

async function oneReport(wb: Workbench, regs: Registers, io: Io, area: string, o: ReportFlags, asOf: string) {
  const code = area.toLowerCase() === 'uk' ? 'uk' : codeOf(area);
  // Chromium starts while the report is built
  const printer = o.pdf ? await wb.pdfPrinter() : null;
  // a failed start is reported by the print
  printer?.start().catch(() => undefined);
  let html: string;
  try {
    html = await wb.report(regs, { area: code, asOf, version: versionLine() });
    if (printer) await writePdf(io, printer, join(o.out ? outDir(o.out) : '.', `${code}.pdf`), html);
  } finally {
    await printer?.close();
  }
  if (!o.out) return o.pdf ? undefined : io.out(html);
  const file = join(outDir(o.out), `${code}.html`);
  writeFileSync(file, html);
  io.err(`wrote ${file} (${html.length} bytes)\n`);
}

async function writePdf(io: Io | null, printer: PdfPrinter, file: string, html: string) {
  const started = Date.now();
  const pdf = await printer.print(html);
  writeFileSync(file, pdf);
  io?.err(
    `wrote ${file} (${pdf.length} bytes, printed in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
}

async function allReports(
  wb: Workbench,
  regs: Registers,
  io: Io,
  dir: string,
  asOf: string,
  levels: ReportLevel[],
  pdf: boolean,
) {
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { format: 'reports [{bar}] {value}/{total} {area} · {eta_formatted} left', clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const version = versionLine();
  const started = Date.now();
  let bytes = 0;
  const printer = pdf ? await wb.pdfPrinter() : null;
  const areas = await wb
    .reportAll(regs, {
      asOf,
      version,
      levels,
      onReport: async (a, html, done, total) => {
        writeFileSync(join(dir, a.file), html);
        if (printer) await writePdf(null, printer, join(dir, a.file.replace(/\.html$/, '.pdf')), html);
        bytes += html.length;
        if (done === 1) bar?.start(total, 0, { area: '' });
        bar?.update(done, { area: a.areacd });
      },
    })
    .finally(async () => {
      bar?.stop();
      await printer?.close();
    });
  const index = reportIndexHtml(areas, asOf, version);
  writeFileSync(join(dir, 'index.html'), index);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  io.err(
    `wrote ${areas.length} reports and index.html to ${dir} (${Math.round((bytes + index.length) / 1e6)} MB) in ${secs} s\n`,
  );
}

/** `strata report`. */
export function registerReport(program: Command, io: Io): void {
  program
    .command('report')
    .description(
      'accountability reports as self-contained HTML files (charts with their tables, appendix of datasets and methods): one area’s, or with --all every area’s and an index',
    )
    .argument('[area]', 'a local authority (E06000001), an ITL area (TLC11) or uk')
    .option('--all', 'every area: the UK, the ITL areas and the local authority districts, with index.html')
    .option('--levels <list>', 'with --all: the levels to cover (default uk,itl1,itl2,itl3,lad)')
    .option('--as-of <date>', 'the date the report speaks for (YYYY-MM-DD; default today)')
    .option('--out <dir>', 'the folder to write <area>.html in (default: print the HTML; needed with --all)')
    .option(
      '--pdf',
      'also print each report to PDF with Chromium (<area>.pdf beside the HTML, or in the current folder without --out)',
    )
    .option('--taxonomy <file>', 'a layer taxonomy JSON file (default foundational-economy-v1)')
    .action(async (area: string | undefined, o: ReportFlags, cmd: Command) => {
      if (o.all && area) throw new UsageError('give an area or --all, not both');
      if (!o.all && !area) throw new UsageError('give an area (E06000001, TLC11, uk) or --all');
      if (o.all && !o.out) throw new UsageError('--all writes one file per area: give --out DIR');
      if (o.levels !== undefined && !o.all) throw new UsageError('--levels goes with --all');
      const levels = o.levels === undefined ? [...REPORT_LEVELS] : reportLevels(o.levels);
      const asOf = o.asOf ?? new Date().toISOString().slice(0, 10);
      const url = (cmd.optsWithGlobals() as { civic?: string }).civic ?? DEFAULT_CIVIC_DB;
      const regs = await Registers.open(url);
      try {
        await withWorkbench(cmd, o, (wb) =>
          o.all
            ? allReports(wb, regs, io, outDir(o.out!), asOf, levels, o.pdf === true)
            : oneReport(wb, regs, io, area!, o, asOf),
        );
      } finally {
        await regs.close();
      }
    });
}
