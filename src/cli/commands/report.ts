// `strata report AREA|uk`: one area's accountability report as one self-contained HTML file,
// byte-identical for the same store, registers, commit and --as-of.
import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CIVIC_DB, Registers } from '../../civic/service.ts';
import { UsageError } from '../../core/errors.ts';
import type { Io } from '../output.ts';
import { versionLine } from '../version.ts';
import { withWorkbench } from './common.ts';
import { codeOf } from './options.ts';

/** `strata report`. */
export function registerReport(program: Command, io: Io): void {
  program
    .command('report')
    .description(
      'one area’s accountability report as a self-contained HTML file (charts with their tables, appendix of datasets and methods)',
    )
    .argument('<area>', 'a local authority (E06000001), an ITL area (TLC11) or uk')
    .option('--as-of <date>', 'the date the report speaks for (YYYY-MM-DD; default today)')
    .option('--out <dir>', 'the folder to write <area>.html in (default: print the HTML)')
    .option('--taxonomy <file>', 'a layer taxonomy JSON file (default foundational-economy-v1)')
    .action(async (area: string, o: { asOf?: string; out?: string; taxonomy?: string }, cmd: Command) => {
      const code = area.toLowerCase() === 'uk' ? 'uk' : codeOf(area);
      const asOf = o.asOf ?? new Date().toISOString().slice(0, 10);
      const url = (cmd.optsWithGlobals() as { civic?: string }).civic ?? DEFAULT_CIVIC_DB;
      const regs = await Registers.open(url);
      let html: string;
      try {
        html = await withWorkbench(cmd, o, (wb) =>
          wb.report(regs, { area: code, asOf, version: versionLine() }),
        );
      } finally {
        await regs.close();
      }
      if (!o.out) return io.out(html);
      if (o.out.includes('\0')) throw new UsageError(`invalid --out: ${o.out}`);
      mkdirSync(o.out, { recursive: true });
      const file = join(o.out, `${code}.html`);
      writeFileSync(file, html);
      io.err(`wrote ${file} (${html.length} bytes)\n`);
    });
}
