// one fresh process: the HTML of E06000001 by the single-area path (a) or by the batch path (b)
import { Workbench } from './src/workbench.ts';
import { Registers } from './src/civic/service.ts';
import { reportShared, inputFor } from './src/workbench/report.ts';
import { reportHtml } from './src/reports/page.ts';
const mode = process.argv[2];
const t0 = performance.now();
const wb = await Workbench.open('.strata/test/pack.duckdb', { readOnly: true });
const regs = await Registers.open(process.argv[3]!);
const t1 = performance.now(); const c1 = process.cpuUsage();
const o = { area: 'E06000001', asOf: '2026-01-01', version: 'x' };
const html = mode === 'a'
  ? await wb.report(regs, o)
  : reportHtml(await inputFor(wb as any, await reportShared(wb as any, regs, o.asOf, wb.defaultTaxonomy), o, wb.defaultTaxonomy));
const c = process.cpuUsage(c1); console.log(mode, 'open', Math.round(t1 - t0), 'build wall', Math.round(performance.now() - t1), 'cpu', Math.round((c.user + c.system) / 1000), html.length);
await regs.close(); wb.close();
