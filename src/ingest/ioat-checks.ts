import { IOAT_KEYS, type IoTable } from '../core/io-table.ts';
import type { PublishedCheck } from '../core/records.ts';
import type { IotTotals } from './ioat.ts';

/**
 * The accounting identities of the IOT sheet, industry by industry: inputs down a column add
 * up to the published totals and output; uses along a row add up to total use, which equals
 * output. Tolerance is the publisher's rounding, half a £ million per published term.
 */
export function ioatBalanceChecks(t: IoTable, totals: IotTotals): PublishedCheck[] {
  const n = t.codes.length;
  const p = t.primaryInputs;
  const fd = Object.values(t.finalDemand);
  const checks: PublishedCheck[] = [];
  const add = (name: string, expected: number, actual: number, terms: number) =>
    checks.push({ name: `${t.year} ${name}`, expected, actual, tolerance: 0.5 * (terms + 1) });
  for (let j = 0; j < n; j++) {
    const code = t.codes[j]!;
    let inputs = 0;
    for (let i = 0; i < n; i++) inputs += t.z[i * n + j]!;
    const cut = totals.rows._T![j]!;
    add(`${code}: intermediate inputs = _T`, cut, inputs, n);
    const purchasers = cut + p[IOAT_KEYS.imports]![j]! + p[IOAT_KEYS.productTaxes]![j]!;
    add(`${code}: inputs at purchasers' prices`, totals.rows.purchasers![j]!, purchasers, 3);
    const gva =
      p[IOAT_KEYS.compensation]![j]! + p[IOAT_KEYS.operatingSurplus]![j]! + p[IOAT_KEYS.productionTaxes]![j]!;
    add(`${code}: D1 + GOS & MI + D29-D39 = GVA`, p[IOAT_KEYS.gva]![j]!, gva, 3);
    add(`${code}: inputs + GVA = P1`, t.output[j]!, totals.rows.purchasers![j]! + p[IOAT_KEYS.gva]![j]!, 2);
    let uses = 0;
    for (let k = 0; k < n; k++) uses += t.z[j * n + k]!;
    for (const col of fd) uses += col[j]!;
    add(`${code}: intermediate + final use = TU`, totals.cols.TU![j]!, uses, n + fd.length);
    add(`${code}: TU = P1`, t.output[j]!, totals.cols.TU![j]!, 1);
  }
  return checks;
}
