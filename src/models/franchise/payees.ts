// Payees: the distinct names a body pays, with what its files say of each.
import type { SpendLine } from '../../core/franchise.ts';

export interface Payee {
  body: string;
  /** The name as first published; lines whose names differ only in case and spacing share a payee. */
  name: string;
  key: string;
  rows: number;
  /** Counted pence (net, credits included). */
  pence: number;
  companyNumber: string | null;
  charityNumber: string | null;
  expenseTypes: string[];
  services: string[];
}

/** The payee key of a published name: upper case, single spaces. */
export function payeeKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** Payees of a body's counted lines (the first company and charity number a payee's lines give). */
export function payeesOf(lines: readonly SpendLine[], counted: readonly boolean[]): Payee[] {
  const out = new Map<string, Payee & { types: Set<string>; svc: Set<string> }>();
  lines.forEach((l, i) => {
    const key = `${l.body}\u241f${payeeKey(l.supplier)}`;
    let p = out.get(key);
    if (!p) {
      p = {
        body: l.body,
        name: l.supplier.trim(),
        key: payeeKey(l.supplier),
        rows: 0,
        pence: 0,
        companyNumber: null,
        charityNumber: null,
        expenseTypes: [],
        services: [],
        types: new Set(),
        svc: new Set(),
      };
      out.set(key, p);
    }
    if (!counted[i]) return;
    p.rows++;
    p.pence += l.pence;
    p.companyNumber ??= l.companyNumber;
    p.charityNumber ??= l.charityNumber;
    if (l.expenseType) p.types.add(l.expenseType);
    if (l.service) p.svc.add(l.service);
  });
  return [...out.values()].map(({ types, svc, ...p }) => ({
    ...p,
    expenseTypes: [...types].sort(),
    services: [...svc].sort(),
  }));
}
