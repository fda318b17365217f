import { Workbench, readDataFile } from './src/workbench.ts';
import { runFinance } from './src/workbench/finance.ts';
const wb = await Workbench.open('.strata/test/pack.duckdb', { readOnly: true });
const r = await runFinance(wb as any, wb.defaultTaxonomy, readDataFile('data/finance/examples/public-capital.yaml'));
console.log(JSON.stringify(r.measures), r.rows.length, [...new Set(r.rows.map(x=>x.areacd))].slice(0,5), r.years);
wb.close();
